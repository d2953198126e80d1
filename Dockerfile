# Cita's Node server. Build: docker build -t cita .   Run: see compose.yaml and docs/deployment.md.

# Build stage: better-sqlite3 compiles from source when no prebuilt binary fits, hence the toolchain.
FROM node:22-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: no compiler, no dev dependencies, not root.
FROM node:22-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 CITA_DB=/data/cita.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY drizzle ./drizzle
# The sources and scripts only serve the demo (compose.yaml), which runs them through tsx.
COPY src ./src
COPY scripts ./scripts
RUN mkdir -p /data && chown node:node /data
USER node
# The database file and its -wal/-shm companions live on the volume.
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains requests in flight and closes the database; compose gives it 30 s.
CMD ["node", "--heap-growing-percent=25", "--enable-source-maps", "dist/server.js"]
