import { regionTable, type RegionInfo } from './region-table.js';
import { fail, ok, type Check } from './result.js';

export type { RegionInfo, RegionLevel } from './region-table.js';

/** 行政区划代码 (GB/T 2260), 6 digits: province · prefecture · county, 2 digits each. */
const REGION_PATTERN = /^\d{6}$/;

/** Looks a 6-digit code up in the current table (see region-table.ts for what it holds). */
export function checkRegionCode(code: string): Check<RegionInfo> {
  if (!REGION_PATTERN.test(code)) return fail('XR_REGION_FORMAT', 'expected 6 digits (GB/T 2260)');
  const info = regionTable().get(code);
  if (info === undefined) return fail('XR_REGION_UNKNOWN', `${code} is not in the current GB/T 2260 table`);
  return ok(info);
}

export function isRegionCode(code: string): boolean {
  return checkRegionCode(code).ok;
}

export function regionName(code: string): string | undefined {
  return regionTable().get(code)?.name;
}

/** True when the 2 digits are a province-level code (31 mainland + 71, 81, 82). */
export function isProvinceCode(twoDigits: string): boolean {
  return /^\d{2}$/.test(twoDigits) && regionTable().get(`${twoDigits}0000`)?.level === 'province';
}

/** All codes in the table, e.g. for property tests or pick lists. */
export function allRegionCodes(): readonly string[] {
  return [...regionTable().keys()];
}
