/** Dev tooling: issuer keys and tokens for `xr keys new`, local runs and tests. Not for the request path. */
import { importJWK, SignJWT } from 'jose';
import { generateKeyPair, type PrivateJwk, type PublicJwk } from '@xr/crypto';
import type { Role } from './caller.js';
import { DEFAULT_AUDIENCE } from './options.js';

/** An issuer's private signing key: Ed25519 (EdDSA), or P-256 (ES256). */
export type IssuerPrivateJwk = PrivateJwk | { readonly kty: 'EC'; readonly crv: 'P-256'; readonly x: string; readonly y: string; readonly d: string; readonly kid?: string };

export interface IssueTokenOptions {
  readonly issuerKey: IssuerPrivateJwk;
  readonly iss: string;
  readonly sub: string;
  readonly role: Role;
  readonly region: string;
  /** Default 3600. */
  readonly ttlSeconds?: number;
  /** Default `xr-gateway`. */
  readonly aud?: string;
  /** `iat`, in seconds since the epoch; default now. */
  readonly issuedAt?: number;
}

/** A fresh Ed25519 issuer key pair; the key id is `<iss>#k<generation>`. */
export function generateIssuerKeyPair(iss: string, generation = 1): { privateJwk: PrivateJwk; publicJwk: PublicJwk } {
  return generateKeyPair(`${iss}#k${generation}`);
}

export async function issueToken(o: IssueTokenOptions): Promise<string> {
  const alg = o.issuerKey.kty === 'EC' ? 'ES256' : 'EdDSA';
  const { kid, ...material } = o.issuerKey as IssuerPrivateJwk & { alg?: string; use?: string };
  delete material.alg;
  delete material.use;
  const key = await importJWK({ ...material }, alg);
  const iat = o.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ role: o.role, region: o.region })
    .setProtectedHeader({ alg, typ: 'JWT', ...(kid ? { kid } : {}) })
    .setIssuer(o.iss)
    .setSubject(o.sub)
    .setAudience(o.aud ?? DEFAULT_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (o.ttlSeconds ?? 3600))
    .sign(key);
}
