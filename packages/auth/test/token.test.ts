import { SignJWT, importJWK } from 'jose';
import { Metadata } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { bearerToken, createAuthenticator, type Authenticator } from '../src/index.js';
import { authenticator, es256Issuer, HERE, PARTNER, testIssuer, token } from './helpers/issuers.js';

const idp = testIssuer('https://idp.371500.example');
const cityIdp = testIssuer('https://idp.city.example');
const rogue = testIssuer('https://rogue.example');

const auth: Promise<Authenticator> = authenticator({
  issuers: [
    { iss: idp.iss, keys: { keys: [idp.publicJwk] } },
    { iss: cityIdp.iss, keys: [cityIdp.publicJwk], region: HERE, roles: ['system'] },
  ],
});

const now = (): number => Math.floor(Date.now() / 1000);

async function verify(jwt: string): Promise<{ ok: boolean; code?: string; message?: string }> {
  const result = await (await auth).verifyToken(jwt);
  return result.ok ? { ok: true } : { ok: false, code: result.code, message: result.message };
}

describe('token verification', () => {
  it('accepts a valid token and yields the caller', async () => {
    const result = await (await auth).verifyToken(await token(idp));
    expect(result).toEqual({ ok: true, value: { subject: 'hall-system', issuer: idp.iss, role: 'system', region: HERE } });
  });

  it('accepts an auditor acting for every region', async () => {
    const result = await (await auth).verifyToken(await token(idp, { role: 'auditor', region: '*', sub: 'audit-1' }));
    expect(result.ok && result.value.region).toBe('*');
  });

  it('rejects an expired token (beyond the 30 s tolerance)', async () => {
    const r = await verify(await token(idp, { issuedAt: now() - 3600, ttlSeconds: 600 }));
    expect(r).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED', message: 'token expired' });
  });

  it('tolerates 30 s of clock skew', async () => {
    expect(await verify(await token(idp, { issuedAt: now() - 610, ttlSeconds: 600 }))).toEqual({ ok: true });
  });

  it('rejects a wrong audience', async () => {
    const r = await verify(await token(idp, { aud: 'someone-else' }));
    expect(r).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(r.message).toContain('aud');
  });

  it('rejects an unknown issuer', async () => {
    const r = await verify(await token(rogue));
    expect(r).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(r.message).toContain('not trusted');
  });

  it("rejects a known issuer's name signed with another key", async () => {
    const r = await verify(await token({ iss: idp.iss, privateJwk: { ...rogue.privateJwk, kid: idp.publicJwk.kid } }));
    expect(r).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED', message: 'token signature does not verify' });
  });

  it('rejects a tampered payload', async () => {
    const [h, , s] = (await token(idp)).split('.');
    const forged = Buffer.from(JSON.stringify({ iss: idp.iss, sub: 'x', aud: 'xr-gateway', role: 'admin', region: '*', iat: now(), exp: now() + 60 })).toString('base64url');
    expect(await verify(`${h}.${forged}.${s}`)).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED', message: 'token signature does not verify' });
  });

  it('rejects a tampered signature', async () => {
    const jwt = await token(idp);
    const last = jwt.at(-2) === 'A' ? 'B' : 'A';
    expect(await verify(`${jwt.slice(0, -2)}${last}${jwt.at(-1)}`)).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
  });

  it('rejects a role the issuer may not grant', async () => {
    const r = await verify(await token(cityIdp, { role: 'admin' }));
    expect(r).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(r.message).toContain('may not grant role admin');
  });

  it("rejects a region other than the issuer's", async () => {
    const r = await verify(await token(cityIdp, { region: PARTNER }));
    expect(r).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(r.message).toContain(`may only act for region ${HERE}`);
  });

  it('rejects a system token for every region, a bad region code and an unknown role', async () => {
    expect(await verify(await token(idp, { region: '*' }))).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(await verify(await token(idp, { region: '999999' }))).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(await verify(await token(idp, { role: 'root' as never }))).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
  });

  it('rejects a lifetime over the maximum, a token without exp, and garbage', async () => {
    expect(await verify(await token(idp, { ttlSeconds: 25 * 3600 }))).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: idp.privateJwk.x, d: idp.privateJwk.d }, 'EdDSA');
    const noExp = await new SignJWT({ role: 'system', region: HERE }).setProtectedHeader({ alg: 'EdDSA', kid: idp.publicJwk.kid }).setIssuer(idp.iss).setSubject('s').setAudience('xr-gateway').setIssuedAt().sign(key);
    expect(await verify(noExp)).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(await verify('not.a.jwt')).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(await verify('x'.repeat(10_000))).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
  });

  it('verifies ES256 issuers too', async () => {
    const ec = await es256Issuer('https://ec.example');
    const made = await authenticator({ issuers: [{ iss: ec.iss, keys: [ec.publicJwk as never] }] });
    const result = await made.verifyToken(await token(ec));
    expect(result.ok).toBe(true);
  });

  it('honours a configured audience, lifetime and clock', async () => {
    const made = await authenticator({ issuers: [{ iss: idp.iss, keys: [idp.publicJwk] }], audience: 'xr-admin', maxLifetimeSeconds: 600, clock: () => new Date(Date.now() + 3600_000) });
    expect((await made.verifyToken(await token(idp, { aud: 'xr-admin', ttlSeconds: 600 }))).ok).toBe(false);
    expect((await made.verifyToken(await token(idp, { aud: 'xr-admin', ttlSeconds: 600, issuedAt: now() + 3590 }))).ok).toBe(true);
    expect((await made.verifyToken(await token(idp, { aud: 'xr-admin', ttlSeconds: 3600, issuedAt: now() + 3590 }))).ok).toBe(false);
  });
});

describe('a token accepted once (remembered, so a client sending it with every call costs one signature check)', () => {
  it('is taken again only inside the window that accepted it: not after exp + tolerance, not before iat − tolerance', async () => {
    let at = Date.now();
    const made = await authenticator({ issuers: [{ iss: idp.iss, keys: [idp.publicJwk] }], clock: () => new Date(at) });
    const jwt = await token(idp, { issuedAt: Math.floor(at / 1000), ttlSeconds: 600 });
    for (let i = 0; i < 3; i += 1) expect((await made.verifyToken(jwt)).ok).toBe(true);
    at += 599_000;
    expect((await made.verifyToken(jwt)).ok).toBe(true);
    at += 40_000; // past exp and the 30 s tolerance
    expect(await made.verifyToken(jwt)).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED', message: 'token expired' });
    at -= 640_000 + 60_000; // a minute before it was issued
    expect(await made.verifyToken(jwt)).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    // The same claims under another signature are another string: checked on their own.
    const [h, p] = jwt.split('.');
    at += 60_000;
    expect((await made.verifyToken(`${h}.${p}.${'A'.repeat(86)}`)).ok).toBe(false);
  });
});

describe('authenticator configuration', () => {
  it('refuses a private key, a repeated issuer and a bad region, naming the setting', async () => {
    const priv = await createAuthenticator({ issuers: [{ iss: idp.iss, keys: [idp.privateJwk] }] });
    expect(priv).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: 'issuers[0].keys[0]' });
    const twice = await createAuthenticator({ issuers: [{ iss: idp.iss, keys: [idp.publicJwk] }, { iss: idp.iss, keys: [idp.publicJwk] }] });
    expect(twice).toMatchObject({ ok: false, field: 'issuers[1].iss' });
    const region = await createAuthenticator({ issuers: [{ iss: idp.iss, keys: [idp.publicJwk], region: '12' }] });
    expect(region).toMatchObject({ ok: false, field: 'issuers[0].region' });
  });
});

describe('bearer metadata', () => {
  const md = (...values: string[]): Metadata => {
    const m = new Metadata();
    for (const v of values) m.add('authorization', v);
    return m;
  };
  it('reads Bearer tokens and refuses other shapes', () => {
    expect(bearerToken(md())).toBeUndefined();
    expect(bearerToken(md('Bearer a.b.c'))).toEqual({ ok: true, value: 'a.b.c' });
    expect(bearerToken(md('bearer a.b.c'))).toEqual({ ok: true, value: 'a.b.c' });
    expect(bearerToken(md('Basic dXNlcg=='))).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(bearerToken(md('Bearer a.b.c', 'Bearer d.e.f'))).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
  });
});
