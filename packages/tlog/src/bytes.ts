/** Byte helpers shared by the formats: strict base64 (RFC 4648 §4, canonical), comparison, numbers. */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes standard base64, refusing anything a re-encoding would not reproduce (missing padding,
 * stray characters, non-zero trailing bits), so one value has one text form.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** An ASCII decimal with no leading zeros, within JavaScript's safe integers (2^53 − 1). */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text) || text.length > 16) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** True for a non-negative safe integer: every size and index this package accepts. */
export function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
