export { journalKeyName, journalOrigin, witnessKeyName } from '@xr/exchange';
export { partitionFor } from '@xr/event-log';
