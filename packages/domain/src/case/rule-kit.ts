/** What every event rule gets, and the shapes rules answer with. */
import type { WorkingDayCalendar } from '../calendar/working-days.js';
import type { ItemLookup } from '../catalog/model.js';
import type { Envelope } from '../envelope.js';
import type { Problem } from '../errors.js';
import type { CaseState } from './model.js';

export type Refusal = { readonly ok: false } & Problem;

/** The working-day clock, given only to the handling region deciding with a calendar. */
export interface RuleClock {
  readonly calendar: WorkingDayCalendar;
  /** ctx.now as a China date (UTC+8). */
  readonly today: string;
}

export interface RuleInput {
  readonly state: CaseState;
  readonly event: Envelope;
  /** Catalog lookup, given only to the handling region. */
  readonly item?: ItemLookup;
  readonly clock?: RuleClock;
}

/** A rule beyond the transition table; undefined when the event passes it. */
export type EventRule = (input: RuleInput) => Refusal | undefined;

/** Names joined the way a Chinese notice lists them. */
export function listNames(names: readonly string[]): string {
  return names.join('、');
}
