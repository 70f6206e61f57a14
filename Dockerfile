# One image for every Due Regard app; the command chooses which one runs:
#   node dist/apps/standalone/src/main.js   (default: API, worker and projector in one process)
#   node dist/apps/api/src/main.js | dist/apps/worker/src/main.js | dist/apps/projector/src/main.js
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Reproducible: exactly the lockfile's versions (linux-x64 glibc, as the image is), install scripts off.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json .swcrc ./
COPY infra/bin/build.mjs infra/bin/build.mjs
COPY libs libs
COPY apps apps
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# The development realm, for the embedded identity provider when KEYCLOAK_URL is unset. The demo
# plans (infra/demo) are not in the image: production never loads demo data.
COPY infra/keycloak/due-regard-realm.json infra/keycloak/due-regard-realm.json
# .data holds what an app keeps locally (a development signing key); a volume may be mounted there.
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 3000
# For the default (standalone) and api commands; docker-compose.yml gives the worker and projector
# a check of their own (their metrics port).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/apps/standalone/src/main.js"]
