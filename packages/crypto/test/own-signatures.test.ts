import { describe, expect, it } from 'vitest';
import { canonicalBytes, forgetOwnSignatures, generateKeyPair, makeKid, ownSignatureShortcuts, signDetached, signingKeyFromJwk, verificationKeyFromJwk, verifyDetached, type VerificationKey } from '../src/index.js';

const ours = generateKeyPair(makeKid('371500', 1));
const signer = signingKeyFromJwk(ours.privateJwk);
const verifier = verificationKeyFromJwk(ours.publicJwk);
const lookupOf = (...keys: VerificationKey[]) => (kid: string) => keys.find((k) => k.kid === kid);
const lookup = lookupOf(verifier);
const event = (n: number) => canonicalBytes({ type: 'case.submitted', caseId: `c-${n}`, payload: { item: '370200-SPJY-0001' } });

describe('verifying a signature this process just made', () => {
  it('takes the shortcut for the very JWS and bytes it signed, with the key trusted for its kid', async () => {
    const payload = event(1);
    const jws = await signDetached(payload, signer);
    const before = ownSignatureShortcuts();
    expect(await verifyDetached(payload, jws, lookup)).toEqual({ ok: true, kid: verifier.kid, region: '371500' });
    // An equal copy of the bytes (read back from the log) counts the same.
    expect((await verifyDetached(Uint8Array.from(payload), jws, lookup)).ok).toBe(true);
    expect(ownSignatureShortcuts()).toBe(before + 2);
  });

  it('refuses a forged record carrying our JWS over other bytes (one byte changed)', async () => {
    const payload = event(2);
    const jws = await signDetached(payload, signer);
    const forged = Uint8Array.from(payload);
    forged[forged.length - 3] = forged[forged.length - 3]! ^ 1;
    const before = ownSignatureShortcuts();
    expect(await verifyDetached(forged, jws, lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
    expect(ownSignatureShortcuts()).toBe(before);
  });

  it('refuses our signature under another protected header naming another trusted key', async () => {
    const other = generateKeyPair(makeKid('370200', 1));
    const payload = event(3);
    const jws = await signDetached(payload, signer);
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: other.publicJwk.kid, b64: false, crit: ['b64'] })).toString('base64url');
    const swapped = `${header}..${jws.split('.')[2]!}`;
    expect(await verifyDetached(payload, swapped, lookupOf(verifier, verificationKeyFromJwk(other.publicJwk)))).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
  });

  it('refuses it once the kid is no longer trusted, or stands for another key now', async () => {
    const payload = event(4);
    const jws = await signDetached(payload, signer);
    expect(await verifyDetached(payload, jws, () => undefined)).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN' });
    // Same kid, different key material (a registry that replaced the key): full verification, which fails.
    const impostor = verificationKeyFromJwk({ ...generateKeyPair(makeKid('371500', 1)).publicJwk, kid: verifier.kid });
    expect(await verifyDetached(payload, jws, lookupOf(impostor))).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
  });

  it('verifies in full after a restart (nothing remembered), with the same verdicts', async () => {
    const payload = event(5);
    const jws = await signDetached(payload, signer);
    forgetOwnSignatures();
    const before = ownSignatureShortcuts();
    expect((await verifyDetached(payload, jws, lookup)).ok).toBe(true);
    const forged = Uint8Array.from(payload);
    forged[2] = forged[2]! ^ 1;
    expect(await verifyDetached(forged, jws, lookup)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
    expect(ownSignatureShortcuts()).toBe(before);
  });

  it('gives the same JWS bytes as before (Ed25519 is deterministic; the memo changes no output)', async () => {
    const payload = event(6);
    expect(await signDetached(payload, signer)).toBe(await signDetached(payload, signer));
  });
});
