/** Issuers, keys and tokens for auth tests. */
import { exportJWK, generateKeyPair } from 'jose';
import type { PrivateJwk, PublicJwk } from '@xr/crypto';
import { createAuthenticator, generateIssuerKeyPair, issueToken, type Authenticator, type AuthOptions, type IssueTokenOptions, type IssuerPrivateJwk } from '../../src/index.js';

export const HERE = '371500';
export const PARTNER = '370200';

export interface TestIssuer {
  readonly iss: string;
  readonly privateJwk: PrivateJwk;
  readonly publicJwk: PublicJwk;
}

export function testIssuer(iss: string): TestIssuer {
  return { iss, ...generateIssuerKeyPair(iss) };
}

export async function es256Issuer(iss: string): Promise<{ iss: string; privateJwk: IssuerPrivateJwk; publicJwk: Record<string, unknown> }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const priv = await exportJWK(privateKey);
  const pub = await exportJWK(publicKey);
  return { iss, privateJwk: { kty: 'EC', crv: 'P-256', x: priv.x!, y: priv.y!, d: priv.d!, kid: `${iss}#ec` }, publicJwk: { ...pub, kid: `${iss}#ec` } };
}

export async function authenticator(options: AuthOptions): Promise<Authenticator> {
  const made = await createAuthenticator(options);
  if (!made.ok) throw new Error(`${made.code}: ${made.message}`);
  return made.value;
}

export function token(issuer: { iss: string; privateJwk: IssuerPrivateJwk }, o: Partial<IssueTokenOptions> = {}): Promise<string> {
  return issueToken({ issuerKey: issuer.privateJwk, iss: issuer.iss, sub: 'hall-system', role: 'system', region: HERE, ...o });
}
