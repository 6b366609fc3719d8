/**
 * One region's gateway: a composition of the pure core and thin shells.
 *   inbox consumer (one batch per partition) → `step` (core/step.ts: checks, rules, reactions;
 *   no I/O) → quarantine and journal writer (the journal append is the commit point) → the state
 *   folds the written records in (`GatewayState.apply`, as a restart's replay does) → `outcomes`
 *   settle the waiting callers (shell/waiters.ts) → one outbox per partner delivers (shell/outbox.ts).
 * Requests from the region's own systems enter through the same inbox, signed by the region, so
 * everything that changes a case passes the same checks and lands in the journal the same way.
 */
import { signDetached, type SigningKey } from '@xr/crypto';
import { caseDeadlines, chinaDate, decide, fail, type CaseDeadlines, type CatalogIndex, type DecideContext, type WorkingDayCalendar, type CaseState, type Envelope, type JournalRecord, type Result } from '@xr/domain';
import { ensureLogAppendTime, partitionFor, type Batch, type EventLog, type Subscription } from '@xr/event-log';
import type { Counters, Logger } from '@xr/observability';
import { validateEvent } from '@xr/schemas';
import { outcomes } from './core/outcomes.js';
import { GatewayState } from './core/state.js';
import { step, type Signed, type StepContext, type StepOutput } from './core/step.js';
import { legacyRequestId, newId, requestId } from './ids.js';
import { decodeJournalRecord, encodeEnvelope } from './journal-codec.js';
import type { Trust } from './trust.js';
import type { CaseProjection } from './projection.js';
import { appendQuarantine, decodeQuarantine, type QuarantineEntry } from './quarantine.js';
import { DEFAULT_RECORD_LIMITS, type RecordLimits } from './record-limits.js';
import { encodeClientRequest, inFlightSeqs, requestConflict, REQUEST_HEADER, type ClientRequest } from './requests.js';
import { Outbox, type OutboxStatus } from './shell/outbox.js';
import { Waiters } from './shell/waiters.js';
import { JWS_HEADER, type Topics } from './topics.js';

export interface GatewayOptions {
  readonly region: string;
  readonly log: EventLog;
  readonly signer: SigningKey;
  /** Partner keys and regions: the configured KeyRing, or the admin-signed registry. */
  readonly keys: Trust;
  readonly topics: Topics;
  /** Partitions of this region's inbox and journal (equal, so a case lives in one partition). */
  readonly partitions: number;
  readonly logger: Logger;
  readonly counters: Counters;
  readonly clock?: () => Date;
  /** Item catalogs this gateway knows (its own, when it handles items); catalog rules apply when given. */
  readonly catalogs?: CatalogIndex;
  /**
   * The working-day calendar for the licensing law's deadlines, as it stands now (it follows the
   * registry's published holiday notices); deadline rules apply when given.
   */
  readonly calendar?: () => WorkingDayCalendar;
  /** How long a new case waits for the handling region's 签收 or refusal before SubmitCase answers `submitted`. Default 5 s. */
  readonly receiptTimeoutMs?: number;
  /** How long a request from our own systems waits for its journal outcome. Default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Largest inbox record opened, largest quarantine entry written in full (see RecordLimits). */
  readonly limits?: Partial<RecordLimits>;
}

/** What a request from the region's own systems says; the gateway adds the envelope. */
export interface OutgoingEvent {
  /** The client's request id: the event id derives from it, so a retry never makes a second event. */
  readonly requestId?: string;
  readonly type: string;
  readonly v: number;
  readonly caseId: string;
  readonly target: string;
  readonly payload: Record<string, unknown>;
  /** The RPC and fingerprint of the client request: a request id reused for something else is refused. */
  readonly request?: ClientRequest;
}

export class ExchangeGateway {
  readonly region: string;
  /** Everything known, folded from the journal only. */
  private readonly state: GatewayState;
  private readonly waiters: Waiters;
  /**
   * Sequence numbers given to our requests not journaled yet (signed into the inbox, or found
   * there at start): a hint, so the next request does not take the same one. The step gives each
   * of our events its final number from the journal.
   */
  private readonly provisionalSeq = new Map<string, number>();
  /** Partitions whose last journal append failed part-way: re-read before the next step. */
  private readonly dirty = new Set<number>();
  private readonly outboxes = new Map<string, Outbox>();
  private subscription: Promise<Subscription | undefined> | undefined;
  private stopping = false;
  private consuming = false;
  private readonly clock: () => Date;
  private readonly limits: RecordLimits;

  constructor(private readonly o: GatewayOptions) {
    this.region = o.region;
    this.limits = { ...DEFAULT_RECORD_LIMITS, ...o.limits };
    this.state = new GatewayState(o.region, o.partitions);
    this.waiters = new Waiters((id) => this.state.ledger.requestOf(id));
    this.clock = o.clock ?? (() => new Date());
  }

  /** The cases as this region's journal has them (watchable). */
  get projection(): CaseProjection {
    return this.state.cases;
  }

  private get group(): string {
    return `${this.o.topics.inbox(this.region)}.gateway`;
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
    await ensureLogAppendTime(log, topics.inbox(this.region), this.o.partitions);
    await log.createTopic(topics.journal(this.region), { partitions: this.o.partitions });
    await log.createTopic(topics.quarantine(this.region), { partitions: 1 });
    const journalPartitions = await log.partitions(topics.journal(this.region));
    const inboxPartitions = await log.partitions(topics.inbox(this.region));
    if (journalPartitions !== this.o.partitions || inboxPartitions !== this.o.partitions) {
      throw new Error(`inbox (${inboxPartitions}) and journal (${journalPartitions}) must both have ${this.o.partitions} partitions`);
    }
    const started = Date.now();
    const outbound = new Map<number, { n: number; record: JournalRecord }[]>();
    await Promise.all(
      Array.from({ length: this.o.partitions }, async (_, p) => {
        outbound.set(p, await this.catchUp(p));
        // Our requests signed into the inbox but not journaled before a stop keep their numbers.
        const tail = await log.read(topics.inbox(this.region), p, this.state.head(p).inboxNext);
        for (const [caseId, seq] of inFlightSeqs(tail, this.region)) this.provisionalSeq.set(caseId, Math.max(seq, this.provisionalSeq.get(caseId) ?? 0));
      }),
    );
    for (const [p, records] of outbound) await this.deliver(p, records, true);
    for (const outbox of this.outboxes.values()) outbox.start();
    this.o.logger.info({ cases: this.state.cases.size, ms: Date.now() - started }, 'journal replayed');
    this.stopping = false;
    this.subscription = this.subscribe();
  }

  /** Joins the inbox group, retrying until it works or the gateway stops. */
  private async subscribe(): Promise<Subscription | undefined> {
    for (let delay = 200; !this.stopping; delay = Math.min(delay * 2, 5_000)) {
      try {
        const subscription = await this.o.log.consume({
          group: this.group,
          topic: this.o.topics.inbox(this.region),
          onBatch: (batch) => this.process(batch),
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
    this.waiters.abandon(fail('XR_UNAVAILABLE', 'gateway is shutting down'));
  }

  /** Whether the inbox pipeline runs (false while it joins its group after a start). */
  get pipelineRunning(): boolean {
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
  private async catchUp(partition: number): Promise<{ n: number; record: JournalRecord }[]> {
    const records = await this.o.log.read(this.o.topics.journal(this.region), partition, this.state.head(partition).next);
    const outbound: { n: number; record: JournalRecord }[] = [];
    for (const r of records) {
      const record = decodeJournalRecord(r.value);
      this.state.apply(partition, r.offset, record, r.value);
      if (this.state.outbound(record.event)) outbound.push({ n: r.offset, record });
    }
    return outbound;
  }

  private outbox(target: string): Outbox {
    let outbox = this.outboxes.get(target);
    if (!outbox) {
      outbox = new Outbox({ target, log: this.o.log, inbox: this.o.topics.inbox(target), journal: this.o.topics.journal(this.region), logger: this.o.logger, counters: this.o.counters });
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
  private async deliver(partition: number, records: readonly { n: number; record: JournalRecord }[], replayed = false): Promise<void> {
    const byTarget = new Map<string, { n: number; record: JournalRecord }[]>();
    for (const r of records) byTarget.set(r.record.event.target, [...(byTarget.get(r.record.event.target) ?? []), r]);
    for (const [target, list] of byTarget) {
      const outbox = this.outbox(target);
      const from = replayed ? ((await this.o.log.committed(outbox.group, this.o.topics.journal(this.region), partition)) ?? 0) : 0;
      outbox.enqueue(partition, list.filter((r) => r.n >= from));
    }
  }

  private stepContext(): StepContext {
    const now = this.clock().toISOString();
    return { self: this.region, limits: this.limits, trust: this.o.keys, now, decide: this.decideContext(now), sign: (event) => this.sign(event) };
  }

  private async process(batch: Batch): Promise<void> {
    const partition = batch.partition;
    if (this.dirty.has(partition)) {
      await this.deliver(partition, await this.catchUp(partition));
      this.dirty.delete(partition);
    }
    let out: StepOutput = await step(this.state, partition, batch.records, this.stepContext());
    // Refused for an unknown key: the registry may be a moment behind (a city registered just now).
    if (out.unknownKey && this.o.keys.catchUp) {
      await this.o.keys.catchUp();
      out = await step(this.state, partition, batch.records, this.stepContext());
    }
    // Quarantine first: a failure after it makes the batch run again, which may write an entry
    // twice (same id: its inbox position), never lose one.
    if (out.quarantine.length > 0) await appendQuarantine(this.o.log, this.o.topics.quarantine(this.region), out.quarantine, this.limits);
    if (out.journal.length > 0) {
      try {
        const results = await this.o.log.append(
          this.o.topics.journal(this.region),
          out.journal.map(({ record, bytes }) => ({ id: record.event.id, key: record.event.caseId, value: bytes, partition })),
        );
        results.forEach((res, i) => {
          if (res.offset !== out.journal[i]!.record.n) throw new Error(`journal partition ${partition} moved under us (offset ${res.offset}, expected ${out.journal[i]!.record.n}); is another gateway of ${this.region} running?`);
        });
      } catch (error) {
        this.dirty.add(partition);
        throw error;
      }
    }
    // Written: fold it in exactly as a replay would.
    const outbound: { n: number; record: JournalRecord }[] = [];
    for (const { record, bytes } of out.journal) {
      this.state.apply(partition, record.n, record, bytes);
      const event = record.event;
      if (event.source === this.region && (this.provisionalSeq.get(event.caseId) ?? 0) <= event.seq) this.provisionalSeq.delete(event.caseId);
      this.o.counters.inc('xr_journal_records_total', { type: event.type });
      if (this.state.outbound(event)) outbound.push({ n: record.n, record });
    }
    this.waiters.apply(outcomes(this.state, out));
    await this.deliver(partition, outbound);
    const accepted = out.journal.filter(({ record }) => record.event.source !== this.region || batch.records.some((r) => r.id === record.event.id)).length;
    if (accepted > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'accepted' }, accepted);
    if (out.duplicates.length > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'duplicate' }, out.duplicates.length);
    if (out.quarantine.length > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'quarantined' }, out.quarantine.length);
    for (const q of out.quarantine) {
      this.o.counters.inc('xr_quarantined_total', { reason: q.entry.code });
      this.o.logger.warn({ code: q.entry.code, field: q.entry.field, from: q.entry.from, eventId: q.eventId }, 'inbound record quarantined');
    }
  }

  /** What decide needs besides the state: our region, now, and the catalog and calendar when configured. */
  private decideContext(now: string): DecideContext {
    const catalogs = this.o.catalogs;
    return {
      self: this.region,
      now,
      ...(catalogs && catalogs.regions.has(this.region) ? { item: catalogs.item } : {}),
      ...(this.o.calendar ? { calendar: this.o.calendar() } : {}),
    };
  }

  /** The licensing law's deadlines of a case as of `today` (a China date), when a calendar is configured. */
  deadlines(state: CaseState, today = chinaDate(this.clock().toISOString())): CaseDeadlines | undefined {
    if (!this.o.calendar || today === undefined) return undefined;
    const item = this.o.catalogs?.item(state.handlingRegion, state.itemCode);
    return caseDeadlines(state, {
      calendar: this.o.calendar(),
      today,
      ...(item ? { legalDays: item.legalDays, promisedDays: state.promisedDays ?? item.promisedDays } : {}),
    });
  }

  private async sign(event: Envelope): Promise<Signed> {
    const bytes = encodeEnvelope(event);
    return { event, bytes, jws: await signDetached(bytes, this.o.signer) };
  }

  /**
   * A request from this region's own systems: checked here first (schema, partner, transition),
   * then signed into our inbox; resolves when the pipeline has journaled it or refused it.
   */
  async request(out: OutgoingEvent): Promise<Result<CaseState>> {
    if (!this.o.keys.regions().has(out.target) && this.o.keys.catchUp) await this.o.keys.catchUp();
    if (!this.o.keys.regions().has(out.target) || out.target === this.region) {
      return fail('XR_PARTNER_UNKNOWN', `${out.target} is not a partner region of ${this.region}`, 'target');
    }
    const id = out.requestId === undefined ? newId() : this.requestEventId(out.requestId);
    const state = this.projection.get(out.caseId);
    // A request id the journal knows: its answer, rebuilt from the journal (also after a restart).
    if (this.state.ledger.has(id)) {
      const conflict = requestConflict(this.state.ledger.requestOf(id), out.request);
      if (conflict) return conflict;
      const answer = this.state.ledger.answerOf(id);
      if (answer?.kind === 'refused') return answer.problem;
      if (answer?.kind === 'taken' && state) return out.type === 'case.submitted' ? this.receiptOf(out.caseId, id) : { ok: true, value: state };
    }
    const seq = Math.max(this.state.ledger.lastSeq(out.caseId), state?.lastSeq[this.region] ?? 0, this.provisionalSeq.get(out.caseId) ?? 0) + 1;
    const event: Envelope = { id, type: out.type, v: out.v, caseId: out.caseId, seq, source: this.region, target: out.target, time: this.clock().toISOString(), payload: out.payload };
    const valid = validateEvent(event);
    if (!valid.ok) return valid;
    // The pipeline decides again; checking here answers the caller at once and keeps refused
    // requests of our own systems out of the quarantine.
    const decision = decide(state, event, this.decideContext(event.time));
    if (!decision.ok) return decision;
    this.provisionalSeq.set(out.caseId, seq);
    const signed = await this.sign(event);
    const timeoutMs = this.o.requestTimeoutMs ?? 15_000;
    const result = await this.waiters.wait(event.id, out.request, timeoutMs, async () => {
      await this.o.log.append(this.o.topics.inbox(this.region), [
        {
          id: event.id,
          key: event.caseId,
          value: signed.bytes,
          headers: { [JWS_HEADER]: signed.jws, ...(out.request ? { [REQUEST_HEADER]: encodeClientRequest(out.request) } : {}) },
          partition: partitionFor(event.caseId, this.o.partitions),
        },
      ]);
    });
    // A new case: the handling region answers with 签收 or a refusal naming what is wrong (its
    // catalog, a missing material); wait a moment for it, else the case is simply on its way.
    if (out.type === 'case.submitted' && result.ok) return this.receiptOf(out.caseId, event.id);
    return result;
  }

  /** The handling region's answer to a submission, or the case as it stands after `receiptTimeoutMs`. */
  private receiptOf(caseId: string, submissionId: string): Promise<Result<CaseState>> {
    const answered = (): Result<CaseState> | undefined => {
      const state = this.projection.get(caseId);
      if (!state) return undefined;
      const answer = this.state.ledger.answerOf(submissionId);
      if (answer?.kind === 'refused') return answer.problem;
      return state.status === 'submitted' ? undefined : { ok: true, value: state };
    };
    const now = answered();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        unwatch();
        resolve(answered() ?? { ok: true, value: this.projection.get(caseId)! });
      };
      const timer = setTimeout(finish, this.o.receiptTimeoutMs ?? 5_000);
      const unwatch = this.projection.watch(caseId, () => {
        if (answered()) finish();
      });
    });
  }

  /** Counters of this gateway: records accepted, duplicates, quarantined by reason, deliveries. */
  get counters(): Counters {
    return this.o.counters;
  }

  /** A new case id; with a client request id, the same one every time that request is retried. */
  newCaseId(request?: string): string {
    if (request === undefined) return newId();
    const legacy = legacyRequestId(this.region, request, 'case');
    return this.state.cases.get(legacy) ? legacy : requestId(this.region, request, 'case');
  }

  /** The event id of a client request: the one the journal holds from before the UUIDv8 ids, if any. */
  private requestEventId(request: string): string {
    const legacy = legacyRequestId(this.region, request);
    return this.state.ledger.has(legacy) ? legacy : requestId(this.region, request);
  }

  getCase(caseId: string): CaseState | undefined {
    return this.projection.get(caseId);
  }

  /** The region's quarantine, oldest first. */
  async quarantine(limit = 1000): Promise<QuarantineEntry[]> {
    const records = await this.o.log.read(this.o.topics.quarantine(this.region), 0, 0, limit);
    return records.map(decodeQuarantine);
  }
}
