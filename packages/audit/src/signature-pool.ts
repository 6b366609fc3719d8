/**
 * Ed25519 verification of detached JWS signing inputs on worker threads (`node:worker_threads`):
 * a small pool, jobs packed into one transferred buffer per batch, public keys parsed once per
 * worker. Small workloads are verified inline (a worker costs more to start than a few verifies).
 */
import { availableParallelism } from 'node:os';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface SignatureJob {
  /** The Ed25519 public key, raw 32 bytes as base64url (a JWK's `x`). */
  readonly x: string;
  /** ASCII(protected) ‖ '.' ‖ payload bytes. */
  readonly input: Uint8Array;
  /** The 64-byte signature. */
  readonly signature: Uint8Array;
}

const SPKI_PREFIX = '302a300506032b6570032100';

// Plain CommonJS run with `eval: true`, so the pool works the same under tsx, vitest and compiled code.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const keys = new Map();
const prefix = Buffer.from('${SPKI_PREFIX}', 'hex');
function keyOf(x) {
  let k = keys.get(x);
  if (!k) {
    k = createPublicKey({ key: Buffer.concat([prefix, Buffer.from(x, 'base64url')]), format: 'der', type: 'spki' });
    keys.set(x, k);
  }
  return k;
}
parentPort.on('message', ({ id, xs, buffer, count }) => {
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  const out = new Uint8Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const key = view.getUint32(at); const len = view.getUint32(at + 4); at += 8;
    const input = bytes.subarray(at, at + len); at += len;
    const sig = bytes.subarray(at, at + 64); at += 64;
    try { out[i] = verify(null, input, keyOf(xs[key]), sig) ? 1 : 0; } catch { out[i] = 0; }
  }
  parentPort.postMessage({ id, out }, [out.buffer]);
});
`;

function pack(jobs: readonly SignatureJob[]): { xs: string[]; buffer: ArrayBuffer } {
  const xs: string[] = [];
  const index = new Map<string, number>();
  let size = 0;
  for (const j of jobs) size += 8 + j.input.length + 64;
  const buffer = new ArrayBuffer(size);
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let at = 0;
  for (const j of jobs) {
    let k = index.get(j.x);
    if (k === undefined) {
      k = xs.length;
      xs.push(j.x);
      index.set(j.x, k);
    }
    view.setUint32(at, k);
    view.setUint32(at + 4, j.input.length);
    at += 8;
    bytes.set(j.input, at);
    at += j.input.length;
    // A signature of the wrong length can never verify: zeros stand in for it.
    if (j.signature.length === 64) bytes.set(j.signature, at);
    at += 64;
  }
  return { xs, buffer };
}

const inlineKeys = new Map<string, KeyObject>();

/** Verifies on the calling thread. */
export function verifyInline(job: SignatureJob): boolean {
  if (job.signature.length !== 64) return false;
  try {
    let key = inlineKeys.get(job.x);
    if (!key) {
      key = createPublicKey({ key: Buffer.concat([Buffer.from(SPKI_PREFIX, 'hex'), Buffer.from(job.x, 'base64url')]), format: 'der', type: 'spki' });
      inlineKeys.set(job.x, key);
    }
    return verify(null, job.input, key, job.signature);
  } catch {
    return false;
  }
}

interface Slot {
  readonly worker: Worker;
  pending: number;
}

export class SignaturePool {
  private slots: Slot[] = [];
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (out: Uint8Array) => void; reject: (e: unknown) => void; slot: Slot }>();

  /** Worker threads (started at the first batch); by default one per core, at most 4. */
  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism()))) {}

  private start(): void {
    for (let i = 0; i < this.size; i++) {
      // No inherited flags or loaders (tsx, --input-type): the source is plain CommonJS.
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      const slot: Slot = { worker, pending: 0 };
      worker.on('message', ({ id, out }: { id: number; out: Uint8Array }) => {
        const w = this.waiting.get(id);
        if (!w) return;
        this.waiting.delete(id);
        w.slot.pending--;
        // An idle worker must not keep the process alive; a busy one must (its answer is awaited).
        if (w.slot.pending === 0) w.slot.worker.unref();
        w.resolve(out);
      });
      worker.on('error', (error) => {
        for (const [id, w] of this.waiting) {
          if (w.slot !== slot) continue;
          this.waiting.delete(id);
          w.reject(error);
        }
      });
      worker.unref();
      this.slots.push(slot);
    }
  }

  /** One verdict per job, in order. */
  async verify(jobs: readonly SignatureJob[]): Promise<boolean[]> {
    if (jobs.length === 0) return [];
    if (this.slots.length === 0) this.start();
    const slot = this.slots.reduce((a, b) => (b.pending < a.pending ? b : a));
    const { xs, buffer } = pack(jobs);
    const id = this.nextId++;
    slot.pending++;
    slot.worker.ref();
    const out = await new Promise<Uint8Array>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, xs, buffer, count: jobs.length }, [buffer]);
    });
    return [...out].map((v) => v === 1);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
