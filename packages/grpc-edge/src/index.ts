export { startGrpcEdge } from './server.js';
export type { GrpcEdge, GrpcEdgeOptions } from './server.js';
export { ERROR_DOMAIN, RETRYABLE_STATUSES, toServiceError } from './errors.js';
export { caseMessage } from './case-mapping.js';
