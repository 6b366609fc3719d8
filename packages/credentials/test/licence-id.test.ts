import { describe, expect, it } from 'vitest';
import { checkLicenceUrn, licenceUrn, makeLicenceId } from '../src/index.js';

/** 证照标识 published by real issuers. */
const REAL = ['1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S', '1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3'];

describe('the 证照标识 (GB/T 36904) as a credential id', () => {
  it('accepts real identifiers from public sources in their URN form', () => {
    for (const id of REAL) {
      const checked = checkLicenceUrn(licenceUrn(id));
      expect(checked.ok && checked.value.certId).toBe(id);
    }
  });

  it('makeLicenceId computes the MOD 37,36 check character the real ones carry', () => {
    expect(makeLicenceId('11100000000013338W011', '11430000006122244L', '20230000403', '002')).toEqual({ ok: true, value: REAL[0] });
    expect(makeLicenceId('11100000000013338W087', '11370800MB28559184', '37080001202411010001', '001')).toEqual({ ok: true, value: REAL[1] });
  });

  it('a bad check character is XR_CERT_ID_CHECKSUM; the bare form (no urn:gbt36904:) is XR_CERT_ID_FORMAT', () => {
    const bad = licenceUrn(REAL[0]!.replace(/S$/, 'T'));
    expect(checkLicenceUrn(bad)).toMatchObject({ ok: false, code: 'XR_CERT_ID_CHECKSUM' });
    expect(checkLicenceUrn(REAL[0]!)).toMatchObject({ ok: false, code: 'XR_CERT_ID_FORMAT' });
    expect(makeLicenceId('11100000000013338W011', '11430000006122244L', '2023-1', '002')).toMatchObject({ ok: false, code: 'XR_CERT_ID_FORMAT' });
  });
});
