import { fail, ok, type Check } from './result.js';

/**
 * 统一社会信用代码 (GB 32100-2015), 18 characters:
 *   1 registering department · 2 organisation type · 3–8 GB/T 2260 code of the
 *   registering office · 9–17 organisation code (GB 11714) · 18 check.
 * Only upper-case canonical form is accepted; normalise at the input boundary.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const BODY_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/;

export interface UsccInfo {
  readonly uscc: string;
  /** 登记管理部门代码 (character 1), e.g. '1' 机构编制, '5' 民政, '9' 工商/市场监管. */
  readonly registeringDepartment: string;
  /** 机构类别代码 (character 2). */
  readonly organisationType: string;
  /** 登记管理机关行政区划码 (characters 3–8); not checked against today's list: codes of
   *  abolished areas stay in codes issued earlier, and national registrations use 100000. */
  readonly regionCode: string;
  /** 主体标识码 (characters 9–17, the GB 11714 organisation code); its own check is not
   *  verified since codes for e.g. 个体工商户 are not issued as GB 11714 codes. */
  readonly organisationCode: string;
}

/** Check character for the first 17 characters, or an error value if they are ill-formed. */
export function computeUsccCheck(first17: string): Check<string> {
  if (!BODY_PATTERN.test(first17)) {
    return fail('XR_USCC_FORMAT', 'expected 17 characters: 2 from the USCC alphabet, 6 digits, 9 from the USCC alphabet');
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return ok(USCC_ALPHABET.charAt((31 - (sum % 31)) % 31));
}

export function checkUscc(uscc: string): Check<UsccInfo> {
  if (uscc.length !== 18) return fail('XR_USCC_FORMAT', `expected 18 characters, got ${uscc.length}`);
  const check = computeUsccCheck(uscc.slice(0, 17));
  if (!check.ok) return check;
  const last = uscc.charAt(17);
  if (!USCC_ALPHABET.includes(last)) return fail('XR_USCC_FORMAT', `check character ${JSON.stringify(last)} is not in the USCC alphabet`);
  if (last !== check.value) return fail('XR_USCC_CHECKSUM', 'check character does not match (GB 32100 MOD 31)');
  return ok({
    uscc,
    registeringDepartment: uscc.charAt(0),
    organisationType: uscc.charAt(1),
    regionCode: uscc.slice(2, 8),
    organisationCode: uscc.slice(8, 17),
  });
}

export function isUscc(uscc: string): boolean {
  return checkUscc(uscc).ok;
}
