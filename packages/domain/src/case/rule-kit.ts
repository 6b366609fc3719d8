/** What every event rule gets, and the shapes rules answer with. */
import type { WorkingDayCalendar } from '../calendar/working-days.js';
import type { ItemLookup } from '../catalog/model.js';
import type { Problem } from '../errors.js';
import type { CaseEventOf, CaseEventType } from './events.js';
import type { CaseState } from './model.js';

export type Refusal = { readonly ok: false } & Problem;

/** The working-day clock, given only to the handling region deciding with a calendar. */
export interface RuleClock {
  readonly calendar: WorkingDayCalendar;
  /** ctx.now as a China date (UTC+8). */
  readonly today: string;
}

export interface RuleInput<T extends CaseEventType = CaseEventType> {
  readonly state: CaseState;
  readonly event: CaseEventOf<T>;
  /** Catalog lookup, given only to the handling region. */
  readonly item?: ItemLookup;
  readonly clock?: RuleClock;
}

/** A rule beyond the transition table for events of one type; undefined when the event passes it. */
export type EventRule<T extends CaseEventType = CaseEventType> = (input: RuleInput<T>) => Refusal | undefined;

/** Names joined the way a Chinese notice lists them. */
export function listNames(names: readonly string[]): string {
  return names.join('、');
}
