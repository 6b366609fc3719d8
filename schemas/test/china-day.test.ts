/** The date in China by arithmetic agrees with the Intl formatter (Asia/Shanghai) at every instant tried, midnights included. */
import { describe, expect, it } from 'vitest';
import { chinaDayOf } from '../src/index.js';

const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('chinaDayOf', () => {
  it('is the Asia/Shanghai date, around midnight, from 1992 (China kept summer time in 1986–1991) to 2100', () => {
    const instants: number[] = [];
    for (let day = Date.parse('1992-01-01T00:00:00Z'); day < Date.parse('2100-01-01T00:00:00Z'); day += 86_400_000 * 37) {
      const midnight = day + 16 * 3_600_000; // 00:00 in China
      instants.push(midnight - 1, midnight, midnight + 1, day + 12_345_678);
    }
    for (const ms of instants) expect(chinaDayOf(ms), new Date(ms).toISOString()).toBe(intl.format(new Date(ms)));
  });
});
