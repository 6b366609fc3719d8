/**
 * The witness's topic follower (one per gateway): reads `<prefix>.checkpoints` with group-less long
 * polls. At start the witness reads the topic to its end once and takes back its own cosignatures
 * and the fork evidence it wrote (`Witness.load`); then the follower judges every `checkpoint`
 * record of a partner's origin from the beginning: a consistent new one is cosigned (persisted
 * first), a conflicting one is written as fork evidence, a stale consistent one is skipped. A
 * failed append retries the same record, so nothing is skipped and nothing counts before it is on
 * the log.
 */
import { TopicTail, type LogRecord } from '@xr/event-log';
import { CHECKPOINT_KIND_HEADER, parseJournalOrigin } from '@xr/exchange';
import type { Counters, Logger } from '@xr/observability';
import { extendBridge, isSettled, type Bridge } from './bridge.js';
import type { Witness, WitnessOptions } from './witness.js';

export interface WitnessFollowerOptions extends Pick<WitnessOptions, 'log' | 'topic' | 'prefix' | 'region'> {
  readonly witness: Witness;
  readonly logger?: Logger;
  readonly counters?: Counters;
}

export interface WitnessFollowerStats {
  /** Next offset to judge. */
  readonly position: number;
  /** Own cosignature records taken back at start. */
  readonly restored: number;
}

const BATCH = 500;

export class WitnessFollower {
  private restored = 0;
  private readonly tail: TopicTail;
  /** Per origin: the newest checkpoint proven consistent with the cosigned one, past ones it could not cosign. */
  private readonly bridges = new Map<string, Bridge>();

  constructor(private readonly o: WitnessFollowerOptions) {
    this.tail = new TopicTail({
      log: o.log,
      topic: o.topic,
      batch: BATCH,
      onRecord: (r) => this.handle(r),
      onError: (error, offset) => o.logger?.warn({ err: error instanceof Error ? error.message : String(error), offset }, 'witness follower failed; retrying the same record'),
    });
  }

  get stats(): WitnessFollowerStats {
    return { position: this.tail.position, restored: this.restored };
  }

  /** Takes back this witness's records up to the current end (`Witness.load`), then follows from offset 0. */
  async start(): Promise<void> {
    this.restored = (await this.o.witness.load()).restored;
    this.tail.start();
  }

  /** Resolves true once the record at `offset` has been judged; false after `timeoutMs`. */
  reached(offset: number, timeoutMs = 15_000): Promise<boolean> {
    return this.tail.reached(offset, timeoutMs);
  }

  stop(): Promise<void> {
    return this.tail.stop();
  }

  private async handle(r: LogRecord): Promise<void> {
    const kind = r.headers[CHECKPOINT_KIND_HEADER];
    if (kind === 'cosignature') {
      this.o.witness.restore(r);
      return;
    }
    if (kind !== 'checkpoint') return;
    const named = parseJournalOrigin(this.o.prefix, r.key);
    if (!named || named.region === this.o.region) return;
    if (isSettled(r.value, r.key, this.o.witness.state(r.key))) return;
    const verdict = await this.o.witness.submit({ body: r.value, receivedAt: r.timestamp, firstUse: true, source: `${r.topic}@${r.offset}`, bridge: (origin) => this.bridges.get(origin) });
    if (verdict.status === 200) {
      this.bridges.delete(verdict.origin);
      return;
    }
    const forked = (verdict.status === 409 || verdict.status === 422) && verdict.fork !== undefined;
    if (!forked) {
      const next = extendBridge(r.value, r.key, this.o.witness.state(r.key), this.bridges.get(r.key));
      if (next) this.bridges.set(r.key, next);
    }
    if (verdict.status !== 422 && verdict.status !== 409) {
      if (verdict.status === 404) return; // not a partner (now)
      this.o.counters?.inc('xr_checkpoint_refused_total', { reason: verdict.code });
      this.o.logger?.warn({ code: verdict.code, offset: r.offset, origin: r.key, status: verdict.status }, 'checkpoint record refused');
      return;
    }
    if (verdict.fork) return; // evidence written and raised by the witness
    if (verdict.origin !== r.key) {
      this.o.counters?.inc('xr_checkpoint_refused_total', { reason: 'XR_CHECKPOINT_MALFORMED' });
      this.o.logger?.warn({ code: 'XR_CHECKPOINT_MALFORMED', offset: r.offset, origin: r.key }, 'checkpoint record keyed by another origin');
      return;
    }
    if (verdict.status === 409 && verdict.checkpoint.size <= verdict.size) return; // stale, consistent as far as we know
    this.o.counters?.inc('xr_checkpoint_refused_total', { reason: verdict.code });
    this.o.logger?.warn({ code: verdict.code, offset: r.offset, origin: r.key, size: verdict.checkpoint.size, cosigned: verdict.status === 409 ? verdict.size : undefined }, 'checkpoint not cosigned');
  }
}
