# syntax=docker/dockerfile:1
# xr admin. Build from the repository root:
#   docker build -f deploy/admin.Dockerfile -t xr-admin .
# Runs the same entry point as `pnpm admin` and the tests: services/admin/src/main.ts (TypeScript run by tsx).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# The workspace manifests first, so the dependency layer is cached across source changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages ./packages
COPY services ./services
COPY proto ./proto
COPY schemas ./schemas
COPY test/harness ./test/harness
COPY test/e2e ./test/e2e
COPY bench ./bench
COPY deploy/package.json ./deploy/package.json
COPY tsconfig.base.json tsconfig.json ./
RUN npx --yes pnpm@10.34.8 install --frozen-lockfile --filter "@xr/admin..." --filter xr-gateway

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# The node image's unprivileged user (uid 1000); the application files stay root-owned, read-only to it.
USER node
EXPOSE 50051 9464
# Health/Check over gRPC with our generic reflection client (grpc_health_probe cannot be fetched here).
HEALTHCHECK --interval=15s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "--import", "tsx", "packages/grpc-kit/src/probe-main.ts", "--addr", "127.0.0.1:50051"]
ENTRYPOINT ["node", "--import", "tsx", "services/admin/src/main.ts"]
CMD ["--config", "/etc/xr/admin.json"]
