/**
 * Is this text exactly its RFC 8785 form? Serialising the parsed value again is cheap for it:
 * `canonicalJson` writes a value read back from canonical text (members already in order) with one
 * native `JSON.stringify`. Used by every reader of signed bytes (`openVerified`) and by the auditor.
 */
import { canonicalJson } from './canonical.js';

// The `@xr/crypto/canonical` entry (no jose, no keys): what a reader of canonical records needs.
export { canonicalJson, sha256Hex } from './canonical.js';
export { scanCanonical } from './canonical-scan.js';
export type { SpanMember } from './canonical-scan.js';

/** Whether `text`, which parses to `value`, is exactly the RFC 8785 form of `value`. */
export function isCanonicalText(text: string, value: unknown): boolean {
  try {
    return canonicalJson(value) === text;
  } catch {
    return false;
  }
}

/** The parsed value when `text` is canonical JSON; undefined when it is not JSON or not canonical. */
export function parseCanonical(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isCanonicalText(text, value) ? { value } : undefined;
}
