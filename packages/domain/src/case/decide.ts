/**
 * decide(state, event) → what follows, or why not; evolve(state, event) → the next state.
 * Pure: no clock, no I/O. The pipeline calls decide before journaling an event, evolve after.
 */
import type { Envelope } from '../envelope.js';
import { fail, type Problem } from '../errors.js';
import type { CaseState, ReceivedPayload, SubmittedPayload } from './model.js';
import { TRANSITIONS } from './transitions.js';

/** An event the deciding region emits in reaction; the pipeline fills id, seq, time and source. */
export interface EventDraft {
  readonly type: string;
  readonly v: number;
  readonly target: string;
  readonly payload: Record<string, unknown>;
}

export type Decision = { readonly ok: true; readonly emit: readonly EventDraft[] } | ({ readonly ok: false } & Problem);

export interface DecideContext {
  /** The region whose gateway decides. */
  readonly self: string;
  /** Now, as RFC 3339, from the injected clock. */
  readonly now: string;
}

function sideOf(state: CaseState | undefined, event: Envelope): { receiving: string; handling: string } {
  if (state) return { receiving: state.receivingRegion, handling: state.handlingRegion };
  return { receiving: event.source, handling: event.target };
}

export function decide(state: CaseState | undefined, event: Envelope, ctx: DecideContext): Decision {
  const rule = TRANSITIONS[event.type];
  if (!rule) return fail('XR_EVENT_TYPE_UNKNOWN', `unknown event type ${event.type}`, 'type');
  const current = state?.status ?? 'none';
  if (!rule.from.includes(current)) {
    return current === 'none'
      ? fail('XR_CASE_NOT_FOUND', `case ${event.caseId} does not exist; ${event.type} needs one of: ${rule.from.join(', ')}`, 'caseId')
      : fail('XR_CASE_ILLEGAL_TRANSITION', `${event.type} is not allowed while the case is ${current}`, 'type');
  }
  const sides = sideOf(state, event);
  const sender = rule.by === 'receiving' ? sides.receiving : sides.handling;
  if (event.source !== sender) {
    return fail('XR_CASE_ILLEGAL_TRANSITION', `${event.type} is sent by the ${rule.by} region ${sender}, not ${event.source}`, 'source');
  }
  const last = state?.lastSeq[event.source] ?? 0;
  if (event.seq <= last) return fail('XR_DUPLICATE', `sequence ${event.seq} from ${event.source} was already applied`, 'seq');
  if (sides.receiving === sides.handling) return fail('XR_BAD_REQUEST', 'the receiving and handling regions must differ', 'target');
  const emit: EventDraft[] = [];
  // 签收: the handling region acknowledges every case it takes in, at once.
  if (event.type === 'case.submitted' && ctx.self === sides.handling) {
    emit.push({ type: 'case.received', v: 1, target: sides.receiving, payload: { receivedAt: ctx.now } satisfies ReceivedPayload });
  }
  return { ok: true, emit };
}

export function evolve(state: CaseState | undefined, event: Envelope): CaseState {
  const rule = TRANSITIONS[event.type];
  if (!rule) throw new TypeError(`evolve: unknown event type ${event.type}`);
  const entry = { eventId: event.id, type: event.type, source: event.source, at: event.time, status: rule.to };
  const lastSeq = { ...(state?.lastSeq ?? {}), [event.source]: event.seq };
  if (event.type === 'case.submitted') {
    const p = event.payload as unknown as SubmittedPayload;
    return {
      caseId: event.caseId,
      status: rule.to,
      itemCode: p.item.code,
      itemName: p.item.name,
      receivingRegion: event.source,
      handlingRegion: event.target,
      applicant: p.applicant,
      materials: p.materials,
      submittedAt: p.intake.receivedAt,
      updatedAt: event.time,
      history: [entry],
      lastSeq,
    };
  }
  if (!state) throw new TypeError(`evolve: ${event.type} needs an existing case`);
  return { ...state, status: rule.to, updatedAt: event.time, history: [...state.history, entry], lastSeq };
}
