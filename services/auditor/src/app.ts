/**
 * Builds a running auditor service from its configuration: event log, the audit index replayed
 * from it (registry, journals, checkpoints; refreshed as the log grows), the gRPC AuditService.
 * The auditor signs nothing and writes nothing; it trusts only the admin keys it is configured with.
 */
import { Server, type Metadata } from '@grpc/grpc-js';
import { kafkaSource } from '@xr/audit';
import { ALL_REGIONS, AUDIT, GATEWAY_POLICY, createAuthenticator, serverCredentials, withAuth, type Authenticator } from '@xr/auth';
import { ok } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import { StandardServices, callLogger, drain, listen, metricsInterceptor, tracingInterceptor, toServiceError } from '@xr/grpc-kit';
import { Counters, startTracing, type Logger } from '@xr/observability';
import { PROTO_FILES, loadAuditService, reflectionDefinitionOf } from '@xr/proto';
import { openEventLog } from '@xr/service-kit';
import { auditServiceHandlers } from './audit-service.js';
import { ConfigError, type AuditorConfig } from './config.js';
import { IndexHolder } from './index-holder.js';
import { serveMetrics, type RunningMetricsServer } from '@xr/metrics';

export interface RunningAuditor {
  readonly port: number;
  readonly index: IndexHolder;
  /** gRPC call timings (the metrics endpoint reads them). */
  readonly counters: Counters;
  /** grpc.health.v1.Health and reflection. */
  readonly standard: StandardServices;
  /** The bound port of `GET /metrics`, when `metrics.address` is set. */
  readonly metricsPort: number | undefined;
  stop(): Promise<void>;
}

export interface AuditorOptions {
  /** An event log to use instead of opening the configured one (not closed on stop). */
  readonly log?: EventLog;
  /** Instead of bearer JWTs from `config.auth`. */
  readonly authenticator?: Authenticator;
}

export async function startAuditor(config: AuditorConfig, logger: Logger, options: AuditorOptions = {}): Promise<RunningAuditor> {
  const log = options.log ?? (await openEventLog(config.eventLog, logger, 'xr-auditor'));
  const closeLog = async (): Promise<void> => {
    if (!options.log) await log.close();
  };
  const counters = new Counters();
  // Each call a SERVER span (exported when `tracing` is configured; the SDK is loaded only then).
  const tc = config.tracing;
  const tracing = await startTracing(tc ? { endpoint: tc.endpoint, serviceName: tc.serviceName ?? 'xr-auditor', sampleRatio: tc.sampleRatio, exportDelayMs: tc.exportDelayMs, ...(tc.headers ? { headers: tc.headers } : {}) } : undefined);
  const server = new Server({ interceptors: [metricsInterceptor(counters), tracingInterceptor(tracing.tracer)] });
  let metrics: RunningMetricsServer | undefined;
  try {
    const auth = options.authenticator ? ok(options.authenticator) : await createAuthenticator(config.auth);
    if (!auth.ok) throw new ConfigError(`invalid auditor configuration:\n  auth: ${auth.message}`);
    const tls = serverCredentials(config.grpc.tls);
    if (!tls.ok) throw new ConfigError(`invalid auditor configuration:\n  grpc.tls: ${tls.message}`);
    if (tls.value.insecure) logger.warn({ address: config.grpc.address }, 'auditor gRPC listener without TLS (grpc.tls.mode = insecure): for development only');
    const holder = await IndexHolder.open(kafkaSource(log, config.topicPrefix), [...config.trustAnchors], logger);
    holder.start(config.refreshMs);
    // An auditor acts for every region: its token's region is `*`.
    const guard = { authenticator: auth.value, policy: GATEWAY_POLICY, region: ALL_REGIONS, logger, callLogger: (call: { readonly metadata: Metadata }) => callLogger(logger, call.metadata), toServiceError, serviceName: AUDIT };
    server.addService(loadAuditService().AuditService.service, withAuth(auditServiceHandlers(holder, logger), guard));
    // Health and reflection, not behind withAuth (a probe has no token): SERVING once the index is replayed.
    const standard = new StandardServices({ services: [AUDIT], definition: reflectionDefinitionOf(PROTO_FILES.auditor), ready: () => true }).addTo(server);
    const port = await listen(server, config.grpc.address, tls.value.credentials);
    metrics = await serveMetrics(config.metrics?.address, { counters, gauges: [{ name: 'xr_audit_regions', help: 'Regions whose journals the audit index holds', read: () => [{ value: holder.current.regions.length }] }], logger });
    logger.info({ port, eventLog: log.kind, prefix: config.topicPrefix, regions: holder.current.regions, origins: holder.current.origins().length }, 'auditor ready');
    return {
      port,
      index: holder,
      counters,
      standard,
      metricsPort: metrics?.port,
      stop: async () => {
        await metrics?.close();
        holder.stop();
        await drain(server, 5_000, standard);
        await closeLog();
        await tracing.shutdown();
      },
    };
  } catch (error) {
    server.forceShutdown();
    await metrics?.close();
    await closeLog();
    await tracing.shutdown();
    throw error;
  }
}
