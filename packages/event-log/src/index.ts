export type {
  AppendResult,
  Batch,
  ConsumeOptions,
  EventLog,
  LogRecord,
  RecordInput,
  Subscription,
  TopicSpec,
} from './port.js';
export { ID_HEADER } from './port.js';
export { murmur2, partitionFor } from './partitioner.js';
