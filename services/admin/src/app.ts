/**
 * Builds a running admin service from its configuration: event log, registry follower and writer,
 * gRPC AdminService. The follower must be caught up before the first request is answered.
 */
import { Server } from '@grpc/grpc-js';
import { ADMIN, ALL_REGIONS, authorize, createAuthenticator, serverCredentials } from '@xr/auth';
import { signingKeyFromJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { StandardServices, drain, listen, metricsInterceptor, tracingInterceptor } from '@xr/grpc-kit';
import { PROTO_FILES, reflectionDefinitionOf } from '@xr/proto';
import { openEventLog as openLog } from '@xr/service-kit';
import { Counters, startTracing, type Logger } from '@xr/observability';
import { RegistryFollower, RegistryWriter, TrustAnchor } from '@xr/registry';
import { adminServiceHandlers } from './admin-service.js';
import { loadAdminService } from './admin-proto.js';
import type { Authorize } from './authorize.js';
import { ConfigError, type AdminConfig } from './config.js';
import { Registrar } from './registrar.js';
import { serveMetrics, type RunningMetricsServer } from '@xr/metrics';

export interface RunningAdmin {
  readonly port: number;
  readonly follower: RegistryFollower;
  readonly writer: RegistryWriter;
  /** gRPC call timings and what the admin counts (the metrics endpoint reads them). */
  readonly counters: Counters;
  /** grpc.health.v1.Health and reflection. */
  readonly standard: StandardServices;
  /** The bound port of `GET /metrics`, when `metrics.address` is set. */
  readonly metricsPort: number | undefined;
  stop(): Promise<void>;
}

export interface AdminOptions {
  /** Authentication and roles; default: bearer JWTs from `config.auth` against the shared policy table. */
  readonly authorize?: Authorize;
  /** An event log to use instead of opening the configured one (not closed on stop). */
  readonly log?: EventLog;
  readonly clock?: () => Date;
}

export async function openEventLog(config: AdminConfig['eventLog'], logger: Logger): Promise<EventLog> {
  return openLog(config, logger, 'xr-admin');
}

/** Bearer JWTs from the configured issuers, checked against the shared policy table: admin changes, admin or auditor reads. */
async function authorizeFromConfig(config: AdminConfig, logger: Logger): Promise<Authorize> {
  const authenticator = await createAuthenticator(config.auth);
  if (!authenticator.ok) throw new ConfigError(`invalid admin configuration:\n  auth: ${authenticator.message}`);
  return async (call, rpc) => {
    const who = await authenticator.value.authenticate(call);
    if (!who.ok) return who;
    const allowed = authorize(who.value, `${ADMIN}/${rpc}`, { region: ALL_REGIONS });
    if (!allowed.ok) {
      logger.info({ rpc, code: allowed.code, subject: who.value.subject, role: who.value.role }, 'admin call refused');
      return allowed;
    }
    return undefined;
  };
}

export async function startAdmin(config: AdminConfig, logger: Logger, options: AdminOptions = {}): Promise<RunningAdmin> {
  const log = options.log ?? (await openEventLog(config.eventLog, logger));
  const clock = options.clock ?? (() => new Date());
  const signer = signingKeyFromJwk(config.adminKey);
  const registryTopic = `${config.topicPrefix}.registry`;
  const anchors = [signer.publicJwk, ...config.trustAnchors.filter((k) => k.kid !== signer.kid)];
  const follower = new RegistryFollower({ log, topic: registryTopic, anchor: new TrustAnchor(anchors), logger });
  const writer = new RegistryWriter({ log, topic: registryTopic, signer, clock });
  const counters = new Counters();
  // Each call a SERVER span (exported when `tracing` is configured; the SDK is loaded only then).
  const tc = config.tracing;
  const tracing = await startTracing(tc ? { endpoint: tc.endpoint, serviceName: tc.serviceName ?? 'xr-admin', sampleRatio: tc.sampleRatio, exportDelayMs: tc.exportDelayMs, ...(tc.headers ? { headers: tc.headers } : {}) } : undefined);
  const server = new Server({ interceptors: [metricsInterceptor(counters), tracingInterceptor(tracing.tracer)] });
  let following = false;
  let metrics: RunningMetricsServer | undefined;
  const closeLog = async (): Promise<void> => {
    if (!options.log) await log.close();
  };
  try {
    await writer.ensureTopic();
    await follower.start();
    await follower.ready();
    following = true;
    // A newly registered city can receive at once: its inbox exists before its gateway first starts.
    follower.onChange((_state, record) => {
      if (record.type !== 'partner.registered') return;
      const inbox = `${config.topicPrefix}.inbox.${record.payload.region}`;
      // LogAppendTime: an inbox's timestamps judge its senders' keys (the gateway checks it at start).
      log.createTopic(inbox, { partitions: config.inboxPartitions, timestampType: 'LogAppendTime' }).catch((error: unknown) => {
        logger.error({ topic: inbox, err: error instanceof Error ? error.message : String(error) }, 'could not create the new partner inbox');
      });
    });
    const authorize = options.authorize ?? (await authorizeFromConfig(config, logger));
    const tls = serverCredentials(config.grpc.tls);
    if (!tls.ok) throw new ConfigError(`invalid admin configuration:\n  grpc.tls: ${tls.message}`);
    if (tls.value.insecure) logger.warn({ address: config.grpc.address }, 'admin gRPC listener without TLS (grpc.tls.mode = insecure): for development only');
    const handlers = adminServiceHandlers({
      registrar: new Registrar({ writer, follower, timeoutMs: config.requestTimeoutMs }),
      follower,
      log,
      quarantineTopic: (region) => `${config.topicPrefix}.quarantine.${region}`,
      logger,
      authorize,
      clock,
      topicPrefix: config.topicPrefix,
    });
    server.addService(loadAdminService().AdminService.service, handlers);
    // Health and reflection, not behind the admin's authorization (a probe has no token): SERVING while the registry is followed.
    const standard = new StandardServices({ services: ['xr.admin.v1.AdminService'], definition: reflectionDefinitionOf(PROTO_FILES.admin), ready: () => following && follower.healthy }).addTo(server);
    const port = await listen(server, config.grpc.address, tls.value.credentials);
    const registryLag = { name: 'xr_registry_follower_lag_records', help: 'Registry records not yet applied by this process', read: async () => [{ value: Math.max(0, (await log.endOffset(registryTopic, 0)) - follower.stats.position) }] };
    const partners = { name: 'xr_registry_partners', help: 'Partners in the registry', read: () => [{ value: follower.state.partners().length }] };
    metrics = await serveMetrics(config.metrics?.address, { counters, gauges: [registryLag, partners], logger });
    logger.info({ port, eventLog: log.kind, adminKey: signer.kid, registry: registryTopic, partners: follower.state.partners().length, ...follower.stats }, 'admin ready');
    return {
      port,
      follower,
      writer,
      counters,
      standard,
      metricsPort: metrics?.port,
      stop: async () => {
        await metrics?.close();
        await drain(server, 5_000, standard);
        following = false;
        await follower.stop();
        await closeLog();
        await tracing.shutdown();
      },
    };
  } catch (error) {
    server.forceShutdown();
    await metrics?.close();
    await follower.stop().catch(() => undefined);
    await closeLog();
    await tracing.shutdown();
    throw error;
  }
}
