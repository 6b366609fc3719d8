/**
 * The verifier's cross-checks on the issuer (docs/WIRE.md, E-certificates, verification rule 4):
 * the parts that name the issuer and type twice must agree. Each credential here is re-signed with
 * a real, registered key after one edit, so its signature holds and only the rule under test fails.
 */
import { describe, expect, it } from 'vitest';
import { generateKeyPair, makeKid, signingKeyFromJwk, verificationKeyFromJwk, type SigningKey } from '@xr/crypto';
import { issueLicence, licenceUrn, makeLicenceId, signVcJwt, verifyCertificate, type KeyAt, type LicenceCredential, type StatusListEntry, type Verdict } from '../src/index.js';
import { ISSUER_USCC, KEYS, QINGDAO, TYPE_CODE, WENLING, context, keyAt, licence } from './fixtures.js';

const issued = issueLicence(licence(), KEYS.k2.signer);
if (!issued.ok) throw new Error(issued.message);
const original = issued.value.credential;

/** The credential after `edit`, signed afresh (a valid signature over the edited payload). */
function resigned(edit: (c: LicenceCredential) => LicenceCredential, signer: SigningKey = KEYS.k2.signer): string {
  return signVcJwt(edit(structuredClone<LicenceCredential>(original)), signer);
}

const reasons = (verdict: Verdict) => verdict.reasons.map((r) => [r.code, r.field]);

/** Another valid 证照标识 of this credential with one field swapped (check character recomputed). */
function licenceId(typeCode: string, uscc: string): string {
  const id = makeLicenceId(typeCode, uscc, '37020025000001', '001');
  if (!id.ok) throw new Error(id.message);
  return licenceUrn(id.value);
}

describe('the issuer named twice must agree (each re-signed with a registered key: only that rule fails)', () => {
  it('the unedited credential re-signed is valid: the edits below are all that differ', () => {
    expect(verifyCertificate(resigned((c) => c), context()).reasons).toEqual([]);
  });

  it("a kid of another region than issuer.id's: XR_KEY_REGION_MISMATCH at /header/kid", () => {
    // 温岭's own registered key signs a credential that says its issuer is 青岛.
    const wenling = generateKeyPair(makeKid(WENLING, 1));
    const wenlingKey = verificationKeyFromJwk(wenling.publicJwk);
    const withWenling: KeyAt = (kid, at) => (kid === wenlingKey.kid ? wenlingKey : keyAt(kid, at));
    const jws = resigned((c) => c, signingKeyFromJwk(wenling.privateJwk));
    const verdict = verifyCertificate(jws, context({ keyAt: withWenling }));
    expect(verdict.valid).toBe(false);
    expect(reasons(verdict)).toEqual([['XR_KEY_REGION_MISMATCH', '/header/kid']]);
    expect(verdict.reasons[0]!.message).toContain(QINGDAO);
  });

  it("a 证照标识 whose issuer USCC is not issuer.id's: XR_CERT_MALFORMED at /payload/issuer/id", () => {
    const other = '11370200MB12345674'; // a valid USCC, not the issuer's
    expect(other).not.toBe(ISSUER_USCC);
    const verdict = verifyCertificate(resigned((c) => ({ ...c, id: licenceId(TYPE_CODE, other) })), context());
    expect(reasons(verdict)).toEqual([['XR_CERT_MALFORMED', '/payload/issuer/id']]);
  });

  it("a licenceTypeCode other than the 证照标识's type code: XR_CERT_MALFORMED at /payload/credentialSubject/licenceTypeCode", () => {
    // The 证照标识 names another type; licenceTypeCode (what recognition is judged on) is still the recognised one.
    const verdict = verifyCertificate(resigned((c) => ({ ...c, id: licenceId('11100000MB0143028R002', ISSUER_USCC) })), context());
    expect(reasons(verdict)).toEqual([['XR_CERT_MALFORMED', '/payload/credentialSubject/licenceTypeCode']]);
  });

  it("a status list outside issuer.id: XR_CERT_MALFORMED at that entry, even when that list answers 'ok'", () => {
    const elsewhere = (e: StatusListEntry): StatusListEntry => {
      const url = e.statusListCredential.replace('https://xr.example.gov.cn/', 'https://status.example.com/');
      return { ...e, statusListCredential: url, id: `${url}#${e.statusListIndex}` };
    };
    const jws = resigned((c) => ({ ...c, credentialStatus: [elsewhere(c.credentialStatus[0]), c.credentialStatus[1]] }));
    // A list the forger controls says all is well: the verifier must not take it.
    const verdict = verifyCertificate(jws, context({ status: () => ({ status: 'ok', asOf: '2025-06-01T00:00:00Z' }) }));
    expect(reasons(verdict)).toEqual([['XR_CERT_MALFORMED', '/payload/credentialStatus/0']]);
  });

  it("a status list of the issuer but of the other purpose: XR_CERT_MALFORMED at that entry", () => {
    const [revocation, suspension] = original.credentialStatus;
    const jws = resigned((c) => ({ ...c, credentialStatus: [revocation, { ...suspension, statusListCredential: revocation.statusListCredential, id: revocation.id }] }));
    const verdict = verifyCertificate(jws, context({ status: () => ({ status: 'ok', asOf: '2025-06-01T00:00:00Z' }) }));
    expect(reasons(verdict)).toEqual([['XR_CERT_MALFORMED', '/payload/credentialStatus/1']]);
  });

  it('an entry id that is not <statusListCredential>#<statusListIndex>: XR_CERT_MALFORMED at that entry', () => {
    const jws = resigned((c) => ({ ...c, credentialStatus: [c.credentialStatus[0], { ...c.credentialStatus[1], id: `${c.credentialStatus[1].statusListCredential}#1` }] }));
    expect(reasons(verifyCertificate(jws, context()))).toEqual([['XR_CERT_MALFORMED', '/payload/credentialStatus/1']]);
  });

  it('revocation and suspension entries at different indexes or lists: XR_CERT_MALFORMED at /payload/credentialStatus', () => {
    const moved = (e: StatusListEntry, list: number, index: number): StatusListEntry => {
      const url = e.statusListCredential.replace(/\/\d+$/, `/${list}`);
      return { ...e, statusListCredential: url, statusListIndex: String(index), id: `${url}#${index}` };
    };
    const ok = () => ({ status: 'ok' as const, asOf: '2025-06-01T00:00:00Z' });
    for (const [list, index] of [[0, 94_568], [1, 94_567]] as const) {
      const jws = resigned((c) => ({ ...c, credentialStatus: [c.credentialStatus[0], moved(c.credentialStatus[1], list, index)] }));
      expect(reasons(verifyCertificate(jws, context({ status: ok })))).toEqual([['XR_CERT_MALFORMED', '/payload/credentialStatus']]);
    }
  });
});

describe('颁发日期 is the China date of iat (the key is judged at iat, so the two must name the same day)', () => {
  const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const withDates = (iat: string, issueDate: string, signer: SigningKey = KEYS.k2.signer) =>
    resigned((c) => ({ ...c, iat: at(iat), credentialSubject: { ...c.credentialSubject, issueDate } }), signer);

  it('the China day, not the UTC day: 15:59:59Z is still that day, 16:00:00Z is the next', () => {
    expect(verifyCertificate(withDates('2025-01-15T15:59:59Z', '2025-01-15'), context()).reasons).toEqual([]);
    expect(verifyCertificate(withDates('2025-01-15T16:00:00Z', '2025-01-16'), context()).reasons).toEqual([]);
    const verdict = verifyCertificate(withDates('2025-01-15T16:00:00Z', '2025-01-15'), context());
    expect(reasons(verdict)).toEqual([['XR_CERT_MALFORMED', '/payload/credentialSubject/issueDate']]);
    expect(verdict.reasons[0]!.message).toContain('2025-01-16');
  });

  it('a 颁发日期 after the key was revoked, signed with an iat from before: refused, though the key held at iat', () => {
    // k3 is revoked from 2025-02-01: the key verifies at this iat, the 颁发日期 says the licence was issued after.
    const verdict = verifyCertificate(withDates('2025-01-15T02:00:00Z', '2025-03-01', KEYS.k3.signer), context());
    expect(reasons(verdict)).toEqual([['XR_CERT_MALFORMED', '/payload/credentialSubject/issueDate']]);
  });

  it('a 颁发日期 before the signing day is refused too', () => {
    expect(reasons(verifyCertificate(withDates('2025-01-15T02:00:00Z', '2025-01-14'), context()))).toEqual([['XR_CERT_MALFORMED', '/payload/credentialSubject/issueDate']]);
  });

  it('issuing refuses to sign one whose 颁发日期 is not the China date of issuedAt', () => {
    const refused = issueLicence(licence({ issueDate: '2025-01-16' }), KEYS.k2.signer);
    expect(refused.ok || [refused.code, refused.field]).toEqual(['XR_BAD_REQUEST', 'issueDate']);
  });
});
