/** Builds a running gateway from its configuration: event log, keys, pipeline, gRPC edge. */
import { createAuthenticator } from '@xr/auth';
import { signingKeyFromJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { FileEventLog } from '@xr/event-log-file';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { ExchangeGateway, KeyRing, topics } from '@xr/exchange';
import { startGrpcEdge } from '@xr/grpc-edge';
import { Counters, type Logger } from '@xr/observability';
import { CN_2025_2026, catalogIndex, createCalendar, type CalendarSpec, type WorkingDayCalendar } from '@xr/domain';
import { ConfigError, type GatewayConfig } from './config.js';

function makeCalendar(spec: CalendarSpec): WorkingDayCalendar {
  const made = createCalendar(spec);
  if (!made.ok) throw new ConfigError(`invalid gateway configuration:\n  calendar: ${made.reason}`);
  return made.value;
}

export interface RunningGateway {
  readonly gateway: ExchangeGateway;
  readonly grpcPort: number;
  stop(): Promise<void>;
}

export async function openEventLog(config: GatewayConfig['eventLog'], logger: Logger): Promise<EventLog> {
  if (config.kind === 'file') return FileEventLog.open({ dir: config.dir });
  return new KafkaEventLog({
    brokers: config.brokers,
    clientId: 'xr-gateway',
    onLog: ({ level, message }) => logger[level]({ component: 'kafkajs' }, message),
  });
}

/**
 * Starts a gateway. `shared` lets several gateways of one process (the demo) use one embedded
 * log, which one process owns at a time.
 */
export async function startGateway(config: GatewayConfig, logger: Logger, shared?: EventLog): Promise<RunningGateway> {
  const log = shared ?? (await openEventLog(config.eventLog, logger));
  const signer = signingKeyFromJwk(config.signingKey);
  const keys = new KeyRing([signer.publicJwk, ...config.partners.flatMap((p) => p.keys)]);
  const gateway = new ExchangeGateway({
    region: config.region,
    log,
    signer,
    keys,
    topics: topics(config.topicPrefix),
    partitions: config.partitions,
    logger,
    counters: new Counters(),
    ...(typeof config.catalog === 'object' ? { catalogs: catalogIndex([config.catalog]) } : {}),
    calendar: makeCalendar(config.calendar ?? CN_2025_2026),
  });
  try {
    await gateway.start();
  } catch (error) {
    if (!shared) await log.close();
    throw error;
  }
  const authenticator = await createAuthenticator(config.auth);
  if (!authenticator.ok) {
    await gateway.stop();
    if (!shared) await log.close();
    throw new ConfigError(`invalid gateway configuration:\n  auth: ${authenticator.message}`);
  }
  const edge = await startGrpcEdge({ gateway, logger, address: config.grpc.address, tls: config.grpc.tls, authenticator: authenticator.value });
  logger.info({ port: edge.port, eventLog: log.kind, partners: config.partners.map((p) => p.region) }, 'gateway ready');
  return {
    gateway,
    grpcPort: edge.port,
    stop: async () => {
      await edge.close();
      await gateway.stop();
      if (!shared) await log.close();
    },
  };
}
