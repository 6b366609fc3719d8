/**
 * Is this text exactly its RFC 8785 form? Fast path: ECMAScript's `JSON.stringify` of the parsed
 * value writes strings and numbers as RFC 8785 does and drops whitespace and duplicate members, so
 * when it reproduces the text and every object's members are in UTF-16 order, the text is
 * canonical. Otherwise (integer-like member names, which V8 reorders; an escaped surrogate, which
 * RFC 8785 refuses when lone and JSON.stringify writes) the exact RFC 8785 serialisation decides.
 * Used by every reader of signed bytes (`openVerified`) and by the auditor; several times faster
 * than serialising again.
 */
import { canonicalJson } from './canonical.js';

function membersSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(membersSorted);
  let last: string | undefined;
  const o = value as Record<string, unknown>;
  for (const k in o) {
    if (last !== undefined && !(last < k)) return false;
    if (!membersSorted(o[k])) return false;
    last = k;
  }
  return true;
}

const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/** Whether `text`, which parses to `value`, is exactly the RFC 8785 form of `value`. */
export function isCanonicalText(text: string, value: unknown): boolean {
  if (!ESCAPED_SURROGATE.test(text) && JSON.stringify(value) === text && membersSorted(value)) return true;
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
