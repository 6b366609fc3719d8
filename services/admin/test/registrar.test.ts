/** Registry changes through the writer, confirmed by a follower, on the embedded event log. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, signDetached, signingKeyFromJwk } from '@xr/crypto';
import { adminKid, encodeRecord, REGISTRY_JWS_HEADER } from '@xr/registry';
import { openDesk, registration, signer, type Desk } from './fixtures.js';

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  await desk.close();
});

describe('Registrar', () => {
  it('writes a change, and the follower applies it before the call returns', async () => {
    const result = await desk.registrar.change('partner.registered', registration(), 'req-1');
    expect(result).toMatchObject({ ok: true, value: { offset: 0, duplicate: false, partner: { region: '371500', status: 'active' } } });
    expect(desk.follower.state.isActive('371500')).toBe(true);
    expect(desk.follower.stats).toMatchObject({ position: 1, applied: 1, refused: 0 });
  });

  it('is idempotent by request id, and writes nothing for a change already in effect', async () => {
    const first = await desk.registrar.change('partner.registered', registration(), 'req-1');
    const retry = await desk.registrar.change('partner.registered', registration(), 'req-1');
    expect(retry).toMatchObject({ ok: true, value: { duplicate: true, offset: 0 } });
    expect(first.ok && retry.ok && retry.value.recordId).toBe(first.ok && first.value.recordId);
    const sameContent = await desk.registrar.change('partner.registered', registration(), 'req-2');
    expect(sameContent).toMatchObject({ ok: true, value: { duplicate: true, recordId: '' } });
    expect(await desk.log.endOffset(desk.topic, 0)).toBe(1);
  });

  it('refuses a conflicting change before writing it', async () => {
    await desk.registrar.change('partner.registered', registration(), 'req-1');
    const conflict = await desk.registrar.change('partner.registered', registration('别的名字'), 'req-2');
    expect(conflict).toMatchObject({ ok: false, code: 'XR_REGISTRY_CONFLICT', field: '/payload/region' });
    const unknown = await desk.registrar.change('partner.suspended', { region: '370200', reason: 'x' }, 'req-3');
    expect(unknown).toMatchObject({ ok: false, code: 'XR_PARTNER_UNKNOWN' });
    const invalid = await desk.registrar.change('partner.suspended', { region: '371500', reason: '' }, 'req-4');
    expect(invalid).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/payload/reason' });
    expect(await desk.log.endOffset(desk.topic, 0)).toBe(1);
  });

  it('serialises concurrent changes so each is checked against the one before', async () => {
    const results = await Promise.all([
      desk.registrar.change('partner.registered', registration(), 'a'),
      desk.registrar.change('partner.registered', registration('别的名字'), 'b'),
      desk.registrar.change('partner.suspended', { region: '371500', reason: '演练' }, 'c'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'XR_REGISTRY_CONFLICT', 'ok']);
    expect(desk.follower.state.isActive('371500')).toBe(false);
  });
});

describe('RegistryFollower', () => {
  it('refuses and counts a forged record appended straight to the topic; never applies it', async () => {
    const forger = signingKeyFromJwk(generateKeyPair(adminKid('mallory', 1)).privateJwk);
    const forged = desk.writer.draft('partner.registered', registration('伪造市'));
    const value = encodeRecord({ ...forged, admin: forger.kid });
    await desk.log.append(desk.topic, [{ id: forged.id, key: '371500', value, headers: { [REGISTRY_JWS_HEADER]: await signDetached(value, forger) }, partition: 0 }]);
    expect(await desk.follower.reached(0, 5_000)).toBe(true);
    expect(desk.follower.stats).toMatchObject({ refused: 1, applied: 0 });
    expect(desk.refused[0]).toMatchObject({ offset: 0, recordId: forged.id, code: 'XR_REGISTRY_ADMIN_UNKNOWN' });
    expect(desk.follower.state.isRegistered('371500')).toBe(false);
    // an unauthenticated id never blocks a genuine record with that id
    expect(desk.follower.outcome(forged.id)).toBeUndefined();
  });

  it('refuses a replayed id with other content, ignores a redelivery of the same bytes', async () => {
    const record = desk.writer.draft('partner.registered', registration());
    const value = encodeRecord(record);
    const jws = await signDetached(value, signer);
    const other = encodeRecord({ ...record, payload: { ...record.payload, name: '重放市' } });
    // the embedded log stores an id once, so the replay and the redelivery travel under other log ids
    await desk.log.append(desk.topic, [
      { id: record.id, key: '371500', value, headers: { [REGISTRY_JWS_HEADER]: jws }, partition: 0 },
      { id: `${record.id}-again`, key: '371500', value, headers: { [REGISTRY_JWS_HEADER]: jws }, partition: 0 },
      { id: `${record.id}-replay`, key: '371500', value: other, headers: { [REGISTRY_JWS_HEADER]: await signDetached(other, signer) }, partition: 0 },
    ]);
    expect(await desk.follower.reached(2, 5_000)).toBe(true);
    expect(desk.follower.stats).toMatchObject({ applied: 1, duplicates: 1, refused: 1 });
    expect(desk.refused[0]).toMatchObject({ offset: 2, code: 'XR_DUPLICATE' });
    expect(desk.follower.state.partner('371500')?.name).toBe('聊城市');
  });

  it('a follower started later reads the topic from the start and reaches the same registry', async () => {
    await desk.registrar.change('partner.registered', registration(), 'r1');
    await desk.registrar.change('partner.suspended', { region: '371500', reason: '演练' }, 'r2');
    const late = await desk.follow();
    expect(late.stats.position).toBe(2);
    expect(late.state.partners()).toEqual(desk.follower.state.partners());
    const seen: string[] = [];
    late.onChange((_state, record) => seen.push(record.type));
    await desk.registrar.change('partner.resumed', { region: '371500' }, 'r3');
    expect(await late.reached(2, 5_000)).toBe(true);
    expect(seen).toEqual(['partner.resumed']);
  });
});
