/** An export line's value must be canonical standard base64: checked without re-encoding, the same verdict as re-encoding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBase64, parseRecordLine, recordLine } from '../src/index.js';

/** The verdict by definition: decode, write again, compare. */
const byReencoding = (text: string): boolean => Buffer.from(text, 'base64').toString('base64') === text;

describe('an export line\'s value', () => {
  it('is canonical base64 exactly when writing its bytes again gives it back', () => {
    // With characters Node's decoder reads by their low byte ('ń' as 'D', 'Ń' as 'C', 'ｄ' as 'd', '⭄' as 'D') and Latin-1 ones.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n.ńŃｄ⭄é\u00ff';
    const damaged = fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet)), { maxLength: 3 }), fc.nat({ max: 3 })).map(([bytes, edits, cut]) => {
      const chars = [...Buffer.from(bytes).toString('base64')];
      for (const [at, c] of edits) if (chars.length > 0) chars[at % chars.length] = c;
      return chars.slice(0, chars.length - (cut === 3 ? 1 : 0)).join('');
    });
    fc.assert(
      fc.property(damaged, (text) => {
        const decoded = canonicalBase64(text);
        expect(decoded !== undefined).toBe(byReencoding(text));
        if (decoded) expect(decoded.toString('base64')).toBe(text);
      }),
      { numRuns: 5000 },
    );
    for (const text of ['', 'AA==', 'AB==', 'AAA=', 'AAB=', 'AAAA', 'A===', '====', 'AA=A', 'AA-_', 'AA\nA', 'QUJD', 'QUJD\n', 'QUJń', 'QUJ\u0143', 'AAAAQUJｄ']) expect(canonicalBase64(text) !== undefined).toBe(byReencoding(text));
  });

  it('a record line round-trips, and one with a value in base64url or with padding bits set is refused', () => {
    const r = { topic: 'x.journal.371500', partition: 0, offset: 3, timestamp: 1_764_000_000_000, key: 'k', headers: { 'xr-id': 'a' }, value: new Uint8Array([251, 255, 1]) };
    const line = recordLine(r);
    expect(parseRecordLine(line)).toMatchObject({ offset: 3, key: 'k', headers: { 'xr-id': 'a' } });
    expect(Buffer.from((parseRecordLine(line) as { value: Uint8Array }).value)).toEqual(Buffer.from([251, 255, 1]));
    expect(parseRecordLine(line.replace('"+/8B"', '"-_8B"'))).toBe('value is not canonical standard base64');
    const short = recordLine({ ...r, value: new Uint8Array([251]) });
    expect(parseRecordLine(short.replace('"+w=="', '"+x=="'))).toBe('value is not canonical standard base64');
  });
});
