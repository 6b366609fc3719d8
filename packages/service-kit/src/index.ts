export { ADMIN_PUBLIC_JWK_SCHEMA, ConfigError, EVENT_LOG_SCHEMA, GRPC_LISTENER_SCHEMA, LOG_LEVEL_SCHEMA, METRICS_SCHEMA, TOPIC_PREFIX_SCHEMA, TRACING_SCHEMA, commonEnv, tracingEnv, configErrorLines, keyFromFileEnv, readConfigFile } from './config.js';
export type { EventLogConfig, MetricsConfig, TracingConfig } from './config.js';
export { openEventLog } from './event-log.js';
export { callerCwd, runService } from './process.js';
export type { ServiceSpec } from './process.js';
