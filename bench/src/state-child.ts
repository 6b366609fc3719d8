/**
 * The child process of the state benchmark (state-bench.ts), one mode per run so each process's
 * RSS is its own:
 *
 *   fold <dir> <cases>     makes a real journal of one case between two in-process gateways (聊城's
 *                          case.submitted and 青岛's 签收 as 聊城 journals them), then folds `cases`
 *                          synthetic copies of it (fresh ids, chained, spread over 3 partitions)
 *                          into a GatewayState exactly as the start-up replay does (decode, apply),
 *                          measures the RSS, and writes a snapshot to <dir>;
 *   restore <dir>          loads that snapshot (MAC, decode, check against the last journal record
 *                          of each partition) into a fresh GatewayState and measures the RSS.
 *
 * Prints one JSON line on stdout. Run with --expose-gc. XR_BENCH_HEAP_SNAPSHOT=<file> also writes
 * a V8 heap snapshot of the folded state (what holds the memory).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { GENESIS_HASH } from '@xr/domain';
import type { LogRecord } from '@xr/event-log';
import { FileEventLog } from '@xr/event-log-file';
import { GatewayState, Snapshots, decodeJournalRecord, snapshotKey, topics } from '@xr/exchange';
import { Counters } from '@xr/observability';
import { countingLogger, gateway, regionPair, submission } from './fixtures.js';

const PARTITIONS = 3;
const REGION = '371500';
const JOURNAL = topics('bench').journal(REGION);

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) collect();
}

function memory(): { rss: number; heapUsed: number; external: number; arrayBuffers: number } {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** 聊城's two journal records of one real case: submitted (ours) and received (青岛's 签收). */
async function realCase(): Promise<{ records: string[]; ids: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'xr-bench-state-'));
  const log = await FileEventLog.open({ dir });
  const regions = regionPair();
  const t = topics('bench');
  const quiet = countingLogger().logger;
  const a = gateway(regions.sender, regions.handler, log, t, quiet);
  const b = gateway(regions.handler, regions.sender, log, t, quiet);
  try {
    await a.start();
    await b.start();
    const caseId = a.newCaseId();
    const done = await a.request({ type: 'case.submitted', v: 1, caseId, target: regions.handler.code, payload: submission(new Date().toISOString()) });
    if (!done.ok) throw new Error(done.message);
    for (let i = 0; i < 500 && a.getCase(caseId)?.status !== 'received'; i++) await new Promise((r) => setTimeout(r, 10));
    const records: LogRecord[] = [];
    for (let p = 0; p < PARTITIONS; p++) records.push(...(await log.read(t.journal(REGION), p, 0)));
    if (records.length !== 2) throw new Error(`expected 2 journal records of one case, found ${records.length}`);
    const decoded = records.map((r) => decodeJournalRecord(r.value));
    return { records: records.map((r) => Buffer.from(r.value).toString()), ids: [caseId, ...decoded.map((d) => d.event.id)] };
  } finally {
    await a.stop();
    await b.stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A same-length stand-in for a UUID: the original with its last 12 hex digits replaced by `i` and a tag. */
function fresh(id: string, i: number, tag: number): string {
  return `${id.slice(0, 24)}${tag.toString(16)}${i.toString(16).padStart(11, '0')}`;
}

/**
 * Splits a record's JSON at the ids, `"n":`, `"prev":"…"` and the inbox offset, so each synthetic
 * copy is a concatenation (no parse, no re-encoding while generating).
 */
function template(json: string, ids: readonly string[]): (i: number, n: number, prev: string) => string {
  const record = JSON.parse(json) as { n: number; prev: string; inbox?: { offset: number } };
  let text = json.replace(`"prev":"${record.prev}"`, '"prev":"\u0000P"').replace(`"n":${record.n},`, '"n":\u0000N,');
  if (record.inbox) text = text.replace(`"offset":${record.inbox.offset}}`, '"offset":\u0000N}');
  ids.forEach((id, k) => (text = text.split(id).join(`\u0000${k}`)));
  const parts = text.split('\u0000');
  return (i, n, prev) => {
    let out = parts[0]!;
    for (let k = 1; k < parts.length; k++) {
      const part = parts[k]!;
      const mark = part[0]!;
      const value = mark === 'P' ? prev : mark === 'N' ? String(n) : fresh(ids[Number(mark)]!, i, Number(mark));
      out += value + part.slice(1);
    }
    return out;
  };
}

async function fold(dir: string, cases: number): Promise<void> {
  const real = await realCase();
  const makers = real.records.map((json) => template(json, real.ids));
  const baseline = memory();
  const state = new GatewayState(REGION, PARTITIONS);
  const prev = Array.from({ length: PARTITIONS }, () => GENESIS_HASH);
  const next = Array.from({ length: PARTITIONS }, () => 0);
  const last: (string | undefined)[] = Array.from({ length: PARTITIONS }, () => undefined);
  let replayMs = 0;
  const started = performance.now();
  for (let i = 0; i < cases; i++) {
    const p = i % PARTITIONS;
    for (const make of makers) {
      const text = make(i, next[p]!, prev[p]!);
      const bytes = Buffer.from(text);
      // What catchUp does per record, timed alone (generating the bytes is not replay).
      const t0 = performance.now();
      state.apply(p, next[p]!, decodeJournalRecord(bytes), bytes);
      replayMs += performance.now() - t0;
      prev[p] = createHash('sha256').update(bytes).digest('hex');
      next[p]! += 1;
      last[p] = text;
    }
    if (i % 100_000 === 99_999) process.stderr.write(`  state: ${i + 1} cases folded (${Math.round((performance.now() - started) / 1000)} s)\n`);
  }
  const folded = memory();
  // XR_BENCH_HEAP_SNAPSHOT=<file>: a V8 heap snapshot of the folded state (open it in Chrome DevTools).
  const heapFile = process.env['XR_BENCH_HEAP_SNAPSHOT'];
  if (heapFile) writeHeapSnapshot(heapFile);
  const log = journalTail(last);
  await writeFile(join(dir, 'tail.json'), JSON.stringify(last));
  const key = snapshotKey(regionPair().sender.signer);
  await writeFile(join(dir, 'key'), key);
  const snapshots = new Snapshots({ dir, region: REGION, journal: JOURNAL, partitions: PARTITIONS, state, key, log, logger: countingLogger().logger, counters: new Counters(), hold: (write) => write() });
  const written = await snapshots.write();
  const out = {
    cases,
    records: next.reduce((a, b) => a + b, 0),
    projected: state.cases.size,
    replayMs,
    baseline,
    folded,
    snapshotBytes: written.bytes,
    snapshotWriteMs: written.ms,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** The journal as far as the snapshot check reads it: the last record of each partition. */
function journalTail(last: readonly (string | undefined)[]): { read: (topic: string, partition: number, from: number, limit?: number) => Promise<LogRecord[]> } {
  return {
    read: (topic, partition, from) => {
      const text = last[partition];
      if (topic !== JOURNAL || text === undefined) return Promise.resolve([]);
      const value = Buffer.from(text);
      const record = decodeJournalRecord(value);
      return Promise.resolve(record.n === from ? [{ topic, partition, offset: from, id: record.event.id, key: record.event.caseId, value, headers: {}, timestamp: 0 }] : []);
    },
  };
}

async function restore(dir: string): Promise<void> {
  const last = JSON.parse(await readFile(join(dir, 'tail.json'), 'utf8')) as (string | undefined)[];
  const key = new Uint8Array(await readFile(join(dir, 'key')));
  const baseline = memory();
  const state = new GatewayState(REGION, PARTITIONS);
  const { logger, lines, last: lastLine } = countingLogger();
  const snapshots = new Snapshots({ dir, region: REGION, journal: JOURNAL, partitions: PARTITIONS, state, key, log: journalTail(last), logger, counters: new Counters(), hold: (write) => write() });
  const t0 = performance.now();
  const restored = await snapshots.restore();
  const restoreMs = performance.now() - t0;
  if (!restored) throw new Error(`snapshot refused: ${lines() > 0 ? lastLine() : 'no log line'}`);
  const after = memory();
  process.stdout.write(`${JSON.stringify({ restoreMs, baseline, restored: after, projected: state.cases.size })}\n`);
}

const [mode, dir, cases] = process.argv.slice(2);
const run = mode === 'fold' ? fold(dir!, Number(cases)) : mode === 'restore' ? restore(dir!) : Promise.reject(new Error('usage: state-child fold <dir> <cases> | restore <dir>'));
run.then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
