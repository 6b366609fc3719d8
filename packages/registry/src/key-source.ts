/**
 * The registry as a gateway's key source. `lookup` has the shape of @xr/crypto's KeyLookup (and of
 * the exchange's KeyRing.lookup) and judges keys at the reader's clock. `lookupAt` judges them at a
 * record's own signed time and log timestamp, which is what revocation and rotation mean; `explain`
 * says why a key is refused (XR_KEY_REVOKED, …) for the quarantine reason. `trusted` keys (the
 * gateway's own signing key, keys still given by configuration) always verify.
 */
import { verificationKeyFromJwk, type KeyLookup, type PublicJwk, type VerificationKey } from '@xr/crypto';
import type { KeyForResult, RegistryState } from './state.js';

export interface RegistryKeySource {
  readonly lookup: KeyLookup;
  lookupAt(signedAt: string, receivedAt?: string | number): KeyLookup;
  explain(kid: string, signedAt: string, receivedAt?: string | number): KeyForResult;
  /** Regions of trusted keys, and partner regions that are registered and not suspended. */
  regions(): Set<string>;
}

export interface KeySourceOptions {
  readonly trusted?: readonly PublicJwk[];
  readonly clock?: () => Date;
}

export function registryKeySource(registry: { readonly state: RegistryState }, options: KeySourceOptions = {}): RegistryKeySource {
  const clock = options.clock ?? (() => new Date());
  const trusted = new Map<string, VerificationKey>((options.trusted ?? []).map((jwk) => [jwk.kid, verificationKeyFromJwk(jwk)]));
  const explain = (kid: string, signedAt: string, receivedAt?: string | number): KeyForResult => {
    const own = trusted.get(kid);
    if (own) return { ok: true, key: own, region: own.region };
    return registry.state.keyFor(kid, signedAt, receivedAt === undefined ? {} : { receivedAt });
  };
  const lookupAt =
    (signedAt: string, receivedAt?: string | number): KeyLookup =>
    (kid) => {
      const found = explain(kid, signedAt, receivedAt);
      return found.ok ? found.key : undefined;
    };
  return {
    lookup: (kid) => lookupAt(clock().toISOString())(kid),
    lookupAt,
    explain,
    regions: () => new Set([...[...trusted.values()].map((k) => k.region), ...registry.state.activeRegions()]),
  };
}
