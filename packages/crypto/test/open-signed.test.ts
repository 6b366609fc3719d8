/** The one opener of signed records: signature over the exact bytes, then exactly RFC 8785 bytes. */
import { describe, expect, it } from 'vitest';
import { canonicalBytes, generateKeyPair, makeKid, openSigned, signDetached, signingKeyFromJwk, verificationKeyFromJwk } from '../src/index.js';
import { duplicateMember } from '../src/duplicate-member.js';

const { privateJwk, publicJwk } = generateKeyPair(makeKid('371500', 1));
const signer = signingKeyFromJwk(privateJwk);
const verifier = verificationKeyFromJwk(publicJwk);
const lookup = (kid: string) => (kid === verifier.kid ? verifier : undefined);
const enc = new TextEncoder();
const record = { id: 'e1', time: '2025-09-26T09:00:00+08:00', payload: { applicant: { name: '张三', n: 1.5 }, list: [{ a: 1 }, { a: 2 }] } };

async function open(bytes: Uint8Array) {
  return openSigned(bytes, await signDetached(bytes, signer), lookup);
}

describe('openSigned', () => {
  it('opens canonical signed bytes, giving the parsed value, kid and region; the lookup sees what the record claims', async () => {
    const claims: unknown[] = [];
    const bytes = canonicalBytes(record);
    const opened = await openSigned(bytes, await signDetached(bytes, signer), (kid, claimed) => (claims.push(claimed), lookup(kid)));
    expect(opened).toEqual({ ok: true, kid: '371500.k1', region: '371500', value: record });
    expect(claims).toEqual([record]);
  });

  it.each([
    ['a duplicate member', JSON.stringify(record).replace('"name":"张三"', '"name":"张三","name":"李四"'), '/payload/applicant/name'],
    ['a duplicate member in an array element', canonicalJsonText().replace('{"a":2}', '{"a":2,"a":3}'), '/payload/list/1/a'],
    ['pretty printing', JSON.stringify(record, null, 2), 'value'],
    ['members out of order', '{"time":"2025-09-26T09:00:00+08:00","id":"e1","payload":{}}', 'value'],
    ['a number not in its shortest form', canonicalJsonText().replace('1.5', '1.50'), 'value'],
    ['an escaped character JCS writes plainly', canonicalJsonText().replace('张三', '\\u5f20三'), 'value'],
    ['a byte-order mark', `\ufeff${canonicalJsonText()}`, 'value'],
    ['a lone surrogate (which RFC 8785 cannot represent)', '{"a":"\\ud800"}', 'value'],
    ['integer-like member names in numeric, not code-unit, order', '{"9":2,"10":1}', 'value'],
  ])('refuses validly signed bytes with %s: XR_ENVELOPE_NOT_CANONICAL at %s', async (_what, text, field) => {
    expect(await open(enc.encode(text))).toMatchObject({ ok: false, code: 'XR_ENVELOPE_NOT_CANONICAL', field, signed: true });
  });

  it('opens integer-like member names in code-unit order, and an escaped surrogate pair JCS would write plainly is refused', async () => {
    expect(await open(enc.encode('{"10":1,"9":2}'))).toMatchObject({ ok: true, value: { 10: 1, 9: 2 } });
    expect(await open(enc.encode('{"a":"\\ud83d\\ude00"}'))).toMatchObject({ ok: false, code: 'XR_ENVELOPE_NOT_CANONICAL' });
    expect(await open(enc.encode('{"a":"😀"}'))).toMatchObject({ ok: true });
  });

  it('checks the signature first: altered, unsigned or unknown-key bytes are signature failures, whatever their form', async () => {
    const bytes = canonicalBytes(record);
    const jws = await signDetached(bytes, signer);
    expect(await openSigned(canonicalBytes({ ...record, id: 'e2' }), jws, lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID', field: 'headers.xr-jws', signed: false });
    expect(await openSigned(bytes, undefined, lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_MALFORMED', field: 'headers.xr-jws' });
    expect(await openSigned(bytes, jws, () => undefined)).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN', signed: false });
    expect(await open(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ ok: false, code: 'XR_ENVELOPE_MALFORMED', field: 'value', signed: true });
    expect(await open(enc.encode('{"a":'))).toMatchObject({ ok: false, code: 'XR_ENVELOPE_MALFORMED', field: 'value', signed: true });
  });
});

describe('duplicateMember', () => {
  it('names the first repeated member by JSON Pointer, and ignores equal names in different objects and in values', () => {
    expect(duplicateMember('{"a":{"b":1},"c":{"b":2},"d":"a"}')).toBeUndefined();
    expect(duplicateMember('{"a/b":1,"a/b":2}')).toBe('/a~1b');
    expect(duplicateMember('{"x":["a",{"q\\"":1,"q\\"":2}]}')).toBe('/x/1/q"');
    expect(duplicateMember('[1,{"k":1,"k":1}]')).toBe('/1/k');
  });
});

function canonicalJsonText(): string {
  return new TextDecoder().decode(canonicalBytes(record));
}
