/**
 * Requests from the region's own systems: checked at once (partner, schema, transition) so the
 * caller hears of a mistake without a round trip, then signed into our own inbox, where the
 * pipeline judges them like any other record; the caller waits for the journal's outcome.
 */
import { SpanKind, type Tracer } from '@xr/observability';
import { startHop, traceHeader } from '../trace.js';
import { decide, fail, type CaseState, type DecideContext, type Envelope, type Result } from '@xr/domain';
import { partitionFor, type EventLog } from '@xr/event-log';
import { validateEvent } from '@xr/schemas';
import type { GatewayState } from '../core/state.js';
import type { Signed } from '../core/step.js';
import { legacyRequestId, newId, requestId } from '../ids.js';
import { encodeClientRequest, requestConflict, REQUEST_HEADER, type ClientRequest } from '../requests.js';
import { proofHeaders } from '../signing.js';
import type { Topics } from '../topics.js';
import type { Trust } from '../trust.js';
import type { Waiters } from './waiters.js';

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
  /** W3C traceparent of the client's call: the trace follows the event through both regions. */
  readonly traceparent?: string;
}

export interface IntakeOptions {
  readonly region: string;
  readonly log: EventLog;
  readonly topics: Topics;
  readonly partitions: number;
  readonly keys: Trust;
  readonly state: GatewayState;
  readonly waiters: Waiters;
  readonly provisionalSeq: Map<string, number>;
  readonly clock: () => Date;
  readonly decideContext: (now: string) => DecideContext;
  readonly sign: (event: Envelope) => Promise<Signed>;
  readonly requestTimeoutMs?: number;
  readonly receiptTimeoutMs?: number;
  readonly tracer: Tracer;
}

export class Intake {
  constructor(private readonly o: IntakeOptions) {}

  /**
   * A request from this region's own systems: checked here first (schema, partner, transition),
   * then signed into our inbox; resolves when the pipeline has journaled it or refused it.
   */
  async request(out: OutgoingEvent): Promise<Result<CaseState>> {
    if (!this.o.keys.regions().has(out.target) && this.o.keys.catchUp) await this.o.keys.catchUp();
    if (!this.o.keys.regions().has(out.target) || out.target === this.o.region) {
      return fail('XR_PARTNER_UNKNOWN', `${out.target} is not a partner region of ${this.o.region}`, 'target');
    }
    const id = out.requestId === undefined ? newId() : this.requestEventId(out.requestId);
    const state = this.o.state.cases.get(out.caseId);
    // A request id the journal knows: its answer, rebuilt from the journal (also after a restart).
    if (this.o.state.ledger.has(id)) {
      const conflict = requestConflict(this.o.state.ledger.requestOf(id), out.request);
      if (conflict) return conflict;
      const answer = this.o.state.ledger.answerOf(id);
      if (answer?.kind === 'refused') return answer.problem;
      if (answer?.kind === 'taken' && state) return out.type === 'case.submitted' ? this.receiptOf(out.caseId, id) : { ok: true, value: state };
    }
    const seq = Math.max(this.o.state.ledger.lastSeq(out.caseId), state?.lastSeq[this.o.region] ?? 0, this.o.provisionalSeq.get(out.caseId) ?? 0) + 1;
    const event: Envelope = { id, type: out.type, v: out.v, caseId: out.caseId, seq, source: this.o.region, target: out.target, time: this.o.clock().toISOString(), payload: out.payload };
    const valid = validateEvent(event);
    if (!valid.ok) return valid;
    // The pipeline decides again; checking here answers the caller at once and keeps refused
    // requests of our own systems out of the quarantine.
    const decision = decide(state, event, this.o.decideContext(event.time));
    if (!decision.ok) return decision;
    this.o.provisionalSeq.set(out.caseId, seq);
    const signed = await this.o.sign(event);
    const timeoutMs = this.o.requestTimeoutMs ?? 15_000;
    const inbox = this.o.topics.inbox(this.o.region);
    // The span of writing the request into our inbox: a child of the gRPC call, parent of the pipeline's.
    const hop = startHop(this.o.tracer, `publish ${inbox}`, out.traceparent, {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': this.o.log.kind, 'messaging.operation.type': 'send', 'messaging.destination.name': inbox, 'xr.region': this.o.region, 'xr.case_id': event.caseId, 'xr.event.id': event.id, 'xr.event.type': event.type },
    });
    let result: Result<CaseState>;
    try {
      result = await this.o.waiters.wait(event.id, out.request, timeoutMs, async () => {
        try {
          await this.o.log.append(inbox, [
            {
              id: event.id,
              key: event.caseId,
              value: signed.bytes,
              headers: { ...proofHeaders(signed.proof), ...(out.request ? { [REQUEST_HEADER]: encodeClientRequest(out.request) } : {}), ...traceHeader(hop?.traceparent) },
              partition: partitionFor(event.caseId, this.o.partitions),
            },
          ]);
        } catch (error) {
          hop?.end({ code: 'XR_UNAVAILABLE', message: error instanceof Error ? error.message : String(error) });
          throw error;
        }
        hop?.end();
      });
    } finally {
      hop?.end();
    }
    // A new case: the handling region answers with 签收 or a refusal naming what is wrong (its
    // catalog, a missing material); wait a moment for it, else the case is simply on its way.
    if (out.type === 'case.submitted' && result.ok) return this.receiptOf(out.caseId, event.id);
    return result;
  }

  /** The handling region's answer to a submission, or the case as it stands after `receiptTimeoutMs`. */
  private receiptOf(caseId: string, submissionId: string): Promise<Result<CaseState>> {
    const answered = (): Result<CaseState> | undefined => {
      const state = this.o.state.cases.get(caseId);
      if (!state) return undefined;
      const answer = this.o.state.ledger.answerOf(submissionId);
      if (answer?.kind === 'refused') return answer.problem;
      return state.status === 'submitted' ? undefined : { ok: true, value: state };
    };
    const now = answered();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        unwatch();
        resolve(answered() ?? { ok: true, value: this.o.state.cases.get(caseId)! });
      };
      const timer = setTimeout(finish, this.o.receiptTimeoutMs ?? 5_000);
      const unwatch = this.o.state.cases.watch(caseId, () => {
        if (answered()) finish();
      });
    });
  }

  /** A new case id; with a client request id, the same one every time that request is retried. */
  newCaseId(request?: string): string {
    if (request === undefined) return newId();
    const legacy = legacyRequestId(this.o.region, request, 'case');
    return this.o.state.cases.get(legacy) ? legacy : requestId(this.o.region, request, 'case');
  }

  /** The event id of a client request: the one the journal holds from before the UUIDv8 ids, if any. */
  private requestEventId(request: string): string {
    const legacy = legacyRequestId(this.o.region, request);
    return this.o.state.ledger.has(legacy) ? legacy : requestId(this.o.region, request);
  }
}
