/**
 * RFC 8785 (JCS) canonical JSON: the exact bytes that are signed and hashed.
 *
 * JCS is ECMAScript's own JSON serialisation of strings and numbers with object members sorted by
 * UTF-16 code units, which is what `JSON.stringify` and the default `sort` do; what it adds are
 * refusals (NaN, ±Infinity, lone surrogates, cycles). This is the `canonicalize` package's
 * algorithm (byte for byte the same output and refusals on every value: a property test checks it
 * against the package), but a subtree already in canonical order (a record read back from
 * canonical bytes) is written by one native `JSON.stringify`, and the surrogate scan is native
 * (`isWellFormed`). The package was the largest single cost of a gateway's CPU (17 % self time in
 * the embedded benchmark's profile).
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';

const encoder = new TextEncoder();

type WellFormed = { isWellFormed?: () => boolean };
const nativeWellFormed = typeof (String.prototype as WellFormed).isWellFormed === 'function';

function hasLoneSurrogate(value: string): boolean {
  if (nativeWellFormed) return !(value as unknown as Required<WellFormed>).isWellFormed();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/**
 * True when `JSON.stringify(value)` is already its JCS form: plain objects and arrays (at most 64
 * deep) whose members are in sorted order, holding only well-formed strings, finite numbers,
 * booleans and null. Records read back from canonical bytes are so throughout; it fails at the
 * first member out of order in objects built in code.
 */
function alreadyCanonical(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !hasLoneSurrogate(value);
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !alreadyCanonical(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    if ((previous !== undefined && !(previous < key)) || hasLoneSurrogate(key) || !alreadyCanonical((value as Record<string, unknown>)[key], depth + 1)) return false;
    previous = key;
  }
  return true;
}

/** One value; `undefined` where JSON has no representation (as `JSON.stringify`). `stack`: the objects being written (cycles). */
function serialize(value: unknown, stack: object[]): string | undefined {
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) throw new Error('Lone surrogate is not allowed');
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new Error('NaN is not allowed');
    if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
    return JSON.stringify(value);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (stack.includes(value)) throw new Error('Circular reference detected');
  // A subtree already in canonical order: written natively in one call.
  if (alreadyCanonical(value, stack.length)) return JSON.stringify(value);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    stack.push(value);
    const result = serialize(toJSON.call(value), stack);
    stack.pop();
    return result;
  }
  stack.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // As the package (Array.prototype.map, then join): a hole, or a value without JSON form, becomes an empty string.
      const written = !(i in value) ? '' : item === undefined || typeof item === 'symbol' ? 'null' : (serialize(item, stack) ?? '');
      out += `${i === 0 ? '' : ','}${written}`;
    }
    out += ']';
  } else {
    out = '{';
    let first = true;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined || typeof member === 'symbol') continue;
      if (hasLoneSurrogate(key)) throw new Error('Lone surrogate is not allowed');
      // As the package (a template string): a member without JSON form (a function) is written `undefined`.
      out += `${first ? '' : ','}${JSON.stringify(key)}:${serialize(member, stack)}`;
      first = false;
    }
    out += '}';
  }
  stack.pop();
  return out;
}

export function canonicalJson(value: unknown): string {
  const text = serialize(value, []);
  if (text === undefined) throw new TypeError('value cannot be represented as canonical JSON');
  return text;
}

export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

type OneShot = (algorithm: string, data: Uint8Array | string, encoding: 'hex') => string;
const oneShot = (crypto as { hash?: OneShot }).hash;

/** SHA-256 in hex: Node's one-shot `crypto.hash` where it exists (20.12+; no Hash object made), else a Hash. */
export const sha256Hex: (bytes: Uint8Array | string) => string = oneShot ? (bytes) => oneShot('sha256', bytes, 'hex') : (bytes) => createHash('sha256').update(bytes).digest('hex');
