/**
 * Keeps a key ring (e.g. the exchange's KeyRing: add/remove by kid) equal to the keys the registry
 * says verify now: on every registry change, and again when a rotation overlap ends or a
 * revocation takes effect. Judged at the reader's clock, so stricter than `keyFor` at a record's
 * signed time: a record signed before a revocation but read after it is refused too, as
 * XR_KEY_UNKNOWN. Keys in `keep` (the gateway's own, configured ones) are never touched.
 */
import type { PublicJwk } from '@xr/crypto';
import type { RegistryFollower } from './follower.js';

export interface MutableKeyRing {
  add(jwk: PublicJwk): unknown;
  remove(kid: string): void;
}

export interface KeyRingSyncOptions {
  readonly keep?: readonly string[];
  readonly clock?: () => Date;
}

/** Starts syncing now; returns a function that stops it. */
export function syncKeyRing(follower: Pick<RegistryFollower, 'state' | 'onChange'>, ring: MutableKeyRing, options: KeyRingSyncOptions = {}): () => void {
  const keep = new Set(options.keep ?? []);
  const clock = options.clock ?? (() => new Date());
  const synced = new Map<string, string>(); // kid → x
  let timer: NodeJS.Timeout | undefined;
  const sync = (): void => {
    const now = clock().getTime();
    const want = new Map(follower.state.verifyingKeys(now).filter((k) => !keep.has(k.kid)).map((k) => [k.kid, k]));
    for (const kid of [...synced.keys()]) {
      if (!want.has(kid)) {
        ring.remove(kid);
        synced.delete(kid);
      }
    }
    for (const [kid, jwk] of want) {
      if (synced.get(kid) !== jwk.x) {
        ring.add(jwk);
        synced.set(kid, jwk.x);
      }
    }
    if (timer) clearTimeout(timer);
    const next = follower.state.nextKeyChange(now);
    timer = next === undefined ? undefined : setTimeout(sync, Math.min(next - now + 1, 2_147_483_647));
    timer?.unref();
  };
  const unsubscribe = follower.onChange(sync);
  sync();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
