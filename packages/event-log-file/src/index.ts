export { FileEventLog } from './file-event-log.js';
export type { FileEventLogOptions } from './file-event-log.js';
