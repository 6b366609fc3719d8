/** RFC 8785 (JCS) canonical JSON: the exact bytes that are signed and hashed. */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

const encoder = new TextEncoder();

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be represented as canonical JSON');
  return text;
}

export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
