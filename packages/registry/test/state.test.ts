/** The registry reducer and its queries, as given records → then answers. No I/O. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { SAMPLE_CATALOG_370200 } from '@xr/domain/samples';
import { keyStatus, RegistryState } from '../src/index.js';
import { LC, QD, WL, given, lc1, lc2, qd1, rec, registration } from './fixtures.js';

describe('partner.registered', () => {
  it('makes the partner and its keys known', () => {
    const state = given(registration(LC, [lc1]));
    expect(state.isActive(LC)).toBe(true);
    expect(state.partner(LC)).toMatchObject({ region: LC, status: 'active', keys: [{ kid: '371500.k1' }] });
    const found = state.keyFor('371500.k1', '2025-06-01T00:00:00Z');
    expect(found).toMatchObject({ ok: true, region: LC, key: { kid: '371500.k1', region: LC } });
    expect(state.keyFor('370200.k1', '2025-06-01T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN' });
    expect(state.keyFor('not-a-kid', '2025-06-01T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN' });
  });

  it('is a no-op when repeated with the same content, a conflict with other content', () => {
    const first = registration(LC, [lc1]);
    const state = given(first);
    const again = state.apply({ ...first, id: rec('partner.resumed', { region: LC }).id });
    expect(again).toMatchObject({ ok: true, value: { changed: false } });
    const other = state.apply(registration(LC, [lc2], '另一个名字'));
    expect(other).toMatchObject({ ok: false, code: 'XR_REGISTRY_CONFLICT', field: '/payload/region' });
  });

  it('refuses a key whose kid names another region, and a kid twice', () => {
    const state = RegistryState.empty();
    expect(state.apply(registration(LC, [qd1]))).toMatchObject({ ok: false, code: 'XR_KEY_REGION_MISMATCH', field: '/payload/keys/keys/0/kid' });
    expect(state.apply(registration(LC, [lc1, lc1]))).toMatchObject({ ok: false, code: 'XR_REGISTRY_CONFLICT', field: '/payload/keys/keys/1/kid' });
  });
});

describe('key.revoked', () => {
  const state = given(registration(LC, [lc1]), rec('key.revoked', { region: LC, kid: '371500.k1', effectiveAt: '2025-05-01T00:00:00Z' }));

  it('refuses records signed at or after effectiveAt and still verifies earlier ones', () => {
    expect(state.keyFor('371500.k1', '2025-05-01T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(state.keyFor('371500.k1', '2025-05-02T08:00:00+08:00')).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(state.keyFor('371500.k1', '2025-04-30T23:59:59Z')).toMatchObject({ ok: true });
    // the same instant written with another offset
    expect(state.keyFor('371500.k1', '2025-05-01T07:59:59+08:00')).toMatchObject({ ok: true });
  });

  it('bounds backdating by the log timestamp: at most maxBackdate (10 min) before receivedAt', () => {
    // claims to be signed before the revocation, but the log received it a day after
    expect(state.keyFor('371500.k1', '2025-04-30T00:00:00Z', { receivedAt: '2025-05-02T00:00:00Z' })).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(state.keyFor('371500.k1', '2025-04-30T23:55:00Z', { receivedAt: Date.parse('2025-05-01T00:04:00Z') })).toMatchObject({ ok: true });
    expect(state.keyFor('371500.k1', '2025-04-30T23:55:00Z', { receivedAt: '2025-05-01T00:04:00Z', maxBackdateMs: 60_000 })).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    const strict = given(registration(LC, [lc1]));
    // keys without a revocation or rotation are unaffected by late delivery
    expect(strict.keyFor('371500.k1', '2025-04-30T00:00:00Z', { receivedAt: '2026-01-01T00:00:00Z' })).toMatchObject({ ok: true });
  });

  it('treats an unparseable signing time as the latest possible', () => {
    expect(state.keyFor('371500.k1', 'yesterday')).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
  });

  it('only tightens: a later effectiveAt changes nothing, an earlier one wins', () => {
    const later = state.apply(rec('key.revoked', { region: LC, kid: '371500.k1', effectiveAt: '2025-06-01T00:00:00Z' }));
    expect(later).toMatchObject({ ok: true, value: { changed: false } });
    const earlier = state.apply(rec('key.revoked', { region: LC, kid: '371500.k1', effectiveAt: '2025-04-01T00:00:00Z' }));
    expect(earlier.ok && earlier.value.state.keyFor('371500.k1', '2025-04-15T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
  });

  it('refuses unknown keys and keys of another region', () => {
    expect(state.apply(rec('key.revoked', { region: LC, kid: '371500.k9', effectiveAt: '2025-05-01T00:00:00Z' }))).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN', field: '/payload/kid' });
    expect(state.apply(rec('key.revoked', { region: LC, kid: '370200.k1', effectiveAt: '2025-05-01T00:00:00Z' }))).toMatchObject({ ok: false, code: 'XR_KEY_REGION_MISMATCH' });
    expect(state.apply(rec('key.revoked', { region: QD, kid: '370200.k1', effectiveAt: '2025-05-01T00:00:00Z' }))).toMatchObject({ ok: false, code: 'XR_PARTNER_UNKNOWN', field: '/payload/region' });
  });
});

describe('key.rotated', () => {
  const state = given(registration(LC, [lc1]), rec('key.rotated', { region: LC, newKey: lc2.publicJwk, overlapUntil: '2025-04-01T00:00:00Z' }, '2025-03-25T00:00:00Z'));

  it('keeps the old key for records signed before overlapUntil, the new key for all', () => {
    expect(state.keyFor('371500.k1', '2025-03-31T23:59:59Z')).toMatchObject({ ok: true });
    expect(state.keyFor('371500.k1', '2025-04-01T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_KEY_ROTATED_OUT' });
    expect(state.keyFor('371500.k2', '2025-03-26T00:00:00Z')).toMatchObject({ ok: true });
    expect(state.keyFor('371500.k2', '2027-01-01T00:00:00Z')).toMatchObject({ ok: true });
    const [k1, k2] = state.partner(LC)!.keys;
    expect([keyStatus(k1!, '2025-03-30T00:00:00Z'), keyStatus(k1!, '2025-04-02T00:00:00Z'), keyStatus(k2!, '2025-04-02T00:00:00Z')]).toEqual(['rotating-out', 'rotated-out', 'active']);
    expect(state.verifyingKeys('2025-04-02T00:00:00Z').map((k) => k.kid)).toEqual(['371500.k2']);
    expect(state.nextKeyChange('2025-03-30T00:00:00Z')).toBe(Date.parse('2025-04-01T00:00:00Z'));
  });

  it('refuses a generation that is not newer, a kid of another region, and an overlap that ended before the record', () => {
    const lc3 = generateKeyPair(makeKid(LC, 3));
    expect(state.apply(rec('key.rotated', { region: LC, newKey: lc1.publicJwk, overlapUntil: '2030-01-01T00:00:00Z' }))).toMatchObject({ ok: false, code: 'XR_REGISTRY_CONFLICT', field: '/payload/newKey/kid' });
    expect(state.apply(rec('key.rotated', { region: LC, newKey: qd1.publicJwk, overlapUntil: '2030-01-01T00:00:00Z' }))).toMatchObject({ ok: false, code: 'XR_KEY_REGION_MISMATCH' });
    expect(state.apply(rec('key.rotated', { region: LC, newKey: lc3.publicJwk, overlapUntil: '2020-01-01T00:00:00Z' }))).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/overlapUntil' });
  });

  it('a second rotation never lengthens an older key’s overlap', () => {
    const lc3 = generateKeyPair(makeKid(LC, 3));
    const next = state.apply(rec('key.rotated', { region: LC, newKey: lc3.publicJwk, overlapUntil: '2025-12-01T00:00:00Z' }));
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.value.state.partner(LC)!.keys.map((k) => k.validUntil)).toEqual(['2025-04-01T00:00:00Z', '2025-12-01T00:00:00Z', undefined]);
  });
});

describe('partner.suspended / partner.resumed', () => {
  const suspended = given(registration(LC, [lc1]), rec('partner.suspended', { region: LC, reason: '密钥疑似泄露' }));

  it('refuses every record of a suspended partner, whatever its time, until resumed', () => {
    expect(suspended.isActive(LC)).toBe(false);
    expect(suspended.partner(LC)).toMatchObject({ status: 'suspended', suspendedReason: '密钥疑似泄露' });
    expect(suspended.keyFor('371500.k1', '2020-01-01T00:00:00Z')).toMatchObject({ ok: false, code: 'XR_PARTNER_SUSPENDED' });
    expect(suspended.activeRegions().has(LC)).toBe(false);
    expect(suspended.verifyingKeys('2025-06-01T00:00:00Z')).toEqual([]);
    const resumed = suspended.apply(rec('partner.resumed', { region: LC }));
    expect(resumed.ok && resumed.value.state.keyFor('371500.k1', '2025-06-01T00:00:00Z')).toMatchObject({ ok: true });
    expect(resumed.ok && resumed.value.state.partner(LC)?.suspendedReason).toBeUndefined();
  });

  it('resuming an active partner changes nothing; suspending an unknown one is refused', () => {
    const state = given(registration(LC, [lc1]));
    expect(state.apply(rec('partner.resumed', { region: LC }))).toMatchObject({ ok: true, value: { changed: false } });
    expect(state.apply(rec('partner.suspended', { region: QD, reason: 'x' }))).toMatchObject({ ok: false, code: 'XR_PARTNER_UNKNOWN' });
  });
});

describe('recognition.set', () => {
  const state = given(registration(LC, [lc1]), registration(QD, [qd1]), rec('recognition.set', { region: LC, issuer: QD, certificateTypes: ['food-business-licence', 'marriage-cert'] }));

  it('X accepts exactly the listed types from Y, in one direction', () => {
    expect(state.recognises(LC, QD, 'food-business-licence')).toBe(true);
    expect(state.recognises(LC, QD, 'driving-licence')).toBe(false);
    expect(state.recognises(QD, LC, 'food-business-licence')).toBe(false);
    expect(state.partner(LC)!.recognitions).toEqual([{ issuer: QD, certificateTypes: ['food-business-licence', 'marriage-cert'] }]);
  });

  it('replaces the set; an empty set withdraws it', () => {
    const next = state.apply(rec('recognition.set', { region: LC, issuer: QD, certificateTypes: [] }));
    expect(next.ok && next.value.state.recognises(LC, QD, 'food-business-licence')).toBe(false);
    expect(next.ok && next.value.state.partner(LC)!.recognitions).toEqual([]);
  });

  it('refuses an unregistered issuer and self-recognition', () => {
    expect(state.apply(rec('recognition.set', { region: LC, issuer: WL, certificateTypes: ['a'] }))).toMatchObject({ ok: false, code: 'XR_PARTNER_UNKNOWN', field: '/payload/issuer' });
    expect(state.apply(rec('recognition.set', { region: LC, issuer: LC, certificateTypes: ['a'] }))).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST' });
  });
});

describe('catalog and listings', () => {
  it('keeps the catalog as given and lists partners by region', () => {
    const catalog = SAMPLE_CATALOG_370200 as unknown as Record<string, unknown>;
    const r = rec('partner.registered', { region: QD, name: '青岛市', keys: { keys: [qd1.publicJwk] }, catalog, contact: {} });
    const state = given(r, registration(LC, [lc1]));
    expect(state.catalogOf(QD)).toEqual(catalog);
    expect(state.catalogOf(LC)).toBeUndefined();
    expect(state.partners().map((p) => p.region)).toEqual([QD, LC].sort());
    expect(state.applied).toBe(2);
  });

  it('is immutable: applying returns a new state and leaves the old one as it was', () => {
    const before = given(registration(LC, [lc1]));
    const after = before.apply(rec('partner.suspended', { region: LC, reason: 'x' }));
    expect(after.ok).toBe(true);
    expect(before.isActive(LC)).toBe(true);
  });
});

describe('registered catalogs', () => {
  it('refuse a catalog whose 承诺时限 exceeds its 法定时限, or of another region, naming the field', async () => {
    const { SAMPLE_CATALOG_510100 } = await import('@xr/domain/samples');
    const { RegistryState } = await import('../src/index.js');
    const { generateKeyPair, makeKid } = await import('@xr/crypto');
    const key = generateKeyPair(makeKid('510100', 1)).publicJwk;
    const record = (catalog: unknown) => ({ id: '01936f7c-1a2b-7c3d-8e4f-0123456789ab', type: 'partner.registered' as const, v: 1 as const, time: '2026-01-05T09:00:00+08:00', admin: 'admin-ops.k1', payload: { region: '510100', name: '成都市', keys: { keys: [key] }, contact: {}, catalog } });
    const broken = structuredClone(SAMPLE_CATALOG_510100) as unknown as { items: { promisedDays: number }[] };
    broken.items[0]!.promisedDays = 999;
    expect(RegistryState.empty().apply(record(SAMPLE_CATALOG_510100) as never)).toMatchObject({ ok: true });
    expect(RegistryState.empty().apply(record(broken) as never)).toMatchObject({ ok: false, code: 'XR_CATALOG_INVALID', field: '/payload/catalog/items/0/promisedDays' });
    expect(RegistryState.empty().apply(record({ ...SAMPLE_CATALOG_510100, region: '371500' }) as never)).toMatchObject({ ok: false, code: 'XR_CATALOG_INVALID', field: '/payload/catalog/region' });
  });
});

describe('calendar.published', () => {
  const example = JSON.parse(readFileSync(new URL('../../../docs/examples/holiday-notice-2027.json', import.meta.url), 'utf8')) as { notice: { title: string; date: string }; periods: { name: string; daysOff: string[]; worked: string[] }[] };
  const { notice, periods } = example;

  it('publishes a year for every region; the same schedule again is a no-op; another one replaces it (a corrected notice)', () => {
    const first = rec('calendar.published', { year: 2027, notice, periods });
    const state = given(first);
    expect(state.calendars()).toMatchObject([{ year: { year: 2027, basis: 'published', periods }, recordId: first.id }]);
    expect(state.apply(rec('calendar.published', { year: 2027, notice, periods }))).toMatchObject({ ok: true, value: { changed: false } });
    const corrected = state.apply(rec('calendar.published', { year: 2027, notice, periods: [{ ...periods[0]!, daysOff: ['2027-01-01'] }, ...periods.slice(1)] }));
    expect(corrected.ok && corrected.value.state.calendars()[0]?.year.periods[0]?.daysOff).toEqual(['2027-01-01']);
  });

  it('refuses a schedule the notice could not state, naming the field: a day outside the year, a worked weekday, a statutory holiday left out', () => {
    const state = RegistryState.empty();
    expect(state.apply(rec('calendar.published', { year: 2027, notice, periods: [{ name: 'x', daysOff: ['2028-01-01'], worked: [] }] }))).toMatchObject({
      ok: false,
      code: 'XR_CALENDAR_INVALID', field: '/payload/periods/0/daysOff/0',
    });
    expect(state.apply(rec('calendar.published', { year: 2027, notice, periods: [{ name: 'x', daysOff: ['2027-01-01'], worked: ['2027-01-06'] }] }))).toMatchObject({
      ok: false,
      code: 'XR_CALENDAR_INVALID', field: '/payload/periods/0/worked/0',
    });
    expect(state.apply(rec('calendar.published', { year: 2027, notice, periods: periods.slice(1) }))).toMatchObject({
      ok: false,
      code: 'XR_CALENDAR_INVALID', field: '/payload/periods',
    });
  });
});
