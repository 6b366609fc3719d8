/**
 * One region's gateway: a composition of the pure core and thin shells.
 *   inbox consumer (one batch per partition) → `step` (core/step.ts: checks, rules, reactions;
 *   no I/O) → quarantine and journal writer (the journal append is the commit point) → the state
 *   folds the written records in (`GatewayState.apply`, as a restart's replay does) → `outcomes`
 *   settle the waiting callers (shell/waiters.ts) → one outbox per partner delivers (shell/outbox.ts);
 *   beside it the checkpointer (shell/checkpointer.ts) signs the partitions' Merkle trees.
 * Requests from the region's own systems enter through the same inbox, signed by the region, so
 * everything that changes a case passes the same checks and lands in the journal the same way.
 */
import type { SigningKey } from '@xr/crypto';
import { caseDeadlines, chinaDate, type CaseDeadlines, type CaseState, type CatalogIndex, type DecideContext, type Envelope, type Result, type WorkingDayCalendar } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import { defaultTracer, type Counters, type Logger, type Tracer } from '@xr/observability';
import { GatewayState } from './core/state.js';
import type { CertificateIssuer, CertificateVerifier, Signed } from './core/step.js';
import { eventSigner, type EventSigner, type SigningMode } from './signing.js';
import { encodeEnvelope } from './journal-codec.js';
import type { CaseProjection } from './projection.js';
import { decodeQuarantine, type QuarantineEntry } from './quarantine.js';
import { DEFAULT_RECORD_LIMITS, type RecordLimits } from './record-limits.js';
import { Checkpointer } from './shell/checkpointer.js';
import type { SignedCheckpoint } from './core/checkpoints.js';
import { Intake, type OutgoingEvent } from './shell/intake.js';
import type { OutboxStatus } from './shell/outbox.js';
import { Pipeline } from './shell/pipeline.js';
import { Snapshots, snapshotKey } from './shell/snapshots.js';
import { Waiters } from './shell/waiters.js';
import type { OutsideWitness } from './shell/witness-client.js';
import type { Topics } from './topics.js';
import type { Trust } from './trust.js';

export type { OutgoingEvent } from './shell/intake.js';

export interface GatewayOptions {
  readonly region: string;
  readonly log: EventLog;
  readonly signer: SigningKey;
  /**
   * How our events are signed: `event` (a detached JWS each, the default) or `sealed` (one signed
   * note per batch to a partner, each event with its inclusion proof). Partners accept both.
   */
  readonly signing?: SigningMode;
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
  /** Issues the 电子证照 of this region's approvals (in the same journal append); absent: none is issued. */
  readonly certify?: CertificateIssuer;
  /** 证照免提交: verifies the certificates partners present as materials (the certificate desk's `verify`); absent: they are refused. */
  readonly verifyCertificate?: CertificateVerifier;
  /**
   * Signed checkpoints of the journal partitions on `<prefix>.checkpoints`: how often (default 2 s)
   * and which outside tlog-witnesses to submit them to (default none).
   */
  readonly checkpoints?: { readonly intervalMs?: number; readonly witnesses?: readonly OutsideWitness[]; readonly witnessTimeoutMs?: number };
  /** OpenTelemetry tracer of the hops (inbox publish, pipeline, delivery); default the API's (records nothing without an SDK). */
  readonly tracer?: Tracer;
  /**
   * Snapshots of the state in a local directory (shell/snapshots.ts): written every `intervalMs`
   * (default 5 min) when the journal grew and at stop; a start restores the newest one that checks
   * against the journal and replays only the tail. Absent: every start replays the whole journal.
   */
  readonly snapshots?: { readonly dir: string; readonly intervalMs?: number };
}

export class ExchangeGateway {
  readonly region: string;
  /** Everything known, folded from the journal only. */
  private readonly state: GatewayState;
  private readonly pipeline: Pipeline;
  private readonly intake: Intake;
  private readonly checkpointer: Checkpointer;
  private readonly snapshots: Snapshots | undefined;
  private readonly clock: () => Date;
  private readonly signer: EventSigner;
  /** Deadlines by case state (see `deadlines`); a state no longer held is forgotten with it. */
  private readonly deadlineMemo = new WeakMap<CaseState, { today: string; calendar: WorkingDayCalendar; item: unknown; value: CaseDeadlines }>();

  constructor(private readonly o: GatewayOptions) {
    this.region = o.region;
    this.clock = o.clock ?? (() => new Date());
    this.signer = eventSigner(o.signing ?? 'event', o.signer);
    this.state = new GatewayState(o.region, o.partitions);
    const waiters = new Waiters((id) => this.state.ledger.requestOf(id));
    // Sequence numbers given to our requests not journaled yet: a hint the intake and the pipeline share.
    const provisionalSeq = new Map<string, number>();
    const shared = { region: o.region, log: o.log, topics: o.topics, partitions: o.partitions, keys: o.keys, state: this.state, waiters, provisionalSeq, tracer: o.tracer ?? defaultTracer() };
    const limits: RecordLimits = { ...DEFAULT_RECORD_LIMITS, ...o.limits };
    const sign = (event: Envelope): Promise<Signed> => this.sign(event);
    const c = o.checkpoints;
    this.checkpointer = new Checkpointer({
      ...shared,
      signer: o.signer,
      logger: o.logger,
      counters: o.counters,
      ...(c?.intervalMs === undefined ? {} : { intervalMs: c.intervalMs }),
      ...(c?.witnesses === undefined ? {} : { witnesses: c.witnesses }),
      ...(c?.witnessTimeoutMs === undefined ? {} : { witnessTimeoutMs: c.witnessTimeoutMs }),
    });
    const snapshots = o.snapshots;
    this.snapshots = snapshots
      ? new Snapshots({
          ...shared,
          journal: o.topics.journal(o.region),
          dir: snapshots.dir,
          key: snapshotKey(o.signer),
          logger: o.logger,
          counters: o.counters,
          clock: this.clock,
          hold: (write) => this.pipeline.exclusive(write),
          ...(snapshots.intervalMs === undefined ? {} : { intervalMs: snapshots.intervalMs }),
        })
      : undefined;
    this.pipeline = new Pipeline({
      ...shared,
      logger: o.logger,
      counters: o.counters,
      limits,
      afterReplay: () => this.checkpointer.prepare(),
      ...(this.snapshots ? { restore: () => this.snapshots!.restore() } : {}),
      stepContext: () => {
        const now = this.clock().toISOString();
        return { self: o.region, limits, trust: o.keys, now, decide: this.decideContext(now), signAll: (items) => this.signer.signAll(items), ...(o.certify ? { certify: o.certify } : {}), ...(o.verifyCertificate ? { verifyCertificate: o.verifyCertificate } : {}) };
      },
    });
    this.intake = new Intake({
      ...shared,
      clock: this.clock,
      decideContext: (now) => this.decideContext(now),
      sign,
      ...(o.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: o.requestTimeoutMs }),
      ...(o.receiptTimeoutMs === undefined ? {} : { receiptTimeoutMs: o.receiptTimeoutMs }),
    });
  }

  /** Replays the journal and opens for reads; the inbox pipeline starts in the background. */
  async start(): Promise<void> {
    await this.pipeline.start();
    this.checkpointer.start();
    this.snapshots?.start();
  }

  /** Drains the pipeline, then signs the last checkpoints (covering the whole journal) and writes the last snapshot. */
  async stop(): Promise<void> {
    await this.pipeline.stop();
    await this.checkpointer.stop();
    await this.snapshots?.stop();
  }

  /** Writes a state snapshot now (when snapshots are configured): what the timer does. */
  async snapshot(): Promise<void> {
    await this.snapshots?.write();
  }

  /** The latest signed checkpoint of each journal partition (undefined before its first). */
  checkpoints(): readonly (SignedCheckpoint | undefined)[] {
    return this.checkpointer.latestCheckpoints();
  }

  /** A request from this region's own systems; resolves with the journal's outcome. */
  async request(out: OutgoingEvent): Promise<Result<CaseState>> {
    const started = performance.now();
    const result = await this.intake.request(out);
    // From the call to its journaled outcome (accepted or refused), the latency a hall feels.
    this.o.counters.observe('xr_submit_to_journal_seconds', { outcome: result.ok ? 'journaled' : 'refused' }, (performance.now() - started) / 1000);
    return result;
  }

  /** A new case id; with a client request id, the same one every time that request is retried. */
  newCaseId(request?: string): string {
    return this.intake.newCaseId(request);
  }

  /** The cases as this region's journal has them (watchable). */
  get projection(): CaseProjection {
    return this.state.cases;
  }

  getCase(caseId: string): CaseState | undefined {
    return this.state.cases.get(caseId);
  }

  /** Whether the inbox pipeline runs (false while it joins its group after a start). */
  get pipelineRunning(): boolean {
    return this.pipeline.running;
  }

  /** Each partner's outbox: backlog, deliveries, last failure. */
  outboxStatus(): OutboxStatus[] {
    return this.pipeline.outboxStatus();
  }

  /** Counters of this gateway: records accepted, duplicates, quarantined by reason, deliveries. */
  get counters(): Counters {
    return this.o.counters;
  }

  /**
   * The licensing law's deadlines of a case as of `today` (a China date), when a calendar is
   * configured. Computed once per case state, day, calendar and catalog item (a case state is
   * immutable: each event makes a new one), so reads — ListCases' overdue and at-risk filters over
   * every case, WatchCase updates — do not walk the calendar again.
   */
  deadlines(state: CaseState, today = chinaDate(this.clock().toISOString())): CaseDeadlines | undefined {
    if (!this.o.calendar || today === undefined) return undefined;
    const calendar = this.o.calendar();
    const item = this.o.catalogs?.item(state.handlingRegion, state.itemCode);
    const memo = this.deadlineMemo.get(state);
    if (memo && memo.today === today && memo.calendar === calendar && memo.item === item) return memo.value;
    const value = caseDeadlines(state, {
      calendar,
      today,
      ...(item ? { legalDays: item.legalDays, promisedDays: state.promisedDays ?? item.promisedDays } : {}),
    });
    this.deadlineMemo.set(state, { today, calendar, item, value });
    return value;
  }

  /** The region's quarantine, oldest first; an entry written twice (a batch run again) is listed once. */
  async quarantine(limit = 1000): Promise<QuarantineEntry[]> {
    const records = await this.o.log.read(this.o.topics.quarantine(this.region), 0, 0, limit);
    const seen = new Set<string>();
    return records.filter((r) => !seen.has(r.id) && seen.add(r.id)).map(decodeQuarantine);
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

  private async sign(event: Envelope): Promise<Signed> {
    const bytes = encodeEnvelope(event);
    return { event, bytes, proof: await this.signer.sign({ event, bytes }) };
  }
}
