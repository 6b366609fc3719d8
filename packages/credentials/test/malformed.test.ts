import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XR_ERROR_CODES } from '@xr/domain';
import { issueLicence, showCertificate, verifyCertificate } from '../src/index.js';
import { KEYS, context, licence } from './fixtures.js';

const issued = issueLicence(licence(), KEYS.k2.signer);
if (!issued.ok) throw new Error(issued.message);
const { jws } = issued.value;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const [h, p, s] = jws.split('.') as [string, string, string];

function malformedAt(input: unknown, field: string): void {
  const verdict = verifyCertificate(input, context());
  expect(verdict.valid).toBe(false);
  expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'XR_CERT_MALFORMED', field }));
}

describe('malformed input is XR_CERT_MALFORMED with the field, never a throw', () => {
  it('not a string, not 3 parts, oversized', () => {
    malformedAt(42, '/');
    malformedAt(undefined, '/');
    malformedAt(`${h}.${p}`, '/');
    malformedAt(`${jws}.x`, '/');
    malformedAt(`${h}.${'A'.repeat(70_000)}.${s}`, '/');
  });

  it('bad base64url, padding, header or payload not JSON objects, short signature', () => {
    malformedAt(`${h}=.${p}.${s}`, '/header');
    malformedAt(`${h}.${p}+.${s}`, '/payload');
    malformedAt(`${b64('not json')}.${p}.${s}`, '/header');
    malformedAt(`${b64('[1,2]')}.${p}.${s}`, '/header');
    malformedAt(`${h}.${b64('"a string"')}.${s}`, '/payload');
    malformedAt(`${h}.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.${s}`, '/payload');
    malformedAt(`${h}.${p}.${s.slice(0, 40)}`, '/signature');
    malformedAt(`${h}.${p}.`, '/signature');
  });

  it('a header with another alg, crit, or a kid that names no region key', () => {
    malformedAt(`${b64(JSON.stringify({ alg: 'none', kid: '370200.k2', typ: 'vc+jwt' }))}.${p}.${s}`, '/header/alg');
    malformedAt(`${b64(JSON.stringify({ alg: 'EdDSA', kid: '370200.k2', typ: 'vc+jwt', crit: ['b64'], b64: false }))}.${p}.${s}`, '/header/crit');
    malformedAt(`${b64(JSON.stringify({ alg: 'EdDSA', kid: 'k2', typ: 'vc+jwt' }))}.${p}.${s}`, '/header/kid');
  });

  it('a payload that breaks the schema names each field', () => {
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const { validFrom: _, ...rest } = payload;
    malformedAt(`${h}.${b64(JSON.stringify({ ...rest, vc: {} }))}.${s}`, '/payload/validFrom');
    malformedAt(`${h}.${b64(JSON.stringify({ ...rest, vc: {} }))}.${s}`, '/payload/vc');
  });

  it('a payload with a duplicate member (two readings) is refused even though the bytes are what was signed', () => {
    const text = Buffer.from(p, 'base64url').toString('utf8').replace('"holderName":"张三"', '"holderName":"张三","holderName":"李四"');
    malformedAt(`${h}.${b64(text)}.${s}`, '/payload');
  });

  it('fuzz: arbitrary strings, JWS-shaped strings and mutated credentials give a verdict with known codes, and show never throws', () => {
    const known = new Set<string>(XR_ERROR_CODES);
    const b64part = fc.oneof(fc.base64String().map((t) => t.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')), fc.json().map(b64), fc.constantFrom(h, p, s));
    const mutated = fc.tuple(fc.nat({ max: jws.length - 1 }), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => `${jws.slice(0, i)}${c}${jws.slice(i + 1)}`);
    const input = fc.oneof(fc.string(), fc.tuple(b64part, b64part, b64part).map((parts) => parts.join('.')), mutated, fc.anything());
    fc.assert(
      fc.property(input, (value) => {
        const verdict = verifyCertificate(value, context());
        if (value !== jws) expect(verdict.valid).toBe(false);
        for (const reason of verdict.reasons) expect(known.has(reason.code)).toBe(true);
        expect(showCertificate(value).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
