/**
 * What this region's journal says about its own events: the last sequence number it used on each
 * case, the answer each of its events got (its requests wait for the handling region's), and the
 * client request that made each one. Folded from journal records only, so a restart at any point
 * rebuilds the same state; nothing here decides from memory the journal does not hold.
 */
import { canonicalBytes, sha256Hex } from '@xr/crypto';
import { asCaseEvent, fail, isRequest, isXrErrorCode, type Envelope, type JournalRecord, type Problem } from '@xr/domain';
import type { LogRecord } from '@xr/event-log';

/** The inbox header that carries a client request's RPC and fingerprint with our own event. */
export const REQUEST_HEADER = 'xr-request';

const utf8 = new TextDecoder();

/** Which client request made an event: the RPC and a hash of what the client sent (not of the envelope). */
export interface ClientRequest {
  readonly rpc: string;
  readonly fingerprint: string;
}

/** How one of our events stands: waiting for the handling region's answer, taken, or refused. */
export type Answer = { readonly kind: 'pending' } | { readonly kind: 'taken' } | { readonly kind: 'refused'; readonly problem: Refused };

type Refused = { readonly ok: false } & Problem;

export interface OwnEvent {
  readonly request?: ClientRequest;
  answer: Answer;
}

/**
 * The fingerprint of a client request: SHA-256 of the canonical JSON of the RPC name and the
 * request without its request id. Defaults the gateway fills in (a time) are not part of it, so
 * an unchanged retry has the same fingerprint.
 */
export function requestFingerprint(rpc: string, request: object): ClientRequest {
  const { requestId: _omitted, ...body } = request as Record<string, unknown>;
  return { rpc, fingerprint: sha256Hex(canonicalBytes({ rpc, body })) };
}

export function encodeClientRequest(request: ClientRequest): string {
  return `${request.rpc} ${request.fingerprint}`;
}

/** The header value as sent with our own event; anything else is no client request. */
export function decodeClientRequest(header: string | undefined): ClientRequest | undefined {
  const match = header === undefined ? null : /^([A-Za-z]{1,64}) ([0-9a-f]{64})$/.exec(header);
  return match ? { rpc: match[1]!, fingerprint: match[2]! } : undefined;
}

/** The problem a partner's refusal of our request stands for, with its stable code. */
export function refusalProblem(event: Envelope): Refused {
  const typed = asCaseEvent(event);
  const refusal = typed?.type === 'case.request-refused' ? typed.payload : { type: event.type, code: '', message: 'refused' };
  const code = isXrErrorCode(refusal.code) ? refusal.code : 'XR_CASE_ILLEGAL_TRANSITION';
  const field = typed?.type === 'case.request-refused' ? typed.payload.field : undefined;
  return fail(code, `${event.source} refused ${refusal.type}: ${refusal.message}`, field);
}

/** Why a client request may not reuse the event an earlier request with the same id made, if it may not. */
export function requestConflict(first: ClientRequest | undefined, now: ClientRequest | undefined): Refused | undefined {
  if (!first || !now || (first.rpc === now.rpc && first.fingerprint === now.fingerprint)) return undefined;
  const why = first.rpc === now.rpc ? `for a ${now.rpc} request with another body` : `for ${first.rpc}, not ${now.rpc}`;
  return fail('XR_REQUEST_CONFLICT', `this request_id was already used ${why}; a new request needs a new request_id`, 'request_id');
}

/**
 * The highest sequence number per case of our own events among inbox records (those signed
 * before a stop and not journaled yet). Unverified: it only keeps a new request off those numbers.
 */
export function inFlightSeqs(records: readonly LogRecord[], self: string): Map<string, number> {
  const seqs = new Map<string, number>();
  for (const r of records) {
    let event: Partial<Envelope>;
    try {
      event = JSON.parse(utf8.decode(r.value)) as Partial<Envelope>;
    } catch {
      continue;
    }
    if (event?.source !== self || typeof event.caseId !== 'string' || typeof event.seq !== 'number') continue;
    seqs.set(event.caseId, Math.max(event.seq, seqs.get(event.caseId) ?? 0));
  }
  return seqs;
}

/** Everything a RequestLedger folded, as a snapshot stores it. */
export interface LedgerImage {
  readonly lastSeqs: ReadonlyMap<string, number>;
  readonly own: ReadonlyMap<string, OwnEvent>;
}

export class RequestLedger {
  /** case id → the highest sequence number we journaled on it. */
  private lastSeqs = new Map<string, number>();
  /** our event id → its case, the client request that made it and its answer. */
  private own = new Map<string, OwnEvent>();

  constructor(private readonly self: string) {}

  /** Folds one journal record in (records of a case arrive in journal order). */
  apply(record: JournalRecord): void {
    const event = record.event;
    if (event.source === this.self) {
      this.lastSeqs.set(event.caseId, Math.max(this.lastSeqs.get(event.caseId) ?? 0, event.seq));
      // Our requests to the handling region wait for its answer; what we decide ourselves is taken.
      const asks = event.target !== this.self && isRequest(event.type);
      if (!this.own.has(event.id)) this.own.set(event.id, { ...(record.request ? { request: record.request } : {}), answer: { kind: asks ? 'pending' : 'taken' } });
      return;
    }
    const typed = asCaseEvent(event);
    if (typed?.type === 'case.request-accepted') this.answer(typed.payload.request.id, { kind: 'taken' });
    // The handling region refuses a request, or a submission (its catalog, a missing material).
    if (typed?.type === 'case.request-refused') this.answer(typed.payload.eventId, { kind: 'refused', problem: refusalProblem(event) });
  }

  /** What it folded, live (a snapshot reads it while nothing is applied). */
  image(): LedgerImage {
    return { lastSeqs: this.lastSeqs, own: this.own };
  }

  /** Takes over a loaded snapshot's maps (at start, before anything is applied). */
  restore(image: { readonly lastSeqs: Map<string, number>; readonly own: Map<string, OwnEvent> }): void {
    this.lastSeqs = image.lastSeqs;
    this.own = image.own;
  }

  private answer(eventId: string, answer: Answer): void {
    const own = this.own.get(eventId);
    if (own) own.answer = answer;
  }

  /** The highest sequence number we journaled on a case (0: none). */
  lastSeq(caseId: string): number {
    return this.lastSeqs.get(caseId) ?? 0;
  }

  /** Whether the journal holds this event of ours. */
  has(eventId: string): boolean {
    return this.own.has(eventId);
  }

  answerOf(eventId: string): Answer | undefined {
    return this.own.get(eventId)?.answer;
  }

  /** The client request that made an event of ours, when the journal names one. */
  requestOf(eventId: string): ClientRequest | undefined {
    return this.own.get(eventId)?.request;
  }
}
