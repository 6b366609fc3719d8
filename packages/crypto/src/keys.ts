/**
 * Region signing keys. A key id names the region and the key's generation: `371500.k1`.
 * Keys are parsed once into KeyObjects and reused (no per-event key parsing).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly alg?: 'EdDSA';
  readonly use?: 'sig';
}

export interface PrivateJwk extends PublicJwk {
  readonly d: string;
}

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicJwk: PublicJwk;
}

export interface VerificationKey {
  readonly kid: string;
  readonly region: string;
  readonly publicKey: KeyObject;
}

const KID = /^(\d{6})\.k([1-9]\d{0,5})$/;

export function makeKid(region: string, generation: number): string {
  return `${region}.k${generation}`;
}

export function parseKid(kid: string): { region: string; generation: number } | undefined {
  const m = KID.exec(kid);
  return m ? { region: m[1]!, generation: Number(m[2]) } : undefined;
}

/** A new Ed25519 key pair as JWKs (for `xr keys new`, tests and the demo). */
export function generateKeyPair(kid: string): { privateJwk: PrivateJwk; publicJwk: PublicJwk } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: 'EdDSA', use: 'sig' };
  return { privateJwk: { ...publicJwk, d: jwk.d }, publicJwk };
}

export function signingKeyFromJwk(jwk: PrivateJwk): SigningKey {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') throw new TypeError(`key ${jwk.kid} is not an Ed25519 private JWK`);
  const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' });
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' };
  return { kid: jwk.kid, privateKey, publicJwk };
}

export function verificationKeyFromJwk(jwk: PublicJwk): VerificationKey {
  const parsed = parseKid(jwk.kid);
  if (!parsed) throw new TypeError(`key id ${jwk.kid} does not name a region and generation (e.g. 371500.k1)`);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new TypeError(`key ${jwk.kid} is not an Ed25519 public JWK`);
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  return { kid: jwk.kid, region: parsed.region, publicKey };
}
