import { callerOf } from '@xr/auth';
import type { ClientRequest } from '@xr/exchange';

/** Request ids are the caller's own: two systems using the same id do not collide. */
export function requestKeyOf(call: object, requestId: string): string {
  const caller = callerOf(call);
  return caller ? `${caller.issuer}|${caller.subject}|${requestId}` : requestId;
}

/** The cache key of one client request: the caller's request id, the RPC and what was asked. */
export function cacheKeyOf(requestKey: string, request: ClientRequest): string {
  return `${requestKey}|${request.rpc}|${request.fingerprint}`;
}
