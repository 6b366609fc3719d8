/**
 * One region's gateway core. One pipeline per inbox partition:
 * read inbox → verify → validate → decide → append to the journal → deliver to partners → commit.
 * Requests from the region's own systems enter through the same inbox, signed by the region, so
 * everything that changes a case passes the same checks and lands in the journal the same way.
 */
import { signDetached, type SigningKey } from '@xr/crypto';
import { caseDeadlines, chinaDate, decide, evolve, fail, isRequest, refusalOf, type EventDraft, type RequestAcceptedPayload, type RequestRefusedPayload, type CaseDeadlines, type CatalogIndex, type DecideContext, type WorkingDayCalendar, type CaseState, type Envelope, type JournalRecord, type Result } from '@xr/domain';
import { ensureLogAppendTime, partitionFor, type Batch, type EventLog, type LogRecord, type RecordInput, type Subscription } from '@xr/event-log';
import type { Counters, Logger } from '@xr/observability';
import { validateEvent } from '@xr/schemas';
import { examine } from './examine.js';
import { derivedId, newId, requestId } from './ids.js';
import { decodeJournalRecord, encodeEnvelope, encodeJournalRecord, hashRecord } from './journal-codec.js';
import { JournalState } from './journal-state.js';
import type { Trust } from './trust.js';
import { CaseProjection } from './projection.js';
import { appendQuarantine, decodeQuarantine, quarantineRecord, type QuarantineEntry, type QuarantineItem } from './quarantine.js';
import { DEFAULT_RECORD_LIMITS, type RecordLimits } from './record-limits.js';
import { decodeClientRequest, encodeClientRequest, inFlightSeqs, refusalProblem, requestConflict, RequestLedger, REQUEST_HEADER, type ClientRequest } from './requests.js';
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

interface Signed {
  readonly event: Envelope;
  readonly bytes: Uint8Array;
  readonly jws: string;
}

/** A caller waiting for an event's outcome, with the client request it sent. */
interface Waiter {
  readonly request?: ClientRequest;
  readonly resolve: (outcome: Result<CaseState>) => void;
}

export class ExchangeGateway {
  readonly region: string;
  readonly projection = new CaseProjection();
  private readonly journal: JournalState;
  /** Callers waiting per event id (two clients may send the same request id at once). */
  private readonly waiters = new Map<string, Waiter[]>();
  /**
   * Sequence numbers given to our requests not journaled yet (signed into the inbox, or found
   * there at start): a hint, so the next request does not take the same one. The pipeline gives
   * each of our events its final number from the journal.
   */
  private readonly provisionalSeq = new Map<string, number>();
  private readonly dirty = new Set<number>();
  /** Our events as the journal has them: last sequence number per case, answers, client requests. */
  private readonly requests: RequestLedger;
  private readonly outboxes = new Map<number, JournalRecord[]>();
  private subscription: Subscription | undefined;
  private readonly clock: () => Date;
  private readonly limits: RecordLimits;

  constructor(private readonly o: GatewayOptions) {
    this.region = o.region;
    this.limits = { ...DEFAULT_RECORD_LIMITS, ...o.limits };
    this.journal = new JournalState(o.partitions);
    this.requests = new RequestLedger(o.region);
    this.clock = o.clock ?? (() => new Date());
  }

  private get group(): string {
    return `${this.o.topics.inbox(this.region)}.gateway`;
  }

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
    for (let p = 0; p < this.o.partitions; p += 1) {
      const outbound = await this.catchUp(p);
      const committed = (await log.committed(this.group, topics.inbox(this.region), p)) ?? 0;
      // Our requests signed into the inbox but not journaled before a stop keep their numbers.
      const tail = await log.read(topics.inbox(this.region), p, Math.max(committed, this.journal.head(p).inboxNext));
      for (const [caseId, seq] of inFlightSeqs(tail, this.region)) this.provisionalSeq.set(caseId, Math.max(seq, this.provisionalSeq.get(caseId) ?? 0));
      // Deliveries happen before the inbox commit: anything journaled from inbox offsets at or
      // after the committed one may not have reached its partner yet. Partners drop duplicates.
      await this.deliver(outbound.filter((r) => (r.inbox?.offset ?? Number.MAX_SAFE_INTEGER) >= committed));
    }
    this.o.logger.info({ cases: this.projection.size, ms: Date.now() - started }, 'journal replayed');
    this.subscription = await log.consume({
      group: this.group,
      topic: topics.inbox(this.region),
      onBatch: (batch) => this.process(batch),
      onError: (error) => {
        this.o.counters.inc('xr_pipeline_retries_total');
        this.o.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'inbox batch failed; retrying');
      },
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
    for (const waiter of [...this.waiters.values()].flat()) waiter.resolve(fail('XR_UNAVAILABLE', 'gateway is shutting down'));
    this.waiters.clear();
  }

  /**
   * Reads the journal partition from where memory ends, applying each record: at start the whole
   * journal, after a failed append whatever part of it did land. Returns outbound records found.
   */
  private async catchUp(partition: number): Promise<JournalRecord[]> {
    const head = this.journal.head(partition);
    const records = await this.o.log.read(this.o.topics.journal(this.region), partition, head.next);
    const outbound: JournalRecord[] = [];
    for (const r of records) {
      const record = decodeJournalRecord(r.value);
      if (record.prev !== head.prev || record.n !== r.offset) {
        this.o.counters.inc('xr_journal_chain_breaks_total');
        this.o.logger.error({ partition, offset: r.offset }, 'journal chain broken: record does not follow its predecessor');
      }
      head.prev = hashRecord(r.value);
      head.next = r.offset + 1;
      if (record.inbox) head.inboxNext = Math.max(head.inboxNext, record.inbox.offset + 1);
      this.journal.events.set(record.event.id, hashRecord(encodeEnvelope(record.event)));
      this.journal.caseCounts.set(record.event.caseId, record.caseSeq);
      this.requests.apply(record);
      this.project(record.event);
      if (record.event.source === this.region && record.event.target !== this.region) outbound.push(record);
    }
    return outbound;
  }

  private async process(batch: Batch): Promise<void> {
    const partition = batch.partition;
    if (this.dirty.has(partition)) {
      this.outbox(partition).push(...(await this.catchUp(partition)));
      this.dirty.delete(partition);
    }
    await this.flushOutbox(partition);
    const head = this.journal.head(partition);
    const now = this.clock().toISOString();
    const staged = new Map<string, CaseState>();
    const stagedIds = new Map<string, string>();
    const journal: { input: RecordInput; record: JournalRecord }[] = [];
    const quarantined: (QuarantineItem & { eventId?: string })[] = [];
    let prev = head.prev;
    let next = head.next;
    let accepted = 0;
    const duplicates: Envelope[] = [];
    const batchCounts = new Map<string, number>();
    const batchSeqs = new Map<string, number>();
    /** Our next sequence number on a case: one past the last the journal (and this batch) gave. */
    const nextSeq = (caseId: string): number => (batchSeqs.get(caseId) ?? this.requests.lastSeq(caseId)) + 1;
    const stateOf = (caseId: string): CaseState | undefined => staged.get(caseId) ?? this.projection.get(caseId);
    const stage = (event: Envelope): void => {
      if (this.projects(event, stateOf(event.caseId))) staged.set(event.caseId, evolve(stateOf(event.caseId), event));
    };
    /** Our reactions to an event (签收, confirmations, refusals): ids derived from it, signed, journaled with it. */
    const react = async (cause: Envelope, drafts: readonly EventDraft[], inbox: LogRecord): Promise<void> => {
      for (const [index, draft] of drafts.entries()) {
        const reaction: Envelope = {
          id: derivedId(cause.id, index),
          type: draft.type,
          v: draft.v,
          caseId: cause.caseId,
          seq: nextSeq(cause.caseId),
          source: this.region,
          target: draft.target,
          time: now,
          payload: draft.payload,
        };
        const signed = await this.sign(reaction);
        stage(reaction);
        stagedIds.set(reaction.id, hashRecord(signed.bytes));
        appendJournal(signed, inbox);
      }
    };
    const appendJournal = (signed: Signed, inbox: LogRecord, request?: ClientRequest): void => {
      const caseSeq = (batchCounts.get(signed.event.caseId) ?? this.journal.caseCounts.get(signed.event.caseId) ?? 0) + 1;
      batchCounts.set(signed.event.caseId, caseSeq);
      if (signed.event.source === this.region) batchSeqs.set(signed.event.caseId, signed.event.seq);
      const record: JournalRecord = { event: signed.event, eventJws: signed.jws, prev, n: next, caseSeq, inbox: { partition: inbox.partition, offset: inbox.offset }, ...(request ? { request } : {}), recordedAt: now };
      const bytes = encodeJournalRecord(record);
      journal.push({ record, input: { id: signed.event.id, key: signed.event.caseId, value: bytes, partition } });
      prev = hashRecord(bytes);
      next += 1;
    };

    for (const r of batch.records) {
      if (r.offset < head.inboxNext) continue;
      const verdict = await examine(r, {
        self: this.region,
        partitions: this.o.partitions,
        limits: this.limits,
        trust: this.o.keys,
        now,
        decide: this.decideContext(now),
        seen: (id) => stagedIds.get(id) ?? this.journal.events.get(id),
        state: (caseId) => staged.get(caseId) ?? this.projection.get(caseId),
      });
      if (verdict.kind === 'duplicate') {
        this.o.counters.inc('xr_inbox_records_total', { outcome: 'duplicate' });
        duplicates.push(verdict.event);
        continue;
      }
      if (verdict.kind === 'quarantine') {
        quarantined.push({ ...quarantineRecord(r, verdict.problem, now, verdict.eventId, this.limits), ...(verdict.eventId ? { eventId: verdict.eventId } : {}) });
        // The authority answers a partner's refused request, so the partner's copy of the case stays true.
        const refused = verdict.refused;
        if (refused && refused.source !== this.region && (isRequest(refused.type) || refused.type === 'case.submitted')) await react(refused, [refusalOf(refused, verdict.problem)], r);
        continue;
      }
      accepted += 1;
      let signed: Signed = { event: verdict.event, bytes: r.value, jws: verdict.jws };
      let request: ClientRequest | undefined;
      if (verdict.event.source === this.region) {
        // Our own event takes the next number the journal gives on its case, whatever the
        // request guessed (a request signed before a restart, or beside another one).
        const seq = nextSeq(verdict.event.caseId);
        if (seq !== verdict.event.seq) signed = await this.sign({ ...verdict.event, seq });
        request = decodeClientRequest(r.headers[REQUEST_HEADER]);
      }
      const { event } = signed;
      stage(event);
      stagedIds.set(event.id, signed.bytes === r.value ? verdict.hash : hashRecord(signed.bytes));
      appendJournal(signed, r, request);
      await react(event, verdict.emit, r);
    }

    if (quarantined.length > 0) await appendQuarantine(this.o.log, this.o.topics.quarantine(this.region), quarantined, this.limits);
    if (journal.length > 0) {
      try {
        const results = await this.o.log.append(this.o.topics.journal(this.region), journal.map((j) => j.input));
        results.forEach((res, i) => {
          if (res.offset !== journal[i]!.record.n) throw new Error(`journal partition ${partition} moved under us (offset ${res.offset}, expected ${journal[i]!.record.n})`);
        });
      } catch (error) {
        this.dirty.add(partition);
        throw error;
      }
      head.prev = prev;
      head.next = next;
      for (const { record } of journal) {
        head.inboxNext = Math.max(head.inboxNext, (record.inbox?.offset ?? -1) + 1);
        this.journal.events.set(record.event.id, stagedIds.get(record.event.id) ?? '');
        this.journal.caseCounts.set(record.event.caseId, record.caseSeq);
        this.requests.apply(record);
        // The journal has caught up with the number a request guessed: the hint has done its work.
        if (record.event.source === this.region && (this.provisionalSeq.get(record.event.caseId) ?? 0) <= record.event.seq) this.provisionalSeq.delete(record.event.caseId);
        this.project(record.event);
        this.o.counters.inc('xr_journal_records_total', { type: record.event.type });
        if (record.event.source === this.region && record.event.target !== this.region) this.outbox(partition).push(record);
      }
    }
    // The journal is the commit point: the outcome is known now, delivery follows.
    for (const { record } of journal) this.settleFor(record.event);
    for (const event of duplicates) this.settleDuplicate(event);
    if (accepted > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'accepted' }, accepted);
    if (quarantined.length > 0) this.o.counters.inc('xr_inbox_records_total', { outcome: 'quarantined' }, quarantined.length);
    for (const q of quarantined) {
      this.o.counters.inc('xr_quarantined_total', { reason: q.entry.code });
      this.o.logger.warn({ code: q.entry.code, field: q.entry.field, from: q.entry.from, eventId: q.eventId }, 'inbound record quarantined');
      if (q.eventId) this.settle(q.eventId, { ok: false, code: q.entry.code, message: q.entry.message, ...(q.entry.field ? { field: q.entry.field } : {}) });
    }
    await this.flushOutbox(partition);
  }

  private outbox(partition: number): JournalRecord[] {
    let list = this.outboxes.get(partition);
    if (!list) {
      list = [];
      this.outboxes.set(partition, list);
    }
    return list;
  }

  /** Delivers what the journal holds for partners; on failure it stays queued and the batch is retried. */
  private async flushOutbox(partition: number): Promise<void> {
    const list = this.outbox(partition);
    if (list.length === 0) return;
    await this.deliver(list);
    list.length = 0;
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

  /**
   * Whether an event changes this region's copy of its case. Our own requests to the handling
   * region wait for its answer (case.request-accepted applies them); a refusal of a case we never
   * held has nothing to change.
   */
  private projects(event: Envelope, state: CaseState | undefined): boolean {
    if (event.source === this.region && isRequest(event.type) && state?.handlingRegion !== this.region) return false;
    return !(event.type === 'case.request-refused' && !state);
  }

  /** Applies a journaled event to the projection. */
  private project(event: Envelope): void {
    if (this.projects(event, this.projection.get(event.caseId))) this.projection.apply(event);
  }

  /**
   * The outcome for callers whose event the journal already holds: our own event again (a
   * retried request) gets the answer the journal has; a caller that sent another client request
   * under the same request id is refused at once.
   */
  private settleDuplicate(event: Envelope): void {
    const answer = this.requests.answerOf(event.id);
    if (event.source === this.region) {
      if (answer?.kind === 'pending') return this.settleConflicts(event.id);
      if (answer?.kind === 'refused') return this.settle(event.id, answer.problem);
    }
    const state = this.projection.get(event.caseId);
    if (state) this.settle(event.id, { ok: true, value: state });
  }

  /** The outcome a journaled event gives the caller waiting for it (or for the request it answers). */
  private settleFor(event: Envelope): void {
    if (this.requests.answerOf(event.id)?.kind === 'pending') return;
    if (event.source !== this.region && event.type === 'case.request-accepted') {
      const request = (event.payload as unknown as RequestAcceptedPayload).request;
      this.settle(request.id, { ok: true, value: this.projection.get(event.caseId)! });
    } else if (event.source !== this.region && event.type === 'case.request-refused') {
      this.settle((event.payload as unknown as RequestRefusedPayload).eventId, refusalProblem(event));
    }
    const state = this.projection.get(event.caseId);
    if (state) this.settle(event.id, { ok: true, value: state });
  }

  /** Gives the outcome to everyone waiting for the event; one who sent another client request under its id is refused. */
  private settle(eventId: string, outcome: Result<CaseState>): void {
    const waiting = this.waiters.get(eventId);
    if (!waiting) return;
    this.waiters.delete(eventId);
    const first = this.requests.requestOf(eventId);
    for (const waiter of waiting) waiter.resolve(requestConflict(first, waiter.request) ?? outcome);
  }

  /** Refuses, now, those waiting for the event who sent another client request than the journaled one. */
  private settleConflicts(eventId: string): void {
    const first = this.requests.requestOf(eventId);
    const waiting = this.waiters.get(eventId) ?? [];
    const staying = waiting.filter((waiter) => {
      const conflict = requestConflict(first, waiter.request);
      if (conflict) waiter.resolve(conflict);
      return !conflict;
    });
    if (staying.length > 0) this.waiters.set(eventId, staying);
    else this.waiters.delete(eventId);
  }

  private wait(eventId: string, waiter: Waiter): void {
    this.waiters.set(eventId, [...(this.waiters.get(eventId) ?? []), waiter]);
  }

  private unwait(eventId: string, waiter: Waiter): void {
    const staying = (this.waiters.get(eventId) ?? []).filter((w) => w !== waiter);
    if (staying.length > 0) this.waiters.set(eventId, staying);
    else this.waiters.delete(eventId);
  }

  private async deliver(records: readonly JournalRecord[]): Promise<void> {
    const byTarget = new Map<string, RecordInput[]>();
    for (const rec of records) {
      const list = byTarget.get(rec.event.target) ?? [];
      list.push({ id: rec.event.id, key: rec.event.caseId, value: encodeEnvelope(rec.event), headers: { [JWS_HEADER]: rec.eventJws } });
      byTarget.set(rec.event.target, list);
    }
    for (const [target, inputs] of byTarget) {
      await this.o.log.append(this.o.topics.inbox(target), inputs);
      this.o.counters.inc('xr_delivered_total', { target }, inputs.length);
    }
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
    const id = out.requestId === undefined ? newId() : requestId(this.region, out.requestId);
    const state = this.projection.get(out.caseId);
    // A request id the journal knows: its answer, rebuilt from the journal (also after a restart).
    if (this.requests.has(id)) {
      const conflict = requestConflict(this.requests.requestOf(id), out.request);
      if (conflict) return conflict;
      const answer = this.requests.answerOf(id);
      if (answer?.kind === 'refused') return answer.problem;
      if (answer?.kind === 'taken' && state) return out.type === 'case.submitted' ? this.receiptOf(out.caseId, id) : { ok: true, value: state };
    }
    const seq = Math.max(this.requests.lastSeq(out.caseId), state?.lastSeq[this.region] ?? 0, this.provisionalSeq.get(out.caseId) ?? 0) + 1;
    const event: Envelope = { id, type: out.type, v: out.v, caseId: out.caseId, seq, source: this.region, target: out.target, time: this.clock().toISOString(), payload: out.payload };
    const valid = validateEvent(event);
    if (!valid.ok) return valid;
    // The pipeline decides again; checking here answers the caller at once and keeps refused
    // requests of our own systems out of the quarantine.
    const decision = decide(state, event, this.decideContext(event.time));
    if (!decision.ok) return decision;
    this.provisionalSeq.set(out.caseId, seq);
    const signed = await this.sign(event);
    let waiter!: Waiter;
    const outcome = new Promise<Result<CaseState>>((resolve) => {
      const timer = setTimeout(() => {
        this.unwait(event.id, waiter);
        resolve(fail('XR_UNAVAILABLE', `no outcome for event ${event.id} within ${this.o.requestTimeoutMs ?? 15_000} ms; it may still be applied`));
      }, this.o.requestTimeoutMs ?? 15_000);
      waiter = {
        ...(out.request ? { request: out.request } : {}),
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      };
      this.wait(event.id, waiter);
    });
    try {
      await this.o.log.append(this.o.topics.inbox(this.region), [
        {
          id: event.id,
          key: event.caseId,
          value: signed.bytes,
          headers: { [JWS_HEADER]: signed.jws, ...(out.request ? { [REQUEST_HEADER]: encodeClientRequest(out.request) } : {}) },
          partition: partitionFor(event.caseId, this.o.partitions),
        },
      ]);
    } catch (error) {
      this.unwait(event.id, waiter);
      waiter.resolve(fail('XR_UNAVAILABLE', `could not write to the inbox: ${error instanceof Error ? error.message : String(error)}`));
    }
    const result = await outcome;
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
      const answer = this.requests.answerOf(submissionId);
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
    return request === undefined ? newId() : requestId(this.region, request, 'case');
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
