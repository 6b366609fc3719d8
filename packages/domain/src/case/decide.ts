/**
 * decide(state, event) → what follows, or why not; evolve(state, event) → the next state.
 * Pure: no clock, no I/O. The pipeline calls decide before journaling an event, evolve after.
 * Both regions decide every event of a case; the handling region is the authority, so catalog
 * and deadline rules run only there (the receiving region mirrors what the authority journaled).
 */
import type { WorkingDayCalendar } from '../calendar/working-days.js';
import type { ItemLookup } from '../catalog/model.js';
import type { Envelope } from '../envelope.js';
import { fail, type Problem } from '../errors.js';
import { chinaDate } from './china-date.js';
import { asCaseEvent, isCaseEventType, type CaseEvent, type CaseEventType, type PayloadOf } from './events.js';
import type { CaseState, Material, PresentedCertificate, ReceivedPayload } from './model.js';
import { approved, delivered, denied, extended, terminated } from './rules-decision.js';
import { checkIntake } from './rules-intake.js';
import { checkPresented, type CertificateVerdicts } from './rules-presented.js';
import { accepted, materialsCompleted, supplemented, supplementRequested } from './rules-review.js';
import type { EventRule, Refusal, RuleClock } from './rule-kit.js';
import { isRequest, TRANSITIONS } from './transitions.js';
import type { RequestAcceptedPayload, RequestRefusedPayload } from './payloads.js';

export { evolve } from './evolve.js';

/** An event the deciding region emits in reaction; the pipeline fills id, seq, time and source. */
export type EventDraft = { [T in CaseEventType]: { readonly type: T; readonly v: 1; readonly target: string; readonly payload: PayloadOf<T> } }[CaseEventType];

export type Decision = { readonly ok: true; readonly emit: readonly EventDraft[] } | ({ readonly ok: false } & Problem);

export interface DecideContext {
  /** The region whose gateway decides. */
  readonly self: string;
  /** Now, as RFC 3339, from the injected clock. */
  readonly now: string;
  /**
   * The handling region's catalog. When given and this region handles the case, 收件 is checked
   * against it (an item it does not list is XR_ITEM_UNKNOWN) and 承诺时限 against 法定时限.
   * Absent: no catalog checks.
   */
  readonly item?: ItemLookup;
  /** Working-day calendar for the Art. 32 and 容缺 deadline rules. Absent: no deadline rules. */
  readonly calendar?: WorkingDayCalendar;
  /**
   * 证照免提交: the handling region's verdicts on the certificates the event being decided presents
   * (by compact JWS), judged before decide by its verifier. At the handling region a presented
   * certificate without a verdict is refused (XR_CERT_UNVERIFIABLE).
   */
  readonly verdicts?: CertificateVerdicts;
}

/** The events whose materials may present certificates (证照免提交). */
const PRESENTING = new Set<string>(['case.submitted', 'case.supplemented', 'case.materials-completed']);

/** The materials an event hands over, when it is one that may present certificates. */
export function materialsOf(event: Envelope): readonly Material[] {
  if (!PRESENTING.has(event.type)) return [];
  const materials = (event.payload as { materials?: unknown }).materials;
  return Array.isArray(materials) ? (materials as Material[]) : [];
}

const RULES: { readonly [T in CaseEventType]?: EventRule<T> } = {
  'case.supplement-requested': supplementRequested,
  'case.supplemented': supplemented,
  'case.accepted': accepted,
  'case.materials-completed': materialsCompleted,
  'case.extended': extended,
  'case.approved': approved,
  'case.denied': denied,
  'case.delivered': delivered,
  'case.terminated': terminated,
};

function ruleOf<T extends CaseEventType>(type: T): EventRule<T> | undefined {
  return RULES[type];
}

function sideOf(state: CaseState | undefined, event: Envelope): { receiving: string; handling: string } {
  if (state) return { receiving: state.receivingRegion, handling: state.handlingRegion };
  return { receiving: event.source, handling: event.target };
}

/** Rules that allow something once per case; they name the rule whatever the state. */
function onceOnly(state: CaseState | undefined, type: string): string | undefined {
  if (state === undefined) return undefined;
  if (type === 'case.supplement-requested' && state.supplement) {
    return `Art. 32 一次告知: everything to supplement goes into one notice, and it was sent at ${state.supplement.requestedAt}`;
  }
  if (type === 'case.extended' && state.extension) {
    return `Art. 42 allows the decision limit to be extended once only; ${state.extension.days} working days were granted at ${state.extension.at}`;
  }
  if (type === 'case.rated' && state.rating) return `好差评 is once per transaction; the case was rated ${state.rating.level} at ${state.rating.at}`;
  return undefined;
}

function illegal(state: CaseState | undefined, event: CaseEvent): Refusal | undefined {
  const rule = TRANSITIONS[event.type];
  const current = state?.status ?? 'none';
  const once = onceOnly(state, event.type);
  if (once !== undefined) return fail('XR_CASE_ILLEGAL_TRANSITION', `${event.type} is not allowed while the case is ${current}: ${once}`, 'type');
  if (rule.from.includes(current)) return undefined;
  if (current === 'none') {
    return fail('XR_CASE_NOT_FOUND', `case ${event.caseId} does not exist; ${event.type} needs one of: ${rule.from.join(', ')}`, 'caseId');
  }
  const why = rule.note === undefined ? '' : ` (${rule.note})`;
  return fail('XR_CASE_ILLEGAL_TRANSITION', `${event.type} is not allowed while the case is ${current}${why}`, 'type');
}

/** The authority's answer to a request: from the handling region, about the request's own case. */
function confirmation(state: CaseState | undefined, event: CaseEvent): Decision {
  const handling = state?.handlingRegion ?? event.source;
  if (event.source !== handling) return fail('XR_CASE_ILLEGAL_TRANSITION', `${event.type} is sent by the handling region ${handling}, not ${event.source}`, 'source');
  if (event.type === 'case.request-accepted') {
    if (!state) return fail('XR_CASE_NOT_FOUND', `case ${event.caseId} does not exist`, 'caseId');
    const request = event.payload.request;
    if (request.caseId !== event.caseId || request.source !== state.receivingRegion || !isRequest(request.type)) {
      return fail('XR_BAD_REQUEST', 'case.request-accepted must carry a request of this case from its receiving region', '/payload/request');
    }
  }
  const last = state?.lastSeq[event.source] ?? 0;
  if (event.seq <= last) return fail('XR_DUPLICATE', `sequence ${event.seq} from ${event.source} was already applied`, 'seq');
  return { ok: true, emit: [] };
}

export function decide(state: CaseState | undefined, envelope: Envelope, ctx: DecideContext): Decision {
  const event = asCaseEvent(envelope);
  if (!event) return fail('XR_EVENT_TYPE_UNKNOWN', `unknown event type ${envelope.type}${isCaseEventType(envelope.type) ? ` v${envelope.v}` : ''}`, 'type');
  const rule = TRANSITIONS[event.type];
  if (event.type === 'case.request-accepted' || event.type === 'case.request-refused') return confirmation(state, event);
  const refused = illegal(state, event);
  if (refused) return refused;
  const sides = sideOf(state, event);
  const sender = rule.by === 'receiving' ? sides.receiving : sides.handling;
  if (event.source !== sender) {
    return fail('XR_CASE_ILLEGAL_TRANSITION', `${event.type} is sent by the ${rule.by} region ${sender}, not ${event.source}`, 'source');
  }
  const last = state?.lastSeq[event.source] ?? 0;
  if (event.seq <= last) return fail('XR_DUPLICATE', `sequence ${event.seq} from ${event.source} was already applied`, 'seq');
  if (sides.receiving === sides.handling) return fail('XR_BAD_REQUEST', 'the receiving and handling regions must differ', 'target');

  const authority = ctx.self === sides.handling;
  let clock: RuleClock | undefined;
  if (authority && ctx.calendar) {
    const today = chinaDate(ctx.now);
    if (today === undefined) return fail('XR_INTERNAL', `the decide context's time ${ctx.now} is not RFC 3339`, 'now');
    clock = { calendar: ctx.calendar, today };
  }
  const item = authority ? ctx.item : undefined;

  if (!state) {
    // 收件 (the one event the table lets open a case), at the handling region: against its catalog, then 签收 at once.
    if (!authority || event.type !== 'case.submitted') return { ok: true, emit: [] };
    const bad = item ? checkIntake(event.payload, sides.handling, item) : undefined;
    if (bad) return bad;
    const presented = checkPresented({ materials: event.payload.materials, handling: sides.handling, verdicts: ctx.verdicts, item: item?.(sides.handling, event.payload.item.code), now: ctx.now });
    if (!presented.ok) return presented;
    return { ok: true, emit: [{ type: 'case.received', v: 1, target: sides.receiving, payload: { receivedAt: ctx.now, ...recorded(presented.certificates) } satisfies ReceivedPayload }] };
  }
  const bad = ruleOf(event.type)?.({ state, event, ...(item ? { item } : {}), ...(clock ? { clock } : {}) });
  if (bad) return bad;
  // The authority confirms each request it takes, so the receiving region's copy follows.
  if (authority && isRequest(event.type)) {
    const presented = checkPresented({ materials: materialsOf(envelope), handling: sides.handling, verdicts: ctx.verdicts, item: item?.(sides.handling, state.itemCode), now: ctx.now });
    if (!presented.ok) return presented;
    return { ok: true, emit: [{ type: 'case.request-accepted', v: 1, target: sides.receiving, payload: { request: envelope, ...recorded(presented.certificates) } satisfies RequestAcceptedPayload }] };
  }
  return { ok: true, emit: [] };
}

/** The accepted certificates as an answer's payload records them (absent when none was presented). */
function recorded(certificates: readonly PresentedCertificate[]): { certificates?: readonly PresentedCertificate[] } {
  return certificates.length === 0 ? {} : { certificates };
}

/** The longest message a case.request-refused carries (its schema's maxLength). */
const REFUSAL_MESSAGE_MAX = 1000;

/** What the authority sends back when it refuses a request (the receiving region's copy stays). */
export function refusalOf(request: Envelope, problem: Problem): EventDraft {
  return {
    type: 'case.request-refused',
    v: 1,
    target: request.source,
    payload: {
      eventId: request.id,
      type: request.type,
      code: problem.code,
      // The schema's bound: a refusal listing many reasons is cut, never made unsendable.
      message: [...problem.message].length > REFUSAL_MESSAGE_MAX ? `${[...problem.message].slice(0, REFUSAL_MESSAGE_MAX - 1).join('')}…` : problem.message,
      ...(problem.field !== undefined && problem.field.length <= 200 ? { field: problem.field } : {}),
    } satisfies RequestRefusedPayload,
  };
}
