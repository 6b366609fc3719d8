/**
 * Case events as one discriminated union, generated from their JSON Schemas (one source:
 * schemas/events/*.json → generated/events.ts by `pnpm gen`). Switch on `type` and the payload
 * is typed, so a misspelt payload field does not compile. The wire format is the envelope's.
 */
import type { Envelope } from '../envelope.js';
import { CASE_EVENT_KINDS, type CaseEvent } from '../generated/events.js';

export type { CaseEvent } from '../generated/events.js';
export { CASE_EVENT_KINDS } from '../generated/events.js';

export type CaseEventType = CaseEvent['type'];

/** The event of one type. */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { readonly type: T }>;

/** The payload of one type. */
export type PayloadOf<T extends CaseEventType> = CaseEventOf<T>['payload'];

const KINDS = new Set<string>(CASE_EVENT_KINDS.map((k) => `${k.type}@${k.v}`));

export function isCaseEventType(type: string): type is CaseEventType {
  return CASE_EVENT_KINDS.some((k) => k.type === type);
}

/**
 * An envelope as the case event it is, when its type and version are known. The payload is
 * trusted to match: the pipeline validates every event against its schema before the domain
 * sees it (this is the one place where the wire's untyped payload becomes a typed one).
 */
export function asCaseEvent(event: Envelope): CaseEvent | undefined {
  return KINDS.has(`${event.type}@${event.v}`) ? (event as unknown as CaseEvent) : undefined;
}
