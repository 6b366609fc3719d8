/**
 * Detached JWS with an unencoded payload (RFC 7515 + RFC 7797, `b64: false`): the signature
 * covers `ASCII(BASE64URL(header)) || '.' || payload-bytes`, where the payload is the record's
 * canonical JSON exactly as stored. The record stays readable JSON on the wire and any standard
 * JOSE library (or plain Ed25519) verifies it. Compact form: `<protected>..<signature>`.
 */
import { FlattenedSign, flattenedVerify, type JWSHeaderParameters } from 'jose';
import type { SigningKey, VerificationKey } from './keys.js';
import { isOwnSignature, rememberOwnSignature } from './own-signatures.js';

export type KeyLookup = (kid: string) => VerificationKey | undefined;

export type VerifyResult =
  | { readonly ok: true; readonly kid: string; readonly region: string }
  | { readonly ok: false; readonly code: 'XR_SIGNATURE_MALFORMED' | 'XR_KEY_UNKNOWN' | 'XR_SIGNATURE_INVALID'; readonly reason: string };

export async function signDetached(payload: Uint8Array, key: SigningKey): Promise<string> {
  const jws = await new FlattenedSign(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, b64: false, crit: ['b64'] })
    .sign(key.privateKey);
  const compact = `${jws.protected ?? ''}..${jws.signature}`;
  rememberOwnSignature(compact, payload, key.privateKey);
  return compact;
}

function decodeHeader(encoded: string): JWSHeaderParameters | undefined {
  try {
    const header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as unknown;
    return header && typeof header === 'object' ? (header as JWSHeaderParameters) : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyDetached(payload: Uint8Array, jws: string, lookup: KeyLookup): Promise<VerifyResult> {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !parts[0] || !parts[2]) {
    return { ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: 'not a detached compact JWS' };
  }
  const header = decodeHeader(parts[0]);
  if (!header || header.alg !== 'EdDSA' || header.b64 !== false || typeof header.kid !== 'string') {
    return { ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: 'header must carry alg EdDSA, b64 false and a kid' };
  }
  const key = lookup(header.kid);
  if (!key) return { ok: false, code: 'XR_KEY_UNKNOWN', reason: `no trusted key ${header.kid}` };
  // A JWS this process just made over these very bytes, with the key trusted for its kid: valid.
  if (isOwnSignature(jws, payload, key.publicKey)) return { ok: true, kid: key.kid, region: key.region };
  try {
    await flattenedVerify({ protected: parts[0], payload, signature: parts[2] }, key.publicKey, { algorithms: ['EdDSA'], crit: { b64: true } });
  } catch {
    return { ok: false, code: 'XR_SIGNATURE_INVALID', reason: `signature does not verify with ${header.kid}` };
  }
  return { ok: true, kid: key.kid, region: key.region };
}
