/** Event and case ids: UUIDv7 (time-ordered). Ids of reactions derive from their cause, so a retry makes the same id. */
import { createHash } from 'node:crypto';
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

/** A UUIDv7-shaped id fixed by `cause` and `index`: the cause's timestamp, then hash bits. */
export function derivedId(cause: string, index: number): string {
  const hash = createHash('sha256').update(`${cause}#${index}`).digest('hex');
  const time = cause.replace(/-/g, '').slice(0, 12);
  const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
  const hex = `${time}7${hash.slice(0, 3)}${variant}${hash.slice(17, 32)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
