/** The registry as the exchange's Trust port: keys at the signed time, own keys always, catch-up to the registry's end. */
import { describe, expect, it } from 'vitest';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { registryTrust, type RegistryState } from '../src/index.js';
import { LC, QD, WL, given, lc1, qd1, rec, registration } from './fixtures.js';

const own = generateKeyPair(makeKid(WL, 1));
const configured = generateKeyPair(makeKid('510100', 1));

/** A stand-in follower (its state, and the offsets it was asked to reach) and a log whose registry ends at `end`. */
function setup(state: RegistryState, end: number) {
  const asked: { offset: number; timeoutMs: number | undefined }[] = [];
  const topics: string[] = [];
  const follower = {
    state,
    reached: async (offset: number, timeoutMs?: number) => {
      asked.push({ offset, timeoutMs });
      return true;
    },
  };
  const log = {
    endOffset: async (topic: string, partition: number) => {
      topics.push(`${topic}#${partition}`);
      return end;
    },
  };
  return { trust: registryTrust(follower, own.publicJwk, [configured.publicJwk], log, 'xr.registry'), asked, topics };
}

describe('registryTrust', () => {
  const state = given(registration(LC, [lc1]), registration(QD, [qd1]), rec('key.revoked', { region: QD, kid: '370200.k1', effectiveAt: '2025-05-01T00:00:00Z' }), rec('partner.suspended', { region: LC, reason: 'x' }));

  it('judges a registered key at the signed time: valid before its revocation, refused with the reason after', () => {
    const { trust } = setup(state, 4);
    const before = trust.keyFor('370200.k1', '2025-04-01T00:00:00Z', Date.parse('2025-04-01T00:00:00Z'));
    expect(before.ok && before.key.kid).toBe('370200.k1');
    expect(before).not.toHaveProperty('region');
    expect(trust.keyFor('370200.k1', '2025-05-02T00:00:00Z', Date.parse('2025-05-02T00:00:00Z'))).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(trust.keyFor('371500.k1', '2025-04-01T00:00:00Z', Date.parse('2025-04-01T00:00:00Z'))).toMatchObject({ ok: false, code: 'XR_PARTNER_SUSPENDED' });
    expect(trust.keyFor('440300.k1', '2025-04-01T00:00:00Z', Date.parse('2025-04-01T00:00:00Z'))).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN' });
  });

  it('always verifies the own and the configured keys, and counts their regions as partners', () => {
    const { trust } = setup(state, 4);
    const at = Date.parse('2030-01-01T00:00:00Z');
    expect(trust.keyFor('331081.k1', '2030-01-01T00:00:00Z', at)).toMatchObject({ ok: true, key: { kid: '331081.k1', region: WL } });
    expect(trust.keyFor('510100.k1', '2030-01-01T00:00:00Z', at)).toMatchObject({ ok: true, key: { kid: '510100.k1' } });
    expect([...trust.regions()].sort()).toEqual([WL, QD, '510100'].sort());
  });

  it('catches up to the last record of the registry partition, and asks nothing of an empty registry', async () => {
    const full = setup(state, 4);
    await full.trust.catchUp?.();
    expect(full.topics).toEqual(['xr.registry#0']);
    expect(full.asked).toEqual([{ offset: 3, timeoutMs: 5_000 }]);
    const empty = setup(given(), 0);
    await empty.trust.catchUp?.();
    expect(empty.asked).toEqual([]);
  });

  it('lists every key of a region, revoked and suspended ones included, so a note signature can be matched to its key', () => {
    const { trust } = setup(state, 4);
    expect(trust.regionKeys(QD).map((k) => k.kid)).toEqual(['370200.k1']);
    expect(trust.regionKeys(LC).map((k) => k.kid)).toEqual(['371500.k1']);
    expect(trust.regionKeys(WL).map((k) => k.kid)).toEqual(['331081.k1']);
    expect(trust.regionKeys('440300')).toEqual([]);
    // Listed is not trusted: validity is still judged at the signed time.
    expect(trust.keyFor('370200.k1', '2025-05-02T00:00:00Z', Date.parse('2025-05-02T00:00:00Z'))).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
  });
});
