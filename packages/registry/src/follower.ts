/**
 * Follows the registry topic (one partition) from the beginning on every start, through the
 * EventLog port only, without a consumer group (a loop of `poll`s, so a start joins nothing and
 * leaves nothing behind on the broker): each record is verified (admin signature, schema), then applied in order.
 * Refused records are counted and reported, never applied; the follower never stops on them.
 * A record id seen again with the same bytes is a harmless redelivery; with other bytes, a replay
 * (refused, XR_DUPLICATE).
 */
import { ensureLogAppendTime, type EventLog, type LogRecord } from '@xr/event-log';
import type { Result } from '@xr/domain';
import type { Logger } from '@xr/observability';
import type { TrustAnchor } from './admin-keys.js';
import { problem, type RegistryProblem } from './codes.js';
import { REGISTRY_JWS_HEADER, type RegistryRecord } from './record.js';
import { RegistryState } from './state.js';
import { verifyRegistryRecord } from './verify.js';

export interface RegistryFollowerOptions {
  readonly log: EventLog;
  /** The registry topic, e.g. `${prefix}.registry`; created with one partition if missing. */
  readonly topic: string;
  readonly anchor: TrustAnchor;
  /** See RegistryState.keyFor. Default 10 minutes. */
  readonly maxBackdateMs?: number;
  readonly logger?: Logger;
  readonly onRefused?: (refused: RefusedRecord) => void;
}

/** A refused record: its problem, flat (`code`, `message`, `field?`, `violations?`), and where it was. */
export type RefusedRecord = RegistryProblem & {
  readonly offset: number;
  readonly recordId?: string;
  readonly type?: string;
};

export type RegistryListener = (state: RegistryState, record: RegistryRecord) => void;

/** What became of a record: applied at `value.offset`, or refused (the problem flat, with the record's `offset`). */
export type RecordOutcome = Extract<Result<{ readonly offset: number; readonly changed: boolean }>, { ok: true }> | ({ readonly ok: false; readonly offset: number } & RegistryProblem);

export interface FollowerStats {
  /** Next offset to apply: every record before it has been applied or refused. */
  readonly position: number;
  readonly applied: number;
  readonly refused: number;
  readonly duplicates: number;
}

const OUTCOMES_KEPT = 10_000;
/** Longest wait of one poll: how late a stop can be, not how late a change is seen (a poll returns as a record arrives). */
const POLL_WAIT_MS = 500;

export class RegistryFollower {
  private current: RegistryState;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly seen = new Map<string, string>();
  private readonly outcomes = new Map<string, RecordOutcome>();
  private readonly listeners = new Set<RegistryListener>();
  private readonly waiters = new Set<{ offset: number; resolve: () => void }>();
  private counts = { position: 0, applied: 0, refused: 0, duplicates: 0 };
  private readyAt = 0;
  private isReady = false;
  private failing = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;

  constructor(private readonly o: RegistryFollowerOptions) {
    this.current = RegistryState.empty(o.maxBackdateMs === undefined ? {} : { maxBackdateMs: o.maxBackdateMs });
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    void this.readyPromise.then(() => (this.isReady = true));
  }

  get state(): RegistryState {
    return this.current;
  }

  get stats(): FollowerStats {
    return { ...this.counts };
  }

  /** Reads the topic from offset 0, then follows it (long polls of at most `POLL_WAIT_MS`). */
  async start(): Promise<void> {
    const { log, topic } = this.o;
    const { partitions } = await ensureLogAppendTime(log, topic, 1);
    if (partitions !== 1) throw new Error(`registry topic ${topic} has ${partitions} partitions; it must have exactly 1 (one order for every reader)`);
    this.readyAt = await log.endOffset(topic, 0);
    this.wait(this.readyAt, this.resolveReady);
    this.stopping = false;
    this.running = this.follow();
  }

  private async follow(): Promise<void> {
    let delay = 200;
    while (!this.stopping) {
      try {
        const records = await this.o.log.poll(this.o.topic, 0, this.counts.position, POLL_WAIT_MS, 500);
        if (this.stopping) return;
        await this.onBatch(records);
        delay = 200;
        this.failing = false;
      } catch (error) {
        if (this.stopping) return;
        this.failing = true;
        this.o.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'registry read failed; retrying');
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  /** Whether the follower is read up to where it was at start and its last read of the log worked (the health service's "registry ready"). */
  get healthy(): boolean {
    return this.isReady && !this.failing && !this.stopping;
  }

  /** Resolves once every record up to the end offset seen at start has been applied or refused. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Resolves true once the record at `offset` has been applied or refused; false after `timeoutMs`. */
  reached(offset: number, timeoutMs = 15_000): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      const waiter = this.wait(offset + 1, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** What became of a record id (recent ones; bounded). */
  outcome(recordId: string): RecordOutcome | undefined {
    return this.outcomes.get(recordId);
  }

  /** Called after every applied record that changed the registry. Returns an unsubscribe function. */
  onChange(listener: RegistryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following; resolves once the poll in flight (at most `POLL_WAIT_MS`) has returned. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = undefined;
  }

  private wait(position: number, resolve: () => void): { offset: number; resolve: () => void } {
    const waiter = { offset: position, resolve };
    if (this.counts.position >= position) resolve();
    else this.waiters.add(waiter);
    return waiter;
  }

  private remember(id: string, outcome: RecordOutcome): void {
    this.outcomes.set(id, outcome);
    if (this.outcomes.size > OUTCOMES_KEPT) {
      const oldest = this.outcomes.keys().next().value;
      if (oldest !== undefined) this.outcomes.delete(oldest);
    }
  }

  private async onBatch(records: readonly LogRecord[]): Promise<void> {
    for (const r of records) {
      if (r.offset < this.counts.position) continue; // redelivered after a retry
      await this.handle(r);
      this.counts.position = r.offset + 1;
    }
    for (const waiter of [...this.waiters]) {
      if (this.counts.position >= waiter.offset) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private async handle(r: LogRecord): Promise<void> {
    const verified = await verifyRegistryRecord(r.value, r.headers[REGISTRY_JWS_HEADER], this.o.anchor);
    if (!verified.ok) return this.refuse(r, verified, verified.recordId, undefined, verified.signed);
    const { record, hash } = verified.value;
    const seen = this.seen.get(record.id);
    if (seen !== undefined) {
      if (seen === hash) {
        this.counts.duplicates += 1;
        return;
      }
      return this.refuse(r, problem('XR_DUPLICATE', `record id ${record.id} was already used for other content (replay)`, '/id'), record.id, record.type);
    }
    const result = this.current.apply(record);
    if (!result.ok) return this.refuse(r, result, record.id, record.type);
    this.seen.set(record.id, hash);
    this.current = result.value.state;
    this.counts.applied += 1;
    this.remember(record.id, { ok: true, value: { offset: r.offset, changed: result.value.changed } });
    if (!result.value.changed) return;
    for (const listener of this.listeners) {
      try {
        listener(this.current, record);
      } catch (error) {
        this.o.logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'registry listener failed');
      }
    }
  }

  /** `signed`: the admin signature held; only then is the outcome remembered under the record's id. */
  private refuse(r: LogRecord, refusal: RegistryProblem, recordId?: string, type?: string, signed = true): void {
    this.counts.refused += 1;
    const p = problem(refusal.code, refusal.message, refusal.field, refusal.violations);
    const refused: RefusedRecord = { ...p, offset: r.offset, ...(recordId === undefined ? {} : { recordId }), ...(type === undefined ? {} : { type }) };
    if (signed && recordId !== undefined && !this.outcomes.has(recordId)) this.remember(recordId, { ok: false, offset: r.offset, ...p });
    this.o.logger?.warn({ code: p.code, field: p.field, offset: r.offset, recordId, type }, 'registry record refused');
    try {
      this.o.onRefused?.(refused);
    } catch (error) {
      this.o.logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'onRefused callback failed');
    }
  }
}
