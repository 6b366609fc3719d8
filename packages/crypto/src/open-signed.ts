/**
 * The one opener of every signed record (inbox events, registry records): verify the detached JWS
 * over the exact bytes, then require those bytes to be UTF-8 JSON in exactly their RFC 8785 form
 * (no duplicate member, no whitespace, members in order, numbers and strings as JCS writes them).
 * Signed bytes then have one meaning, the one every reader, hash and re-serialisation agrees on.
 * Failures are values with stable codes and the field to blame.
 */
import { canonicalBytes } from './canonical.js';
import { isCanonicalText } from './canonical-check.js';
import { duplicateMember } from './duplicate-member.js';
import { verifyDetached } from './jws.js';
import type { VerificationKey } from './keys.js';

export type OpenCode = 'XR_SIGNATURE_MALFORMED' | 'XR_KEY_UNKNOWN' | 'XR_SIGNATURE_INVALID' | 'XR_ENVELOPE_MALFORMED' | 'XR_ENVELOPE_NOT_CANONICAL';

export type Opened =
  | { readonly ok: true; readonly kid: string; readonly region: string; readonly value: unknown }
  | {
      readonly ok: false;
      readonly code: OpenCode;
      readonly reason: string;
      readonly field: string;
      /** True when the signature held: the refusal is about the bytes' form, not their origin. */
      readonly signed: boolean;
      /** What the bytes parse to, when they do (unauthenticated unless `signed`). */
      readonly claimed?: unknown;
    };

/**
 * Picks the key for a kid. It may look at what the record claims (the signed time judges the key),
 * which is unauthenticated until the signature has been checked with the key it returns.
 */
export type ClaimedKeyLookup = (kid: string, claimed: unknown) => VerificationKey | undefined;

const decoder = new TextDecoder('utf-8', { fatal: true });

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return i;
  return n;
}

/** What signed bytes claim before their signature is checked: their text and parsed value, when they are UTF-8 JSON. */
export function readClaim(bytes: Uint8Array): { readonly text?: string; readonly claimed?: unknown } {
  try {
    const text = decoder.decode(bytes);
    return { text, claimed: JSON.parse(text) as unknown };
  } catch {
    return {};
  }
}

export async function openSigned(bytes: Uint8Array, jws: string | undefined, lookup: ClaimedKeyLookup, header = 'xr-jws'): Promise<Opened> {
  const headerField = `headers.${header}`;
  const { text, claimed } = readClaim(bytes);
  const withClaim = claimed === undefined ? {} : { claimed };
  if (!jws) return { ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: `record has no ${header} header`, field: headerField, signed: false, ...withClaim };
  const signed = await verifyDetached(bytes, jws, (kid) => lookup(kid, claimed));
  if (!signed.ok) return { ok: false, code: signed.code, reason: signed.reason, field: headerField, signed: false, ...withClaim };
  return openVerified(bytes, signed, text, claimed);
}

/**
 * The second half of opening, once a signature over `bytes` held (a detached JWS here, a sealed
 * batch's note and inclusion proof in the exchange): the bytes must be UTF-8 JSON in exactly their
 * RFC 8785 form. `text` and `claimed` are the bytes decoded and parsed when the caller has them.
 */
export function openVerified(bytes: Uint8Array, signer: { readonly kid: string; readonly region: string }, text?: string, claimed?: unknown): Opened {
  if (text === undefined || claimed === undefined) {
    try {
      text = decoder.decode(bytes);
      claimed = JSON.parse(text) as unknown;
    } catch {
      return { ok: false, code: 'XR_ENVELOPE_MALFORMED', reason: 'record value is not UTF-8 JSON', field: 'value', signed: true };
    }
  }
  const duplicate = duplicateMember(text);
  if (duplicate !== undefined) {
    return { ok: false, code: 'XR_ENVELOPE_NOT_CANONICAL', reason: `member ${duplicate} appears twice in the signed bytes (readers could disagree on its value)`, field: duplicate, signed: true, claimed };
  }
  // The text is the bytes decoded (a decoder drops a leading BOM): the byte count must match too.
  if (Buffer.byteLength(text) !== bytes.length || !isCanonicalText(text, claimed)) {
    let where: string;
    try {
      where = `they differ from their canonical form at byte ${firstDifference(canonicalBytes(claimed), bytes)}`;
    } catch {
      where = 'they hold a string RFC 8785 cannot represent (a lone surrogate)';
    }
    return { ok: false, code: 'XR_ENVELOPE_NOT_CANONICAL', reason: `signed bytes are not RFC 8785 canonical JSON (${where})`, field: 'value', signed: true, claimed };
  }
  return { ok: true, kid: signer.kid, region: signer.region, value: claimed };
}
