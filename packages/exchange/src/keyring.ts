/**
 * The keys this gateway trusts, by key id. Parsed once into KeyObjects. For now partners' keys come
 * from configuration; the admin-signed registry replaces that source (issue #4).
 */
import { verificationKeyFromJwk, type KeyLookup, type PublicJwk, type VerificationKey } from '@xr/crypto';
import type { KeyVerdict, Trust } from './trust.js';

export class KeyRing implements Trust {
  private readonly keys = new Map<string, VerificationKey>();
  /** Every key ever added, removed ones included (for `regionKeys`). */
  private readonly known = new Map<string, VerificationKey>();

  constructor(jwks: readonly PublicJwk[] = []) {
    for (const jwk of jwks) this.add(jwk);
  }

  add(jwk: PublicJwk): VerificationKey {
    const key = verificationKeyFromJwk(jwk);
    this.keys.set(key.kid, key);
    this.known.set(key.kid, key);
    return key;
  }

  remove(kid: string): void {
    this.keys.delete(kid);
  }

  regions(): Set<string> {
    return new Set([...this.keys.values()].map((k) => k.region));
  }

  regionKeys(region: string): VerificationKey[] {
    return [...this.known.values()].filter((k) => k.region === region);
  }

  readonly lookup: KeyLookup = (kid) => this.keys.get(kid);

  keyFor(kid: string): KeyVerdict {
    const key = this.keys.get(kid);
    return key ? { ok: true, key } : { ok: false, code: 'XR_KEY_UNKNOWN', reason: `no trusted key ${kid}` };
  }
}
