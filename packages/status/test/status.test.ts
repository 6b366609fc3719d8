import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { JWS_HEADER, KeyRing, newId } from '@xr/exchange';
import { StatusFollower, StatusState, StatusWriter, type StatusRecord } from '@xr/status';

const CERT = '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S';
const OTHER = '1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3';
const DIGEST = 'a'.repeat(64);

function rec(status: StatusRecord['status'], over: Partial<StatusRecord> = {}): StatusRecord {
  return { id: newId(), type: 'certificate.status', v: 1, issuer: '370200', certificate: CERT, digest: DIGEST, index: 7, status, time: '2026-12-03T08:00:00.000Z', ...(status === 'issued' ? {} : { reason: 'fraud' }), ...over };
}

describe('StatusState', () => {
  it('follows issuance, suspension, reinstatement and revocation; revocation is final', () => {
    const s = new StatusState();
    expect(s.apply(rec('issued'), 0)).toMatchObject({ ok: true, value: { changed: true } });
    expect(s.apply(rec('issued'), 1)).toMatchObject({ ok: true, value: { changed: false } });
    expect(s.apply(rec('suspended'), 2)).toMatchObject({ ok: true, value: { changed: true, status: { suspended: { offset: 2, reason: 'fraud' } } } });
    expect(s.apply(rec('reinstated'), 3)).toMatchObject({ ok: true, value: { changed: true } });
    expect(s.certificate(CERT)?.suspended).toBeUndefined();
    expect(s.apply(rec('revoked'), 4)).toMatchObject({ ok: true, value: { status: { revoked: { offset: 4 } } } });
    expect(s.apply(rec('reinstated'), 5)).toMatchObject({ ok: false, code: 'XR_CERT_STATUS_CONFLICT', field: 'status' });
    expect(s.apply(rec('suspended'), 6)).toMatchObject({ ok: false, code: 'XR_CERT_STATUS_CONFLICT' });
    expect(s.at('370200', 7)?.certificate).toBe(CERT);
    expect(s.nextIndex('370200')).toBe(8);
    expect(s.nextIndex('371500')).toBe(0);
  });

  it('a change record read again (same id) changes nothing, even after a later change: a retried request is answered once', () => {
    const s = new StatusState();
    const suspend = rec('suspended', { reason: 'under-review' });
    s.apply(rec('issued'), 0);
    expect(s.apply(suspend, 1)).toMatchObject({ ok: true, value: { changed: true } });
    expect(s.apply(rec('reinstated', { reason: 'review-passed' }), 2)).toMatchObject({ ok: true, value: { changed: true } });
    // The suspension's request retried: the same record id again.
    expect(s.apply({ ...suspend, time: '2026-12-03T09:00:00.000Z' }, 3)).toMatchObject({ ok: true, value: { changed: false } });
    expect(s.certificate(CERT)?.suspended).toBeUndefined();
    expect(s.change(suspend.id)).toMatchObject({ certificate: CERT, status: 'suspended', reason: 'under-review', offset: 1, changed: true, result: { suspended: { offset: 1 } } });
    // The same id for another change is no retry: refused, nothing changes.
    expect(s.apply({ ...suspend, status: 'revoked' }, 4)).toMatchObject({ ok: false, code: 'XR_CERT_STATUS_CONFLICT', field: 'id' });
    expect(s.certificate(CERT)?.revoked).toBeUndefined();
  });

  it('a change that changes nothing is remembered by its id too', () => {
    const s = new StatusState();
    s.apply(rec('issued'), 0);
    const noop = rec('reinstated', { reason: 'ok' });
    expect(s.apply(noop, 1)).toMatchObject({ ok: true, value: { changed: false } });
    expect(s.change(noop.id)).toMatchObject({ status: 'reinstated', offset: 1, changed: false });
    expect(s.change('0193f0a0-0000-7000-8000-00000000ffff')).toBeUndefined();
  });

  it.each([
    ['an index given to another certificate', [rec('issued'), rec('issued', { certificate: OTHER })], 'index'],
    ['a certificate issued again with another digest', [rec('issued'), rec('issued', { digest: 'b'.repeat(64) })], 'certificate'],
    ['a status for a certificate never issued', [rec('revoked')], 'certificate'],
    ['another region revoking it', [rec('issued'), rec('revoked', { issuer: '371500' })], 'issuer'],
    ['a revocation naming another digest', [rec('issued'), rec('revoked', { digest: 'c'.repeat(64) })], 'digest'],
  ])('refuses %s', (_, records, field) => {
    const s = new StatusState();
    const results = records.map((r, i) => s.apply(r, i));
    expect(results.at(-1)).toMatchObject({ ok: false, field });
  });
});

describe('StatusFollower on the embedded log', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('applies the issuer’s signed records and refuses forged, foreign and non-canonical ones, going on after each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-status-'));
    dirs.push(dir);
    const log = await FileEventLog.open({ dir });
    const qingdao = generateKeyPair(makeKid('370200', 1));
    const liaocheng = generateKeyPair(makeKid('371500', 1));
    const trust = new KeyRing([qingdao.publicJwk, liaocheng.publicJwk]);
    const refused: string[] = [];
    const follower = new StatusFollower({ log, topic: 't.status', trust, onRefused: (r) => refused.push(`${r.offset}:${r.code}`) });
    await follower.start();
    const writer = new StatusWriter({ log, topic: 't.status', signer: signingKeyFromJwk(qingdao.privateJwk) });
    await writer.append(rec('issued'));
    // 聊城 signs a revocation of 青岛's certificate: the signer is not the issuer.
    const foreign = new StatusWriter({ log, topic: 't.status', signer: signingKeyFromJwk(liaocheng.privateJwk) });
    await foreign.append(rec('revoked', { issuer: '371500' }));
    await foreign.append(rec('revoked'));
    // A forged byte after signing, and pretty-printed bytes with a good signature.
    const r = rec('suspended');
    const bytes = canonicalBytes(r);
    const jws = await signDetached(bytes, signingKeyFromJwk(qingdao.privateJwk));
    const forged = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('fraud', 'frauD'));
    const pretty = new TextEncoder().encode(JSON.stringify(r, null, 1));
    await log.append('t.status', [
      { id: r.id, key: '370200', value: forged, headers: { [JWS_HEADER]: jws }, partition: 0 },
      { id: r.id, key: '370200', value: pretty, headers: { [JWS_HEADER]: await signDetached(pretty, signingKeyFromJwk(qingdao.privateJwk)) }, partition: 0 },
    ]);
    const last = await writer.append(rec('revoked', { reason: 'withdrawn' }));
    expect(await follower.reached(last, 5_000)).toBe(true);
    expect(refused).toEqual(['1:XR_CERT_STATUS_SIGNER', '2:XR_CERT_STATUS_SIGNER', '3:XR_SIGNATURE_INVALID', '4:XR_ENVELOPE_NOT_CANONICAL']);
    expect(follower.state.certificate(CERT)).toMatchObject({ revoked: { reason: 'withdrawn', offset: 5 } });
    expect(follower.freshness.position).toBe(6);
    await follower.stop();

    // A restarted follower reads the same story from the topic.
    const again = new StatusFollower({ log, topic: 't.status', trust });
    await again.start();
    expect(again.state.certificate(CERT)?.revoked?.offset).toBe(5);
    expect(again.stats).toMatchObject({ applied: 2, refused: 4 });
    await again.stop();
    await log.close();
  });
});
