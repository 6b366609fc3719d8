import { randomBytes } from 'node:crypto';

/**
 * A KRaft cluster id: a random version-4 UUID as 22 base64url characters, like
 * `kafka-storage random-uuid`. Ids starting with '-' are avoided (they read as CLI flags).
 */
export function randomClusterId(): string {
  for (;;) {
    const bytes = randomBytes(16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const id = bytes.toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
