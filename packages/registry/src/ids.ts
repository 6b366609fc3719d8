/** Record ids: UUIDv7 (RFC 9562), time-ordered; or fixed by a client request id, so a retry makes the same record. */
import { createHash, randomBytes } from 'node:crypto';

function format(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A new UUIDv7: 48 bits of Unix milliseconds, version 7, 74 random bits. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return format(bytes.toString('hex'));
}

/** A UUIDv7-shaped id fixed by `scope` and the client's request id (its time bits come from the hash). */
export function recordIdFor(scope: string, requestId: string): string {
  const bytes = createHash('sha256').update(`${scope}\u0000registry\u0000${requestId}`).digest().subarray(0, 16);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return format(bytes.toString('hex'));
}
