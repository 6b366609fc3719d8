/**
 * What callers waiting for events get once a step's output is written and folded into the state:
 * computed from the state alone (the journal's word), so a caller reconnecting after a restart
 * gets the same answer as one who waited.
 */
import { asCaseEvent, type CaseState, type Result, type Envelope } from '@xr/domain';
import { refusalProblem } from '../requests.js';
import type { GatewayState } from './state.js';
import type { StepOutput } from './step.js';

export type Settlement =
  /** Everyone waiting for the event gets the outcome (a caller who sent another client request under its id is refused). */
  | { readonly kind: 'settle'; readonly eventId: string; readonly outcome: Result<CaseState> }
  /** The event waits for the handling region's answer; only callers who sent another client request are refused now. */
  | { readonly kind: 'conflicts'; readonly eventId: string };

/** The settlements of a written step, in order, against the state after it. */
export function outcomes(state: GatewayState, out: StepOutput): Settlement[] {
  const settlements: Settlement[] = [];
  const caseOutcome = (eventId: string, caseId: string): void => {
    const value = state.cases.get(caseId);
    if (value) settlements.push({ kind: 'settle', eventId, outcome: { ok: true, value } });
  };
  for (const { record } of out.journal) {
    const event = record.event;
    if (state.ledger.answerOf(event.id)?.kind === 'pending') continue;
    const typed = event.source === state.self ? undefined : asCaseEvent(event);
    if (typed?.type === 'case.request-accepted') {
      caseOutcome(typed.payload.request.id, event.caseId);
    } else if (typed?.type === 'case.request-refused') {
      settlements.push({ kind: 'settle', eventId: typed.payload.eventId, outcome: refusalProblem(event) });
    }
    caseOutcome(event.id, event.caseId);
  }
  for (const event of out.duplicates) settlements.push(...duplicateOutcome(state, event));
  for (const q of out.quarantine) {
    if (q.eventId) settlements.push({ kind: 'settle', eventId: q.eventId, outcome: { ok: false, code: q.entry.code, message: q.entry.message, ...(q.entry.field ? { field: q.entry.field } : {}) } });
  }
  return settlements;
}

/**
 * A redelivered event: our own retried request gets the answer the journal has (or keeps waiting
 * for the handling region's); anything else, the case as it stands.
 */
function duplicateOutcome(state: GatewayState, event: Envelope): Settlement[] {
  const answer = state.ledger.answerOf(event.id);
  if (event.source === state.self) {
    if (answer?.kind === 'pending') return [{ kind: 'conflicts', eventId: event.id }];
    if (answer?.kind === 'refused') return [{ kind: 'settle', eventId: event.id, outcome: answer.problem }];
  }
  const value = state.cases.get(event.caseId);
  return value ? [{ kind: 'settle', eventId: event.id, outcome: { ok: true, value } }] : [];
}
