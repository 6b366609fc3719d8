/**
 * Signs the journal partitions' trees into `<prefix>.checkpoints`: every `intervalMs` for each
 * partition that grew since its last checkpoint, and once more at stop (after the pipeline has
 * drained, so the last one covers the whole journal). The trees live in the GatewayState and grow
 * only when a journal append has been acknowledged (or read back), so a checkpoint only ever signs
 * what the journal holds; sizes strictly grow per origin, so no two checkpoints are inconsistent.
 *
 * At start (after the journal replay, before the inbox is consumed) it reads its own checkpoints
 * back: a journal that does not reproduce one of them is refused (XR_CHECKPOINT_ROLLBACK), and the
 * newest one per origin is where it continues from.
 *
 * Never on the pipeline's path: the timer only reads the state, a failed append is warned about
 * and retried on the next tick, and outside witnesses are served by their own clients.
 */
import type { SigningKey } from '@xr/crypto';
import { ensureLogAppendTime, type EventLog, type RecordInput } from '@xr/event-log';
import type { Counters, Logger } from '@xr/observability';
import { ed25519Signer, type NoteSigner, type NoteVerifier } from '@xr/tlog';
import { journalKeyName, journalOrigin, journalVerifier } from '../checkpoint-names.js';
import { addCheckpointBody, checkpointRecord, checkReproduces, CheckpointRollback, readOwnCheckpoint, signCheckpoint, type SignedCheckpoint } from '../core/checkpoints.js';
import type { GatewayState } from '../core/state.js';
import type { Topics } from '../topics.js';
import type { Trust } from '../trust.js';
import { WitnessClient, type OutsideWitness } from './witness-client.js';

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 2_000;
export const DEFAULT_WITNESS_TIMEOUT_MS = 5_000;

export interface CheckpointerOptions {
  readonly region: string;
  readonly log: EventLog;
  readonly topics: Topics;
  readonly partitions: number;
  readonly state: GatewayState;
  readonly signer: SigningKey;
  readonly keys: Trust;
  readonly logger: Logger;
  readonly counters: Counters;
  readonly intervalMs?: number;
  readonly witnesses?: readonly OutsideWitness[];
  /** Bound on one witness request, and on the wait for witnesses at stop. */
  readonly witnessTimeoutMs?: number;
}

export class Checkpointer {
  private readonly latest: (SignedCheckpoint | undefined)[];
  private readonly noteSigner: NoteSigner;
  private readonly witnesses: WitnessClient[] = [];
  private logVerifiers: readonly NoteVerifier[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;
  /** Set once prepare has checked the journal: nothing is signed before. */
  private prepared = false;

  constructor(private readonly o: CheckpointerOptions) {
    this.latest = Array.from({ length: o.partitions }, () => undefined);
    this.noteSigner = ed25519Signer(journalKeyName(o.topics.prefix, o.region), o.signer.privateKey);
  }

  private get topic(): string {
    return this.o.topics.checkpoints;
  }

  private get timeoutMs(): number {
    return this.o.witnessTimeoutMs ?? DEFAULT_WITNESS_TIMEOUT_MS;
  }

  /**
   * After the journal replay: reads the region's checkpoints back and checks the journal against
   * each of them; throws CheckpointRollback when it does not reproduce one.
   */
  async prepare(): Promise<void> {
    const { log, region, topics } = this.o;
    // Its timestamps judge the key that signed each record, like an inbox's.
    await ensureLogAppendTime(log, this.topic, 1);
    const verifiers = new Map<number, NoteVerifier>();
    for (const key of [...this.o.keys.regionKeys(region).map((k) => k.publicKey), this.o.signer.publicJwk]) {
      const v = journalVerifier(topics.prefix, region, key);
      verifiers.set(v.keyId, v);
    }
    this.logVerifiers = [...verifiers.values()];
    this.witnesses.splice(0, this.witnesses.length, ...(this.o.witnesses ?? []).map((witness) => new WitnessClient({ witness, log, topic: this.topic, tree: (p) => this.o.state.tree(p), logVerifiers: this.logVerifiers, logger: this.o.logger, counters: this.o.counters, timeoutMs: this.timeoutMs })));
    const witnessVerifiers = (this.o.witnesses ?? []).map((w) => w.verifier);
    // Known cost: the whole topic (every region's checkpoints and cosignatures) is read at each
    // start. A compacted per-origin index, or reading back from the end, would bound it.
    const records = await log.read(this.topic, 0, 0);
    let read = 0;
    for (const record of records) {
      const own = readOwnCheckpoint(record, { prefix: topics.prefix, region, log: this.logVerifiers, witnesses: witnessVerifiers });
      if (own === undefined) continue;
      if (!own.ok) {
        this.o.counters.inc('xr_checkpoints_refused_total', { reason: own.code });
        this.o.logger.warn({ offset: record.offset, origin: record.key, code: own.code }, `a record on ${this.topic} for one of our origins does not open with our keys; ignored`);
        continue;
      }
      read++;
      const { checkpoint } = own.value;
      const p = checkpoint.partition;
      const rollback = p < this.o.partitions ? checkReproduces(this.o.state.tree(p), checkpoint) : new CheckpointRollback(checkpoint.origin, checkpoint.size, 0, `the journal has no partition ${p}`);
      if (rollback) throw rollback;
      if (checkpoint.size > (this.latest[p]?.size ?? -1)) this.latest[p] = checkpoint;
      for (const signature of own.value.witnessed) {
        const client = this.witnesses.find((c) => c.verifierMatches(signature));
        client?.noteCosigned(checkpoint.origin, checkpoint.size);
      }
    }
    this.prepared = true;
    this.o.logger.info({ read, sizes: this.latest.map((c) => c?.size ?? 0) }, 'journal reproduces its signed checkpoints');
  }

  /** Starts the timer (after prepare). */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer, writes the last checkpoints (call it after the pipeline has drained) and gives witnesses a bounded moment. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.tick();
    const idle = Promise.all(this.witnesses.map((w) => w.idle()));
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([idle, new Promise((r) => (timeout = setTimeout(r, this.timeoutMs)))]);
    clearTimeout(timeout);
    for (const w of this.witnesses) w.clear();
  }

  /** The latest checkpoint of each partition (undefined before the first). */
  latestCheckpoints(): readonly (SignedCheckpoint | undefined)[] {
    return [...this.latest];
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule());
    }, this.o.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Signs every partition that grew and appends the checkpoints in one call; never rejects. */
  private async tick(): Promise<void> {
    if (!this.prepared) return;
    const made: SignedCheckpoint[] = [];
    const records: RecordInput[] = [];
    for (let p = 0; p < this.o.partitions; p++) {
      const tree = this.o.state.tree(p);
      const last = this.latest[p];
      if (tree.size === 0 || tree.size <= (last?.size ?? 0)) continue;
      const signed = signCheckpoint(tree, journalOrigin(this.o.topics.prefix, this.o.region, p), p, this.noteSigner);
      const body = signed.ok ? addCheckpointBody(tree, signed.value, last?.size ?? 0) : signed;
      if (!signed.ok || !body.ok) {
        this.o.logger.error({ partition: p, code: body.ok ? undefined : body.code }, `cannot make a checkpoint: ${body.ok ? '' : body.message}`);
        continue;
      }
      made.push(signed.value);
      records.push(checkpointRecord('checkpoint', signed.value.origin, body.value));
    }
    if (records.length === 0) return;
    try {
      await this.o.log.append(this.topic, records);
    } catch (error) {
      this.o.counters.inc('xr_checkpoint_failures_total');
      this.o.logger.warn({ err: error instanceof Error ? error.message : String(error), partitions: made.map((c) => c.partition) }, 'could not append checkpoints; retrying on the next tick');
      return;
    }
    for (const checkpoint of made) {
      this.latest[checkpoint.partition] = checkpoint;
      this.o.counters.inc('xr_checkpoints_total');
      for (const witness of this.witnesses) witness.offer(checkpoint);
    }
  }
}
