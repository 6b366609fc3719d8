import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIN_STATUS_ENTRIES, StatusBitstring, issueStatusList, openStatusList, signVcJwt, statusLookupFromLists } from '../src/index.js';
import { BASE, KEYS, keyAt, licence, tamper } from './fixtures.js';

/** The encodedList of the W3C Bitstring Status List v1.0 Recommendation's example (§2.2): 131,072 zero bits. */
const W3C_EXAMPLE = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

describe('the bitstring', () => {
  it('reads the W3C spec example: 131,072 entries, all valid', () => {
    const bits = StatusBitstring.decode(W3C_EXAMPLE);
    expect(bits.ok).toBe(true);
    if (!bits.ok) return;
    expect(bits.value.size).toBe(131_072);
    expect(bits.value.setIndexes()).toEqual([]);
  });

  it('has at least 131,072 entries, index 0 the left-most (most significant) bit of byte 0', () => {
    expect(StatusBitstring.empty().size).toBe(MIN_STATUS_ENTRIES);
    expect(StatusBitstring.empty(10).size).toBe(MIN_STATUS_ENTRIES);
    const bits = StatusBitstring.empty().with(0, true).with(9, true).with(131_071, true);
    const bytes = bits.toBytes();
    expect([bytes[0], bytes[1], bytes[16_383]]).toEqual([0x80, 0x40, 0x01]);
    const raw = gunzipSync(Buffer.from(bits.encode().slice(1), 'base64url'));
    expect([raw[0], raw[1], raw[16_383], raw.length]).toEqual([0x80, 0x40, 0x01, 16_384]);
  });

  it('round-trips: u + base64url (no padding) of GZIP, same bits back', () => {
    const indexes = [0, 1, 7, 8, 94_567, 131_071];
    const bits = indexes.reduce((b, i) => b.with(i, true), StatusBitstring.empty());
    const encoded = bits.encode();
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const back = StatusBitstring.decode(encoded);
    expect(back.ok && back.value.setIndexes()).toEqual(indexes);
    expect(back.ok && back.value.with(7, false).setIndexes()).toEqual([0, 1, 8, 94_567, 131_071]);
    expect(bits.get(94_567) && !bits.get(94_566)).toBe(true);
  });

  it('refuses what is not a list: no u prefix, padding, not GZIP, too short, a GZIP bomb', () => {
    const short = `u${Buffer.from(gzipSync(new Uint8Array(1024))).toString('base64url')}`;
    const bomb = `u${Buffer.from(gzipSync(new Uint8Array(4 * 1024 * 1024))).toString('base64url')}`;
    for (const bad of [W3C_EXAMPLE.slice(1), `${W3C_EXAMPLE}=`, 'uAAAA', short, bomb]) {
      const result = StatusBitstring.decode(bad);
      expect(result.ok || result.code).toBe('XR_CERT_MALFORMED');
    }
  });

  it('throws only on a programming error (an index outside the list)', () => {
    expect(() => StatusBitstring.empty().get(131_072)).toThrow(RangeError);
  });
});

describe('the BitstringStatusListCredential', () => {
  const issuer = licence().issuer;
  const bits = StatusBitstring.empty().with(42, true);
  const issued = issueStatusList({ base: BASE, issuer, purpose: 'revocation', list: 0, bits, asOf: Date.parse('2025-06-01T08:00:00.123Z') }, KEYS.k2.signer);
  if (!issued.ok) throw new Error(issued.message);
  const { jws, credential } = issued.value;

  it('is a vc+jwt whose subject is a BitstringStatusList of the issuer', () => {
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://xr.example.gov.cn/issuers/370200/11370200MB28559185/status/revocation/0',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      validFrom: '2025-06-01T08:00:00Z',
      credentialSubject: { id: 'https://xr.example.gov.cn/issuers/370200/11370200MB28559185/status/revocation/0#list', type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'EdDSA', kid: '370200.k2', typ: 'vc+jwt' });
  });

  it('opens (signature, schema, bits) and answers status by issuer, purpose and index', () => {
    const opened = openStatusList(jws, keyAt);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const lookup = statusLookupFromLists([opened.value]);
    const q = { issuer: credential.issuer.id, purpose: 'revocation' as const, list: credential.id };
    expect(lookup({ ...q, index: 42 })).toEqual({ status: 'revoked', asOf: '2025-06-01T08:00:00Z' });
    expect(lookup({ ...q, index: 43 })).toEqual({ status: 'ok', asOf: '2025-06-01T08:00:00Z' });
    expect(lookup({ ...q, index: 200_000 }).status).toBe('unknown');
    expect(lookup({ ...q, purpose: 'suspension', index: 42 }).status).toBe('unknown');
    expect(lookup({ ...q, issuer: 'https://xr.example.gov.cn/issuers/331081/11370200MB28559185', index: 42 }).status).toBe('unknown');
  });

  it('refuses an altered list (a bit cleared) and one signed by a key of another region', () => {
    const cleared = tamper(jws, (c) => ({ ...c, credentialSubject: { ...(c['credentialSubject'] as object), encodedList: StatusBitstring.empty().encode() } }));
    const opened = openStatusList(cleared, keyAt);
    expect(opened.ok || opened.problems.map((p) => p.code)).toEqual(['XR_CERT_SIGNATURE_INVALID']);
    const foreign = signVcJwt({ ...credential, issuer: { id: 'https://xr.example.gov.cn/issuers/331081/11370200MB28559185', name: 'x' } }, KEYS.k2.signer);
    const refused = openStatusList(foreign, keyAt);
    expect(refused.ok || refused.problems.map((p) => p.code)).toContain('XR_KEY_REGION_MISMATCH');
  });
});

