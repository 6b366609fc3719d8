/**
 * The bitstring of a W3C Bitstring Status List v1.0: one bit per credential (statusSize 1), index 0
 * the left-most bit, i.e. the most significant bit of byte 0 (bit i is byte ⌊i/8⌋, mask 0x80 >> i mod 8).
 * `encodedList` = 'u' (multibase base64url) + base64url without padding of the GZIP (RFC 1952) of the
 * bytes. At least 131,072 entries (16 KiB), the spec's minimum, so the list says nothing about how many
 * certificates an issuer has.
 *
 * GZIP is `node:zlib`'s synchronous gzip: pure computation (no file, socket or clock), allowed in a
 * pure package by the lint's I/O list. Decoding bounds the inflated size, so a small hostile list
 * cannot expand into gigabytes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { fail, ok, type Result } from '@xr/domain';

/** The spec's minimum number of entries (16 KiB of bits). */
export const MIN_STATUS_ENTRIES = 131_072;
/** Largest list we inflate: 2^24 entries (2 MiB). */
export const MAX_STATUS_ENTRIES = 1 << 24;

const B64URL = /^[A-Za-z0-9_-]+$/;

export class StatusBitstring {
  private constructor(private readonly bytes: Uint8Array) {}

  /** All zero: every credential valid. `entries` is rounded up to whole bytes and at least the minimum. */
  static empty(entries = MIN_STATUS_ENTRIES): StatusBitstring {
    const n = Math.max(MIN_STATUS_ENTRIES, Math.ceil(entries / 8) * 8);
    if (n > MAX_STATUS_ENTRIES) throw new RangeError(`a status list holds at most ${MAX_STATUS_ENTRIES} entries`);
    return new StatusBitstring(new Uint8Array(n / 8));
  }

  /**
   * An `encodedList` read back. XR_CERT_MALFORMED when it is not 'u' + base64url, not GZIP, inflates
   * past MAX_STATUS_ENTRIES bits, or holds fewer than `minEntries` (default the spec's 131,072).
   */
  static decode(encodedList: string, minEntries = MIN_STATUS_ENTRIES): Result<StatusBitstring> {
    const field = '/payload/credentialSubject/encodedList';
    if (!encodedList.startsWith('u')) return fail('XR_CERT_MALFORMED', "encodedList must start with the multibase prefix 'u' (base64url)", field);
    const text = encodedList.slice(1);
    if (!B64URL.test(text) || text.length % 4 === 1) return fail('XR_CERT_MALFORMED', 'encodedList is not base64url without padding', field);
    let bytes: Buffer;
    try {
      bytes = gunzipSync(Buffer.from(text, 'base64url'), { maxOutputLength: MAX_STATUS_ENTRIES / 8 });
    } catch {
      return fail('XR_CERT_MALFORMED', `encodedList is not GZIP data of at most ${MAX_STATUS_ENTRIES} bits`, field);
    }
    if (bytes.length * 8 < minEntries) return fail('XR_CERT_MALFORMED', `the status list has ${bytes.length * 8} entries, fewer than ${minEntries}`, field);
    return ok(new StatusBitstring(new Uint8Array(bytes)));
  }

  /** Number of entries (bits). */
  get size(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.assertIndex(index);
    return ((this.bytes[index >> 3]! >> (7 - (index & 7))) & 1) === 1;
  }

  /** A copy with bit `index` set to `value` (the list itself never changes). */
  with(index: number, value: boolean): StatusBitstring {
    this.assertIndex(index);
    const bytes = this.bytes.slice();
    const mask = 0x80 >> (index & 7);
    bytes[index >> 3] = value ? bytes[index >> 3]! | mask : bytes[index >> 3]! & ~mask;
    return new StatusBitstring(bytes);
  }

  /** Indexes of the set bits, ascending. */
  setIndexes(): number[] {
    const out: number[] = [];
    this.bytes.forEach((byte, i) => {
      for (let b = 0; byte !== 0 && b < 8; b++) if ((byte >> (7 - b)) & 1) out.push(i * 8 + b);
    });
    return out;
  }

  /** 'u' + base64url(GZIP(bytes)), no padding. */
  encode(): string {
    return `u${gzipSync(this.bytes).toString('base64url')}`;
  }

  /** The raw bytes (a copy). */
  toBytes(): Uint8Array {
    return this.bytes.slice();
  }

  private assertIndex(index: number): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) throw new RangeError(`status index ${index} outside 0..${this.size - 1}`);
  }
}
