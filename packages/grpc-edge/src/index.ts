export { startGrpcEdge } from './server.js';
export type { GrpcEdge, GrpcEdgeOptions } from './server.js';
export { caseMessage } from './case-mapping.js';
