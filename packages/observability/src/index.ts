export { REDACTED_PATHS, createLogger } from './logger.js';
export type { Logger, LoggerSettings } from './logger.js';
export { Counters } from './counters.js';
export type { CounterSample, Labels, ObservationSink } from './counters.js';
