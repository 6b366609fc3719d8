/**
 * `scanCanonical` judges RFC 8785 form on the bytes alone, so it must never disagree with the slow
 * check it stands in for: members only where `parseCanonical` accepts the text, `false` only where
 * it refuses it (or the bytes are not UTF-8). Checked on canonical text of generated values (where
 * it must also give the right spans, and `undefined` only where the rules allow), on that text
 * damaged in the ways a record can be non-canonical, on one case per rule, and on a journal record
 * as the gateway writes it.
 */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical.js';
import { parseCanonical, scanCanonical, type SpanMember } from '../src/canonical-check.js';

type Scan = ReturnType<typeof scanCanonical>;

/** What `parseCanonical` says of these bytes as the auditor reads them: refused when not UTF-8. */
function slowAccepts(bytes: Buffer): boolean {
  return isUtf8(bytes) && parseCanonical(bytes.toString('utf8')) !== undefined;
}

/**
 * `bytes` at each alignment inside a larger buffer (the scan reads strings a 32-bit word at a time
 * where they are aligned): last in its buffer, and with bytes of every kind around it.
 */
function placed(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let shift = 0; shift < 4; shift++) {
    const atEnd = Buffer.from(new ArrayBuffer(shift + bytes.length)).fill(0x22);
    bytes.copy(atEnd, shift);
    out.push(atEnd.subarray(shift));
    const inside = Buffer.alloc(8 + shift + bytes.length + 7, 0x5c);
    bytes.copy(inside, 8 + shift);
    out.push(inside.subarray(8 + shift, 8 + shift + bytes.length));
  }
  return out;
}

/** The scan, checked against the contract: members → accepted by the slow path; false → refused; the same answer wherever the bytes sit. */
function scan(bytes: Buffer): Scan {
  const result = scanCanonical(bytes);
  for (const other of placed(bytes)) expect(scanCanonical(other), `the answer moved with the bytes' alignment: ${JSON.stringify(bytes.toString())}`).toEqual(result);
  if (result === false) expect(slowAccepts(bytes), `false, but parseCanonical accepts ${JSON.stringify(bytes.toString())}`).toBe(false);
  else if (result !== undefined) expect(slowAccepts(bytes), `members, but parseCanonical refuses ${JSON.stringify(bytes.toString())}`).toBe(true);
  return result;
}

const kindOf = (value: unknown): SpanMember['kind'] =>
  typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : 'literal';

/** Members against the parsed object: keys in canonical order, each slice parsing to its value; nested members at depth 1 only. */
function expectMembers(bytes: Buffer, members: readonly SpanMember[], value: unknown, depth: 1 | 2): void {
  expect(kindOf(value)).toBe('object');
  const record = value as Record<string, unknown>;
  expect(members.map((m) => m.key)).toEqual(Object.keys(record).sort());
  for (const m of members) {
    const slice = bytes.toString('utf8', m.start, m.end);
    expect(JSON.parse(slice)).toEqual(record[m.key]);
    expect(m.kind).toBe(kindOf(record[m.key]));
    expect(m.escaped).toBe(m.kind === 'string' && slice.includes('\\'));
    if (depth === 1 && m.kind === 'object') expectMembers(bytes, m.members!, record[m.key], 2);
    else expect(m.members).toBeUndefined();
  }
}

// Keys JCS orders by bytes here (printable ASCII but `"` and `\`), and some that the scan leaves to the slow path.
const PLAIN = Array.from({ length: 0x5f }, (_, k) => String.fromCharCode(0x20 + k)).filter((c) => c !== '"' && c !== '\\');
const plainKey = fc.oneof(fc.string({ unit: fc.constantFrom(...PLAIN), maxLength: 6 }), fc.constantFrom('a', 'A', 'b', 'ab', '10', '9', '', '__proto__'));
const anyKey = fc.oneof({ weight: 3, arbitrary: plainKey }, fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary-ascii', maxLength: 4 }));
const specials = fc.constantFrom('\u0000', '\u0008', '\u000b', '\u001f', '\n', '\t', '"', '\\', '/', '\u007f', 'é', '张', '😀', '\u2028', 'A', 'z');
const text = fc.oneof(fc.string({ unit: fc.oneof(specials, fc.constantFrom('a', 'b', ' ')), maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const safeInteger = fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 });

describe('scanCanonical on canonical text', () => {
  const units = ['grapheme-ascii', 'binary-ascii', 'grapheme', 'binary'] as const;
  const json = fc.oneof(...units.map((stringUnit) => fc.jsonValue({ stringUnit, maxDepth: 4 })));
  const object = fc.dictionary(anyKey, fc.oneof(json, fc.dictionary(anyKey, json, { maxKeys: 5 })), { maxKeys: 6 });
  const value = fc.oneof(json, { weight: 2, arbitrary: object }, { weight: 2, arbitrary: fc.dictionary(anyKey, object, { maxKeys: 4 }) });

  it('never says false, and its members are the top-level members and their spans (nested ones too)', () => {
    let withMembers = 0;
    fc.assert(
      fc.property(value, (v) => {
        let canonical: string;
        try {
          canonical = canonicalJson(v);
        } catch {
          return; // a lone surrogate: no canonical form
        }
        const bytes = Buffer.from(canonical);
        const members = scan(bytes);
        expect(members).not.toBe(false);
        if (members) {
          withMembers++;
          expectMembers(bytes, members, JSON.parse(canonical), 1);
        }
      }),
      { numRuns: 3000 },
    );
    expect(withMembers).toBeGreaterThan(300);
  });

  // Records as written: ASCII member names, integers, any strings, at any depth. Nothing here is left to the slow path.
  const leaf = fc.oneof(text, safeInteger, fc.boolean(), fc.constant(null));
  const { record } = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('record')),
    array: fc.array(tie('node'), { maxLength: 4 }),
    record: fc.dictionary(plainKey, tie('node'), { maxKeys: 5 }),
  }));

  it('gives members (not undefined) for objects with ASCII names, integers and any strings', () => {
    fc.assert(
      fc.property(record, (v) => {
        const bytes = Buffer.from(canonicalJson(v));
        const members = scan(bytes);
        expect(members).toBeInstanceOf(Array);
        expectMembers(bytes, members as SpanMember[], JSON.parse(bytes.toString()), 1);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- Damaged text: the canonical form written with one fault, somewhere.

const TREE_DAMAGES = ['swap', 'duplicate', 'keyCase', 'escapeChar', 'longEscape', 'upperHex', 'dotZero', 'leadingZero', 'minusZero'] as const;
const TEXT_DAMAGES = ['space', 'trailing', 'truncate', 'flipUtf8', 'flipAny'] as const;
type Damage = (typeof TREE_DAMAGES)[number] | (typeof TEXT_DAMAGES)[number];
const OBJECT_DAMAGES: readonly Damage[] = ['swap', 'duplicate', 'keyCase'];
const STRING_DAMAGES: readonly Damage[] = ['escapeChar', 'longEscape', 'upperHex'];

const hex4 = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
const toggleCase = (key: string): string => {
  const k = [...key].findIndex((c) => c.toLowerCase() !== c.toUpperCase());
  if (k < 0) return key;
  const chars = [...key];
  const c = chars[k]!;
  chars[k] = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return chars.join('');
};

/** A string written with a character escaped that JCS writes raw, a short escape written `\u00xx`, or upper-case hex in a `\u00xx` escape. */
function damageString(s: string, damage: Damage): string {
  const written = JSON.stringify(s);
  if (damage === 'longEscape') {
    let done = false;
    const long = written.replace(/\\(["\\bfnrt]|u[0-9a-f]{4})/g, (m, c: string) => {
      if (done || !'bfnrt'.includes(c)) return m;
      done = true;
      return hex4((JSON.parse(`"${m}"`) as string).charCodeAt(0));
    });
    return long !== written ? long : `${written.slice(0, -1)}\\u000a"`;
  }
  if (damage === 'upperHex') {
    const upper = written.replace(/\\u00([0-9a-f]{2})/, (_m, h: string) => `\\u00${h.toUpperCase()}`);
    return upper !== written ? upper : `${written.slice(0, -1)}\\u001F"`;
  }
  // The first character written raw (not part of an escape), escaped as JCS never does.
  for (let k = 1; k < written.length - 1; k++) {
    if (written[k] === '\\') {
      k += written[k + 1] === 'u' ? 5 : 1;
      continue;
    }
    const units = written.codePointAt(k)! > 0xffff ? 2 : 1;
    const escaped = written[k] === '/' ? '\\/' : hex4(written.charCodeAt(k)) + (units === 2 ? hex4(written.charCodeAt(k + 1)) : '');
    return written.slice(0, k) + escaped + written.slice(k + units);
  }
  return `${written.slice(0, -1)}\\u0041"`;
}

/** A number written with `.0` (or a trailing zero), a leading zero, or as `-0`. */
function damageNumber(n: number, damage: Damage): string {
  const written = JSON.stringify(n);
  if (damage === 'dotZero') return /[.e]/.test(written) ? `${written}0` : `${written}.0`;
  if (damage === 'leadingZero') return written.startsWith('-') ? `-0${written.slice(1)}` : `0${written}`;
  return '-0';
}

/** `canonicalJson(v)`, but with one fault at one of the nodes it applies to (the `at`-th, modulo their number). */
function writeDamaged(v: unknown, damage: Damage, at: number): string {
  const kind = OBJECT_DAMAGES.includes(damage) ? 'object' : STRING_DAMAGES.includes(damage) ? 'string' : 'number';
  let seen = 0;
  let target = -1;
  const write = (x: unknown): string => {
    const here = kindOf(x) === kind && seen++ === target;
    if (typeof x === 'string') return here ? damageString(x, damage) : JSON.stringify(x);
    if (typeof x === 'number') return here ? damageNumber(x, damage) : JSON.stringify(x);
    if (x === null || typeof x !== 'object') return JSON.stringify(x);
    if (Array.isArray(x)) return `[${x.map(write).join(',')}]`;
    const record = x as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .map((k): [string, string] => [k, write(record[k])]);
    if (here && entries.length > 0) {
      const j = at % entries.length;
      if (damage === 'swap' && entries.length > 1) {
        const k = Math.min(j, entries.length - 2);
        [entries[k], entries[k + 1]] = [entries[k + 1]!, entries[k]!];
      } else if (damage === 'duplicate') entries.splice(j, 0, entries[j]!);
      else if (damage === 'keyCase') entries[j] = [toggleCase(entries[j]![0]), entries[j]![1]];
    }
    return `{${entries.map(([k, t]) => `${JSON.stringify(k)}:${t}`).join(',')}}`;
  };
  write(v); // counts the nodes the fault applies to
  if (seen > 0) target = at % seen;
  seen = 0;
  return write(v);
}

/** Faults on the text or the bytes as a whole. */
function damageBytes(canonical: string, damage: Damage, at: number, byte: number): Buffer {
  const bytes = Buffer.from(canonical);
  const p = at % (bytes.length + 1);
  if (damage === 'space') return Buffer.concat([bytes.subarray(0, p), Buffer.from([[0x20, 0x0a, 0x09, 0x0d][byte % 4]!]), bytes.subarray(p)]);
  if (damage === 'trailing') return Buffer.concat([bytes, Buffer.from(['x', ' ', ',', '}', '0', '{}', '\n'][byte % 7]!)]);
  if (damage === 'truncate') return bytes.subarray(0, p % bytes.length);
  const out = Buffer.from(bytes);
  const high = [...out.keys()].filter((k) => out[k]! >= 0x80);
  const k = damage === 'flipUtf8' && high.length > 0 ? high[at % high.length]! : at % out.length;
  out[k] = out[k]! ^ (byte === 0 ? 0x40 : byte);
  return out;
}

describe('scanCanonical on damaged text', () => {
  const key = fc.oneof({ weight: 8, arbitrary: plainKey }, anyKey);
  const number = fc.oneof({ weight: 4, arbitrary: safeInteger }, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 7, 1e21, 0.5, 123456789012345678));
  const leaf = fc.oneof(text, number, fc.boolean(), fc.constant(null));
  const { node } = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('record')),
    array: fc.array(tie('node'), { maxLength: 4 }),
    record: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  }));
  const top = fc.dictionary(key, node, { minKeys: 1, maxKeys: 6 });

  it('agrees with parseCanonical wherever it answers, and refuses most faults outright', () => {
    const refused = new Map<Damage, number>();
    let runs = 0;
    fc.assert(
      fc.property(top, fc.constantFrom<Damage>(...TREE_DAMAGES, ...TEXT_DAMAGES), fc.nat(), fc.nat(255), (v, damage, at, byte) => {
        const canonical = canonicalJson(v);
        const bytes = (TREE_DAMAGES as readonly Damage[]).includes(damage) ? Buffer.from(writeDamaged(v, damage, at)) : damageBytes(canonical, damage, at, byte);
        const result = scan(bytes);
        if (damage === 'dotZero' && bytes.toString() !== canonical) expect(result).toBeUndefined(); // a fraction: the slow path's
        if (result === false) refused.set(damage, (refused.get(damage) ?? 0) + 1);
        runs++;
      }),
      { numRuns: 4000 },
    );
    // The faults are real ones: most are refused here without the slow path, each kind (but `.0`) some of the time.
    expect([...refused.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(runs * 0.6);
    for (const damage of [...TREE_DAMAGES, ...TEXT_DAMAGES]) if (damage !== 'dotZero') expect(refused.get(damage), damage).toBeGreaterThan(20);
  });
});

// ---- One case per rule.

const bytesOf = (s: string): Buffer => Buffer.from(s);
const hexBytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
type Expect = 'members' | false | undefined;
const CASES: [string, Buffer, Expect][] = [
  // UTF-8, no BOM
  ['invalid UTF-8 byte', hexBytes('{"a":"', [0xff], '"}'), false],
  ['overlong UTF-8', hexBytes('{"a":"', [0xc0, 0xaf], '"}'), false],
  ['UTF-8 surrogate', hexBytes('{"a":"', [0xed, 0xa0, 0x80], '"}'), false],
  ['truncated UTF-8 sequence', hexBytes('{"a":"', [0xe5, 0xbc], '"}'), false],
  ['BOM', hexBytes([0xef, 0xbb, 0xbf], '{}'), false],
  // no whitespace, one value
  ['space after {', bytesOf('{ "a":1}'), false],
  ['space after :', bytesOf('{"a": 1}'), false],
  ['space in array', bytesOf('{"a":[1, 2]}'), false],
  ['newline before', bytesOf('\n{}'), false],
  ['space after', bytesOf('{} '), false],
  ['space in a string', bytesOf('{"a":" "}'), 'members'],
  ['two values', bytesOf('{}{}'), false],
  ['trailing garbage', bytesOf('{"a":1}x'), false],
  ['empty', bytesOf(''), false],
  ['truncated', bytesOf('{"a":1'), false],
  ['unterminated string', bytesOf('{"a":"x}'), false],
  // strings: raw bytes
  ['raw DEL', bytesOf('{"a":"\u007f"}'), 'members'],
  ['raw U+2028', bytesOf('{"a":"\u2028\u2029"}'), 'members'],
  ['raw non-ASCII', bytesOf('{"a":"é张😀"}'), 'members'],
  ['raw control byte', hexBytes('{"a":"', [0x01], '"}'), false],
  ['raw tab', bytesOf('{"a":"\t"}'), false],
  ['raw newline', bytesOf('{"a":"\n"}'), false],
  // strings: escapes
  ['short escapes', bytesOf('{"a":"\\"\\\\\\b\\f\\n\\r\\t"}'), 'members'],
  ['\\u00xx for controls without a short form', bytesOf('{"a":"\\u0000\\u0007\\u000b\\u000e\\u001f"}'), 'members'],
  ['\\/', bytesOf('{"a":"\\/"}'), false],
  ['\\u0041', bytesOf('{"a":"\\u0041"}'), false],
  ['\\u00e9', bytesOf('{"a":"\\u00e9"}'), false],
  ['\\u007f', bytesOf('{"a":"\\u007f"}'), false],
  ['\\u2028', bytesOf('{"a":"\\u2028"}'), false],
  ['upper-case hex', bytesOf('{"a":"\\u001F"}'), false],
  ['upper-case U', bytesOf('{"a":"\\U001f"}'), false],
  ['\\u000a (has \\n)', bytesOf('{"a":"\\u000a"}'), false],
  ['\\u0008 (has \\b)', bytesOf('{"a":"\\u0008"}'), false],
  ['\\u000A', bytesOf('{"a":"\\u000A"}'), false],
  ['surrogate pair escaped', bytesOf('{"a":"\\ud83d\\ude00"}'), false],
  ['lone surrogate escaped', bytesOf('{"a":"\\ud800"}'), false],
  ['lone low surrogate escaped', bytesOf('{"a":"\\udc00"}'), false],
  ['\\x', bytesOf('{"a":"\\x41"}'), false],
  ["\\'", bytesOf('{"a":"\\\'"}'), false],
  ['cut \\u escape', bytesOf('{"a":"\\u00"}'), false],
  // numbers
  ['integers', bytesOf('{"a":0,"b":-1,"c":123456789012345,"d":-123456789012345}'), 'members'],
  ['-0', bytesOf('{"a":-0}'), false],
  ['leading zero', bytesOf('{"a":01}'), false],
  ['negative leading zero', bytesOf('{"a":-01}'), false],
  ['00', bytesOf('{"a":00}'), false],
  ['16 digits', bytesOf('{"a":1234567890123456}'), undefined],
  ['17 digits, not its ES form', bytesOf('{"a":12345678901234567}'), undefined],
  ['fraction', bytesOf('{"a":1.5}'), undefined],
  ['.0', bytesOf('{"a":1.0}'), undefined],
  ['exponent', bytesOf('{"a":1e21}'), undefined],
  ['signed exponent', bytesOf('{"a":1E+2}'), undefined],
  ['-0.0', bytesOf('{"a":-0.0}'), undefined],
  ['1.', bytesOf('{"a":1.}'), false],
  ['.5', bytesOf('{"a":.5}'), false],
  ['1e', bytesOf('{"a":1e}'), false],
  ['+1', bytesOf('{"a":+1}'), false],
  ['-', bytesOf('{"a":-}'), false],
  ['hex', bytesOf('{"a":0x10}'), false],
  ['NaN', bytesOf('{"a":NaN}'), false],
  // literals
  ['literals', bytesOf('{"a":true,"b":false,"c":null}'), 'members'],
  ['True', bytesOf('{"a":True}'), false],
  ['nul', bytesOf('{"a":nul}'), false],
  ['nulll', bytesOf('{"a":nulll}'), false],
  // objects
  ['empty object', bytesOf('{}'), 'members'],
  ['in order', bytesOf('{"a":1,"b":2}'), 'members'],
  ['out of order', bytesOf('{"b":1,"a":2}'), false],
  ['duplicate', bytesOf('{"a":1,"a":1}'), false],
  ['duplicate, other value', bytesOf('{"a":1,"a":2}'), false],
  ['upper case first', bytesOf('{"A":1,"a":2}'), 'members'],
  ['upper case after', bytesOf('{"a":1,"A":2}'), false],
  ['code-unit order, not numeric', bytesOf('{"10":1,"9":2}'), 'members'],
  ['numeric order', bytesOf('{"9":1,"10":2}'), false],
  ['prefix first', bytesOf('{"a":1,"ab":2}'), 'members'],
  ['prefix after', bytesOf('{"ab":1,"a":2}'), false],
  ['empty name first', bytesOf('{"":1,"a":2}'), 'members'],
  ['__proto__', bytesOf('{"__proto__":1}'), 'members'],
  ['out of order at depth 3', bytesOf('{"a":{"b":{"d":1,"c":2}}}'), false],
  ['out of order in an array', bytesOf('{"a":[{"b":1,"a":2}]}'), false],
  ['name with an escape', bytesOf('{"a\\nb":1}'), undefined],
  ['non-ASCII name', bytesOf('{"é":1}'), undefined],
  ['non-ASCII name, nested', bytesOf('{"a":{"é":1}}'), undefined],
  ['non-ASCII name, out of order', bytesOf('{"é":1,"a":2}'), undefined],
  ['escaped name that is not canonical', bytesOf('{"\\u0061":1}'), false],
  ['trailing comma', bytesOf('{"a":1,}'), false],
  ['leading comma', bytesOf('{,"a":1}'), false],
  ['name only', bytesOf('{"a"}'), false],
  ['no value', bytesOf('{"a":}'), false],
  ['no colon', bytesOf('{"a"1}'), false],
  ['bare name', bytesOf('{a:1}'), false],
  ['unclosed', bytesOf('{"a":{"b":1}'), false],
  ['wrong close', bytesOf('{"a":[1}}'), false],
  // arrays
  ['arrays', bytesOf('{"a":[],"b":[1,[2,[]],{},"x",null]}'), 'members'],
  ['array trailing comma', bytesOf('{"a":[1,]}'), false],
  ['array hole', bytesOf('{"a":[,1]}'), false],
  ['array without comma', bytesOf('{"a":[1 2]}'), false],
  // top level not an object
  ['array', bytesOf('[]'), undefined],
  ['string', bytesOf('"x"'), undefined],
  ['number', bytesOf('1'), undefined],
  ['null', bytesOf('null'), undefined],
  ['invalid array', bytesOf('[1,]'), false],
  // depth
  ['64 deep', bytesOf(`{"a":${'['.repeat(63)}${']'.repeat(63)}}`), 'members'],
  ['65 deep', bytesOf(`{"a":${'['.repeat(64)}${']'.repeat(64)}}`), undefined],
];

describe('scanCanonical, one case per rule', () => {
  it.each(CASES)('%s', (_name, bytes, expected) => {
    const result = scan(bytes);
    if (expected === 'members') expect(result).toBeInstanceOf(Array);
    else expect(result).toBe(expected);
  });
});

describe('scanCanonical on long strings (read a word at a time)', () => {
  // Each byte that ends a run of plain string bytes, at every position of a 40-byte string and at
  // every alignment: a control byte refuses the record, an escape or a non-ASCII character is seen,
  // a raw quote ends the string early (and so refuses the record).
  const SPECIAL: [string, number[], 'false' | 'escaped' | 'nonAscii'][] = [
    ['a control byte', [0x1f], 'false'],
    ['NUL', [0x00], 'false'],
    ['a raw quote', [0x22], 'false'],
    ['an escape', [0x5c, 0x6e], 'escaped'],
    ['a unicode escape', [0x5c, 0x75, 0x30, 0x30, 0x31, 0x66], 'escaped'],
    ['a two-byte character', [0xc3, 0xa9], 'nonAscii'],
    ['a four-byte character', [0xf0, 0x9f, 0x98, 0x80], 'nonAscii'],
  ];
  it.each(SPECIAL)('%s anywhere in the string', (_name, special, expected) => {
    for (let at = 0; at <= 40; at++) {
      const body = Buffer.concat([Buffer.alloc(at, 0x61), Buffer.from(special), Buffer.alloc(40 - at, 0x62)]);
      const bytes = Buffer.concat([Buffer.from('{"k":"'), body, Buffer.from('","z":1}')]);
      const result = scan(bytes);
      if (expected === 'false') {
        expect(result, `at ${at}`).toBe(false);
        continue;
      }
      expect(result, `at ${at}`).toBeInstanceOf(Array);
      const [k] = result as SpanMember[];
      expect(k!.end - k!.start, `at ${at}`).toBe(body.length + 2);
      expect(k!.escaped, `at ${at}`).toBe(expected === 'escaped');
    }
  });
  it('sees a non-ASCII byte in a long member name (it leaves such a name to the slow path)', () => {
    for (let at = 0; at <= 20; at++) {
      const name = Buffer.concat([Buffer.alloc(at, 0x61), Buffer.from('é'), Buffer.alloc(20 - at, 0x62)]);
      expect(scan(Buffer.concat([Buffer.from('{"'), name, Buffer.from('":1}')])), `at ${at}`).toBeUndefined();
    }
  });
});

// ---- A journal record as the gateway writes it.

describe('scanCanonical on a journal record', () => {
  const event = {
    caseId: '01900014-0000-7000-8000-000000000013',
    id: '01900014-0001-7000-8000-000000000013',
    payload: {
      applicant: { idNumber: '11010519491231002X', idType: 'resident-id', kind: 'person', name: '张三' },
      intake: { formCheck: 'passed' },
      materials: [{ mediaType: 'application/pdf', name: '申请书', size: 2048 }],
    },
    seq: 1,
    source: '371500',
    target: '370200',
    time: '2026-12-04T17:18:53.029Z',
    type: 'case.submitted',
    v: 1,
  };
  const record = {
    recordedAt: '2026-12-04T17:18:53.029Z',
    prev: '90f900d3c84b41b6010ac562ff8e78341dddcbfb74d7991d4db991a3a814c550',
    n: 5,
    eventSeal:
      'c2sp.org/tlog-proof@v1\nindex 19\n0Ns7lPq3N6CG41BnNHM7OesJ6iRYBr7tNaNkdNN5RQ0=\n\nxr.seal.371500/370200\n256\nZzQvnAZHNDtMmhgtiXiUq63Xy7ILnL/c72yad0FyDUo=\n',
    event,
    caseSeq: 1,
  };
  const bytes = Buffer.from(canonicalJson(record));

  /** Where the value of the member `key` sits, found by its unique `"key":` in the bytes. */
  const spanOf = (key: string, value: unknown): { start: number; end: number } => {
    const start = bytes.indexOf(`"${key}":`) + Buffer.byteLength(`"${key}":`);
    return { start, end: start + Buffer.byteLength(canonicalJson(value)) };
  };

  it('gives its members and those of the event, with their byte spans', () => {
    const members = scan(bytes);
    expect(members).toBeInstanceOf(Array);
    const top = members as readonly SpanMember[];
    expect(top.map((m) => m.key)).toEqual(['caseSeq', 'event', 'eventSeal', 'n', 'prev', 'recordedAt']);
    for (const m of top) expect({ start: m.start, end: m.end }).toEqual(spanOf(m.key, record[m.key as keyof typeof record]));
    expect(top.map((m) => [m.kind, m.escaped])).toEqual([
      ['number', false],
      ['object', false],
      ['string', true],
      ['number', false],
      ['string', false],
      ['string', false],
    ]);
    const eventMembers = top[1]!.members!;
    expect(eventMembers.map((m) => m.key)).toEqual(['caseId', 'id', 'payload', 'seq', 'source', 'target', 'time', 'type', 'v']);
    for (const m of eventMembers) expect({ start: m.start, end: m.end }).toEqual(spanOf(m.key, event[m.key as keyof typeof event]));
    // The payload (depth 2) is spanned but not opened; it holds non-ASCII, so spans are bytes, not characters.
    const payload = eventMembers[2]!;
    expect(payload.kind).toBe('object');
    expect(payload.members).toBeUndefined();
    expect(JSON.parse(bytes.toString('utf8', payload.start, payload.end))).toEqual(event.payload);
    // The few fields the auditor reads, sliced without parsing the rest.
    expect(bytes.toString('latin1', top[4]!.start + 1, top[4]!.end - 1)).toBe(record.prev);
    expect(Number(bytes.toString('latin1', top[3]!.start, top[3]!.end))).toBe(5);
    expect(JSON.parse(bytes.toString('utf8', top[2]!.start, top[2]!.end))).toBe(record.eventSeal);
    expectMembers(bytes, top, record, 1);
  });

  it('refuses the record with one member out of order, or re-encoded with spaces', () => {
    const swapped = canonicalJson(record).replace('"n":5,"prev"', '"prev"').replace(`"${record.prev}",`, `"${record.prev}","n":5,`);
    expect(scan(Buffer.from(swapped))).toBe(false);
    expect(scan(Buffer.from(JSON.stringify(JSON.parse(canonicalJson(record)), null, 1)))).toBe(false);
  });
});
