/**
 * Admin keys and the trust anchor. Admin key ids name an admin and a generation:
 * `admin-<name>.k<n>` (e.g. `admin-ops.k1`), so they never collide with region keys
 * (`<region>.k<n>`). Which admin keys sign the registry is configuration, never the registry itself.
 */
import { createPublicKey } from 'node:crypto';
import type { KeyLookup, PublicJwk, VerificationKey } from '@xr/crypto';

const ADMIN_KID = /^admin-([a-z][a-z0-9-]{0,30})\.k([1-9]\d{0,5})$/;

/** The `region` of every admin VerificationKey. */
export const ADMIN_REGION = 'admin';

export function adminKid(name: string, generation: number): string {
  const kid = `admin-${name}.k${generation}`;
  if (!ADMIN_KID.test(kid)) throw new TypeError(`admin key id ${kid} must look like admin-<name>.k<n> (name: a-z, 0-9, -)`);
  return kid;
}

export function parseAdminKid(kid: string): { name: string; generation: number } | undefined {
  const m = ADMIN_KID.exec(kid);
  return m ? { name: m[1]!, generation: Number(m[2]) } : undefined;
}

/** The admin public keys every registry reader trusts, parsed once. */
export class TrustAnchor {
  private readonly keys = new Map<string, VerificationKey>();

  constructor(jwks: readonly PublicJwk[]) {
    for (const jwk of jwks) {
      if (!parseAdminKid(jwk.kid)) throw new TypeError(`trust anchor ${jwk.kid}: an admin key id looks like admin-<name>.k<n>`);
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError(`trust anchor ${jwk.kid} is not an Ed25519 public JWK`);
      if ('d' in jwk) throw new TypeError(`trust anchor ${jwk.kid} holds a private key; configure its public part only`);
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
      this.keys.set(jwk.kid, { kid: jwk.kid, region: ADMIN_REGION, publicKey });
    }
  }

  kids(): string[] {
    return [...this.keys.keys()];
  }

  readonly lookup: KeyLookup = (kid) => this.keys.get(kid);
}
