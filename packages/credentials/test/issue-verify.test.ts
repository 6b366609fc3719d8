import { createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateElectronicLicence } from '@xr/schemas';
import { issueLicence, signVcJwt, statusLookupFromLists, verifyCertificate, type LicenceToIssue, type Verdict } from '../src/index.js';
import { CHENGDU, KEYS, QINGDAO, context, licence, statusLists, tamper, withHeader } from './fixtures.js';

function issued(overrides: Partial<LicenceToIssue> = {}, signer = KEYS.k2.signer) {
  const result = issueLicence(licence(overrides), signer);
  if (!result.ok) throw new Error(`${result.code} ${result.message}`);
  return result.value;
}

const codes = (verdict: Verdict) => verdict.reasons.map((r) => r.code);

describe('an issued 电子证照', () => {
  const { jws, credential } = issued();

  it('verifies with plain node:crypto (no JOSE library): split the compact JWS, Ed25519 over the first two parts', () => {
    const [h, p, s] = jws.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(h, 'base64url').toString('utf8'))).toEqual({ alg: 'EdDSA', kid: '370200.k2', typ: 'vc+jwt' });
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: KEYS.k2.signer.publicJwk.x }, format: 'jwk' });
    expect(verify(null, Buffer.from(`${h}.${p}`, 'ascii'), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(p, 'base64url').toString('utf8'))).toEqual(credential);
  });

  it('is the credential itself (no vc claim), and its payload validates against schemas/credential/electronic-licence.v1.json', () => {
    expect(credential).not.toHaveProperty('vc');
    expect(credential['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(credential.type).toEqual(['VerifiableCredential', 'ElectronicLicenceCredential']);
    expect(credential.id).toMatch(/^urn:gbt36904:1\.2\.156\.3005\.2\.11100000000013338W011\.11370200MB28559185\.37020025000001\.001\.[0-9A-Z]$/);
    expect(credential.issuer.id).toBe('https://xr.example.gov.cn/issuers/370200/11370200MB28559185');
    expect(credential.credentialStatus.map((e) => [e.statusPurpose, e.statusListIndex])).toEqual([['revocation', '94567'], ['suspension', '94567']]);
    expect(validateElectronicLicence(credential).ok).toBe(true);
  });

  it('verifies in a region that recognises the issuer and type, and says how fresh the status is', () => {
    const verdict = verifyCertificate(jws, context());
    expect(verdict.reasons).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.statusAsOf).toBe('2025-06-01T00:00:00Z');
    expect(verdict.credential).toEqual(credential);
  });

  it('verifies in the issuing region itself without any agreement', () => {
    expect(verifyCertificate(jws, context({ region: QINGDAO, recognises: () => false })).valid).toBe(true);
  });
});

describe('refusals name the precise code', () => {
  const { jws } = issued();

  it('no recognition agreement covers the issuer and type: XR_CERT_NOT_RECOGNISED', () => {
    const verdict = verifyCertificate(jws, context({ region: CHENGDU }));
    expect(verdict.valid).toBe(false);
    expect(codes(verdict)).toEqual(['XR_CERT_NOT_RECOGNISED']);
  });

  it('revoked: XR_CERT_REVOKED', () => {
    const verdict = verifyCertificate(jws, context({ status: statusLookupFromLists(statusLists({ revocation: [94_567] })) }));
    expect(codes(verdict)).toEqual(['XR_CERT_REVOKED']);
    expect(verdict.reasons[0]!.field).toBe('/payload/credentialStatus/0');
  });

  it('suspended: XR_CERT_SUSPENDED, and valid again once reinstated in a newer list', () => {
    const suspended = statusLists({ suspension: [94_567] }, Date.parse('2025-05-01T00:00:00Z'));
    expect(codes(verifyCertificate(jws, context({ status: statusLookupFromLists(suspended) })))).toEqual(['XR_CERT_SUSPENDED']);
    const reinstated = statusLists({}, Date.parse('2025-05-20T00:00:00Z'));
    const verdict = verifyCertificate(jws, context({ status: statusLookupFromLists([...suspended, ...reinstated]) }));
    expect(verdict.valid).toBe(true);
    expect(verdict.statusAsOf).toBe('2025-05-20T00:00:00Z');
  });

  it('a neighbour bit does not touch it (index 94,567 exactly)', () => {
    const status = statusLookupFromLists(statusLists({ revocation: [94_566, 94_568], suspension: [0, 131_071] }));
    expect(verifyCertificate(jws, context({ status })).valid).toBe(true);
  });

  it('expired: XR_CERT_EXPIRED at validUntil exactly', () => {
    expect(codes(verifyCertificate(jws, context({ now: Date.parse('2030-01-14T16:00:00Z') })))).toEqual(['XR_CERT_EXPIRED']);
    expect(verifyCertificate(jws, context({ now: Date.parse('2030-01-14T15:59:59Z') })).valid).toBe(true);
  });

  it('not yet valid: XR_CERT_NOT_YET_VALID', () => {
    const { jws: later } = issued({ validFrom: '2025-09-01T00:00:00+08:00' });
    expect(codes(verifyCertificate(later, context()))).toEqual(['XR_CERT_NOT_YET_VALID']);
  });

  it('no validUntil (长期有效) never expires', () => {
    const { jws: forever } = issued({ validUntil: undefined });
    expect(verifyCertificate(forever, context({ now: Date.parse('2090-01-01T00:00:00Z') })).valid).toBe(true);
  });

  it('any claim altered: XR_CERT_SIGNATURE_INVALID', () => {
    const edits: ((c: Record<string, unknown>) => unknown)[] = [
      (c) => ({ ...c, validUntil: '2099-01-01T00:00:00Z' }),
      (c) => ({ ...c, credentialSubject: { ...(c['credentialSubject'] as object), holderName: '李四' } }),
      (c) => ({ ...c, issuer: { ...(c['issuer'] as object), name: '别的机关' } }),
      (c) => ({ ...c, iat: (c['iat'] as number) - 1 }),
      (c) => ({ ...c, credentialStatus: (c['credentialStatus'] as { statusListIndex: string; id: string; statusListCredential: string }[]).map((e) => ({ ...e, statusListIndex: '1', id: `${e.statusListCredential}#1` })) }),
    ];
    for (const edit of edits) expect(codes(verifyCertificate(tamper(jws, edit), context()))).toEqual(['XR_CERT_SIGNATURE_INVALID']);
    // The same bytes re-ordered are other bytes: JSON equality is not what is signed.
    expect(codes(verifyCertificate(tamper(jws, (c) => Object.fromEntries(Object.entries(c).reverse())), context()))).toEqual(['XR_CERT_MALFORMED', 'XR_CERT_SIGNATURE_INVALID']);
  });

  it('signed by a key revoked before the issue date: XR_CERT_KEY_REVOKED', () => {
    const { jws: before } = issued({}, KEYS.k3.signer); // k3 is revoked from 2025-02-01; this one was signed 2025-01-15
    expect(verifyCertificate(before, context()).valid).toBe(true);
    const { jws: late } = issued({ issuedAt: Date.parse('2025-02-02T00:00:00Z'), issueDate: '2025-02-02' }, KEYS.k3.signer);
    const verdict = verifyCertificate(late, context());
    expect(codes(verdict)).toEqual(['XR_CERT_KEY_REVOKED']);
    expect(verdict.reasons[0]!.field).toBe('/header/kid');
  });

  it('a key rotated out since, but valid when it signed, still verifies; after its overlap it does not', () => {
    const { jws: old } = issued({}, KEYS.k1.signer); // k1 valid until 2025-03-01, signed 2025-01-15
    expect(verifyCertificate(old, context()).valid).toBe(true);
    const { jws: late } = issued({ issuedAt: Date.parse('2025-03-02T00:00:00Z'), issueDate: '2025-03-02' }, KEYS.k1.signer);
    expect(codes(verifyCertificate(late, context()))).toEqual(['XR_KEY_ROTATED_OUT']);
  });

  it('a key the verifier does not know: XR_CERT_KEY_UNKNOWN', () => {
    const verdict = verifyCertificate(withHeader(jws, { alg: 'EdDSA', kid: '370200.k9', typ: 'vc+jwt' }), context());
    expect(codes(verdict)).toEqual(['XR_CERT_KEY_UNKNOWN']);
  });

  it('a wrong typ: XR_CERT_TYPE_INVALID (JWT, vc+ld+json, none) — and the changed header breaks the signature too', () => {
    for (const typ of ['JWT', 'vc+ld+json', undefined]) {
      const header = { alg: 'EdDSA', kid: '370200.k2', ...(typ === undefined ? {} : { typ }) };
      expect(codes(verifyCertificate(withHeader(jws, header), context()))).toEqual(['XR_CERT_TYPE_INVALID', 'XR_CERT_SIGNATURE_INVALID']);
    }
  });

  it('a wrong typ signed by the issuer itself is still refused: XR_CERT_TYPE_INVALID alone', () => {
    const [, p] = jws.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
    const signed = signVcJwt(payload, KEYS.k2.signer).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: '370200.k2', typ: 'JWT' })).toString('base64url');
    const input = `${header}.${signed[1]}`;
    const resigned = `${input}.${sign(null, Buffer.from(input), KEYS.k2.signer.privateKey).toString('base64url')}`;
    expect(codes(verifyCertificate(resigned, context()))).toEqual(['XR_CERT_TYPE_INVALID']);
  });

  it('a 证照标识 with a bad check character: XR_CERT_ID_CHECKSUM (and the signature no longer holds)', () => {
    const bad = tamper(jws, (c) => ({ ...c, id: (c['id'] as string).replace(/.$/, (ch) => (ch === '0' ? '1' : '0')) }));
    const verdict = verifyCertificate(bad, context());
    expect(codes(verdict)).toEqual(['XR_CERT_ID_CHECKSUM', 'XR_CERT_SIGNATURE_INVALID']);
    expect(verdict.reasons[0]!.field).toBe('/payload/id');
  });

  it('lists every reason at once: expired, revoked, suspended and not recognised', () => {
    const status = statusLookupFromLists(statusLists({ revocation: [94_567], suspension: [94_567] }));
    const verdict = verifyCertificate(jws, context({ now: Date.parse('2031-01-01T00:00:00Z'), status, region: CHENGDU }));
    expect(codes(verdict).sort()).toEqual(['XR_CERT_EXPIRED', 'XR_CERT_NOT_RECOGNISED', 'XR_CERT_REVOKED', 'XR_CERT_SUSPENDED']);
  });

  it('no status list for the entry: XR_CERT_STATUS_UNKNOWN, never silently valid', () => {
    expect(codes(verifyCertificate(jws, context({ status: statusLookupFromLists([]) })))).toEqual(['XR_CERT_STATUS_UNKNOWN', 'XR_CERT_STATUS_UNKNOWN']);
  });
});

describe('issuing refuses what it must not sign', () => {
  it('a key of another region', () => {
    const result = issueLicence(licence({ issuer: { region: '331081', uscc: '11370200MB28559185', name: 'x' } }), KEYS.k2.signer);
    expect(result.ok || result.code).toBe('XR_KEY_REGION_MISMATCH');
  });

  it('an invalid issuer USCC (the 证照标识 cannot be made) and a holder whose 身份证号 check fails', () => {
    const badUscc = issueLicence(licence({ issuer: { region: QINGDAO, uscc: '11370200MB28559186', name: 'x' } }), KEYS.k2.signer);
    expect(badUscc.ok || badUscc.code).toBe('XR_CERT_ID_USCC');
    const badHolder = issueLicence(licence({ holder: { name: '张三', code: '110105194912310021', codeType: '111' } }), KEYS.k2.signer);
    expect(badHolder.ok || [badHolder.code, badHolder.field]).toEqual(['XR_CERT_MALFORMED', '/credentialSubject/holderCode']);
  });

  it('a USCC holder (代码类型 001) is checked as a USCC', () => {
    expect(issueLicence(licence({ holder: { name: '某某公司', code: '91350100M000100Y43', codeType: '001' } }), KEYS.k2.signer).ok).toBe(true);
    const bad = issueLicence(licence({ holder: { name: '某某公司', code: '91350100M000100Y44', codeType: '001' } }), KEYS.k2.signer);
    expect(bad.ok).toBe(false);
  });

  it('validUntil not after validFrom', () => {
    const result = issueLicence(licence({ validUntil: '2025-01-14T00:00:00Z' }), KEYS.k2.signer);
    expect(result.ok || result.field).toBe('validUntil');
  });
});
