import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { partitionFor } from '@xr/event-log';
import { canonicalBytes, signDetached } from '@xr/crypto';
import { decodeJournalRecord, hashRecord, JWS_HEADER, newId, requestId, SIGNING_MODES, topics } from '../src/index.js';
import { legacyRequestId } from '../src/ids.js';
import { eventually, gateway, quietLogger, region, submission, useSigning } from './fixtures.js';

const liaocheng = region('371500');
const qingdao = region('370200');
const t = topics('t');
const opened: FileEventLog[] = [];

async function openLog(dir?: string): Promise<{ log: FileEventLog; dir: string }> {
  const where = dir ?? (await mkdtemp(join(tmpdir(), 'xr-exchange-')));
  const log = await FileEventLog.open({ dir: where });
  opened.push(log);
  return { log, dir: where };
}

afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
});

describe.each(SIGNING_MODES)('signing mode %s', (mode) => {
  beforeAll(() => useSigning(mode));
  afterAll(() => useSigning('event'));

  describe('a case crosses from the receiving hall to the handling region', () => {
    it('收件 at 聊城 reaches 青岛, which signs for it (签收), and 聊城 sees the receipt', async () => {
      const { log } = await openLog();
      const a = gateway(liaocheng, [qingdao], log);
      const b = gateway(qingdao, [liaocheng], log);
      await a.start();
      await b.start();
      const caseId = a.newCaseId();
      const outcome = await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') });
      // The caller hears back once the handling region has signed for the case (签收).
      expect(outcome).toMatchObject({ ok: true, value: { caseId, status: 'received', handlingRegion: '370200' } });
      const atB = await eventually(() => b.getCase(caseId));
      expect(atB).toMatchObject({ status: 'received', receivingRegion: '371500', itemName: '食品经营许可' });
      await eventually(() => a.getCase(caseId)?.status === 'received');
      expect(a.getCase(caseId)?.history.map((h) => h.type)).toEqual(['case.submitted', 'case.received']);

      // Both journals are hash chains: each record names the hash of the one before it.
      for (const region of ['371500', '370200']) {
        const records = (await Promise.all([0, 1, 2].map((p) => log.read(t.journal(region), p, 0)))).flat();
        expect(records).toHaveLength(2);
        const partition = records[0]!.partition;
        const decoded = records.map((r) => decodeJournalRecord(r.value));
        expect(decoded[0]!.prev).toBe('0'.repeat(64));
        expect(decoded[1]!.prev).toBe(hashRecord(records[0]!.value));
        expect(records.every((r) => r.partition === partition)).toBe(true);
        // Each event keeps its sender's proof in the sender's mode: a JWS, or a seal (a C2SP tlog-proof).
        expect(decoded.map((d) => (mode === 'sealed' ? d.eventSeal?.startsWith('c2sp.org/tlog-proof@v1\n') : d.eventJws?.split('.').length === 3))).toEqual([true, true]);
      }
      await a.stop();
      await b.stop();
    });

    it('refuses and quarantines a record altered in flight, and applies nothing', async () => {
      const { log } = await openLog();
      const b = gateway(qingdao, [liaocheng], log);
      await b.start();
      await log.createTopic(t.inbox('371500'), { partitions: 3 });
      const caseId = b.newCaseId();
      const event = { id: newId(), type: 'case.submitted', v: 1, caseId, seq: 1, source: '371500', target: '370200', time: new Date().toISOString(), payload: submission('370200') };
      const bytes = canonicalBytes(event);
      const jws = await signDetached(bytes, liaocheng.signer);
      // A relay between the regions changes the applicant's name in what 聊城 signed.
      const tampered = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('张三', '李四'));
      await log.append(t.inbox('370200'), [{ id: event.id, key: caseId, value: tampered, headers: { [JWS_HEADER]: jws } }]);
      await eventually(() => b.counters.get('xr_quarantined_total', { reason: 'XR_SIGNATURE_INVALID' }) === 1);
      const q = await b.quarantine();
      expect(q).toHaveLength(1);
      expect(q[0]).toMatchObject({ code: 'XR_SIGNATURE_INVALID', from: { topic: t.inbox('370200'), offset: 0 } });
      expect(Buffer.from(q[0]!.value!, 'base64').toString()).toContain('李四');
      expect(b.getCase(caseId)).toBeUndefined();

      // The bytes as signed go through; delivering them twice changes nothing more.
      await log.append(t.inbox('370200'), [{ id: `${event.id}-again`, key: caseId, value: bytes, headers: { [JWS_HEADER]: jws } }]);
      await log.append(t.inbox('370200'), [{ id: `${event.id}-thrice`, key: caseId, value: bytes, headers: { [JWS_HEADER]: jws } }]);
      await eventually(() => b.counters.get('xr_inbox_records_total', { outcome: 'duplicate' }) === 1);
      expect(b.getCase(caseId)).toMatchObject({ status: 'received' });
      expect(b.counters.get('xr_journal_records_total', { type: 'case.submitted' })).toBe(1);
      await eventually(() => b.counters.get('xr_delivered_total', { target: '371500' }) === 1);
      await b.stop();
    });
  });

  describe('one authority per case: the handling region decides the receiving region\'s requests', () => {
    it('a 撤回 racing an approval: the authority refuses it, both copies end approved, the hall is told why', async () => {
      const { log } = await openLog();
      // A slow link from 聊城 to 青岛: the withdrawal arrives after 青岛 has approved.
      const slow = new Proxy(log, {
        get(target, prop) {
          if (prop === 'append') {
            return async (topic: string, records: Parameters<FileEventLog['append']>[1]) => {
              if (topic === t.inbox('370200') && slowLink) await new Promise((r) => setTimeout(r, 300));
              return target.append(topic, records);
            };
          }
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      let slowLink = false;
      const a = gateway(liaocheng, [qingdao], slow);
      const b = gateway(qingdao, [liaocheng], log);
      await a.start();
      await b.start();
      const caseId = a.newCaseId();
      expect((await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') })).ok).toBe(true);
      await eventually(() => b.getCase(caseId)?.status === 'received');
      expect((await b.request({ type: 'case.accepted', v: 1, caseId, target: '371500', payload: { receiptNo: 'R-1', basis: 'standard' } })).ok).toBe(true);
      await eventually(() => a.getCase(caseId)?.status === 'accepted');

      slowLink = true;
      const withdrawing = a.request({ type: 'case.withdrawn', v: 1, caseId, target: '370200', payload: { reason: '申请人主动撤回' } });
      await new Promise((r) => setTimeout(r, 50));
      const approval = await b.request({ type: 'case.approved', v: 1, caseId, target: '371500', payload: { decisionNo: 'D-1' } });
      const withdrawal = await withdrawing;
      expect(approval).toMatchObject({ ok: true, value: { status: 'approved' } });
      expect(withdrawal).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
      await eventually(() => a.getCase(caseId)?.history.some((h) => h.type === 'case.request-refused'));
      expect(a.getCase(caseId)?.status).toBe('approved');
      expect(b.getCase(caseId)?.status).toBe('approved');
      await a.stop();
      await b.stop();
    });

    it('a request the authority takes changes the hall\'s copy only when confirmed, and the caller gets the confirmed case', async () => {
      const { log } = await openLog();
      const a = gateway(liaocheng, [qingdao], log);
      const b = gateway(qingdao, [liaocheng], log);
      await a.start();
      await b.start();
      const caseId = a.newCaseId();
      await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') });
      await eventually(() => a.getCase(caseId)?.status === 'received');
      await b.stop();
      // The authority is away: the hall's withdrawal is journaled and sent, but its copy does not move.
      const pending = a.request({ type: 'case.withdrawn', v: 1, caseId, target: '370200', payload: {} });
      await new Promise((r) => setTimeout(r, 200));
      expect(a.getCase(caseId)?.status).toBe('received');
      const back = gateway(qingdao, [liaocheng], log);
      await back.start();
      expect(await pending).toMatchObject({ ok: true, value: { status: 'withdrawn' } });
      expect(back.getCase(caseId)?.status).toBe('withdrawn');
      await a.stop();
      await back.stop();
    });
  });

  describe('restart at any point: our sequence numbers come from the journal and the inbox', () => {
    it('a 补正 signed into the inbox just before a crash, then a 撤回 after the restart: the authority takes both, in order', async () => {
      const { log } = await openLog();
      const a = gateway(liaocheng, [qingdao], log);
      const b = gateway(qingdao, [liaocheng], log);
      await a.start();
      await b.start();
      const caseId = a.newCaseId();
      await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') });
      await eventually(() => b.getCase(caseId)?.status === 'received');
      expect((await b.request({ type: 'case.supplement-requested', v: 1, caseId, target: '371500', payload: { items: [{ material: '申请书', reason: '缺页' }], notice: '请补正' } })).ok).toBe(true);
      await eventually(() => a.getCase(caseId)?.status === 'supplement-requested');
      await a.stop();
      // 聊城 signed its 补正 into its inbox and died before journaling it.
      const supplemented = { id: newId(), type: 'case.supplemented', v: 1, caseId, seq: 2, source: '371500', target: '370200', time: new Date().toISOString(), payload: { materials: [{ name: '申请书', sha256: 'b'.repeat(64), size: 1, mediaType: 'application/pdf' }] } };
      const bytes = canonicalBytes(supplemented);
      await log.append(t.inbox('371500'), [{ id: supplemented.id, key: caseId, value: bytes, headers: { [JWS_HEADER]: await signDetached(bytes, liaocheng.signer) }, partition: partitionFor(caseId, 3) }]);
      const again = gateway(liaocheng, [qingdao], log);
      await again.start();
      const withdrawal = await again.request({ type: 'case.withdrawn', v: 1, caseId, target: '370200', payload: {} });
      expect(withdrawal).toMatchObject({ ok: true, value: { status: 'withdrawn' } });
      expect(b.getCase(caseId)?.history.map((h) => h.type)).toEqual(['case.submitted', 'case.received', 'case.supplement-requested', 'case.supplemented', 'case.withdrawn']);
      expect(await b.quarantine()).toEqual([]);
      const ours = (await Promise.all([0, 1, 2].map((p) => log.read(t.journal('371500'), p, 0)))).flat().map((r) => decodeJournalRecord(r.value).event).filter((e) => e.source === '371500');
      expect(ours.map((e) => [e.type, e.seq])).toEqual([['case.submitted', 1], ['case.supplemented', 2], ['case.withdrawn', 3]]);
      await again.stop();
      await b.stop();
    });
  });

  describe('submissions against the handling region\'s catalog', () => {
    it('a submission missing a required material is refused by the handling region, and SubmitCase says which', async () => {
      const { catalogIndex } = await import('@xr/domain');
      const { SAMPLE_CATALOG_370200 } = await import('@xr/domain/samples');
      const { ExchangeGateway: Gateway, KeyRing: Ring } = await import('../src/index.js');
      const { Counters } = await import('@xr/observability');
      const { log } = await openLog();
      const a = gateway(liaocheng, [qingdao], log);
      const b = new Gateway({ region: '370200', log, signer: qingdao.signer, keys: new Ring([qingdao.publicJwk, liaocheng.publicJwk]), topics: t, partitions: 3, logger: quietLogger, counters: new Counters(), catalogs: catalogIndex([SAMPLE_CATALOG_370200]) });
      await a.start();
      await b.start();
      const caseId = a.newCaseId();
      const refused = await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') });
      expect(refused).toMatchObject({ ok: false, code: 'XR_MATERIAL_MISSING' });
      if (!refused.ok) expect(refused.message).toContain('营业执照');
      expect(a.getCase(caseId)?.history.map((h) => h.type)).toEqual(['case.submitted', 'case.request-refused']);
      expect(b.getCase(caseId)).toBeUndefined();
      const materials = ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '食品安全管理制度', '经营场所平面布局图'].map((name) => ({ name, sha256: 'a'.repeat(64), size: 1, mediaType: 'application/pdf' }));
      const good = await a.request({ type: 'case.submitted', v: 1, caseId: a.newCaseId(), target: '370200', payload: { ...submission('370200'), materials } });
      expect(good).toMatchObject({ ok: true, value: { status: 'received' } });
      await a.stop();
      await b.stop();
    });
  });

  describe('a request retried across the upgrade to UUIDv8 ids', () => {
    it('finds the case and event its first attempt made under the old id form, and makes no second one', async () => {
      // The form journals hold from before the upgrade (vectors computed with the old ids.ts).
      expect(legacyRequestId('371500', 'req-1')).toBe('cbe39f63-caf4-7799-84e2-0c47a9136d26');
      expect(legacyRequestId('371500', 'req-1', 'case')).toBe('e60ebc82-7cb0-73fd-b7e1-74dc7d1c378e');
      const { log } = await openLog();
      const b = gateway(qingdao, [liaocheng], log);
      await b.start();
      // The first attempt, made by the old gateway: its event, under the old ids, in 聊城's inbox.
      const caseId = legacyRequestId('371500', 'req-1', 'case');
      const first = { id: legacyRequestId('371500', 'req-1'), type: 'case.submitted', v: 1, caseId, seq: 1, source: '371500', target: '370200', time: new Date().toISOString(), payload: submission('370200') };
      const bytes = canonicalBytes(first);
      await log.createTopic(t.inbox('371500'), { partitions: 3 });
      await log.append(t.inbox('371500'), [{ id: first.id, key: caseId, value: bytes, headers: { [JWS_HEADER]: await signDetached(bytes, liaocheng.signer) }, partition: partitionFor(caseId, 3) }]);
      const a = gateway(liaocheng, [qingdao], log);
      await a.start();
      await eventually(() => a.getCase(caseId)?.status === 'received');
      // The retry, by the new gateway.
      expect(a.newCaseId('req-1')).toBe(caseId);
      const retried = await a.request({ requestId: 'req-1', type: 'case.submitted', v: 1, caseId: a.newCaseId('req-1'), target: '370200', payload: submission('370200') });
      expect(retried).toMatchObject({ ok: true, value: { caseId, status: 'received' } });
      const journaled = (await Promise.all([0, 1, 2].map((p) => log.read(t.journal('371500'), p, 0)))).flat().map((r) => decodeJournalRecord(r.value).event.type);
      expect(journaled).toEqual(['case.submitted', 'case.received']);
      // A request id never used before gets the new form.
      expect(a.newCaseId('req-2')).toBe(requestId('371500', 'req-2', 'case'));
      await a.stop();
      await b.stop();
    });
  });

  describe('one batch of a partition at a time, whatever the consumer does', () => {
    it('a consumer that hands the same batch over twice at once (a rebalance) gets one journal record per event and an intact chain', async () => {
      const { log, dir } = await openLog();
      // Every batch is offered twice, concurrently: as kafkajs may after a rebalance.
      const doubling = new Proxy(log, {
        get(target, prop) {
          if (prop === 'consume') {
            return (options: Parameters<FileEventLog['consume']>[0]) =>
              target.consume({ ...options, onBatch: async (batch) => void (await Promise.all([options.onBatch(batch), options.onBatch(batch)])) });
          }
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      const a = gateway(liaocheng, [qingdao], doubling);
      const b = gateway(qingdao, [liaocheng], doubling);
      await a.start();
      await b.start();
      const ids = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const caseId = a.newCaseId();
          expect((await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') })).ok).toBe(true);
          return caseId;
        }),
      );
      for (const caseId of ids) await eventually(() => a.getCase(caseId)?.status === 'received');
      await a.stop();
      await b.stop();
      const types = (await Promise.all([0, 1, 2].map((p) => log.read(t.journal('371500'), p, 0)))).flat().map((r) => decodeJournalRecord(r.value).event.type);
      expect(types.filter((x) => x === 'case.submitted')).toHaveLength(6);
      expect(types.filter((x) => x === 'case.received')).toHaveLength(6);
      await log.close();
      // The chain verifies on replay: a restarted gateway starts.
      const { log: again } = await openLog(dir);
      const restarted = gateway(liaocheng, [qingdao], again);
      await restarted.start();
      expect(ids.every((id) => restarted.getCase(id)?.status === 'received')).toBe(true);
      await restarted.stop();
    });
  });
});
