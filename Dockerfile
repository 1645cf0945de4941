# syntax=docker/dockerfile:1
# OpsDesk image: build with the full toolchain, run as a non-root user with only production dependencies.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY src ./src
COPY tsconfig.json tsconfig.build.json ./
# `npm ci` runs the prepare script: generates both Prisma clients and compiles to dist/.
RUN npm ci && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    OPSDESK_CONFIG=/etc/opsdesk/opsdesk.yaml
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/prisma ./prisma
# The console's page script and style are served from the source tree (hand-written, not compiled).
COPY --from=build --chown=node:node /app/src/adapters/console/assets ./src/adapters/console/assets
COPY --chown=node:node manifests ./manifests
# The embedded SQLite database lives in ./data; mount a volume there (or set DATABASE_URL to PostgreSQL).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
