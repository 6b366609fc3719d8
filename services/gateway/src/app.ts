/** Builds a running gateway from its configuration: event log, keys, pipeline, gRPC edge. */
import { createAuthenticator } from '@xr/auth';
import { signingKeyFromJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { openEventLog as openLog } from '@xr/service-kit';
import { ExchangeGateway, KeyRing, topics, type OutsideWitness, type Trust } from '@xr/exchange';
import { parseVerifierKey } from '@xr/tlog';
import { RegistryFollower, RegistryState, TrustAnchor, calendarFrom, registryTrust } from '@xr/registry';
import { startGrpcEdge } from '@xr/grpc-edge';
import { CertificateDesk } from '@xr/certificates';
import { Counters, startTracing, type Logger } from '@xr/observability';
import { Witness, WitnessFollower, startWitnessServer, type RunningWitnessServer } from '@xr/witness';
import { BUILT_IN_YEARS, catalogIndex } from '@xr/domain';
import { ConfigError, type GatewayConfig } from './config.js';
import { serveMetrics } from '@xr/metrics';
import { gatewayGauges } from './metrics.js';

const EMPTY_STATE = RegistryState.empty();

function registryState(follower: RegistryFollower | undefined): () => RegistryState {
  return follower ? () => follower.state : () => EMPTY_STATE;
}

export interface RunningGateway {
  readonly gateway: ExchangeGateway;
  readonly certificates: CertificateDesk;
  readonly grpcPort: number;
  /** The region as a witness of its partners' checkpoints (undefined with `witness.follow: false` and no `witness.http`). */
  readonly witness: Witness | undefined;
  /** The bound port of `POST /add-checkpoint`, when `witness.http` is set. */
  readonly witnessPort: number | undefined;
  readonly counters: Counters;
  /** The bound port of `GET /metrics`, when `metrics.address` is set. */
  readonly metricsPort: number | undefined;
  stop(): Promise<void>;
}

export async function openEventLog(config: GatewayConfig['eventLog'], logger: Logger): Promise<EventLog> {
  return openLog(config, logger, 'xr-gateway');
}

/**
 * Starts a gateway. `shared` lets several gateways of one process (the demo) use one embedded
 * log, which one process owns at a time.
 */
export interface GatewayOptions {
  /** Several gateways of one process (the demo) share one embedded log, which one process owns at a time. */
  readonly log?: EventLog;
  /** The gateway's clock (tests and rehearsals: a year end, a deadline); default the system clock. */
  readonly clock?: () => Date;
  /** How long a request waits for its outcome before answering UNAVAILABLE (tests); default the gateway's. */
  readonly requestTimeoutMs?: number;
}

/** The configured outside witnesses with their keys parsed (the config load has checked them). */
function outsideWitnesses(config: GatewayConfig): OutsideWitness[] {
  return config.checkpoints.witnesses.map((w) => {
    const verifier = parseVerifierKey(w.verifierKey);
    if (!verifier.ok) throw new ConfigError(`invalid gateway configuration:\n  checkpoints.witnesses: ${verifier.message}`);
    return { name: w.name, verifier: verifier.value, url: w.url };
  });
}

export async function startGateway(config: GatewayConfig, logger: Logger, options: GatewayOptions = {}): Promise<RunningGateway> {
  const shared = options.log;
  const log = shared ?? (await openEventLog(config.eventLog, logger));
  // What has started, stopped in reverse order: on a failed start as on stop.
  const stoppers: (() => Promise<void>)[] = shared ? [] : [() => log.close()];
  const stopAll = async (): Promise<void> => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
  };
  try {
    return await start(config, logger, options, log, stoppers, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function start(config: GatewayConfig, logger: Logger, options: GatewayOptions, log: EventLog, stoppers: (() => Promise<void>)[], stopAll: () => Promise<void>): Promise<RunningGateway> {
  const signer = signingKeyFromJwk(config.signingKey);
  const counters = new Counters();
  // OpenTelemetry: the SDK and exporter are loaded only when tracing is configured; stopped last, so
  // the spans of the drain are exported too.
  const tc = config.tracing;
  const tracing = await startTracing(
    tc ? { endpoint: tc.endpoint, serviceName: tc.serviceName ?? 'xr-gateway', attributes: { 'xr.region': config.region }, sampleRatio: tc.sampleRatio, exportDelayMs: tc.exportDelayMs, ...(tc.headers ? { headers: tc.headers } : {}) } : undefined,
  );
  stoppers.push(() => tracing.shutdown());
  if (tc) logger.info({ endpoint: tc.endpoint, sampleRatio: tc.sampleRatio }, 'exporting traces (OTLP/HTTP)');
  const t = topics(config.topicPrefix);
  let follower: RegistryFollower | undefined;
  let keys: Trust = new KeyRing([signer.publicJwk, ...config.partners.flatMap((p) => p.keys)]);
  if (config.registry) {
    const registry = new RegistryFollower({
      log,
      topic: t.registry,
      anchor: new TrustAnchor(config.registry.trustAnchors),
      maxBackdateMs: (config.registry.maxBackdateMinutes ?? 10) * 60_000,
      logger: logger.child({ component: 'registry' }),
      onRefused: (r) => counters.inc('xr_registry_refused_total', { reason: r.code }),
    });
    follower = registry;
    await registry.start();
    stoppers.push(() => registry.stop());
    // No inbox record is judged on a half-read registry.
    await registry.ready();
    keys = registryTrust(registry, signer.publicJwk, config.partners.flatMap((p) => p.keys), log, t.registry);
  }
  const catalogs = typeof config.catalog === 'object' ? catalogIndex([config.catalog]) : undefined;
  // 电子证照: issued on our approvals, verified against the registry and the public status topic.
  const authorities = new Map((typeof config.catalog === 'object' ? config.catalog.items : []).flatMap((i) => (i.certificate ? [[i.certificate.issuer.uscc, i.certificate.issuer] as const] : [])));
  const desk = new CertificateDesk({
    region: config.region,
    signer,
    base: config.certificates.base,
    log,
    topics: t,
    partitions: config.partitions,
    trust: keys,
    recognises: (verifier, issuer, type) => follower?.state.recognises(verifier, issuer, type) ?? false,
    item: catalogs?.item ?? (() => undefined),
    authorities: [...authorities.values()],
    ...(options.clock ? { clock: options.clock } : {}),
    logger: logger.child({ component: 'certificates' }),
  });
  await desk.start();
  stoppers.push(() => desk.stop());
  const gateway = new ExchangeGateway({
    region: config.region,
    log,
    signer,
    keys,
    topics: t,
    partitions: config.partitions,
    signing: config.signing,
    logger,
    counters,
    limits: config.limits,
    checkpoints: { intervalMs: config.checkpoints.intervalMs, witnessTimeoutMs: config.checkpoints.witnessTimeoutMs, witnesses: outsideWitnesses(config) },
    ...(config.snapshots ? { snapshots: config.snapshots } : {}),
    ...(catalogs ? { catalogs } : {}),
    certify: desk.certify,
    // 证照免提交: certificates presented as materials are verified here, recognition included.
    verifyCertificate: (jws) => desk.verify(jws),
    // Built-in notices, then configured years, then what the registry publishes (live).
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    calendar: calendarFrom(registryState(follower), [...BUILT_IN_YEARS, ...(config.calendar?.years ?? [])]),
    tracer: tracing.tracer,
  });
  await gateway.start();
  stoppers.push(() => gateway.stop());
  desk.publish();
  const authenticator = await createAuthenticator(config.auth);
  if (!authenticator.ok) throw new ConfigError(`invalid gateway configuration:\n  auth: ${authenticator.message}`);
  // Health: SERVING while the pipeline runs and the registry is read (its last poll worked).
  const edge = await startGrpcEdge({ gateway, logger, address: config.grpc.address, tls: config.grpc.tls, authenticator: authenticator.value, certificates: desk, ready: () => follower?.healthy ?? true, tracer: tracing.tracer });
  stoppers.push(() => edge.close());
  let witness: Witness | undefined;
  let witnessServer: RunningWitnessServer | undefined;
  if (config.witness.follow || config.witness.http !== undefined) {
    const wlogger = logger.child({ component: 'witness' });
    witness = new Witness({ log, topic: t.checkpoints, prefix: config.topicPrefix, region: config.region, privateKey: signer.privateKey, trust: keys, logger: wlogger, counters, ...(options.clock ? { clock: options.clock } : {}) });
    if (config.witness.follow) {
      // Its start takes back what the witness cosigned (`Witness.load`) before it judges anything.
      const witnessFollower = new WitnessFollower({ log, topic: t.checkpoints, prefix: config.topicPrefix, region: config.region, witness, logger: wlogger, counters });
      await witnessFollower.start();
      stoppers.push(() => witnessFollower.stop());
    } else {
      // HTTP only: the same restore, before the first request, so a restart never cosigns a fork.
      await witness.load();
    }
    if (config.witness.http !== undefined) {
      const server = await startWitnessServer({ witness, address: config.witness.http, logger: wlogger });
      witnessServer = server;
      stoppers.push(() => server.close());
    }
  }
  const metrics = await serveMetrics(config.metrics?.address, { counters, gauges: gatewayGauges(gateway, log, t, follower), logger });
  if (metrics) stoppers.push(() => metrics.close());
  logger.info({ port: edge.port, eventLog: log.kind, partners: [...keys.regions()].filter((r) => r !== config.region), registry: config.registry ? t.registry : undefined }, 'gateway ready');
  return {
    gateway,
    certificates: desk,
    grpcPort: edge.port,
    witness,
    witnessPort: witnessServer?.port,
    counters,
    metricsPort: metrics?.port,
    stop: stopAll,
  };
}
