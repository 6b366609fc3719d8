export { KafkaEventLog } from './kafka-event-log.js';
export type { KafkaEventLogOptions } from './kafka-event-log.js';
