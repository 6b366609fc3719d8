/**
 * The request ledger as given/when/then over journal records: what a region's journal says about
 * its own events (sequence numbers, answers, client requests), with nothing remembered besides.
 */
import { describe, expect, it } from 'vitest';
import type { Envelope, JournalRecord } from '@xr/domain';
import { inFlightSeqs, requestConflict, requestFingerprint, RequestLedger } from '../src/requests.js';
import { encodeEnvelope } from '../src/journal-codec.js';

const HALL = '371500';
const AUTHORITY = '370200';
const CASE = '0199a000-0000-7000-9000-000000000001';

let n = 0;
function event(type: string, source: string, seq: number, payload: Record<string, unknown> = {}, id = `e-${(n += 1)}`): Envelope {
  return { id, type, v: 1, caseId: CASE, seq, source, target: source === HALL ? AUTHORITY : HALL, time: '2025-09-26T09:00:00+08:00', payload };
}

function record(e: Envelope, request?: JournalRecord['request']): JournalRecord {
  return { event: e, eventJws: 'jws', prev: '0'.repeat(64), n: 0, caseSeq: 1, ...(request ? { request } : {}), recordedAt: e.time };
}

/** The ledger of the hall after its journal holds `records`. */
function given(...records: JournalRecord[]): RequestLedger {
  const ledger = new RequestLedger(HALL);
  for (const r of records) ledger.apply(r);
  return ledger;
}

describe('our sequence numbers come from the journal', () => {
  it('a request journaled but not answered counts, so the next request takes the number after it', () => {
    const submitted = event('case.submitted', HALL, 1);
    const received = event('case.received', AUTHORITY, 1);
    const supplemented = event('case.supplemented', HALL, 2);
    const ledger = given(record(submitted), record(received), record(supplemented));
    expect(ledger.lastSeq(CASE)).toBe(2);
    expect(ledger.answerOf(supplemented.id)).toEqual({ kind: 'pending' });
    expect(given().lastSeq(CASE)).toBe(0);
  });

  it('inbox records signed by us and not journaled yet keep their numbers; others and garbage do not count', () => {
    const ours = (e: Envelope) => ({ id: e.id, topic: 'inbox', partition: 0, offset: 0, key: CASE, timestamp: 0, headers: {}, value: encodeEnvelope(e) });
    const seqs = inFlightSeqs([ours(event('case.withdrawn', HALL, 3)), ours(event('case.supplemented', HALL, 2)), ours(event('case.accepted', AUTHORITY, 9)), { ...ours(event('x', HALL, 1)), value: new TextEncoder().encode('{') }], HALL);
    expect([...seqs]).toEqual([[CASE, 3]]);
  });
});

describe("a request's answer comes from the journal", () => {
  it('accepted by the authority: taken; refused: the refusal with its code; our own decisions: taken', () => {
    const asked = event('case.withdrawn', HALL, 2);
    const refusedAsk = event('case.rated', HALL, 3);
    const ledger = given(
      record(asked),
      record(refusedAsk),
      record(event('case.request-accepted', AUTHORITY, 2, { request: asked })),
      record(event('case.request-refused', AUTHORITY, 3, { eventId: refusedAsk.id, type: 'case.rated', code: 'XR_CASE_ILLEGAL_TRANSITION', message: 'not closed' })),
    );
    expect(ledger.answerOf(asked.id)).toEqual({ kind: 'taken' });
    expect(ledger.answerOf(refusedAsk.id)).toMatchObject({ kind: 'refused', problem: { ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION', message: `${AUTHORITY} refused case.rated: not closed` } });
    expect(ledger.answerOf('never-journaled')).toBeUndefined();
  });

  it('a submission the handling region refused stays refused, with the code it gave', () => {
    const submitted = event('case.submitted', HALL, 1);
    const ledger = given(record(submitted), record(event('case.request-refused', AUTHORITY, 1, { eventId: submitted.id, type: 'case.submitted', code: 'XR_MATERIAL_MISSING', message: '营业执照' })));
    expect(ledger.answerOf(submitted.id)).toMatchObject({ kind: 'refused', problem: { code: 'XR_MATERIAL_MISSING' } });
  });
});

describe('a request id names one client request', () => {
  const body = { requestId: 'r-1', caseId: CASE, reason: '申请人主动撤回' };

  it('the fingerprint covers the RPC and the body, not the request id', () => {
    expect(requestFingerprint('WithdrawCase', body)).toEqual(requestFingerprint('WithdrawCase', { ...body, requestId: 'r-2' }));
    expect(requestFingerprint('WithdrawCase', body).fingerprint).not.toBe(requestFingerprint('WithdrawCase', { ...body, reason: '其他' }).fingerprint);
    expect(requestFingerprint('WithdrawCase', body).fingerprint).not.toBe(requestFingerprint('RateCase', body).fingerprint);
  });

  it('is kept in the journal; the same request again is no conflict, another body or RPC is XR_REQUEST_CONFLICT', () => {
    const first = requestFingerprint('WithdrawCase', body);
    const withdrawn = event('case.withdrawn', HALL, 2);
    const ledger = given(record(withdrawn, first));
    expect(ledger.requestOf(withdrawn.id)).toEqual(first);
    expect(requestConflict(ledger.requestOf(withdrawn.id), first)).toBeUndefined();
    expect(requestConflict(ledger.requestOf(withdrawn.id), requestFingerprint('WithdrawCase', { ...body, reason: '其他' }))).toMatchObject({ code: 'XR_REQUEST_CONFLICT', field: 'request_id' });
    const otherRpc = requestConflict(ledger.requestOf(withdrawn.id), requestFingerprint('SubmitCase', body));
    expect(otherRpc).toMatchObject({ code: 'XR_REQUEST_CONFLICT' });
    expect(otherRpc?.message).toContain('for WithdrawCase, not SubmitCase');
    // A journal record from before fingerprints were kept decides nothing.
    expect(requestConflict(undefined, first)).toBeUndefined();
  });
});
