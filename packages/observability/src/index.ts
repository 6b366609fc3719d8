export { REDACTED_PATHS, createLogger } from './logger.js';
export type { Logger, LoggerSettings } from './logger.js';
export { Counters } from './counters.js';
export type { CounterSample, Labels } from './counters.js';
