/**
 * Signed checkpoints of the journal partitions, on the embedded log: what lands on
 * `<prefix>.checkpoints` verifies with any C2SP reader given the region's key, matches the journal,
 * proves each checkpoint consistent with the one before, survives a restart, and a journal that no
 * longer reproduces what was signed is refused at start.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { partitionFor, type EventLog, type LogRecord } from '@xr/event-log';
import { ed25519Signer, formatAddCheckpoint, formatCheckpoint, MerkleTree, openCheckpoint, parseAddCheckpoint, signNote, verifyConsistency } from '@xr/tlog';
import { CHECKPOINT_KIND_HEADER, journalKeyName, journalOrigin, journalVerifier, topics, type ExchangeGateway } from '../src/index.js';
import { eventually, gateway, region, submission, type TestRegion } from './fixtures.js';

const liaocheng = region('371500');
const qingdao = region('370200');
const opened: FileEventLog[] = [];

afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
});

async function openLog(): Promise<FileEventLog> {
  const log = await FileEventLog.open({ dir: await mkdtemp(join(tmpdir(), 'xr-checkpoints-')) });
  opened.push(log);
  return log;
}

const t = topics('t');
const fast = { checkpoints: { intervalMs: 40 } };

async function pair(log: EventLog): Promise<[ExchangeGateway, ExchangeGateway]> {
  const a = gateway(liaocheng, [qingdao], log, t, fast);
  const b = gateway(qingdao, [liaocheng], log, t, fast);
  await a.start();
  await b.start();
  return [a, b];
}

async function submit(a: ExchangeGateway, caseId = a.newCaseId()): Promise<string> {
  const outcome = await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') });
  expect(outcome.ok).toBe(true);
  return caseId;
}

interface Read {
  readonly record: LogRecord;
  readonly old: number;
  readonly proof: readonly Uint8Array[];
  readonly size: number;
  readonly root: Uint8Array;
}

/** Every `checkpoint` record of `r`'s origins, verified with r's key, in topic order. */
async function checkpointsOf(log: EventLog, r: TestRegion): Promise<Map<string, Read[]>> {
  const out = new Map<string, Read[]>();
  for (const record of await log.read(t.checkpoints, 0, 0)) {
    if (record.headers[CHECKPOINT_KIND_HEADER] !== 'checkpoint' || !record.key.startsWith(`t.journal.${r.code}/`)) continue;
    expect(record.id).toBe(createHash('sha256').update(record.value).digest('hex'));
    const body = parseAddCheckpoint(record.value);
    if (!body.ok) throw new Error(body.message);
    const cp = openCheckpoint(body.value.checkpoint, { log: [journalVerifier('t', r.code, r.publicJwk)], origin: record.key });
    if (!cp.ok) throw new Error(cp.message);
    const list = out.get(record.key) ?? [];
    list.push({ record, old: body.value.old, proof: body.value.proof, size: cp.value.checkpoint.size, root: cp.value.checkpoint.rootHash });
    out.set(record.key, list);
  }
  return out;
}

function treeOf(records: readonly LogRecord[]): MerkleTree {
  const tree = new MerkleTree();
  for (const r of records) tree.appendData(r.value);
  return tree;
}

/** A checkpoint of `origin` signed with r's key, as a forger holding the key (or a rolled-back region) would write it. */
function forged(r: TestRegion, origin: string, size: number, root: Uint8Array, old = 0): Uint8Array {
  const body = formatCheckpoint({ origin, size, rootHash: root, extensions: [] });
  if (!body.ok) throw new Error(body.message);
  const note = signNote(body.value, [ed25519Signer(journalKeyName('t', r.code), r.signer.privateKey)]);
  if (!note.ok) throw new Error(note.message);
  const value = formatAddCheckpoint({ old, proof: [], checkpoint: note.value });
  if (!value.ok) throw new Error(value.message);
  return new TextEncoder().encode(value.value);
}

async function appendCheckpoint(log: EventLog, origin: string, value: Uint8Array): Promise<void> {
  await log.append(t.checkpoints, [{ id: createHash('sha256').update(value).digest('hex'), key: origin, value, headers: { [CHECKPOINT_KIND_HEADER]: 'checkpoint' }, partition: 0 }]);
}

describe('signed checkpoints of every journal partition', () => {
  it('verify with the region key, match the journal, chain by consistency proofs, and the one written at stop covers the whole journal', async () => {
    const log = await openLog();
    const [a, b] = await pair(log);
    for (let i = 0; i < 4; i++) {
      await submit(a);
      // Let a tick pass between cases so partitions get several checkpoints.
      await new Promise((r) => setTimeout(r, 60));
    }
    await eventually(() => a.counters.get('xr_checkpoints_total') >= 2);
    await a.stop();
    await b.stop();
    expect((await log.describeTopic(t.checkpoints)).timestampType).toBe('LogAppendTime');

    let chained = 0;
    for (const r of [liaocheng, qingdao]) {
      const byOrigin = await checkpointsOf(log, r);
      expect(byOrigin.size).toBeGreaterThan(0);
      for (let p = 0; p < 3; p++) {
        const origin = journalOrigin('t', r.code, p);
        const list = byOrigin.get(origin) ?? [];
        const journal = await log.read(t.journal(r.code), p, 0);
        expect(list.length > 0).toBe(journal.length > 0);
        if (list.length === 0) continue;
        const tree = treeOf(journal);
        let previous: Read | undefined;
        for (const cp of list) {
          // Its root is the one recomputed from the journal records alone.
          const root = tree.root(cp.size);
          expect(root.ok && Buffer.from(root.value).equals(Buffer.from(cp.root))).toBe(true);
          expect(cp.old).toBe(previous?.size ?? 0);
          expect(cp.size).toBeGreaterThan(cp.old);
          if (previous) chained++;
          if (previous) expect(verifyConsistency(previous.size, cp.size, previous.root, cp.root, cp.proof)).toEqual({ ok: true, value: true });
          else expect(cp.proof).toEqual([]);
          previous = cp;
        }
        expect(previous!.size).toBe(journal.length);
      }
    }
    // Some partition grew across ticks, so some proofs above were from a non-empty tree.
    expect(chained).toBeGreaterThan(0);
    const latest = a.checkpoints();
    expect(latest.filter(Boolean).map((c) => c!.size).reduce((x, y) => x + y, 0)).toBe((await Promise.all([0, 1, 2].map((p) => log.endOffset(t.journal('371500'), p)))).reduce((x, y) => x + y, 0));
  });

  it('a restart continues from the last checkpoint: old = its size, and the proof verifies across the restart', async () => {
    const log = await openLog();
    let [a, b] = await pair(log);
    const first = await submit(a);
    const p = partitionFor(first, 3);
    await a.stop();
    await b.stop();
    const before = (await checkpointsOf(log, liaocheng)).get(journalOrigin('t', '371500', p))!;
    const last = before.at(-1)!;

    [a, b] = await pair(log);
    expect(a.checkpoints()[p]?.size).toBe(last.size);
    let next = a.newCaseId();
    while (partitionFor(next, 3) !== p) next = a.newCaseId();
    await submit(a, next);
    await a.stop();
    await b.stop();
    const after = (await checkpointsOf(log, liaocheng)).get(journalOrigin('t', '371500', p))!;
    expect(after.length).toBe(before.length + 1);
    const continued = after.at(-1)!;
    expect(continued.old).toBe(last.size);
    expect(verifyConsistency(last.size, continued.size, last.root, continued.root, continued.proof).ok).toBe(true);
  });

  it('refuses to start (XR_CHECKPOINT_ROLLBACK) on a checkpoint claiming more than the journal holds, naming origin and sizes', async () => {
    const log = await openLog();
    const [a, b] = await pair(log);
    const caseId = await submit(a);
    await a.stop();
    await b.stop();
    const p = partitionFor(caseId, 3);
    const origin = journalOrigin('t', '371500', p);
    const size = await log.endOffset(t.journal('371500'), p);
    await appendCheckpoint(log, origin, forged(liaocheng, origin, size + 5, randomBytes(32)));
    const again = gateway(liaocheng, [qingdao], log, t, fast);
    const refused = again.start();
    await expect(refused).rejects.toMatchObject({ code: 'XR_CHECKPOINT_ROLLBACK', origin, signedSize: size + 5, journalSize: size });
    await expect(refused).rejects.toThrow(new RegExp(`${origin.replace(/[./]/g, '\\$&')}.*size ${size + 5}.*${size} records`));
  });

  it('refuses to start on a checkpoint with another root at a size the journal has', async () => {
    const log = await openLog();
    const [a, b] = await pair(log);
    const caseId = await submit(a);
    await a.stop();
    await b.stop();
    const p = partitionFor(caseId, 3);
    const origin = journalOrigin('t', '371500', p);
    await appendCheckpoint(log, origin, forged(liaocheng, origin, 1, randomBytes(32)));
    await expect(gateway(liaocheng, [qingdao], log, t, fast).start()).rejects.toMatchObject({ code: 'XR_CHECKPOINT_ROLLBACK', origin, signedSize: 1 });
  });

  it('judges a checkpoint by its signature, not by the record key it was filed under', async () => {
    const log = await openLog();
    const [a, b] = await pair(log);
    const caseId = await submit(a);
    await a.stop();
    await b.stop();
    const origin = journalOrigin('t', '371500', partitionFor(caseId, 3));
    await appendCheckpoint(log, 'somewhere-else', forged(liaocheng, origin, 1_000, randomBytes(32)));
    await expect(gateway(liaocheng, [qingdao], log, t, fast).start()).rejects.toMatchObject({ code: 'XR_CHECKPOINT_ROLLBACK', origin, signedSize: 1_000 });
  });

  it('ignores what others write under its origins: a checkpoint signed with another key, a malformed value, a wrong kind', async () => {
    const log = await openLog();
    let [a, b] = await pair(log);
    const caseId = await submit(a);
    await a.stop();
    await b.stop();
    const p = partitionFor(caseId, 3);
    const origin = journalOrigin('t', '371500', p);
    const intruder = region('371500');
    await appendCheckpoint(log, origin, forged(intruder, origin, 99, randomBytes(32)));
    await appendCheckpoint(log, origin, new TextEncoder().encode('old 0\n\nnot a note'));
    await log.append(t.checkpoints, [{ id: 'x', key: origin, value: forged(liaocheng, origin, 0 + 1, randomBytes(32)), headers: { [CHECKPOINT_KIND_HEADER]: 'fork' }, partition: 0 }]);
    [a, b] = await pair(log);
    expect(a.counters.get('xr_checkpoints_refused_total', { reason: 'XR_NOTE_UNVERIFIED' })).toBe(1);
    expect(a.counters.get('xr_checkpoints_refused_total', { reason: 'XR_NOTE_MALFORMED' })).toBe(1);
    expect(a.checkpoints()[p]?.size).toBe(await log.endOffset(t.journal('371500'), p));
    await a.stop();
    await b.stop();
  });

  it('signs nothing while the journal is empty and nothing twice for one size', async () => {
    const log = await openLog();
    const a = gateway(liaocheng, [qingdao], log, t, fast);
    await a.start();
    await new Promise((r) => setTimeout(r, 150));
    await a.stop();
    expect(await log.read(t.checkpoints, 0, 0)).toEqual([]);
    expect(a.counters.get('xr_checkpoints_total')).toBe(0);
  });
});
