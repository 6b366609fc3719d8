/**
 * One outbox per partner: it delivers our journaled events to that partner's inbox, in journal
 * order per partition, and stores how far it got as a group-less cursor over the journal
 * (group `<journal>.outbox.<target>`, one position per journal partition; Kafka shows it with
 * `kafka-consumer-groups --describe`), stored beside the next delivery rather than before it. A partner that cannot be reached (its inbox missing, its
 * broker away) only grows its own backlog, retried with backoff; the others go on. Redelivery
 * after a crash is harmless: the partner drops an event id its journal holds.
 */
import { startHop, traceHeader, type Hop } from '../trace.js';
import type { JournalRecord } from '@xr/domain';
import type { EventLog, RecordInput } from '@xr/event-log';
import { SpanKind, type Counters, type Logger, type Tracer } from '@xr/observability';
import { encodeEnvelope, eventBytesOf } from '../journal-codec.js';
import { proofHeaders, proofOf } from '../signing.js';

export interface OutboxStatus {
  readonly target: string;
  /** Journaled events not yet delivered. */
  readonly backlog: number;
  /** Delivered since start. */
  readonly delivered: number;
  /** The last delivery failure, until a delivery succeeds. */
  readonly lastError?: { readonly message: string; readonly at: string; readonly attempts: number };
}

export interface OutboxOptions {
  readonly target: string;
  /** Our region (a span attribute). */
  readonly region: string;
  readonly log: EventLog;
  /** The partner's inbox topic. */
  readonly inbox: string;
  /** Our journal topic, over which the cursor runs. */
  readonly journal: string;
  readonly logger: Logger;
  readonly counters: Counters;
  /** Most events per append. Default 500. */
  readonly batch?: number;
  /** Longest wait between retries. Default 5 s. */
  readonly maxBackoffMs?: number;
  /** Each delivery of a traced record is a span, from queueing to the partner's inbox. */
  readonly tracer: Tracer;
}

/** A journaled record for a partner: its journal offset, the record, and its trace (the journal record's header). */
export interface JournalOutbound {
  readonly n: number;
  readonly record: JournalRecord;
  /** The journal record's bytes, when at hand: the event's signed bytes are sliced from them rather than serialised again. */
  readonly bytes?: Uint8Array;
  readonly traceparent?: string;
}

interface Pending {
  readonly partition: number;
  readonly n: number;
  readonly input: RecordInput;
  readonly hop?: Hop;
}

export function outboxGroup(journal: string, target: string): string {
  return `${journal}.outbox.${target}`;
}

export class Outbox {
  private readonly queue: Pending[] = [];
  private delivered = 0;
  private lastError: { message: string; at: string; attempts: number } | undefined;
  private wake: (() => void) | undefined;
  /** Cuts a backoff short; only `stop` uses it (new events do not hasten a retry). */
  private interrupt: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  /** Highest journal offset enqueued per partition: a record is queued once. */
  private readonly enqueued = new Map<number, number>();
  /** Cursor positions delivered but not stored yet (see `commitLater`). */
  private readonly toCommit = new Map<number, number>();
  private committing: Promise<void> | undefined;

  constructor(private readonly o: OutboxOptions) {}

  get group(): string {
    return outboxGroup(this.o.journal, this.o.target);
  }

  status(): OutboxStatus {
    return { target: this.o.target, backlog: this.queue.length, delivered: this.delivered, ...(this.lastError ? { lastError: { ...this.lastError } } : {}) };
  }

  /** Queues journaled records (of one partition, in journal order) for delivery. */
  enqueue(partition: number, records: readonly JournalOutbound[]): void {
    for (const { n, record, bytes, traceparent } of records) {
      if (n <= (this.enqueued.get(partition) ?? -1)) continue;
      this.enqueued.set(partition, n);
      const event = record.event;
      const hop = startHop(this.o.tracer, `publish ${this.o.inbox}`, traceparent, {
        kind: SpanKind.PRODUCER,
        attributes: { 'messaging.system': this.o.log.kind, 'messaging.operation.type': 'send', 'messaging.destination.name': this.o.inbox, 'xr.region': this.o.region, 'xr.target': this.o.target, 'xr.journal.offset': n, 'xr.case_id': event.caseId, 'xr.event.id': event.id, 'xr.event.type': event.type },
      });
      this.queue.push({ partition, n, input: { id: event.id, key: event.caseId, value: bytes ? eventBytesOf(bytes, record) : encodeEnvelope(event), headers: { ...proofHeaders(proofOf(record)), ...traceHeader(hop?.traceparent) } }, ...(hop ? { hop } : {}) });
    }
    this.wake?.();
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.interrupt?.();
    await this.running;
    this.running = undefined;
    // What was delivered gets its cursor stored before the stop completes (one last try).
    await this.committing;
    if (this.toCommit.size > 0) await this.flushCommits();
  }

  /**
   * Stores the cursor after a delivery without holding up the next one: the next append goes out
   * while the positions are committed (all partitions at once, the latest position each). A cursor
   * that lags — a crash before it is stored, a failed commit — only means the partner is offered
   * those events again after a restart, and it drops event ids its journal holds.
   */
  private commitLater(positions: ReadonlyMap<number, number>): void {
    for (const [partition, offset] of positions) this.toCommit.set(partition, Math.max(offset, this.toCommit.get(partition) ?? 0));
    if (this.committing) return;
    this.committing = this.flushCommits().finally(() => {
      this.committing = undefined;
      if (this.toCommit.size > 0 && !this.stopping) this.commitLater(new Map());
    });
  }

  private async flushCommits(): Promise<void> {
    while (this.toCommit.size > 0) {
      const batch = [...this.toCommit];
      this.toCommit.clear();
      try {
        await Promise.all(batch.map(([partition, offset]) => this.o.log.commit(this.group, this.o.journal, partition, offset)));
      } catch (error) {
        for (const [partition, offset] of batch) this.toCommit.set(partition, Math.max(offset, this.toCommit.get(partition) ?? 0));
        this.o.counters.inc('xr_outbox_cursor_failures_total', { target: this.o.target });
        this.o.logger.warn({ target: this.o.target, err: error instanceof Error ? error.message : String(error) }, 'could not store the outbox cursor; retrying (a restart may redeliver, which the partner drops)');
        if (this.stopping) return;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async loop(): Promise<void> {
    let backoff = 100;
    while (!this.stopping) {
      if (this.queue.length === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          if (this.queue.length > 0 || this.stopping) resolve();
        });
        this.wake = undefined;
        continue;
      }
      const batch = this.queue.slice(0, this.o.batch ?? 500);
      const started = performance.now();
      try {
        await this.o.log.append(this.o.inbox, batch.map((p) => p.input));
        const positions = new Map<number, number>();
        for (const p of batch) positions.set(p.partition, Math.max(positions.get(p.partition) ?? 0, p.n + 1));
        this.commitLater(positions);
        this.queue.splice(0, batch.length);
        for (const p of batch) p.hop?.end();
        this.delivered += batch.length;
        this.o.counters.inc('xr_delivered_total', { target: this.o.target }, batch.length);
        this.o.counters.observe('xr_delivery_seconds', { target: this.o.target }, (performance.now() - started) / 1000);
        if (this.lastError) this.o.logger.info({ target: this.o.target, attempts: this.lastError.attempts }, 'partner reachable again; outbox delivering');
        this.lastError = undefined;
        backoff = 100;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const attempts = (this.lastError?.attempts ?? 0) + 1;
        if (attempts === 1) this.o.logger.warn({ target: this.o.target, err: message, backlog: this.queue.length }, 'delivery to partner failed; retrying (other partners are not held up)');
        this.lastError = { message, at: new Date().toISOString(), attempts };
        this.o.counters.inc('xr_delivery_failures_total', { target: this.o.target });
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.o.maxBackoffMs ?? 5_000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.interrupt = done;
    });
  }
}
