import { describe, expect, it } from 'vitest';
import { issueLicence, showCertificate, verifyCertificate } from '../src/index.js';
import { CHENGDU, KEYS, context, licence, tamper } from './fixtures.js';

const issued = issueLicence(licence(), KEYS.k2.signer);
if (!issued.ok) throw new Error(issued.message);
const { jws } = issued.value;

describe('show', () => {
  it('lists the fields with Chinese and English labels and the 证照标识 check, the ID number masked', () => {
    const text = showCertificate(jws).join('\n');
    expect(text).toContain('电子证照 Electronic licence (typ vc+jwt, alg EdDSA, kid 370200.k2)');
    expect(text).toMatch(/证照标识 Licence id: +1\.2\.156\.3005\.2\.11100000000013338W011\.11370200MB28559185\.37020025000001\.001\.[0-9A-Z]/);
    expect(text).toMatch(/✓ check character [0-9A-Z] \(ISO\/IEC 7064 MOD 37,36\)/);
    expect(text).toMatch(/证照名称 Licence name: +营业执照/);
    expect(text).toMatch(/颁发机构 Issuer: +青岛市行政审批服务局 \(region 370200, USCC 11370200MB28559185\)/);
    expect(text).toMatch(/持证主体代码 Holder code: +11\*{14}2X \(111 公民身份号码\)/);
    expect(text).not.toContain('11010519491231002X');
    expect(showCertificate(jws, { reveal: true }).join('\n')).toContain('11010519491231002X');
  });

  it('shows a bad check character and the verdict with every reason', () => {
    const bad = tamper(jws, (c) => ({ ...c, id: (c['id'] as string).replace(/.$/, (ch) => (ch === '0' ? '1' : '0')) }));
    const lines = showCertificate(bad, { verdict: verifyCertificate(bad, context({ region: CHENGDU })) });
    expect(lines).toContainEqual(expect.stringContaining('✗ XR_CERT_ID_CHECKSUM'));
    expect(lines).toContain('核验 Verification: refused');
    expect(lines).toContainEqual(expect.stringContaining('✗ XR_CERT_NOT_RECOGNISED at /payload/credentialSubject/licenceTypeCode'));
  });

  it('says when the input cannot be decoded', () => {
    expect(showCertificate('a.b')[0]).toBe('电子证照 Electronic licence: cannot be decoded');
  });
});
