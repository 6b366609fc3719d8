/** An export line's value must be canonical standard base64: checked without re-encoding, the same verdict as re-encoding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBase64, parseRecordLine, recordLine } from '../src/index.js';
import { readRecordLine, ValueChunks } from '../src/export.js';

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

  it('is read from its bytes as parseRecordLine reads it, or left to parseRecordLine: written, damaged and hand-made lines', () => {
    const text = fc.oneof({ arbitrary: fc.constantFrom('x.journal.371500', 'x.journal.37150', 'x.journal.3715000'), weight: 3 }, { arbitrary: fc.stringMatching(/^[a-z0-9.-]{0,12}$/), weight: 6 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 2 }, { arbitrary: fc.constantFrom('__proto__', 'a"b', 'a\\b', 'é', '张三', '\u007f', 'constructor'), weight: 1 });
    const record = fc.record({
      topic: text,
      partition: fc.oneof({ arbitrary: fc.nat(4), weight: 8 }, { arbitrary: fc.constant(2 ** 53), weight: 1 }),
      offset: fc.oneof({ arbitrary: fc.nat(), weight: 8 }, { arbitrary: fc.constantFrom(-1, 1.5, 2 ** 60), weight: 1 }),
      timestamp: fc.oneof({ arbitrary: fc.constant(1_764_000_000_000), weight: 4 }, { arbitrary: fc.nat(), weight: 4 }, { arbitrary: fc.constantFrom(0.5, -3, 1e21), weight: 1 }),
      key: fc.option(text, { nil: undefined }),
      headers: fc.dictionary(text, text, { maxKeys: 3 }),
      value: fc.uint8Array({ maxLength: 40 }),
    });
    // The line as written, or a few bytes of it changed, dropped or added (base64url digits,
    // padding, escapes, spaces, a leading zero, a second member, bytes above 0x7f).
    const junk = fc.constantFrom(...'{}[]":,\\ 0123-_=+/.eaA\n'.split(''), 'é', '\u00ff', ',"topic":"y"', ' ');
    const edits = fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(fc.tuple(fc.nat(), fc.constantFrom('set', 'drop', 'add'), junk), { minLength: 1, maxLength: 3 }), weight: 3 });
    const line = fc.tuple(record, edits).map(([r, edits]) => {
      const bytes = [...Buffer.from(recordLine(r))];
      for (const [at, how, c] of edits) {
        // Anywhere, the end included for what is added.
        const k = at % (bytes.length + (how === 'add' ? 1 : 0) || 1);
        const add = [...Buffer.from(c)];
        if (how === 'set') bytes.splice(k, 1, ...add);
        else if (how === 'drop') bytes.splice(k, 1);
        else bytes.splice(k, 0, ...add);
      }
      return Buffer.from(bytes.filter((b) => b !== 0x0a));
    });
    const shown = (r: unknown): unknown => (r && typeof r === 'object' && 'value' in r ? { ...r, value: Buffer.from((r as { value: Uint8Array }).value).toString('hex') } : r);
    let read = 0;
    // One set of chunks for all the lines, as an export's partition has (values of refused lines must not leak into the next).
    const values = new ValueChunks();
    const expected = { text: 'x.journal.371500', bytes: Buffer.from('x.journal.371500') };
    fc.assert(
      fc.property(line, fc.nat(3), fc.boolean(), (bytes, pad, expecting) => {
        const padded = Buffer.concat([Buffer.alloc(pad, 0x0a), bytes, Buffer.alloc(pad, 0x0a)]);
        // The topic its file should hold given or not (the line may hold it, or one a byte longer or shorter).
        const fast = readRecordLine(padded, pad, pad + bytes.length, values, expecting ? expected : undefined);
        if (fast === undefined) return;
        read++;
        expect(shown(fast)).toEqual(shown(parseRecordLine(bytes.toString('utf8'))));
      }),
      { numRuns: 6000 },
    );
    // Most written lines are read from their bytes (the test is not vacuous).
    expect(read).toBeGreaterThan(1000);
    const written = recordLine({ topic: 'x.journal.371500', partition: 1, offset: 7, timestamp: 1_764_000_000_000, key: 'k', headers: { 'xr-id': 'a', b: 'c' }, value: new Uint8Array([1, 2, 3]) });
    expect(shown(readRecordLine(Buffer.from(written), 0, written.length, values))).toEqual(shown(parseRecordLine(written)));
  });
});
