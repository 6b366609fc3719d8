/**
 * One pass over the bytes of a record: is it exactly its RFC 8785 (JCS) form, and where do the
 * members of its top-level object (and of their object values) sit?
 *
 * The auditor checks every journal record this way and reads a few fields from it. `parseCanonical`
 * (JSON.parse, then `canonicalJson` again, compared) builds the whole value and its text a second
 * time; here the grammar of what `canonicalJson` can write is checked on the bytes themselves, with
 * no allocation but the member list. It answers only where it is sure: whenever it gives members,
 * `parseCanonical` accepts the text; whenever it says `false`, `parseCanonical` refuses it (or the
 * bytes are not UTF-8). Where the check would need decoding or ES number formatting (a fraction or
 * an exponent, 16 digits or more, a key with an escape or non-ASCII, nesting deeper than 64) it
 * says `undefined`, and the caller asks `parseCanonical`.
 */
import { Buffer, isUtf8 } from 'node:buffer';

/** One member of an object, by byte offsets into the scanned bytes. */
export interface SpanMember {
  /** The member name (ASCII: a key needing decoding makes the whole answer `undefined`). */
  readonly key: string;
  /** First byte of the value (a string's opening quote). */
  readonly start: number;
  /** One past its last byte. */
  readonly end: number;
  readonly kind: 'string' | 'number' | 'object' | 'array' | 'literal';
  /** Strings: whether the raw text holds a backslash escape (then JSON.parse the slice to read it). */
  readonly escaped: boolean;
  /** Objects at depth 1 (members of the top-level object): their own members, same shape, no deeper. */
  readonly members?: readonly SpanMember[];
}

type Kind = SpanMember['kind'];

const MAX_DEPTH = 64;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const ONE = 0x31;
const NINE = 0x39;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OBJECT = 1;
const ARRAY = 2;

// Per open container, by depth (1 = the top-level value): object or array, where it starts, and
// for an object the span of its previous member name (start -1: none to compare the next with).
// Module state, so a scan allocates nothing for them; a scan runs to its end synchronously.
const container = new Uint8Array(MAX_DEPTH + 1);
const openedAt = new Int32Array(MAX_DEPTH + 1);
const previousKeyStart = new Int32Array(MAX_DEPTH + 1);
const previousKeyEnd = new Int32Array(MAX_DEPTH + 1);

// What `stringEnd` saw in the string it last read: an escape, a byte of a multi-byte character.
let sawEscape = false;
let sawNonAscii = false;

// Member names are ASCII here, so latin1 is their decoding: Buffer's own (undocumented) slice,
// which works on any Uint8Array, else the portable way.
const nativeLatin1 = (Buffer.prototype as unknown as { latin1Slice?: (this: Uint8Array, start: number, end: number) => string }).latin1Slice;
const latin1: (bytes: Uint8Array, start: number, end: number) => string = nativeLatin1
  ? (bytes, start, end) => nativeLatin1.call(bytes, start, end)
  : (bytes, start, end) => String.fromCharCode(...bytes.subarray(start, end));

// Member names recur from record to record: a small cache, by a hash of the bytes, hands back the
// string already made (checked against the bytes) instead of decoding a new one every time. Two
// places per hash (the newer first), so that two names of one record that collide do not evict
// each other on every record.
const KEY_CACHE_SIZE = 1024;
const keyCache: string[] = new Array<string>(KEY_CACHE_SIZE).fill('');

/** Whether `name` is the ASCII text of `bytes[start, end)`. */
function sameKey(name: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let k = 0; k < name.length; k++) if (name.charCodeAt(k) !== bytes[start + k]) return false;
  return true;
}

/** The ASCII member name in `bytes[start, end)`. */
function keyAt(bytes: Uint8Array, start: number, end: number): string {
  let hash = end - start;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ bytes[k]!, 0x01000193); // FNV-1a
  const slot = (hash ^ (hash >>> 15)) & (KEY_CACHE_SIZE - 2);
  const newer = keyCache[slot]!;
  if (sameKey(newer, bytes, start, end)) return newer;
  const older = keyCache[slot + 1]!;
  if (sameKey(older, bytes, start, end)) return older;
  const name = latin1(bytes, start, end);
  keyCache[slot + 1] = newer;
  keyCache[slot] = name;
  return name;
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= ZERO && b <= NINE;

// The scanned bytes' buffer as 32-bit words, for `stringEnd` to pass over four plain bytes at a
// time, and where the bytes start in it: set by `scanCanonical` for its scan (the view is made
// once per buffer, and the records of a batch share one).
let words: Int32Array<ArrayBufferLike> = new Int32Array(0);
let wordsOf: ArrayBufferLike | undefined;
let wordsOffset = 0;

function useWords(bytes: Uint8Array): void {
  const buffer = bytes.buffer;
  if (buffer !== wordsOf) {
    wordsOf = buffer;
    words = new Int32Array(buffer, 0, buffer.byteLength >>> 2);
  }
  wordsOffset = bytes.byteOffset;
}

/**
 * One past the closing quote of the string whose opening quote is at `i`, or -1 when it is not as
 * JCS writes strings: raw bytes from 0x20 but `"` and `\`; escapes only `\" \\ \b \f \n \r \t` and
 * `\u00xx` (lower-case hex) for the other control characters.
 *
 * Most of a record is string content, so the run of plain bytes (none a quote, a backslash or
 * below 0x20) is passed over a 32-bit word at a time where the bytes are aligned: per word, a
 * zero-byte test (SWAR) of the word XOR each of `""""` and `\\\\`, and a below-0x20 test. Each test
 * is exact about whether some byte of the word matches, so a word that matches is read byte by byte.
 */
function stringEnd(bytes: Uint8Array, i: number, n: number): number {
  let escape = false;
  let any = 0;
  const offset = wordsOffset;
  const w = words;
  for (let j = i + 1; j < n; j++) {
    if (((offset + j) & 3) === 0) {
      let k = (offset + j) >>> 2;
      const last = Math.min((offset + n) >>> 2, w.length);
      while (k < last) {
        const x = w[k]!;
        const q = x ^ 0x22222222;
        const s = x ^ 0x5c5c5c5c;
        if ((((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s) | ((x - 0x20202020) & ~x)) & 0x80808080) break;
        any |= x;
        k++;
      }
      j = (k << 2) - offset;
      if (j >= n) break;
    }
    const b = bytes[j]!;
    any |= b;
    if (b > QUOTE && b !== BACKSLASH) continue; // nearly every byte
    if (b === QUOTE) {
      sawEscape = escape;
      sawNonAscii = (any & 0x80808080) !== 0;
      return j + 1;
    }
    if (b < 0x20) return -1;
    if (b === BACKSLASH) {
      escape = true;
      const e = bytes[++j];
      // " \ b f n r t
      if (e === QUOTE || e === BACKSLASH || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) continue;
      if (e !== 0x75 || bytes[j + 1] !== ZERO || bytes[j + 2] !== ZERO) return -1;
      const high = bytes[j + 3];
      const low = bytes[j + 4];
      if (high !== ZERO && high !== ONE) return -1;
      if (!(isDigit(low) || (low !== undefined && low >= 0x61 && low <= 0x66))) return -1;
      // \u0008 \u0009 \u000a \u000c \u000d have their short forms.
      if (high === ZERO && (low === 0x38 || low === 0x39 || low === 0x61 || low === 0x63 || low === 0x64)) return -1;
      j += 4;
    }
  }
  return -1;
}

/** Byte order of two spans: below 0 when the first sorts first. For ASCII it is UTF-16 order. */
function compareSpans(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): number {
  const length = Math.min(aEnd - a, bEnd - b);
  for (let k = 0; k < length; k++) {
    const d = bytes[a + k]! - bytes[b + k]!;
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}

/**
 * The members of `bytes` as a top-level JSON object when `bytes` is exactly RFC 8785 canonical JSON;
 * `false` when it certainly is not (not JSON, not canonical, not UTF-8); `undefined` when this fast check
 * cannot tell (the caller then falls back to `parseCanonical`). A top-level value that is not an object:
 * `undefined` too (rare; the fallback decides).
 */
export function scanCanonical(bytes: Uint8Array): readonly SpanMember[] | false | undefined {
  if (!isUtf8(bytes)) return false;
  useWords(bytes);
  const n = bytes.length;
  let i = 0;
  let depth = 0;
  let unsure = false;
  let top: SpanMember[] = [];
  let inner: SpanMember[] = [];
  let topKey = '';
  let innerKey = '';
  for (;;) {
    // Inside an object: a member name, then ':'.
    if (depth !== 0 && container[depth] === OBJECT) {
      if (bytes[i] !== QUOTE) return false;
      const end = stringEnd(bytes, i, n);
      if (end < 0) return false;
      if (sawEscape || sawNonAscii) {
        // Its place in the order needs decoding: not judged here.
        unsure = true;
        previousKeyStart[depth] = -1;
      } else {
        const previous = previousKeyStart[depth]!;
        if (previous >= 0 && compareSpans(bytes, previous + 1, previousKeyEnd[depth]! - 1, i + 1, end - 1) >= 0) return false;
        previousKeyStart[depth] = i;
        previousKeyEnd[depth] = end;
        if (depth === 1) topKey = keyAt(bytes, i + 1, end - 1);
        else if (depth === 2 && container[1] === OBJECT) innerKey = keyAt(bytes, i + 1, end - 1);
      }
      if (bytes[end] !== COLON) return false;
      i = end + 1;
    }

    // A value starts at i.
    let start = i;
    let kind: Kind;
    let escaped = false;
    const c = bytes[i];
    if (c === QUOTE) {
      i = stringEnd(bytes, i, n);
      if (i < 0) return false;
      kind = 'string';
      escaped = sawEscape;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === MAX_DEPTH) return undefined;
      depth++;
      openedAt[depth] = i++;
      if (c === OPEN_OBJECT) {
        container[depth] = OBJECT;
        previousKeyStart[depth] = -1;
        if (depth === 1) top = [];
        else if (depth === 2 && container[1] === OBJECT) inner = [];
        if (bytes[i] !== CLOSE_OBJECT) continue;
        kind = 'object';
      } else {
        container[depth] = ARRAY;
        if (bytes[i] !== CLOSE_ARRAY) continue;
        kind = 'array';
      }
      // Empty: closed at once.
      i++;
      depth--;
    } else if (c === MINUS || isDigit(c)) {
      // -?(0|[1-9][0-9]*): a leading zero is refused below (a digit where ',' or a close must come).
      if (c === MINUS) i++;
      const digits = i;
      const first = bytes[i];
      if (first === ZERO) i++;
      else if (isDigit(first)) while (isDigit(bytes[i])) i++;
      else return false;
      const count = i - digits;
      let b = bytes[i];
      if (b === DOT || b === 0x65 || b === 0x45) {
        // A fraction or an exponent: JSON grammar checked, its ES form left to the slow path.
        unsure = true;
        if (b === DOT) {
          if (!isDigit(bytes[++i])) return false;
          while (isDigit(bytes[i])) i++;
          b = bytes[i];
        }
        if (b === 0x65 || b === 0x45) {
          b = bytes[++i];
          if (b === 0x2b || b === MINUS) i++;
          if (!isDigit(bytes[i])) return false;
          while (isDigit(bytes[i])) i++;
        }
      } else if (count > 15) {
        unsure = true; // may be past 2^53: ES formatting decides
      } else if (c === MINUS && first === ZERO) {
        return false; // -0 is written 0
      }
      kind = 'number';
    } else if (c === 0x74 && bytes[i + 1] === 0x72 && bytes[i + 2] === 0x75 && bytes[i + 3] === 0x65) {
      i += 4; // true
      kind = 'literal';
    } else if (c === 0x66 && bytes[i + 1] === 0x61 && bytes[i + 2] === 0x6c && bytes[i + 3] === 0x73 && bytes[i + 4] === 0x65) {
      i += 5; // false
      kind = 'literal';
    } else if (c === 0x6e && bytes[i + 1] === 0x75 && bytes[i + 2] === 0x6c && bytes[i + 3] === 0x6c) {
      i += 4; // null
      kind = 'literal';
    } else {
      return false;
    }

    // The value [start, i) is whole: record it where it is a member at depth 1 or 2, then close
    // every container it was the last of.
    for (;;) {
      if (depth === 0) {
        if (i !== n) return false;
        return unsure || kind !== 'object' ? undefined : top;
      }
      const open = container[depth];
      if (open === OBJECT) {
        if (depth === 1) top.push({ key: topKey, start, end: i, kind, escaped, members: kind === 'object' ? inner : undefined });
        else if (depth === 2 && container[1] === OBJECT) inner.push({ key: innerKey, start, end: i, kind, escaped, members: undefined });
      }
      const b = bytes[i];
      if (b === COMMA) {
        i++;
        break;
      }
      if (b !== (open === OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) return false;
      start = openedAt[depth]!;
      kind = open === OBJECT ? 'object' : 'array';
      escaped = false;
      i++;
      depth--;
    }
  }
}
