export { startAuditor } from './app.js';
export type { AuditorOptions, RunningAuditor } from './app.js';
export { AUDITOR_CONFIG_SCHEMA, ConfigError, loadConfig, parseConfig } from './config.js';
export type { AuditorConfig } from './config.js';
export { IndexHolder } from './index-holder.js';
