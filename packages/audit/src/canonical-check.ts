/**
 * Is this text exactly its RFC 8785 form? Fast path: ECMAScript's `JSON.stringify` of the parsed
 * value writes strings and numbers as RFC 8785 does and drops whitespace and duplicate members, so
 * when it reproduces the text and every object's members are in UTF-16 order, the text is
 * canonical. Otherwise (or for integer-like member names, which V8 reorders) the exact RFC 8785
 * serialisation decides.
 */
import { canonicalJson } from '@xr/crypto';

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

/** The parsed value when `text` is canonical JSON; undefined when it is not JSON or not canonical. */
export function parseCanonical(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (JSON.stringify(value) === text && membersSorted(value)) return { value };
  try {
    return canonicalJson(value) === text ? { value } : undefined;
  } catch {
    return undefined;
  }
}
