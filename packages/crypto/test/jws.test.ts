import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalBytes,
  canonicalJson,
  generateKeyPair,
  makeKid,
  signDetached,
  signingKeyFromJwk,
  verificationKeyFromJwk,
  verifyDetached,
} from '../src/index.js';

const { privateJwk, publicJwk } = generateKeyPair(makeKid('371500', 1));
const signer = signingKeyFromJwk(privateJwk);
const verifier = verificationKeyFromJwk(publicJwk);
const lookup = (kid: string) => (kid === verifier.kid ? verifier : undefined);

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys and writes numbers and strings the one canonical way', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 1e21, 0.5], c: '聊城' })).toBe('{"a":[true,null,1e+21,0.5],"b":1,"c":"聊城"}');
  });
});

describe('detached JWS over canonical bytes', () => {
  const payload = canonicalBytes({ type: 'case.submitted', caseId: 'c-1', payload: { item: 'x' } });

  it('verifies with plain node:crypto, no JOSE library: any standard verifier can check a record', async () => {
    const jws = await signDetached(payload, signer);
    const [protectedHeader, empty, signature] = jws.split('.');
    expect(empty).toBe('');
    const header = JSON.parse(Buffer.from(protectedHeader!, 'base64url').toString()) as Record<string, unknown>;
    expect(header).toEqual({ alg: 'EdDSA', kid: '371500.k1', b64: false, crit: ['b64'] });
    const signingInput = Buffer.concat([Buffer.from(`${protectedHeader}.`, 'ascii'), payload]);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicJwk.x }, format: 'jwk' });
    expect(verify(null, signingInput, key, Buffer.from(signature!, 'base64url'))).toBe(true);
    const altered = Buffer.from(signingInput);
    altered.writeUInt8(altered.readUInt8(altered.length - 3) ^ 1, altered.length - 3);
    expect(verify(null, altered, key, Buffer.from(signature!, 'base64url'))).toBe(false);
  });

  it('accepts the signed bytes and names the signing region', async () => {
    const jws = await signDetached(payload, signer);
    expect(await verifyDetached(payload, jws, lookup)).toEqual({ ok: true, kid: '371500.k1', region: '371500' });
  });

  it('refuses a payload changed by one byte', async () => {
    const jws = await signDetached(payload, signer);
    const changed = new Uint8Array(payload);
    changed[10] = changed[10]! ^ 0x01;
    expect(await verifyDetached(changed, jws, lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
  });

  it('refuses a key it does not know and a JWS that is not detached', async () => {
    const other = signingKeyFromJwk(generateKeyPair(makeKid('370200', 1)).privateJwk);
    const jws = await signDetached(payload, other);
    expect(await verifyDetached(payload, jws, lookup)).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN' });
    expect(await verifyDetached(payload, 'a.b.c', lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_MALFORMED' });
    expect(await verifyDetached(payload, 'garbage', lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_MALFORMED' });
  });

  it('refuses a header that claims another key (the kid is covered by the signature)', async () => {
    const jws = await signDetached(payload, signer);
    const [, , sig] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: '371500.k1', b64: false, crit: ['b64'], x: 1 })).toString('base64url');
    expect(await verifyDetached(payload, `${forged}..${sig}`, lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
  });
});
