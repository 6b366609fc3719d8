/**
 * Journal partitions scanned on worker threads (`PartitionScanner` in scan-worker.ts): partitions
 * are independent until they are folded, so each is pinned to one worker (its chain state lives
 * there) and the workers share them, least loaded first. Record bytes go over in one transferred
 * buffer per batch; results come back as plain data and one transferred buffer of hashes.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { MerkleTree } from '@xr/tlog';
import { HASHES_PER_RECORD, unpackBatch, type PackedBatch, type ScanInput, type ScannedBatch, type Where } from './journal-scan.js';
import { canRunOnWorker, moduleWorker } from './module-worker.js';
import type { ScanRequest } from './scan-worker.js';

const MODULE = new URL(`./scan-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

interface Pending {
  readonly resolve: (b: ScannedBatch | MerkleTree) => void;
  readonly reject: (e: Error) => void;
}

interface Lane {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  partitions: number;
}

/** A lane's worker keeps the process alive only while it owes replies (an idle shared pool never holds the process open). */
function settle(lane: Lane): void {
  if (lane.pending.size === 0) lane.worker.unref();
}

/**
 * Workers the audit uses on this machine by default: one a core but the one the fold needs (it
 * reads, folds and judges on the calling thread), and at least 2 from 2 cores (measured on 2
 * cores with warm workers: 2 scan at 76–90k records/s, 1 at 57–60k, none at 47–58k; the calling
 * thread is half idle with 2); none on one core, nor where the worker module cannot load.
 */
export function defaultScanThreads(): number {
  const cores = availableParallelism();
  return cores >= 2 && canRunOnWorker(MODULE) ? Math.max(2, cores - 1) : 0;
}

let shared: ScanPool | undefined;

/**
 * The process's scan workers, kept from one audit to the next: a worker's first audit runs while
 * its JIT warms up (measured on 2 cores, 100,000 records: 48–57k records/s on new workers, 76–90k
 * on warm ones), and an auditor that audits again should not pay that twice. Idle, the workers do
 * not keep the process alive. A new pool replaces it when the size asked differs or a worker died.
 */
export function sharedScanPool(size: number): ScanPool {
  if (!shared || shared.size !== size || shared.failed) {
    void shared?.close();
    shared = new ScanPool(size);
  }
  return shared;
}

export class ScanPool {
  private readonly lanes: Lane[] = [];
  private next = 0;
  private scans = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const worker = moduleWorker(MODULE);
      const lane: Lane = { worker, pending: new Map(), partitions: 0 };
      worker.unref();
      worker.on('message', (m: { id: number; batch?: PackedBatch; tree?: Uint8Array[]; error?: string }) => {
        const p = lane.pending.get(m.id);
        if (!p) return;
        lane.pending.delete(m.id);
        settle(lane);
        if (m.batch) return void p.resolve(unpackBatch(m.batch));
        const tree = m.tree ? MerkleTree.fromColumns(m.tree) : undefined;
        if (tree?.ok) p.resolve(tree.value);
        else p.reject(new Error(`scan worker: ${m.error ?? (tree && !tree.ok ? tree.message : 'no result')}`));
      });
      const fail = (error: Error): void => {
        this.failure ??= error;
        for (const p of lane.pending.values()) p.reject(error);
        lane.pending.clear();
        settle(lane);
      };
      worker.on('error', fail);
      // A worker gone (crashed, or out of memory) fails what waits on it and everything sent later; close() is not a failure.
      worker.on('exit', (code) => {
        if (!this.closing) fail(new Error(`scan worker exited with code ${code}`));
      });
      this.lanes.push(lane);
    }
  }

  /**
   * A scan of one partition (given by `where`) on one of the workers: batches in offset order, each
   * continuing the previous one; `end` frees the worker's state for it and hands back the
   * partition's Merkle tree, built there from the leaf hashes (its columns come over, transferred).
   * Each call is a new scan; scans of one region under the same `memo` (one audit) share what the
   * worker learnt of their seals' trees.
   */
  partition(where: Where, memo = ''): { scan(inputs: readonly ScanInput[]): Promise<ScannedBatch>; end(): Promise<MerkleTree> } {
    const key = `${this.scans++}`;
    const lane = this.lanes.reduce((a, b) => (b.partitions < a.partitions ? b : a));
    lane.partitions++;
    let ended: Promise<MerkleTree> | undefined;
    return {
      scan: (inputs) => this.send(lane, key, where, memo, inputs),
      end: () => {
        if (ended) return ended;
        lane.partitions--;
        ended = this.failure ? Promise.reject(this.failure) : this.request(lane, (id) => lane.worker.postMessage({ id, key, end: true }));
        ended.catch(() => undefined);
        return ended;
      },
    };
  }

  /** Whether a worker of this pool died (its scans, and every later one, fail). */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** A reply from `lane` to what `post` sends under a new id. */
  private request(lane: Lane, post: (id: number) => void): Promise<MerkleTree> {
    const id = this.next++;
    return new Promise<MerkleTree>((resolve, reject) => {
      lane.pending.set(id, { resolve: resolve as (v: ScannedBatch | MerkleTree) => void, reject });
      lane.worker.ref();
      post(id);
    });
  }

  private send(lane: Lane, key: string, where: Where, memo: string, inputs: readonly ScanInput[]): Promise<ScannedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    let size = 0;
    for (const r of inputs) size += r.value.length;
    const bytes = new Uint8Array(size);
    const meta = new Float64Array(inputs.length * 3);
    let at = 0;
    inputs.forEach((r, i) => {
      bytes.set(r.value, at);
      at += r.value.length;
      meta[i * 3] = r.offset;
      meta[i * 3 + 1] = r.timestamp;
      meta[i * 3 + 2] = at;
    });
    const id = this.next++;
    const request: ScanRequest = { id, key, where, memo, meta, bytes };
    return new Promise<ScannedBatch>((resolve, reject) => {
      lane.pending.set(id, { resolve: resolve as (v: ScannedBatch | MerkleTree) => void, reject });
      lane.worker.ref();
      lane.worker.postMessage(request, [bytes.buffer, meta.buffer]);
    }).then((batch) => {
      if (batch.hashes.length !== inputs.length * HASHES_PER_RECORD) throw new Error('scan worker: a batch came back with the wrong number of hashes');
      return batch;
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.lanes.map((l) => l.worker.terminate()));
  }
}
