/**
 * A plain gRPC error for an auth Problem, for use without @xr/grpc-edge. The gateway passes
 * grpc-edge's `toServiceError` instead, which adds ErrorInfo details.
 */
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Problem } from '@xr/domain';

export function plainServiceError(problem: Problem): Partial<ServiceError> {
  const code = problem.code === 'XR_UNAUTHENTICATED' ? status.UNAUTHENTICATED : problem.code === 'XR_PERMISSION_DENIED' ? status.PERMISSION_DENIED : status.INTERNAL;
  const metadata = new Metadata();
  metadata.set('xr-code', problem.code);
  return { code, details: `${problem.code}: ${problem.message}`, metadata };
}
