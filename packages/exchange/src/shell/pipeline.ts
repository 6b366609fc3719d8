/**
 * The inbox pipeline's shell around the pure core: replays the journal into the state at start,
 * consumes the inbox (one batch per partition at a time), runs `step`, writes quarantine entries
 * and journal records, folds them into the state, settles the waiting callers and hands our
 * events to one outbox per partner.
 */
import { TRACE_HEADER, startHop, traceHeader, type Hop } from '../trace.js';
import { fail } from '@xr/domain';
import { ensureLogAppendTime, type Batch, type EventLog, type Subscription } from '@xr/event-log';
import { SpanKind, type Counters, type Logger, type Tracer } from '@xr/observability';
import { outcomes } from '../core/outcomes.js';
import type { GatewayState } from '../core/state.js';
import { step, type StepContext, type StepOutput } from '../core/step.js';
import { decodeJournalRecord } from '../journal-codec.js';
import { appendQuarantine } from '../quarantine.js';
import type { RecordLimits } from '../record-limits.js';
import { inFlightSeqs } from '../requests.js';
import type { Topics } from '../topics.js';
import type { Trust } from '../trust.js';
import { Outbox, type JournalOutbound, type OutboxStatus } from './outbox.js';
import type { Waiters } from './waiters.js';

export interface PipelineOptions {
  readonly region: string;
  readonly log: EventLog;
  readonly topics: Topics;
  readonly partitions: number;
  readonly keys: Trust;
  readonly logger: Logger;
  readonly counters: Counters;
  readonly limits: RecordLimits;
  readonly state: GatewayState;
  readonly waiters: Waiters;
  /** Sequence-number hints of our requests not journaled yet (shared with the intake). */
  readonly provisionalSeq: Map<string, number>;
  /** The step's context as of now (time, calendar, signer). */
  readonly stepContext: () => StepContext;
  /** Runs once the journal is replayed, before anything is delivered or consumed (the checkpoint check); a throw refuses the start. */
  readonly afterReplay?: () => Promise<void>;
  readonly tracer: Tracer;
  /**
   * Runs before the replay when the state is empty: restores it from a snapshot checked against
   * the journal (true), or leaves it empty (false). Only the journal after the snapshot is then
   * replayed (shell/snapshots.ts).
   */
  readonly restore?: () => Promise<boolean>;
}

const traceOf = (traceparent: string | undefined): { traceparent?: string } => (traceparent === undefined ? {} : { traceparent });

export class Pipeline {
  /** Partitions whose last journal append failed part-way: re-read before the next step. */
  private readonly dirty = new Set<number>();
  /** The batch being processed per partition (see `serially`). */
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly outboxes = new Map<string, Outbox>();
  private subscription: Promise<Subscription | undefined> | undefined;
  private stopping = false;
  private consuming = false;
  /** Set while `exclusive` runs: no batch starts. */
  private hold: Promise<void> | undefined;
  /** Batches being processed now (past the hold). */
  private readonly active = new Set<Promise<void>>();

  constructor(private readonly o: PipelineOptions) {}

  private get group(): string {
    return `${this.o.topics.inbox(this.o.region)}.gateway`;
  }

  /**
   * Replays the journal, queues what partners have not been given, and returns: reads are served
   * from then on. The inbox consumer joins its group in the background (after a crash the broker
   * may hold the dead member's partitions for its session timeout); requests sent meanwhile are
   * written to the inbox and answered once the pipeline runs.
   */
  async start(): Promise<void> {
    const { log, topics } = this.o;
    // Inbox timestamps judge the senders' keys: the broker stamps them (refuses to start otherwise).
    await ensureLogAppendTime(log, topics.inbox(this.o.region), this.o.partitions);
    await log.createTopic(topics.journal(this.o.region), { partitions: this.o.partitions });
    await log.createTopic(topics.quarantine(this.o.region), { partitions: 1 });
    const journalPartitions = await log.partitions(topics.journal(this.o.region));
    const inboxPartitions = await log.partitions(topics.inbox(this.o.region));
    if (journalPartitions !== this.o.partitions || inboxPartitions !== this.o.partitions) {
      throw new Error(`inbox (${inboxPartitions}) and journal (${journalPartitions}) must both have ${this.o.partitions} partitions`);
    }
    const started = Date.now();
    const restored = this.o.state.empty && this.o.restore !== undefined && (await this.o.restore());
    const covered = Array.from({ length: this.o.partitions }, (_, p) => this.o.state.head(p).next);
    const outbound = new Map<number, JournalOutbound[]>();
    await Promise.all(
      Array.from({ length: this.o.partitions }, async (_, p) => {
        const tail = await this.catchUp(p);
        // What the snapshot covers was not read: partners still owed some of it get it from their cursor.
        outbound.set(p, restored && covered[p]! > 0 ? [...(await this.undelivered(p, covered[p]!)), ...tail] : tail);
        // Our requests signed into the inbox but not journaled before a stop keep their numbers.
        const unjournaled = await log.read(topics.inbox(this.o.region), p, this.o.state.head(p).inboxNext);
        for (const [caseId, seq] of inFlightSeqs(unjournaled, this.o.region)) this.o.provisionalSeq.set(caseId, Math.max(seq, this.o.provisionalSeq.get(caseId) ?? 0));
      }),
    );
    await this.o.afterReplay?.();
    for (const [p, records] of outbound) await this.deliver(p, records, true);
    for (const outbox of this.outboxes.values()) outbox.start();
    const replayed = covered.reduce((sum, n, p) => sum + this.o.state.head(p).next - n, 0);
    this.o.logger.info({ cases: this.o.state.cases.size, records: replayed, fromSnapshot: restored, ms: Date.now() - started }, 'journal replayed');
    this.stopping = false;
    this.subscription = this.subscribe();
  }

  /** Joins the inbox group, retrying until it works or the gateway stops. */
  private async subscribe(): Promise<Subscription | undefined> {
    for (let delay = 200; !this.stopping; delay = Math.min(delay * 2, 5_000)) {
      try {
        const subscription = await this.o.log.consume({
          group: this.group,
          topic: this.o.topics.inbox(this.o.region),
          onBatch: (batch) => this.serially(batch),
          onError: (error) => {
            this.o.counters.inc('xr_pipeline_retries_total');
            this.o.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'inbox batch failed; retrying');
          },
        });
        this.consuming = true;
        return subscription;
      } catch (error) {
        this.o.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not join the inbox group; retrying');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
    return undefined;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await (await this.subscription)?.stop();
    this.subscription = undefined;
    this.consuming = false;
    await Promise.all([...this.outboxes.values()].map((o) => o.stop()));
    this.o.waiters.abandon(fail('XR_UNAVAILABLE', 'gateway is shutting down'));
  }

  /**
   * Runs `fn` while no batch is processed: waits for the batches under way, holds the next ones
   * until `fn` settles (the state does not change meanwhile; reads are still served).
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.hold) await this.hold;
    let release!: () => void;
    this.hold = new Promise<void>((resolve) => (release = resolve));
    try {
      await Promise.allSettled([...this.active]);
      return await fn();
    } finally {
      this.hold = undefined;
      release();
    }
  }

  /** Whether the inbox pipeline runs (false while it joins its group after a start). */
  get running(): boolean {
    return this.consuming;
  }

  /** Each partner's outbox: backlog, deliveries, last failure. */
  outboxStatus(): OutboxStatus[] {
    return [...this.outboxes.values()].map((o) => o.status()).sort((a, b) => a.target.localeCompare(b.target));
  }

  /**
   * Reads the journal partition from where the state ends and folds each record in: at start the
   * whole journal, after a failed append whatever part of it did land. Returns the records for
   * partners among them.
   */
  private async catchUp(partition: number): Promise<JournalOutbound[]> {
    const records = await this.o.log.read(this.o.topics.journal(this.o.region), partition, this.o.state.head(partition).next);
    const outbound: JournalOutbound[] = [];
    for (const r of records) {
      const record = decodeJournalRecord(r.value);
      this.o.state.apply(partition, r.offset, record, r.value);
      if (this.o.state.outbound(record.event)) outbound.push({ n: r.offset, record, bytes: r.value, ...traceOf(r.headers[TRACE_HEADER]) });
    }
    return outbound;
  }

  /**
   * After a restore: the journal records before `upTo` that a partner's outbox has not delivered
   * yet (from its cursor; from 0 without one, as a full replay would offer them).
   */
  private async undelivered(partition: number, upTo: number): Promise<JournalOutbound[]> {
    const journal = this.o.topics.journal(this.o.region);
    const from = new Map<string, number>();
    for (const target of this.o.state.partnersIn(partition)) from.set(target, (await this.o.log.committed(this.outbox(target).group, journal, partition)) ?? 0);
    const start = Math.min(upTo, ...from.values());
    if (start >= upTo) return [];
    const out: JournalOutbound[] = [];
    for (const r of await this.o.log.read(journal, partition, start, upTo - start)) {
      if (r.offset >= upTo) break;
      if (r.offset < start) continue;
      const record = decodeJournalRecord(r.value);
      if (this.o.state.outbound(record.event) && r.offset >= (from.get(record.event.target) ?? 0)) out.push({ n: r.offset, record, bytes: r.value, ...traceOf(r.headers[TRACE_HEADER]) });
    }
    return out;
  }

  private outbox(target: string): Outbox {
    let outbox = this.outboxes.get(target);
    if (!outbox) {
      outbox = new Outbox({ target, region: this.o.region, log: this.o.log, inbox: this.o.topics.inbox(target), journal: this.o.topics.journal(this.o.region), logger: this.o.logger, counters: this.o.counters, tracer: this.o.tracer });
      this.outboxes.set(target, outbox);
      if (this.subscription) outbox.start();
    }
    return outbox;
  }

  /**
   * Hands journaled records to their partners' outboxes. At start (`replayed`), only those after
   * each outbox's cursor; a journal older than the cursors (no cursor yet) is offered whole once,
   * and partners drop what they hold.
   */
  private async deliver(partition: number, records: readonly JournalOutbound[], replayed = false): Promise<void> {
    const byTarget = new Map<string, JournalOutbound[]>();
    for (const r of records) {
      const list = byTarget.get(r.record.event.target);
      if (list) list.push(r);
      else byTarget.set(r.record.event.target, [r]);
    }
    for (const [target, list] of byTarget) {
      const outbox = this.outbox(target);
      const from = replayed ? ((await this.o.log.committed(outbox.group, this.o.topics.journal(this.o.region), partition)) ?? 0) : 0;
      outbox.enqueue(partition, list.filter((r) => r.n >= from));
    }
  }

  /**
   * One batch of a partition at a time, whatever the consumer does (kafkajs may hand a partition's
   * next batch to a new member generation while the old one is still being written after a
   * rebalance): two steps from the same chain head would both append, and the second would land
   * where the first did.
   */
  private serially(batch: Batch): Promise<void> {
    const before = this.inFlight.get(batch.partition) ?? Promise.resolve();
    const run = before
      .catch(() => undefined)
      .then(async () => {
        while (this.hold) await this.hold;
        const processing = this.process(batch);
        this.active.add(processing);
        try {
          await processing;
        } finally {
          this.active.delete(processing);
        }
      });
    const settled = run.catch(() => undefined);
    this.inFlight.set(batch.partition, settled);
    void settled.then(() => {
      if (this.inFlight.get(batch.partition) === settled) this.inFlight.delete(batch.partition);
    });
    return run;
  }

  private async process(batch: Batch): Promise<void> {
    const started = performance.now();
    await this.processBatch(batch);
    this.o.counters.observe('xr_pipeline_batch_seconds', {}, (performance.now() - started) / 1000);
    this.o.counters.observe('xr_pipeline_batch_records', {}, batch.records.length);
  }

  private async processBatch(batch: Batch): Promise<void> {
    const partition = batch.partition;
    if (this.dirty.has(partition)) {
      await this.deliver(partition, await this.catchUp(partition));
      this.dirty.delete(partition);
    }
    let out: StepOutput = await step(this.o.state, partition, batch.records, this.o.stepContext());
    // Refused for an unknown key: the registry may be a moment behind (a city registered just now).
    if (out.unknownKey && this.o.keys.catchUp) {
      await this.o.keys.catchUp();
      out = await step(this.o.state, partition, batch.records, this.o.stepContext());
    }
    // Quarantine first: a failure after it makes the batch run again, which may write an entry
    // twice (same id: its inbox position), never lose one.
    if (out.quarantine.length > 0) await appendQuarantine(this.o.log, this.o.topics.quarantine(this.o.region), out.quarantine, this.o.limits);
    // W3C trace context: each journal record is a span (a child of the inbox record it was made
    // from) whose context is the record's traceparent; a record without a trace starts none.
    const inbox = this.o.topics.inbox(this.o.region);
    const journal = this.o.topics.journal(this.o.region);
    const inboxTraces = new Map(batch.records.map((r) => [r.offset, r.headers[TRACE_HEADER]]));
    const hops: (Hop | undefined)[] = out.journal.map(({ record }) =>
      startHop(this.o.tracer, `process ${inbox}`, record.inbox ? inboxTraces.get(record.inbox.offset) : undefined, {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': this.o.log.kind,
          'messaging.operation.type': 'process',
          'messaging.destination.name': inbox,
          'messaging.destination.partition.id': String(partition),
          'xr.region': this.o.region,
          'xr.journal': journal,
          'xr.journal.offset': record.n,
          'xr.case_id': record.event.caseId,
          'xr.event.id': record.event.id,
          'xr.event.type': record.event.type,
          'xr.event.source': record.event.source,
          ...(record.inbox ? { 'xr.inbox.offset': record.inbox.offset } : {}),
        },
      }),
    );
    const traces = hops.map((h) => h?.traceparent);
    if (out.journal.length > 0) {
      try {
        const results = await this.o.log.append(
          journal,
          out.journal.map(({ record, bytes }, i) => ({ id: record.event.id, key: record.event.caseId, value: bytes, partition, headers: traceHeader(traces[i]) })),
        );
        results.forEach((res, i) => {
          if (res.offset !== out.journal[i]!.record.n) throw new Error(`journal partition ${partition} moved under us (offset ${res.offset}, expected ${out.journal[i]!.record.n}); is another gateway of ${this.o.region} running?`);
        });
      } catch (error) {
        this.dirty.add(partition);
        for (const h of hops) h?.end({ code: 'XR_UNAVAILABLE', message: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    }
    for (const h of hops) h?.end();
    // Written: fold it in exactly as a replay would.
    const outbound: JournalOutbound[] = [];
    for (const [i, { record, bytes }] of out.journal.entries()) {
      this.o.state.apply(partition, record.n, record, bytes);
      const event = record.event;
      if (event.source === this.o.region && (this.o.provisionalSeq.get(event.caseId) ?? 0) <= event.seq) this.o.provisionalSeq.delete(event.caseId);
      this.o.counters.inc('xr_journal_records_total', { type: event.type });
      if (this.o.state.outbound(event)) outbound.push({ n: record.n, record, bytes, ...traceOf(traces[i]) });
    }
    this.o.waiters.apply(outcomes(this.o.state, out));
    await this.deliver(partition, outbound);
    const accepted = out.accepted;
    if (accepted > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'accepted' }, accepted);
    if (out.duplicates.length > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'duplicate' }, out.duplicates.length);
    if (out.quarantine.length > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'quarantined' }, out.quarantine.length);
    for (const q of out.quarantine) {
      this.o.counters.inc('xr_quarantined_total', { reason: q.entry.code });
      // A traced record refused: an ERROR span of its trace, and the trace on the log line.
      const hop = startHop(this.o.tracer, `process ${inbox}`, inboxTraces.get(q.entry.from.offset), {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.system': this.o.log.kind, 'messaging.operation.type': 'process', 'messaging.destination.name': inbox, 'xr.region': this.o.region, 'xr.inbox.offset': q.entry.from.offset, ...(q.eventId ? { 'xr.event.id': q.eventId } : {}) },
      });
      hop?.end({ code: q.entry.code });
      this.o.logger.warn({ code: q.entry.code, field: q.entry.field, from: q.entry.from, eventId: q.eventId, ...(hop ? { traceId: hop.traceId, spanId: hop.spanId } : {}) }, 'inbound record quarantined');
    }
  }
}
