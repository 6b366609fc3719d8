/**
 * The registry as the exchange's `Trust` port: keys judged at each record's signed time (bounded by
 * the log timestamp), partners as registered and not suspended; the gateway's own key (and any keys
 * still given by configuration) always verify. `catchUp` reads the registry to its current end
 * before the exchange refuses an unknown key, so a partner registered a moment ago is not refused.
 */
import { verificationKeyFromJwk, type PublicJwk, type VerificationKey } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import type { Trust } from '@xr/exchange';
import type { RegistryFollower } from './follower.js';
import { registryKeySource } from './key-source.js';

/** How long `catchUp` waits for the follower to reach the registry's end before judging anyway. */
const CATCH_UP_TIMEOUT_MS = 5_000;

export function registryTrust(
  follower: Pick<RegistryFollower, 'state' | 'reached'>,
  own: PublicJwk,
  configured: readonly PublicJwk[],
  log: Pick<EventLog, 'endOffset'>,
  topic: string,
): Trust {
  const source = registryKeySource(follower, { trusted: [own, ...configured] });
  const trusted = [own, ...configured].map(verificationKeyFromJwk);
  return {
    catchUp: async () => {
      const end = await log.endOffset(topic, 0);
      if (end > 0) await follower.reached(end - 1, CATCH_UP_TIMEOUT_MS);
    },
    keyFor: (kid, signedAt, receivedAt) => {
      const found = source.explain(kid, signedAt, receivedAt);
      return found.ok ? { ok: true, key: found.key } : found;
    },
    regions: () => source.regions(),
    regionKeys: (region) => {
      const keys = new Map<string, VerificationKey>();
      for (const key of trusted) if (key.region === region) keys.set(key.kid, key);
      for (const key of follower.state.regionKeys(region)) if (!keys.has(key.kid)) keys.set(key.kid, key);
      return [...keys.values()];
    },
  };
}
