export { ERROR_DOMAIN, RETRYABLE_STATUSES, defaultFieldMapper, isRetryable, toServiceError } from './status.js';
export type { FieldMapper } from './status.js';
export { drain, listen } from './server.js';
