/**
 * Record ids (docs/WIRE.md, "Ids"): a new record's is a UUIDv7 (RFC 9562), time-ordered; one made
 * for a client request id is a name-based UUIDv8, so a retry makes the same record.
 */
import { randomBytes } from 'node:crypto';
import { formatUuid, uuidV8FromName } from '@xr/crypto';

/** A new UUIDv7: 48 bits of Unix milliseconds, version 7, 74 random bits. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return formatUuid(bytes);
}

/** The namespace of registry request ids: the UUIDv8 of the DNS namespace and `registry.ids.xr-gateway.cn`. */
export const REGISTRY_ID_NAMESPACE = '22838003-88d9-8072-88de-46a99faab410';

/** A UUIDv8 fixed by `scope` and the client's request id (name `<scope>/<request id>`); it has no time in it. */
export function recordIdFor(scope: string, requestId: string): string {
  return uuidV8FromName(REGISTRY_ID_NAMESPACE, `${scope}/${requestId}`);
}
