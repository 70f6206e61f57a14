#!/usr/bin/env bash
# Runs once, when the postgres service initialises an empty data volume: Keycloak's own database
# and role beside Due Regard's, so that one PostgreSQL serves both (back it up as one).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
