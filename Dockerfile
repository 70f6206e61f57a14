# One image for every Due Regard app; the command chooses which one runs:
#   node dist/apps/standalone/src/main.js   (default: API, worker and projector in one process)
#   node dist/apps/api/src/main.js | dist/apps/worker/src/main.js | dist/apps/projector/src/main.js
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Not `npm ci`: the lockfile lacks other platforms' optional binaries (see STACK notes).
RUN npm install --no-audit --no-fund
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
COPY infra/keycloak infra/keycloak
# .data holds what an app keeps locally (a development signing key); a volume may be mounted there.
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/apps/standalone/src/main.js"]
