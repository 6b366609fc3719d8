/**
 * The compact JWS of a vc+jwt (RFC 7515 §7.1): `B64(header) '.' B64(payload) '.' B64(signature)`,
 * base64url without padding, Ed25519 (`alg: EdDSA`, RFC 8037) over the ASCII of the first two parts.
 *
 * Signed and verified with `node:crypto` directly rather than jose: an EdDSA JWS is one
 * `crypto.sign(null, …)` over the signing input, our keys are already KeyObjects, it keeps signing
 * and verifying synchronous (the verifier is a pure function), and it is exactly what a third party
 * does to verify one without our code. Header and payload are RFC 8785 canonical JSON, so the same
 * credential always gives the same bytes (and digest).
 *
 * Decoding never throws: every way the input can be wrong is a problem naming the part at fault.
 */
import { sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { canonicalJson, parseKid, type SigningKey } from '@xr/crypto';
import { problem, type Problem } from '@xr/domain';
import { MAX_JWS_CHARS, VC_JWT_TYP } from './model.js';

export interface VcJwtHeader {
  readonly alg: 'EdDSA';
  readonly kid: string;
  readonly typ: typeof VC_JWT_TYP;
}

/** A compact JWS taken apart: its exact signing input, the header and payload as JSON values. */
export interface DecodedJws {
  readonly signingInput: string;
  readonly header: Readonly<Record<string, unknown>>;
  /** The payload as parsed JSON (any JSON value: the caller checks it is a credential). */
  readonly payload: unknown;
  readonly signature: Buffer;
  /** Whether header and payload bytes are exactly their RFC 8785 form (no duplicate member, one reading). */
  readonly canonical: { readonly header: boolean; readonly payload: boolean };
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function b64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** Signs `payload` as a vc+jwt with the region key: header exactly `{alg, kid, typ}`. */
export function signVcJwt(payload: unknown, key: SigningKey): string {
  const header: VcJwtHeader = { alg: 'EdDSA', kid: key.kid, typ: VC_JWT_TYP };
  const signingInput = `${b64(canonicalJson(header))}.${b64(canonicalJson(payload))}`;
  const signature = edSign(null, Buffer.from(signingInput, 'ascii'), key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** base64url (no padding) → bytes, or undefined when the text is not that. */
function unb64(part: string): Buffer | undefined {
  if (!B64URL.test(part) || part.length % 4 === 1) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  // Non-canonical trailing bits would let two texts mean one value: refuse them.
  return bytes.toString('base64url') === part ? bytes : undefined;
}

function json(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

function isCanonical(bytes: Buffer, value: unknown): boolean {
  try {
    return canonicalJson(value) === bytes.toString('utf8');
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Takes a compact JWS apart. Refuses (XR_CERT_MALFORMED, field `/`, `/header`, `/payload` or
 * `/signature`) anything that is not a string, larger than 64 KiB, not three base64url parts, a
 * header or payload that is not UTF-8 JSON, a header or payload that is not an object, or a
 * signature that is not 64 bytes. Header members are judged by `checkHeader`.
 */
export function decodeJws(jws: unknown): { ok: true; value: DecodedJws } | { ok: false; problems: Problem[] } {
  const malformed = (field: string, message: string) => ({ ok: false as const, problems: [problem('XR_CERT_MALFORMED', message, field)] });
  if (typeof jws !== 'string') return malformed('/', 'a credential is a compact JWS string');
  if (jws.length > MAX_JWS_CHARS) return malformed('/', `larger than ${MAX_JWS_CHARS} characters (${jws.length})`);
  const parts = jws.split('.');
  if (parts.length !== 3) return malformed('/', `a compact JWS has 3 dot-separated parts, this has ${parts.length}`);
  const [h, p, s] = parts as [string, string, string];
  const problems: Problem[] = [];
  const headerBytes = unb64(h);
  const payloadBytes = unb64(p);
  const signature = unb64(s);
  const header = headerBytes && json(headerBytes);
  const payload = payloadBytes && json(payloadBytes);
  if (!headerBytes) problems.push(problem('XR_CERT_MALFORMED', 'the protected header is not base64url without padding', '/header'));
  else if (!header?.ok || !isObject(header.value)) problems.push(problem('XR_CERT_MALFORMED', 'the protected header is not a UTF-8 JSON object', '/header'));
  if (!payloadBytes) problems.push(problem('XR_CERT_MALFORMED', 'the payload is not base64url without padding', '/payload'));
  else if (!payload?.ok || !isObject(payload.value)) problems.push(problem('XR_CERT_MALFORMED', 'the payload is not a UTF-8 JSON object', '/payload'));
  if (!signature || signature.length !== 64) problems.push(problem('XR_CERT_MALFORMED', 'the signature is not 64 bytes of base64url (Ed25519)', '/signature'));
  if (problems.length > 0 || !headerBytes || !payloadBytes || !header?.ok || !payload?.ok || !signature) return { ok: false, problems };
  const canonical = { header: isCanonical(headerBytes, header.value), payload: isCanonical(payloadBytes, payload.value) };
  return { ok: true, value: { signingInput: `${h}.${p}`, header: header.value as Readonly<Record<string, unknown>>, payload: payload.value, signature, canonical } };
}

/**
 * The header rules of a vc+jwt: `typ` is `vc+jwt` (XR_CERT_TYPE_INVALID otherwise, as is a `cty`
 * other than `vc`); `alg` is `EdDSA`; `kid` names a region key (`<region>.k<n>`); no `crit` or
 * `b64` (no extension is understood, and b64:false would change what is signed).
 */
export function checkHeader(header: Readonly<Record<string, unknown>>): { kid?: string; problems: Problem[] } {
  const problems: Problem[] = [];
  if (header['typ'] !== VC_JWT_TYP) problems.push(problem('XR_CERT_TYPE_INVALID', `header typ must be "${VC_JWT_TYP}", got ${JSON.stringify(header['typ'] ?? null)}`, '/header/typ'));
  if (header['cty'] !== undefined && header['cty'] !== 'vc') problems.push(problem('XR_CERT_TYPE_INVALID', `header cty, when present, must be "vc", got ${JSON.stringify(header['cty'])}`, '/header/cty'));
  if (header['alg'] !== 'EdDSA') problems.push(problem('XR_CERT_MALFORMED', `header alg must be "EdDSA", got ${JSON.stringify(header['alg'] ?? null)}`, '/header/alg'));
  if ('crit' in header || 'b64' in header) problems.push(problem('XR_CERT_MALFORMED', 'header must not carry crit or b64', '/header/crit'));
  const kid = header['kid'];
  if (typeof kid !== 'string' || !parseKid(kid)) {
    problems.push(problem('XR_CERT_MALFORMED', 'header kid must name a region key, e.g. 370200.k1', '/header/kid'));
    return { problems };
  }
  return { kid, problems };
}

/** Ed25519 over the exact signing input. */
export function signatureHolds(decoded: DecodedJws, publicKey: KeyObject): boolean {
  try {
    return edVerify(null, Buffer.from(decoded.signingInput, 'ascii'), publicKey, decoded.signature);
  } catch {
    return false;
  }
}
