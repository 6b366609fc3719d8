/**
 * Verifying a presented e-certificate, offline and pure: the compact JWS and its header, the payload
 * against its schema and the 证照标识 check, the signature with the issuer region's key judged at the
 * credential's `iat`, the validity period at `now`, both status entries, and the verifying region's
 * recognition of the issuer region and type. The verdict lists EVERY reason, each with a stable code,
 * so a refusal says all that is wrong at once. Nothing here throws on input.
 */
import { parseKid } from '@xr/crypto';
import { chinaDate, problem, type Problem } from '@xr/domain';
import { validateElectronicLicence } from '@xr/schemas';
import { checkHeader, decodeJws, signatureHolds } from './compact-jws.js';
import { certKeyCode, type VerifyContext } from './context.js';
import { checkLicenceUrn } from './licence-id.js';
import { parseIssuerId, type LicenceCredential, type StatusListEntry } from './model.js';

export interface Verdict {
  readonly valid: boolean;
  /** Every reason it is not valid (empty when valid); `field` is a JSON Pointer into `{header, payload, signature}`. */
  readonly reasons: readonly Problem[];
  /** The decoded payload when it parsed (also when invalid, to show what was presented). */
  readonly credential?: LicenceCredential;
  /** The oldest `asOf` of the status answers used: how fresh the verifier's view of the status is. */
  readonly statusAsOf?: string;
}

const DEFAULT_SKEW_MS = 5 * 60_000;

function payloadField(field: string | undefined): string {
  return `/payload${field === undefined || field === '/' ? '' : field}`;
}

/** Consistency of the parts that say one thing twice: key region, 证照标识, status URLs, 颁发日期 and iat. */
function crossChecks(credential: LicenceCredential, kid: string | undefined, reasons: Problem[]): void {
  const issuer = parseIssuerId(credential.issuer.id);
  if (!issuer) return; // the schema's pattern already refused it
  if (kid !== undefined && parseKid(kid)?.region !== issuer.region) {
    reasons.push(problem('XR_KEY_REGION_MISMATCH', `key ${kid} is not a key of the issuer's region ${issuer.region}`, '/header/kid'));
  }
  const id = checkLicenceUrn(credential.id);
  if (id.ok && id.value.issuerUscc !== issuer.uscc) {
    reasons.push(problem('XR_CERT_MALFORMED', "the 证照标识's issuer USCC is not the issuer's", '/payload/issuer/id'));
  }
  if (id.ok && id.value.typeCode !== credential.credentialSubject.licenceTypeCode) {
    reasons.push(problem('XR_CERT_MALFORMED', "licenceTypeCode is not the 证照标识's type code", '/payload/credentialSubject/licenceTypeCode'));
  }
  credential.credentialStatus.forEach((entry, i) => {
    const prefix = `${credential.issuer.id}/status/${entry.statusPurpose}/`;
    if (!entry.statusListCredential.startsWith(prefix) || entry.id !== `${entry.statusListCredential}#${entry.statusListIndex}`) {
      reasons.push(problem('XR_CERT_MALFORMED', `status entry is not the issuer's ${entry.statusPurpose} list (id = <statusListCredential>#<statusListIndex>)`, `/payload/credentialStatus/${i}`));
    }
  });
  // The key is judged at iat, and 颁发日期 is when it was issued: the same day, in China, or a key
  // revoked before the 颁发日期 could sign it with an earlier iat.
  const signedOn = chinaDate(new Date(credential.iat * 1000).toISOString());
  if (credential.credentialSubject.issueDate !== signedOn) {
    reasons.push(problem('XR_CERT_MALFORMED', `颁发日期 ${credential.credentialSubject.issueDate} is not the China date of iat (${signedOn ?? 'none'})`, '/payload/credentialSubject/issueDate'));
  }
  // One certificate, one place: both entries carry the same list number and index.
  const place = (e: StatusListEntry) => `${e.statusListCredential.slice(e.statusListCredential.lastIndexOf('/') + 1)}#${e.statusListIndex}`;
  const [first, second] = credential.credentialStatus;
  if (place(first) !== place(second)) {
    reasons.push(problem('XR_CERT_MALFORMED', 'the revocation and suspension entries name different list numbers or indexes', '/payload/credentialStatus'));
  }
}

function validity(credential: LicenceCredential, ctx: VerifyContext, reasons: Problem[]): void {
  const from = Date.parse(credential.validFrom);
  if (ctx.now < from) reasons.push(problem('XR_CERT_NOT_YET_VALID', `valid from ${credential.validFrom}`, '/payload/validFrom'));
  if (credential.validUntil !== undefined && ctx.now >= Date.parse(credential.validUntil)) {
    reasons.push(problem('XR_CERT_EXPIRED', `expired at ${credential.validUntil}`, '/payload/validUntil'));
  }
  if (credential.iat * 1000 > ctx.now + (ctx.clockSkewMs ?? DEFAULT_SKEW_MS)) {
    reasons.push(problem('XR_CERT_NOT_YET_VALID', `signed in the future (iat ${new Date(credential.iat * 1000).toISOString()})`, '/payload/iat'));
  }
}

/** Both status entries; returns the oldest asOf of the answers. */
function status(credential: LicenceCredential, ctx: VerifyContext, reasons: Problem[]): string | undefined {
  let asOf: string | undefined;
  credential.credentialStatus.forEach((entry, i) => {
    const answer = ctx.status({ issuer: credential.issuer.id, purpose: entry.statusPurpose, index: Number(entry.statusListIndex), list: entry.statusListCredential });
    const field = `/payload/credentialStatus/${i}`;
    if (answer.status === 'unknown') {
      reasons.push(problem('XR_CERT_STATUS_UNKNOWN', `${entry.statusPurpose} status cannot be told: ${answer.message}`, field));
      return;
    }
    if (asOf === undefined || Date.parse(answer.asOf) < Date.parse(asOf)) asOf = answer.asOf;
    if (answer.status === 'revoked') reasons.push(problem('XR_CERT_REVOKED', `revoked (status as of ${answer.asOf})`, field));
    if (answer.status === 'suspended') reasons.push(problem('XR_CERT_SUSPENDED', `suspended (status as of ${answer.asOf})`, field));
  });
  return asOf;
}

export function verifyCertificate(jws: unknown, ctx: VerifyContext): Verdict {
  const decoded = decodeJws(jws);
  if (!decoded.ok) return { valid: false, reasons: decoded.problems };
  const { kid, problems: reasons } = checkHeader(decoded.value.header);
  // Signed JSON has one reading: a duplicate member or another serialisation could be read two ways by two parsers.
  for (const part of ['header', 'payload'] as const) {
    if (!decoded.value.canonical[part]) reasons.push(problem('XR_CERT_MALFORMED', `the ${part} is not exactly its RFC 8785 canonical JSON`, `/${part}`));
  }
  const payload = decoded.value.payload as Readonly<Record<string, unknown>>;
  const credential = payload as unknown as LicenceCredential;

  // The 证照标识 first, so a bad check character is XR_CERT_ID_CHECKSUM rather than a schema format.
  const id = typeof payload['id'] === 'string' ? checkLicenceUrn(payload['id']) : undefined;
  if (id && !id.ok) reasons.push(problem(id.code, id.message, '/payload/id'));
  const schema = validateElectronicLicence(payload);
  const violations = schema.ok ? [] : (schema.violations ?? [schema]).filter((v) => !(id && !id.ok && v.field === '/id'));
  for (const v of violations) reasons.push(problem('XR_CERT_MALFORMED', v.message, payloadField(v.field)));

  // The signature needs only the kid and iat; a credential altered in any claim fails here.
  const iat = payload['iat'];
  if (kid !== undefined && Number.isSafeInteger(iat) && (iat as number) >= 0 && (iat as number) <= 253_402_300_799) {
    const key = ctx.keyAt(kid, new Date((iat as number) * 1000).toISOString());
    if ('code' in key) reasons.push(problem(certKeyCode(key.code), key.message, '/header/kid'));
    else if (!signatureHolds(decoded.value, key.publicKey)) reasons.push(problem('XR_CERT_SIGNATURE_INVALID', `the signature does not verify with ${kid}`, '/signature'));
  }

  let statusAsOf: string | undefined;
  if (violations.length === 0) {
    crossChecks(credential, kid, reasons);
    validity(credential, ctx, reasons);
    statusAsOf = status(credential, ctx, reasons);
    const issuerRegion = parseIssuerId(credential.issuer.id)?.region;
    const type = credential.credentialSubject.licenceTypeCode;
    if (issuerRegion !== undefined && issuerRegion !== ctx.region && !ctx.recognises(ctx.region, issuerRegion, type)) {
      reasons.push(problem('XR_CERT_NOT_RECOGNISED', `region ${ctx.region} does not recognise type ${type} issued in ${issuerRegion}`, '/payload/credentialSubject/licenceTypeCode'));
    }
  }
  return { valid: reasons.length === 0, reasons, credential, ...(statusAsOf === undefined ? {} : { statusAsOf }) };
}
