export { ERROR_DOMAIN, RETRYABLE_STATUSES, defaultFieldMapper, isRetryable, toServiceError } from './status.js';
export type { FieldMapper } from './status.js';
export { drain, listen } from './server.js';
export { HEALTH_SERVICE, StandardServices } from './standard-services.js';
export type { StandardServicesOptions } from './standard-services.js';
export { GRPC_HANDLING_SECONDS, metricsInterceptor } from './metrics-interceptor.js';
export { checkHealth, describeMessage, listServices, resolveService, watchHealth } from './probe.js';
export type { HealthStatus, ProbeTarget, ReflectionVersion } from './probe.js';
export { callLogger, callTrace, tracingInterceptor } from './tracing-interceptor.js';
