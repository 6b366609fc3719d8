/**
 * ISO/IEC 7064 check characters used by Chinese identifiers. Callers validate
 * the character set first; these functions assume well-formed input.
 */

/** MOD 11-2 weights for the 17 leading digits of a 居民身份证号码 (GB 11643): 2^(18-i) mod 11. */
const MOD_11_2_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** S mod 11 = 0…10 maps to this check character. */
const MOD_11_2_CHECK = '10X98765432';

/** Check character for exactly 17 decimal digits. */
export function mod11_2(digits: string): string {
  let sum = 0;
  for (let i = 0; i < MOD_11_2_WEIGHTS.length; i++) {
    sum += Number(digits[i]) * (MOD_11_2_WEIGHTS[i] ?? 0);
  }
  return MOD_11_2_CHECK.charAt(sum % 11);
}

/** Alphabet of ISO/IEC 7064 MOD 37,36: 0–9 → 0–9, A–Z → 10–35. */
export const MOD_37_36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Hybrid system MOD 37,36 (as used by 电子证照标识, GB/T 36904): p = 36; for each
 * character p = (p + v) mod 36, 0 → 36, then p = 2p mod 37; check = (37 − p) mod 36.
 */
export function mod37_36(text: string): string {
  let p = 36;
  for (const ch of text) {
    p = (p + MOD_37_36_ALPHABET.indexOf(ch)) % 36;
    if (p === 0) p = 36;
    p = (2 * p) % 37;
  }
  return MOD_37_36_ALPHABET.charAt((37 - p) % 36);
}
