/** Opens the configured event log: Kafka (kafkajs warnings go to the process log) or the embedded file log. */
import type { EventLog } from '@xr/event-log';
import { FileEventLog } from '@xr/event-log-file';
import { KafkaEventLog } from '@xr/event-log-kafka';
import type { Logger } from '@xr/observability';
import type { EventLogConfig } from './config.js';

export async function openEventLog(config: EventLogConfig, logger: Logger, clientId = 'xr'): Promise<EventLog> {
  if (config.kind === 'file') return FileEventLog.open({ dir: config.dir });
  return new KafkaEventLog({ brokers: config.brokers, clientId, onLog: ({ level, message }) => logger[level]({ component: 'kafkajs' }, message) });
}
