# syntax=docker/dockerfile:1
# Atensi Mobility: one image for the API and the bridge (different commands; see compose.yaml).
# Multi-stage: the build stage has compilers and dev dependencies (Vite builds the web app); the
# runtime stage holds only production dependencies, the built web app and the sources, run by the
# unprivileged `node` user. Node 22 (LTS); every dependency supports Node >= 20.19.

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source on some platforms.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts are skipped here (postinstall needs the sources) and run explicitly below.
RUN npm install --no-audit --no-fund --ignore-scripts \
 && npm rebuild better-sqlite3 esbuild sharp
COPY . .
RUN npm run postinstall
# Keep what production needs: compiled native modules and the generated Prisma clients stay.
RUN npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# pg_dump / pg_restore for `npm run backup` / `npm run restore` on PostgreSQL (same major as the server).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data /broker && chown node:node /data /broker
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data HOST=0.0.0.0 PORT=3000
# Code and dependencies belong to root and are read-only for the process; only /data is writable.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/schemas ./schemas
COPY --from=build /app/core ./core
COPY --from=build /app/server ./server
COPY --from=build /app/firmware-bridge ./firmware-bridge
COPY --from=build /app/scripts ./scripts
USER node
# /data: the data directory (SQLite, or backups when on PostgreSQL); /broker: Mosquitto's files.
VOLUME ["/data", "/broker"]
EXPOSE 3000 1883
# The API (with the embedded broker and bridge unless TELEMETRY=off). The bridge alone:
#   command: ["node", "--import", "tsx", "firmware-bridge/src/main.ts"]
CMD ["node", "--import", "tsx", "server/src/main.ts"]
