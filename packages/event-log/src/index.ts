export type {
  AppendResult,
  Batch,
  ConsumeOptions,
  EventLog,
  LogRecord,
  RecordInput,
  Subscription,
  TimestampType,
  TopicDescription,
  TopicSpec,
} from './port.js';
export { ID_HEADER } from './port.js';
export { murmur2, partitionFor } from './partitioner.js';
export { ensureLogAppendTime, TopicTimestampError } from './log-append-time.js';
export { TopicTail } from './topic-tail.js';
export type { TopicTailOptions } from './topic-tail.js';
