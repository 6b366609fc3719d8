/**
 * The gateway state at scale: memory per case, start-up by full replay and from a snapshot. Two
 * child processes (state-child.ts) so each RSS is the state's alone: the first folds N synthetic
 * cases (copies of one real case's two journal records, 收件 and 签收, with fresh ids, chained,
 * over 3 partitions) into a GatewayState as the start-up replay does and writes a snapshot; the
 * second restores that snapshot (MAC, decode, check against the journal). Figures at 1,000,000
 * cases are measured when N is 1,000,000 (`--state-cases 1000000`, several minutes and ~3 GB) and
 * otherwise projected linearly from N (the notes say which).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './e2e-gateways.js';
import type { BenchResult, Progress } from './measure.js';

const MILLION = 1_000_000;
const MiB = 1024 * 1024;

interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

interface Folded {
  readonly cases: number;
  readonly records: number;
  readonly projected: number;
  readonly replayMs: number;
  readonly baseline: Memory;
  readonly folded: Memory;
  readonly snapshotBytes: number;
  readonly snapshotWriteMs: number;
}

interface Restored {
  readonly restoreMs: number;
  readonly baseline: Memory;
  readonly restored: Memory;
  readonly projected: number;
}

function child<T>(args: readonly string[], progress: Progress): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', 'bench/src/state-child.ts', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.startsWith('  state:')) progress(line.trim());
    });
    proc.once('error', reject);
    proc.once('exit', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) reject(new Error(`state-child ${args[0]} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

const mb = (bytes: number): number => Math.round(bytes / MiB);
const round = (x: number, digits = 0): number => Number(x.toFixed(digits));

export async function stateBench(o: { readonly cases: number; readonly progress: Progress }): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'xr-bench-state-'));
  try {
    o.progress(`state: folding ${o.cases} synthetic cases (${2 * o.cases} journal records) in a child process`);
    const f = await child<Folded>(['fold', dir, String(o.cases)], o.progress);
    o.progress(`state: restoring the ${mb(f.snapshotBytes)} MiB snapshot in a fresh process`);
    const r = await child<Restored>(['restore', dir], o.progress);
    if (r.projected !== f.projected) throw new Error(`the restored state has ${r.projected} cases, the folded one ${f.projected}`);
    const n = f.cases;
    const measured = n === MILLION;
    const scale = MILLION / n;
    const rssPerCase = (f.folded.rss - f.baseline.rss) / n;
    const heapPerCase = (f.folded.heapUsed - f.baseline.heapUsed) / n;
    const offHeapPerCase = (f.folded.external - f.baseline.external) / n;
    const restoredRssPerCase = (r.restored.rss - r.baseline.rss) / n;
    const how = measured
      ? `measured with 1,000,000 cases`
      : `projected linearly to 1,000,000 cases from ${n.toLocaleString('en')} measured (per-case cost × 1,000,000, plus the process's own baseline; at 10k, 20k and 100k cases the per-case heap was within 4 % of each other)`;
    const what = `a GatewayState of 聊城 holding ${n.toLocaleString('en')} cases (${f.records.toLocaleString('en')} journal records: each case's case.submitted and 青岛's 签收, as 聊城's journal holds them; projection, event and request ledgers, Merkle trees of 3 partitions)`;
    return [
      {
        name: 'gateway_rss_mb',
        unit: 'MiB',
        value: mb(f.baseline.rss + rssPerCase * MILLION),
        n,
        notes: `RSS of a process holding the GatewayState of 1,000,000 cases (2,000,000 journal records of 聊城) after a full GC: ${how}. Baseline (code, no state) ${mb(f.baseline.rss)} MiB, ${round(rssPerCase)} B RSS per case (small runs overstate it: allocator slack). Target: 256 MiB. A gateway process adds its Kafka client, gRPC server and buffers on top`,
      },
      {
        name: 'state.rss-measured',
        unit: 'MiB',
        value: mb(f.folded.rss),
        n,
        notes: `RSS after folding ${what}, after a full GC (baseline ${mb(f.baseline.rss)} MiB); restored from the snapshot instead: ${mb(r.restored.rss)} MiB`,
      },
      {
        name: 'state.bytes-per-case',
        unit: 'B',
        value: round(heapPerCase),
        n,
        notes: `V8 heap per case (heapUsed delta ÷ cases after a full GC); ${round(offHeapPerCase)} B more off the heap (Merkle tree columns), ${round(rssPerCase)} B RSS per case folded, ${round(restoredRssPerCase)} B restored from a snapshot (strings parsed from the snapshot are not shared with the events as a replay's are)`,
      },
      {
        name: 'gateway_startup_ms',
        unit: 'ms',
        value: round(f.replayMs * scale),
        n,
        notes: `full replay, 1,000,000 cases (2,000,000 journal records): decode + GatewayState.apply of each record as catchUp does (reading the records from the log not included), ${how}; measured ${round(f.replayMs)} ms for ${n.toLocaleString('en')} cases (${round((f.replayMs * 1000) / f.records, 1)} µs per record; the per-record cost grows with the heap, so the projection is low)`,
      },
      {
        name: 'gateway_startup_ms_snapshot',
        unit: 'ms',
        value: round(r.restoreMs * scale),
        n,
        notes: `start from a snapshot at 1,000,000 cases: read, MAC-check, decode and check against the journal (Snapshots.restore) in a fresh process, ${how}; measured ${round(r.restoreMs)} ms for ${n.toLocaleString('en')} cases, ${round(f.replayMs / r.restoreMs, 1)}× faster than the full replay of the same journal; the journal tail after the snapshot replays at the full-replay rate`,
      },
      {
        name: 'state.snapshot-write',
        unit: 'ms',
        value: round(f.snapshotWriteMs),
        n,
        notes: `Snapshots.write of ${n.toLocaleString('en')} cases (the pipeline is held meanwhile): ${mb(f.snapshotBytes)} MiB, ${round(f.snapshotBytes / n)} B per case, written to a temporary file, fsynced and renamed; at 1,000,000 cases about ${round((f.snapshotWriteMs * scale) / 1000)} s and ${round((f.snapshotBytes * scale) / 2 ** 30, 1)} GiB`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
