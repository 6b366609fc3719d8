/**
 * An issuer's BitstringStatusListCredential (W3C Bitstring Status List v1.0) as a vc+jwt, signed like
 * the certificates: one credential per issuer, purpose and list number, its subject
 * `{ id: <url>#list, type: BitstringStatusList, statusPurpose, encodedList }`. A verifier outside the
 * network (a bank, a court) checks status offline from cached lists with `openStatusList` and
 * `statusLookupFromLists`.
 */
import { parseKid, type SigningKey } from '@xr/crypto';
import { fail, ok, problem, type Problem, type Result } from '@xr/domain';
import { validateStatusListCredential } from '@xr/schemas';
import { StatusBitstring } from './bitstring.js';
import { checkHeader, decodeJws, signatureHolds, signVcJwt } from './compact-jws.js';
import { certKeyCode, type KeyAt, type StatusAnswer, type StatusLookup } from './context.js';
import { STATUS_LIST_TYPE, VC_V2_CONTEXT, issuerId, parseIssuerId, statusListUrl, type StatusPurpose } from './model.js';

export interface StatusListToIssue {
  readonly base: string;
  readonly issuer: { readonly region: string; readonly uscc: string; readonly name: string };
  readonly purpose: StatusPurpose;
  readonly list: number;
  readonly bits: StatusBitstring;
  /** The time the list is as of (epoch ms): its `validFrom` and `iat`. */
  readonly asOf: number;
  /** Optional `ttl` in ms (how long a verifier may cache it). */
  readonly ttlMs?: number;
}

export interface StatusListCredential {
  readonly '@context': readonly [typeof VC_V2_CONTEXT];
  readonly id: string;
  readonly type: readonly ['VerifiableCredential', typeof STATUS_LIST_TYPE];
  readonly issuer: { readonly id: string; readonly name: string };
  readonly iat: number;
  readonly validFrom: string;
  readonly credentialSubject: {
    readonly id: string;
    readonly type: 'BitstringStatusList';
    readonly statusPurpose: StatusPurpose;
    readonly encodedList: string;
    readonly ttl?: number;
  };
}

/** A verified status list: whose, for what, as of when, and its bits. */
export interface OpenedStatusList {
  readonly url: string;
  readonly issuer: string;
  readonly purpose: StatusPurpose;
  readonly asOf: string;
  readonly bits: StatusBitstring;
}

function seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function buildStatusListCredential(input: StatusListToIssue): StatusListCredential {
  const issuer = issuerId(input.base, input.issuer.region, input.issuer.uscc);
  const url = statusListUrl(issuer, input.purpose, input.list);
  return {
    '@context': [VC_V2_CONTEXT],
    id: url,
    type: ['VerifiableCredential', STATUS_LIST_TYPE],
    issuer: { id: issuer, name: input.issuer.name },
    iat: Math.floor(input.asOf / 1000),
    validFrom: seconds(input.asOf),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.purpose,
      encodedList: input.bits.encode(),
      ...(input.ttlMs === undefined ? {} : { ttl: input.ttlMs }),
    },
  };
}

/** The status list credential signed as a vc+jwt with the issuing region's key. */
export function issueStatusList(input: StatusListToIssue, key: SigningKey): Result<{ jws: string; credential: StatusListCredential }> {
  if (parseKid(key.kid)?.region !== input.issuer.region) return fail('XR_KEY_REGION_MISMATCH', `key ${key.kid} is not a key of region ${input.issuer.region}`, 'issuer.region');
  const credential = buildStatusListCredential(input);
  const valid = validateStatusListCredential(credential);
  if (!valid.ok) return valid;
  return ok({ jws: signVcJwt(credential, key), credential });
}

/**
 * Verifies a status list vc+jwt (header, schema, signature by a key of the issuer's region valid at
 * its `iat`) and decodes its bits. Every problem is listed; none throws.
 */
export function openStatusList(jws: unknown, keyAt: KeyAt): { ok: true; value: OpenedStatusList } | { ok: false; problems: Problem[] } {
  const decoded = decodeJws(jws);
  if (!decoded.ok) return decoded;
  const { kid, problems } = checkHeader(decoded.value.header);
  for (const part of ['header', 'payload'] as const) {
    if (!decoded.value.canonical[part]) problems.push(problem('XR_CERT_MALFORMED', `the ${part} is not exactly its RFC 8785 canonical JSON`, `/${part}`));
  }
  const valid = validateStatusListCredential(decoded.value.payload);
  if (!valid.ok) problems.push(...(valid.violations ?? [valid]).map((v) => problem('XR_CERT_MALFORMED', v.message, `/payload${v.field === '/' ? '' : (v.field ?? '')}`)));
  if (!valid.ok || kid === undefined) return { ok: false, problems };
  const credential = valid.value as unknown as StatusListCredential;
  const issuer = parseIssuerId(credential.issuer.id);
  if (parseKid(kid)?.region !== issuer?.region) problems.push(problem('XR_KEY_REGION_MISMATCH', `key ${kid} is not a key of the issuer's region`, '/header/kid'));
  const key = keyAt(kid, new Date(credential.iat * 1000).toISOString());
  if ('code' in key) problems.push(problem(certKeyCode(key.code), key.message, '/header/kid'));
  else if (!signatureHolds(decoded.value, key.publicKey)) problems.push(problem('XR_CERT_SIGNATURE_INVALID', `the status list's signature does not verify with ${kid}`, '/signature'));
  if (!credential.id.startsWith(`${credential.issuer.id}/status/${credential.credentialSubject.statusPurpose}/`)) {
    problems.push(problem('XR_CERT_MALFORMED', "the list's id is not its issuer's list for its purpose", '/payload/id'));
  }
  const bits = StatusBitstring.decode(credential.credentialSubject.encodedList);
  if (!bits.ok) problems.push(bits);
  if (problems.length > 0 || !bits.ok) return { ok: false, problems };
  return { ok: true, value: { url: credential.id, issuer: credential.issuer.id, purpose: credential.credentialSubject.statusPurpose, asOf: credential.validFrom, bits: bits.value } };
}

/**
 * A `StatusLookup` over verified lists (the newest per URL wins): a set bit is `revoked` or
 * `suspended` by the list's purpose, as of the list's `validFrom`; no list for the entry, another
 * issuer's list, or an index past its end is `unknown`.
 */
export function statusLookupFromLists(lists: readonly OpenedStatusList[]): StatusLookup {
  const byUrl = new Map<string, OpenedStatusList>();
  for (const list of lists) {
    const seen = byUrl.get(list.url);
    if (!seen || Date.parse(list.asOf) > Date.parse(seen.asOf)) byUrl.set(list.url, list);
  }
  return (query): StatusAnswer => {
    const list = byUrl.get(query.list);
    if (!list) return { status: 'unknown', message: `no status list ${query.list}` };
    if (list.issuer !== query.issuer || list.purpose !== query.purpose) return { status: 'unknown', message: `status list ${query.list} is not the issuer's ${query.purpose} list` };
    if (query.index >= list.bits.size) return { status: 'unknown', message: `index ${query.index} is past the end of ${query.list} (${list.bits.size} entries)` };
    if (!list.bits.get(query.index)) return { status: 'ok', asOf: list.asOf };
    return { status: query.purpose === 'revocation' ? 'revoked' : 'suspended', asOf: list.asOf };
  };
}
