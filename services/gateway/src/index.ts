export { startGateway, openEventLog } from './app.js';
export type { GatewayOptions, RunningGateway } from './app.js';
export { CONFIG_SCHEMA, ConfigError, loadConfig, parseConfig } from './config.js';
export type { GatewayConfig } from './config.js';
