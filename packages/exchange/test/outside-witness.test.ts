/**
 * The log side of C2SP tlog-witness: a gateway submits each new checkpoint to an outside witness
 * (here a real node:http server cosigning with `cosignatureSigner`), writes the verified
 * cosignature to `<prefix>.checkpoints`, re-proves once from the size a 409 names, and shrugs off a
 * witness that answers nonsense or is down.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { partitionFor, type EventLog } from '@xr/event-log';
import { cosignatureSigner, openCheckpoint, parseAddCheckpoint, signNote, type NoteVerifier } from '@xr/tlog';
import { CHECKPOINT_KIND_HEADER, journalOrigin, journalVerifier, topics, type ExchangeGateway, type OutsideWitness } from '../src/index.js';
import { eventually, gateway, region, submission } from './fixtures.js';
import { startTestWitness, type TestWitness } from './tlog-witness-server.js';

const liaocheng = region('371500');
const qingdao = region('370200');
const t = topics('t');
const logKey = journalVerifier('t', '371500', liaocheng.publicJwk);
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function openLog(): Promise<FileEventLog> {
  const log = await FileEventLog.open({ dir: await mkdtemp(join(tmpdir(), 'xr-witness-')) });
  cleanup.push(() => log.close());
  return log;
}

async function witness(name: string): Promise<TestWitness> {
  const w = await startTestWitness(name, logKey);
  cleanup.push(() => w.close());
  return w;
}

function outside(w: TestWitness): OutsideWitness {
  return { name: w.name, verifier: w.verifier, url: `${w.url}/` };
}

async function pair(log: EventLog, witnesses: readonly OutsideWitness[]): Promise<[ExchangeGateway, ExchangeGateway]> {
  const a = gateway(liaocheng, [qingdao], log, t, { checkpoints: { intervalMs: 40, witnesses, witnessTimeoutMs: 2_000 } });
  const b = gateway(qingdao, [liaocheng], log, t, { checkpoints: { intervalMs: 40 } });
  await a.start();
  await b.start();
  return [a, b];
}

async function submit(a: ExchangeGateway, caseId = a.newCaseId()): Promise<string> {
  expect((await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') })).ok).toBe(true);
  return caseId;
}

async function records(log: EventLog, kind: string): Promise<{ key: string; value: string }[]> {
  return (await log.read(t.checkpoints, 0, 0)).filter((r) => r.headers[CHECKPOINT_KIND_HEADER] === kind && r.key.startsWith('t.journal.371500/')).map((r) => ({ key: r.key, value: Buffer.from(r.value).toString('utf8') }));
}

function opensWith(note: string, origin: string, w: NoteVerifier) {
  const opened = openCheckpoint(note, { log: [logKey], witnesses: [w], origin });
  if (!opened.ok) throw new Error(opened.message);
  return opened.value;
}

describe('submitting checkpoints to an outside witness (tlog-witness)', () => {
  it('POSTs each new checkpoint record as it is, and the verified cosignature lands on the checkpoints topic', async () => {
    const log = await openLog();
    const w = await witness('supervisor.example/witness');
    const [a, b] = await pair(log, [outside(w)]);
    await submit(a);
    await submit(a);
    await a.stop();
    await b.stop();
    const checkpoints = await records(log, 'checkpoint');
    // The first checkpoint went to the witness byte for byte; each later body carries one of the
    // checkpoints (a slow witness is sent only the newest of an origin).
    expect(w.bodies[0]).toBe(checkpoints[0]!.value);
    const notes = checkpoints.map((c) => (parseAddCheckpoint(c.value) as { value: { checkpoint: string } }).value.checkpoint);
    for (const body of w.bodies) expect(notes).toContain((parseAddCheckpoint(body) as { value: { checkpoint: string } }).value.checkpoint);
    const cosigned = await records(log, 'cosignature');
    expect(cosigned).toHaveLength(w.bodies.length);
    for (const c of cosigned) {
      const opened = opensWith(c.value, c.key, w.verifier);
      expect(opened.witnessed.map((s) => s.name)).toEqual([w.name]);
      expect(opened.note.verified).toHaveLength(2);
    }
    // The witness's state is the newest checkpoint of each origin.
    for (const [origin, { size }] of w.state) expect(a.checkpoints()[Number(origin.split('/')[1])]?.size).toBe(size);
    expect(a.counters.get('xr_cosignatures_total', { witness: w.name })).toBe(cosigned.length);
  });

  it('after a restart, proves from the size the witness cosigned (read back from the topic)', async () => {
    const log = await openLog();
    const w = await witness('w1');
    let [a, b] = await pair(log, [outside(w)]);
    const first = await submit(a);
    await a.stop();
    await b.stop();
    const p = partitionFor(first, 3);
    const origin = journalOrigin('t', '371500', p);
    const cosignedSize = w.state.get(origin)!.size;
    w.bodies.length = 0;
    [a, b] = await pair(log, [outside(w)]);
    let next = a.newCaseId();
    while (partitionFor(next, 3) !== p) next = a.newCaseId();
    await submit(a, next);
    await a.stop();
    await b.stop();
    const sent = w.bodies.map((body) => parseAddCheckpoint(body)).filter((r) => r.ok && r.value.checkpoint.startsWith(`${origin}\n`));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.ok && sent[0]!.value.old).toBe(cosignedSize);
    expect(w.bodies.every((body) => !body.startsWith('old 0\n') || !body.includes(`${origin}\n`))).toBe(true);
  });

  it('answers a 409 with one retry proving from the size the witness names', async () => {
    const log = await openLog();
    // First run without the witness: checkpoints exist that it never saw on the topic.
    let [a, b] = await pair(log, []);
    const first = await submit(a);
    await a.stop();
    await b.stop();
    const p = partitionFor(first, 3);
    const origin = journalOrigin('t', '371500', p);
    const last = a.checkpoints()[p]!;
    // The witness cosigned that checkpoint (its answer was lost): it holds a size the topic does not show.
    const w = await witness('w409');
    w.state.set(origin, { size: last.size, root: last.rootHash });
    [a, b] = await pair(log, [outside(w)]);
    let next = a.newCaseId();
    while (partitionFor(next, 3) !== p) next = a.newCaseId();
    await submit(a, next);
    await a.stop();
    await b.stop();
    const sent = w.bodies.filter((body) => body.includes(`\n${origin}\n`));
    expect(sent.slice(0, 2).map((body) => body.split('\n')[0])).toEqual(['old 0', `old ${last.size}`]);
    const cosigned = (await records(log, 'cosignature')).filter((c) => c.key === origin);
    expect(cosigned.length).toBeGreaterThan(0);
    expect(opensWith(cosigned.at(-1)!.value, origin, w.verifier).checkpoint.size).toBe(a.checkpoints()[p]!.size);
  });

  it('writes nothing for a cosignature by another key, a garbage answer, a 500 or a witness that is down, and keeps checkpointing', async () => {
    const log = await openLog();
    const w = await witness('honest-name');
    const impostor = cosignatureSigner('honest-name', generateKeyPairSync('ed25519').privateKey, () => 1_700_000_000);
    const answers = [
      (body: string) => {
        const parsed = parseAddCheckpoint(body);
        const text = parsed.ok ? parsed.value.checkpoint.split('\n\n')[0]! + '\n' : '';
        const note = signNote(text, [impostor]);
        return { status: 200, text: note.ok ? note.value.slice(text.length + 1) : '' };
      },
      () => ({ status: 200, text: 'x'.repeat(100_000) }),
      () => ({ status: 200, text: '— honest-name AAAA\n' }),
      () => ({ status: 500, text: 'boom' }),
    ];
    let call = 0;
    w.override = (body) => answers[call++ % answers.length]!(body);
    const down: OutsideWitness = { name: 'down', verifier: w.verifier, url: 'http://127.0.0.1:9' };
    const [a, b] = await pair(log, [outside(w), down]);
    for (let i = 0; i < 4; i++) {
      await submit(a);
      await new Promise((r) => setTimeout(r, 60));
    }
    await eventually(() => call >= 4);
    await a.stop();
    await b.stop();
    expect(await records(log, 'cosignature')).toEqual([]);
    expect(a.counters.get('xr_witness_failures_total', { witness: 'honest-name' })).toBeGreaterThanOrEqual(4);
    expect(a.counters.get('xr_witness_failures_total', { witness: 'down' })).toBeGreaterThan(0);
    expect(a.counters.get('xr_checkpoints_total')).toBeGreaterThan(0);
  });

  it('a witness that never answers slows nothing: cases flow, checkpoints are written, stop waits at most the timeout', async () => {
    const log = await openLog();
    const hanging = createServer(() => undefined);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise((r) => { hanging.closeAllConnections(); hanging.close(() => r()); }));
    const w = await witness('silent');
    const silent: OutsideWitness = { name: 'silent', verifier: w.verifier, url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}` };
    const a = gateway(liaocheng, [qingdao], log, t, { checkpoints: { intervalMs: 40, witnesses: [silent], witnessTimeoutMs: 1_000 } });
    const b = gateway(qingdao, [liaocheng], log, t, { checkpoints: { intervalMs: 40 } });
    await a.start();
    await b.start();
    const began = Date.now();
    for (let i = 0; i < 5; i++) await submit(a);
    expect(Date.now() - began).toBeLessThan(5_000);
    await eventually(() => a.counters.get('xr_checkpoints_total') >= 2);
    const stopping = Date.now();
    await a.stop();
    expect(Date.now() - stopping).toBeLessThan(3_000);
    await b.stop();
    expect((await records(log, 'checkpoint')).length).toBeGreaterThan(0);
    expect(await records(log, 'cosignature')).toEqual([]);
  });
});
