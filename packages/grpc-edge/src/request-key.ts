import { callerOf } from '@xr/auth';

/** Request ids are the caller's own: two systems using the same id do not collide. */
export function requestKeyOf(call: object, requestId: string): string {
  const caller = callerOf(call);
  return caller ? `${caller.issuer}|${caller.subject}|${requestId}` : requestId;
}
