/** Event and case ids: UUIDv7 (time-ordered). Ids of reactions derive from their cause, so a retry makes the same id. */
import { createHash } from 'node:crypto';
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

/**
 * The id of the event a client request makes: fixed by the region and the request id, so a
 * request retried after a crash or a timeout makes the same event (and the same case), never a
 * second one. UUIDv7-shaped; its time bits come from the hash, not the clock.
 */
export function requestId(region: string, request: string, purpose = 'event'): string {
  const hash = createHash('sha256').update(`${region}\u0000${purpose}\u0000${request}`).digest('hex');
  return shape(hash.slice(0, 12), hash);
}

function shape(time: string, hash: string): string {
  const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
  const hex = `${time}7${hash.slice(12, 15)}${variant}${hash.slice(17, 32)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A UUIDv7-shaped id fixed by `cause` and `index`: the cause's timestamp, then hash bits. */
export function derivedId(cause: string, index: number): string {
  const hash = createHash('sha256').update(`${cause}#${index}`).digest('hex');
  return shape(cause.replace(/-/g, '').slice(0, 12), hash);
}
