import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import type { EventLog } from '@xr/event-log';
import { Counters, createLogger } from '@xr/observability';
import { GatewayState } from '../src/core/state.js';
import { decodeJournalRecord, topics } from '../src/index.js';
import { Snapshots, snapshotKey } from '../src/shell/snapshots.js';
import { eventually, gateway, region, submission, type TestRegion } from './fixtures.js';

const liaocheng = region('371500');
const qingdao = region('370200');
const shenzhen = region('440300');
const t = topics('t');
const JOURNAL = t.journal('371500');
const opened: FileEventLog[] = [];

async function openLog(dir?: string): Promise<{ log: FileEventLog; dir: string }> {
  const where = dir ?? (await mkdtemp(join(tmpdir(), 'xr-snap-log-')));
  const log = await FileEventLog.open({ dir: where });
  opened.push(log);
  return { log, dir: where };
}

afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
});

/** A logger that keeps its lines (parsed), for the refusal log lines. */
function recordingLogger(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write: (chunk: Buffer, _e, done) => {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

const sorted = <V>(map: ReadonlyMap<string, V>): [string, V][] => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Everything a state folded, as plain data: two states are the same when these are equal. Maps
 * are compared by key (partitions replay concurrently, so insertion order across partitions is
 * not part of the state).
 */
function picture(state: GatewayState) {
  const i = state.image();
  return {
    heads: i.heads.map((h) => ({ ...h })),
    issued: [...i.issued],
    targets: i.targets.map((s) => [...s].sort()),
    trees: i.trees.map((tree) => tree.columns().map((c) => Buffer.from(c).toString('hex'))),
    events: sorted(i.events),
    caseCounts: sorted(i.caseCounts),
    cases: sorted(i.cases),
    lastSeqs: sorted(i.lastSeqs),
    own: sorted(i.own),
  };
}

/** Folds the journal partitions into `state` from where it stands, up to `upTo[p]` (default: the end). */
async function fold(log: EventLog, state: GatewayState, upTo: readonly (number | undefined)[] = []): Promise<GatewayState> {
  for (let p = 0; p < 3; p++) {
    for (const r of await log.read(JOURNAL, p, state.head(p).next)) {
      if (upTo[p] !== undefined && r.offset >= upTo[p]!) break;
      state.apply(p, r.offset, decodeJournalRecord(r.value), r.value);
    }
  }
  return state;
}

function snapshots(state: GatewayState, log: EventLog, dir: string, self: TestRegion = liaocheng, logger = recordingLogger().logger, counters = new Counters()): Snapshots {
  return new Snapshots({ dir, region: '371500', journal: JOURNAL, partitions: 3, state, key: snapshotKey(self.signer), log, logger, counters, hold: (write) => write() });
}

/**
 * A journal of 聊城 with some of everything the state folds: cases in several states, our
 * requests taken and one refused by the handling region (a 撤回 racing an approval), events to
 * two partners.
 */
async function busyJournal(): Promise<{ log: FileEventLog; dir: string; cases: string[] }> {
  const { log, dir } = await openLog();
  let slowLink = false;
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
  const a = gateway(liaocheng, [qingdao, shenzhen], slow, t, { receiptTimeoutMs: 300 });
  const b = gateway(qingdao, [liaocheng], log);
  const c = gateway(shenzhen, [liaocheng], log);
  await a.start();
  await b.start();
  await c.start();
  const cases: string[] = [];
  for (let i = 0; i < 6; i++) {
    const target = i % 3 === 2 ? '440300' : '370200';
    const caseId = a.newCaseId(`req-${i}`);
    cases.push(caseId);
    expect((await a.request({ type: 'case.submitted', v: 1, caseId, target, payload: submission(target) })).ok).toBe(true);
  }
  await eventually(() => cases.every((id) => a.getCase(id)?.status === 'received'));
  const [first, second] = cases as [string, string];
  expect((await b.request({ type: 'case.supplement-requested', v: 1, caseId: first, target: '371500', payload: { items: [{ material: '申请书', reason: '缺页' }], notice: '请补正' } })).ok).toBe(true);
  await eventually(() => a.getCase(first)?.status === 'supplement-requested');
  expect((await b.request({ type: 'case.accepted', v: 1, caseId: second, target: '371500', payload: { receiptNo: 'R-1', basis: 'standard' } })).ok).toBe(true);
  await eventually(() => a.getCase(second)?.status === 'accepted');
  slowLink = true;
  const withdrawing = a.request({ type: 'case.withdrawn', v: 1, caseId: second, target: '370200', payload: { reason: '申请人主动撤回' } });
  await new Promise((r) => setTimeout(r, 50));
  expect((await b.request({ type: 'case.approved', v: 1, caseId: second, target: '371500', payload: { decisionNo: 'D-1' } })).ok).toBe(true);
  expect(await withdrawing).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
  await eventually(() => a.getCase(second)?.history.some((h) => h.type === 'case.request-refused'));
  await a.stop();
  await b.stop();
  await c.stop();
  return { log, dir, cases };
}

describe('state snapshots: a restart replays only the journal tail', () => {
  let journal: { log: FileEventLog; dir: string; cases: string[] };
  let full: GatewayState;
  let ends: number[];

  beforeAll(async () => {
    journal = await busyJournal();
    opened.splice(opened.indexOf(journal.log), 1);
    full = await fold(journal.log, new GatewayState('371500', 3));
    ends = [0, 1, 2].map((p) => full.head(p).next);
    expect(ends.reduce((a, b) => a + b)).toBeGreaterThan(12);
    expect(full.ledger.answerOf([...full.image().own].find(([, o]) => o.answer.kind === 'refused')?.[0] ?? '')?.kind).toBe('refused');
  }, 30_000);

  it('a snapshot at any point plus the tail folds to exactly the state a full replay folds', async () => {
    // Cut each partition at several points, including 0 and the end.
    for (const cut of [0, 0.3, 0.6, 1]) {
      const dir = await mkdtemp(join(tmpdir(), 'xr-snap-'));
      const upTo = ends.map((n) => Math.floor(n * cut));
      const partial = await fold(journal.log, new GatewayState('371500', 3), upTo);
      await snapshots(partial, journal.log, dir).write();
      const restored = new GatewayState('371500', 3);
      expect(await snapshots(restored, journal.log, dir).restore()).toBe(true);
      expect(restored.image().heads.map((h) => h.next)).toEqual(upTo);
      await fold(journal.log, restored);
      expect(picture(restored)).toStrictEqual(picture(full));
    }
  });

  it('the restored state answers as the replayed one: roots and proofs at every size, seen events, sequence numbers, answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-snap-'));
    await snapshots(full, journal.log, dir).write();
    const restored = new GatewayState('371500', 3);
    expect(await snapshots(restored, journal.log, dir).restore()).toBe(true);
    for (let p = 0; p < 3; p++) {
      for (let size = 0; size <= ends[p]!; size++) {
        expect(restored.tree(p).root(size)).toEqual(full.tree(p).root(size));
        expect(restored.tree(p).consistencyProof(Math.min(1, size), size)).toEqual(full.tree(p).consistencyProof(Math.min(1, size), size));
      }
      expect(restored.certificatesIssued(p)).toBe(full.certificatesIssued(p));
    }
    for (const [id] of full.image().events) expect(restored.seen(id)).toBe(full.seen(id));
    for (const [id] of full.image().own) {
      expect(restored.ledger.answerOf(id)).toStrictEqual(full.ledger.answerOf(id));
      expect(restored.ledger.requestOf(id)).toStrictEqual(full.ledger.requestOf(id));
    }
    for (const caseId of journal.cases) {
      expect(restored.ledger.lastSeq(caseId)).toBe(full.ledger.lastSeq(caseId));
      expect(restored.caseCount(caseId)).toBe(full.caseCount(caseId));
      expect(restored.cases.get(caseId)).toStrictEqual(full.cases.get(caseId));
    }
  });

  it('refuses a snapshot of another journal, of a truncated journal, an edited or cut file, or one under another key — and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-snap-'));
    await snapshots(full, journal.log, dir).write();
    const file = join(dir, `${JOURNAL}.snapshot`);
    const good = await readFile(file);
    const refusal = async (log: EventLog, self: TestRegion = liaocheng): Promise<{ field: unknown; message: unknown; counted: number }> => {
      const { logger, lines } = recordingLogger();
      const counters = new Counters();
      const state = new GatewayState('371500', 3);
      expect(await snapshots(state, log, dir, self, logger, counters).restore()).toBe(false);
      // Nothing of the refused snapshot was taken.
      expect(state.empty).toBe(true);
      expect(state.cases.size).toBe(0);
      const line = lines.find((l) => l['code'] === 'XR_SNAPSHOT_REFUSED');
      expect(line?.['msg']).toMatch(/replaying the journal from offset 0/);
      return { field: line?.['field'], message: line?.['msg'], counted: counters.total('xr_snapshots_refused_total') };
    };

    // Another journal of the same region and topic names (another deployment, a recreated topic).
    const other = await openLog();
    const a = gateway(liaocheng, [qingdao], other.log, t, { receiptTimeoutMs: 50 });
    await a.start();
    for (let i = 0; i < 12; i++) await a.request({ type: 'case.submitted', v: 1, caseId: a.newCaseId(), target: '370200', payload: submission('370200') });
    await a.stop();
    expect(await refusal(other.log)).toMatchObject({ field: 'journal', counted: 1 });

    // The journal cut back to fewer records than the snapshot covers.
    const shortDir = await mkdtemp(join(tmpdir(), 'xr-snap-log-'));
    const short = await openLog(shortDir);
    for (let p = 0; p < 3; p++) {
      const records = await journal.log.read(JOURNAL, p, 0);
      await short.log.createTopic(JOURNAL, { partitions: 3 });
      const kept = records.slice(0, Math.max(0, records.length - 1));
      if (kept.length > 0) await short.log.append(JOURNAL, kept.map((r) => ({ id: r.id, key: r.key, value: r.value, partition: p, headers: r.headers })));
    }
    expect(await refusal(short.log)).toMatchObject({ field: 'journal' });

    // One byte changed anywhere in the file (here: inside a case's JSON).
    const edited = Buffer.from(good);
    const at = edited.indexOf(Buffer.from('"received"'));
    expect(at).toBeGreaterThan(0);
    edited.write('"rejected"', at);
    await writeFile(file, edited);
    expect(await refusal(journal.log)).toMatchObject({ field: 'mac' });

    // Cut short (a copy that did not finish).
    await writeFile(file, good);
    await truncate(file, good.length - 40);
    expect(await refusal(journal.log)).toMatchObject({ field: 'file' });

    // Written under another region key.
    await writeFile(file, good);
    expect(await refusal(journal.log, region('371500'))).toMatchObject({ field: 'mac' });

    // The good file still loads.
    expect(await snapshots(new GatewayState('371500', 3), journal.log, dir).restore()).toBe(true);
  });

  it('a crash while writing leaves the previous snapshot in force; the next write cleans up', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-snap-'));
    const half = await fold(journal.log, new GatewayState('371500', 3), ends.map((n) => Math.floor(n / 2)));
    await snapshots(half, journal.log, dir).write();
    // A later write died after part of its temporary file (and before the rename).
    const later = await readFile(join(dir, `${JOURNAL}.snapshot`));
    await writeFile(join(dir, `${JOURNAL}.snapshot.tmp-4242-deadbeef`), later.subarray(0, later.length / 2));
    const restored = new GatewayState('371500', 3);
    expect(await snapshots(restored, journal.log, dir).restore()).toBe(true);
    expect(restored.image().heads.map((h) => h.next)).toEqual(ends.map((n) => Math.floor(n / 2)));
    await fold(journal.log, restored);
    expect(picture(restored)).toStrictEqual(picture(full));
    await snapshots(full, journal.log, dir).write();
    expect(await readdir(dir)).toEqual([`${JOURNAL}.snapshot`]);
  });
});

describe('a gateway with snapshots configured', () => {
  it('restarts from its snapshot, replays only the tail, owes its partners what it owed, and carries on as a full replay would', async () => {
    const { log } = await openLog();
    const dir = await mkdtemp(join(tmpdir(), 'xr-snap-'));
    const first = recordingLogger();
    const a = gateway(liaocheng, [qingdao, shenzhen], log, t, { snapshots: { dir }, receiptTimeoutMs: 200, logger: first.logger });
    const b = gateway(qingdao, [liaocheng], log);
    await a.start();
    await b.start();
    const toB = a.newCaseId();
    expect((await a.request({ type: 'case.submitted', v: 1, caseId: toB, target: '370200', payload: submission('370200') })).ok).toBe(true);
    await eventually(() => a.getCase(toB)?.status === 'received');
    // 深圳 is down: what 聊城 sends it waits in the outbox, before and after the snapshot.
    const toC = [a.newCaseId(), a.newCaseId()];
    for (const caseId of toC) expect(await a.request({ type: 'case.submitted', v: 1, caseId, target: '440300', payload: submission('440300') })).toMatchObject({ ok: true, value: { status: 'submitted' } });
    await a.stop();
    expect(first.lines.some((l) => l['msg'] === 'state snapshot written')).toBe(true);
    // Journaled after the snapshot (while 聊城 is down, 青岛 answers into its inbox).
    expect((await b.request({ type: 'case.supplement-requested', v: 1, caseId: toB, target: '371500', payload: { items: [{ material: '申请书', reason: '缺页' }], notice: '请补正' } })).ok).toBe(true);

    const second = recordingLogger();
    const again = gateway(liaocheng, [qingdao, shenzhen], log, t, { snapshots: { dir }, receiptTimeoutMs: 200, logger: second.logger });
    await again.start();
    const replayed = second.lines.find((l) => l['msg'] === 'journal replayed');
    expect(replayed).toMatchObject({ fromSnapshot: true, records: 0 });
    await eventually(() => again.getCase(toB)?.status === 'supplement-requested');
    // The outbox to 深圳 still holds both cases, though the snapshot covers them.
    expect(again.outboxStatus().find((o) => o.target === '440300')).toMatchObject({ backlog: 2 });
    // A new request gets the next sequence number from the restored ledger.
    const supplemented = await again.request({ type: 'case.supplemented', v: 1, caseId: toB, target: '370200', payload: { materials: [{ name: '申请书', sha256: 'b'.repeat(64), size: 1, mediaType: 'application/pdf' }] } });
    expect(supplemented).toMatchObject({ ok: true, value: { status: 'supplemented' } });
    // 深圳 comes up and gets both cases.
    const c = gateway(shenzhen, [liaocheng], log);
    await c.start();
    await eventually(() => toC.every((id) => again.getCase(id)?.status === 'received'), 20_000);
    const answers = Object.fromEntries([toB, ...toC].map((id) => [id, again.getCase(id)]));
    await again.stop();
    await c.stop();
    await b.stop();

    // A gateway of the same journal without a snapshot folds exactly the same cases.
    const fresh = gateway(liaocheng, [qingdao, shenzhen], log);
    await fresh.start();
    expect(Object.fromEntries([toB, ...toC].map((id) => [id, fresh.getCase(id)]))).toStrictEqual(answers);
    await fresh.stop();
  }, 40_000);
});
