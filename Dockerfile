# Newsdesk production image. Build: docker build -t newsdesk .  (run with docker-compose.yml)
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV MONGOMS_DISABLE_POSTINSTALL=1
COPY package.json package-lock.json ./
RUN npm ci

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 MEDIA_DIR=/app/media MALLOC_ARENA_MAX=2
RUN apt-get update && apt-get install -y --no-install-recommends curl sqlite3 && rm -rf /var/lib/apt/lists/* \
  && useradd --system --uid 1001 newsdesk && mkdir -p /app/media /app/data && chown newsdesk /app/media /app/data
COPY --from=build --chown=newsdesk /app ./
USER newsdesk
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/api/users/init" || exit 1
# --conditions=production: see README "Node 20 and Lexical".
CMD ["node", "--no-deprecation", "--conditions=production", "--max-old-space-size=200", "--max-semi-space-size=8", "dist/server.mjs"]
