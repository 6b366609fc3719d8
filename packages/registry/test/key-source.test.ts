/** The registry as a gateway's key source, and a key ring kept in step with it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPair, makeKid, type PublicJwk } from '@xr/crypto';
import { registryKeySource, syncKeyRing, type RegistryListener, type RegistryRecord, type RegistryState } from '../src/index.js';
import { LC, QD, given, lc1, lc2, qd1, rec, registration } from './fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A stand-in for a follower: a state that tests move forward, and its listeners. */
function registry(state: RegistryState) {
  const listeners = new Set<RegistryListener>();
  return {
    state,
    onChange(listener: RegistryListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply(record: RegistryRecord) {
      const next = this.state.apply(record);
      if (!next.ok) throw new Error(next.message);
      this.state = next.value.state;
      for (const l of listeners) l(this.state, record);
    },
  };
}

describe('registryKeySource', () => {
  const own = generateKeyPair(makeKid('331081', 1));
  const state = given(registration(LC, [lc1]), registration(QD, [qd1]), rec('key.revoked', { region: QD, kid: '370200.k1', effectiveAt: '2025-05-01T00:00:00Z' }), rec('partner.suspended', { region: LC, reason: 'x' }));
  const source = registryKeySource({ state }, { trusted: [own.publicJwk], clock: () => new Date('2025-06-01T00:00:00Z') });

  it('judges at the signed time with lookupAt, at the clock with lookup; trusted keys always verify', () => {
    expect(source.lookupAt('2025-04-01T00:00:00Z')('370200.k1')?.kid).toBe('370200.k1');
    expect(source.lookup('370200.k1')).toBeUndefined();
    expect(source.explain('370200.k1', '2025-05-02T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(source.explain('371500.k1', '2025-04-01T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_PARTNER_SUSPENDED' });
    expect(source.lookup('331081.k1')?.region).toBe('331081');
    expect([...source.regions()].sort()).toEqual(['331081', QD]);
  });
});

describe('syncKeyRing', () => {
  it('adds and removes keys as the registry changes and as overlaps end', () => {
    vi.useFakeTimers({ now: Date.parse('2025-03-01T00:00:00Z') });
    const ring = new Map<string, PublicJwk>();
    const r = registry(given(registration(LC, [lc1])));
    const stop = syncKeyRing(r, { add: (jwk) => ring.set(jwk.kid, jwk), remove: (kid) => ring.delete(kid) }, { keep: ['331081.k1'] });
    expect([...ring.keys()]).toEqual(['371500.k1']);
    r.apply(registration(QD, [qd1]));
    expect([...ring.keys()].sort()).toEqual(['370200.k1', '371500.k1']);
    r.apply(rec('key.rotated', { region: LC, newKey: lc2.publicJwk, overlapUntil: '2025-03-02T00:00:00Z' }, '2025-03-01T00:00:00Z'));
    expect([...ring.keys()].sort()).toEqual(['370200.k1', '371500.k1', '371500.k2']);
    vi.advanceTimersByTime(86_400_000 + 10);
    expect([...ring.keys()].sort()).toEqual(['370200.k1', '371500.k2']);
    r.apply(rec('partner.suspended', { region: QD, reason: 'x' }));
    expect([...ring.keys()]).toEqual(['371500.k2']);
    stop();
    r.apply(rec('partner.resumed', { region: QD }));
    expect([...ring.keys()]).toEqual(['371500.k2']);
  });
});
