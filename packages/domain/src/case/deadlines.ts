/**
 * The statutory clocks of a case, counted in working days (行政许可法 Art. 82) on China dates:
 * - 补正 notice: 5 working days after the 签收 date (Art. 32);
 * - decision: the promised limit (承诺时限 ≤ 法定时限, default 20, Art. 42) after the 受理 date, or
 *   after the 签收 date when no timely 补正 notice was given and acceptance came (or is still
 *   missing) after the 5-day window — the application then counts as accepted from receipt
 *   (Art. 32) — plus an extension once granted (Art. 42), with Art. 45 pauses not counted;
 * - delivery: 10 working days after the decision date (Art. 44).
 * A pause stops the clock from the day it starts; the day the case resumes counts again.
 *
 * Each deadline is computed on its own: one that cannot be computed (a year outside the calendar)
 * is reported as unknown with its reason, and the others still stand. A deadline that counts days
 * of a year with no published holiday notice is marked provisional; it is derived, never stored,
 * so it changes by itself when the year's notice is published.
 */
import { formatLocalDate, parseLocalDate } from '../calendar/local-date.js';
import type { Suspension, WorkingDayCalendar } from '../calendar/working-days.js';
import type { Check, CheckCode } from '../identifiers/result.js';
import { chinaDate } from './china-date.js';
import type { CaseState } from './model.js';
import { DEFAULT_LEGAL_DAYS, SUPPLEMENT_NOTICE_DAYS } from './rules-review.js';

/** Art. 44: the decision is delivered within 10 working days. */
export const DELIVERY_DAYS = 10;
/** A running deadline with this many working days left, or fewer, is at risk. */
export const AT_RISK_WORKING_DAYS = 3;

export interface DeadlineOptions {
  readonly calendar: WorkingDayCalendar;
  /** 法定时限 of the item (catalog); default 20 (Art. 42). */
  readonly legalDays?: number;
  /** 承诺时限; default the case's promisedDays, else legalDays; never more than legalDays. */
  readonly promisedDays?: number;
  /** Days an extension adds once granted; default the days granted in case.extended (at most 10). */
  readonly extensionDays?: number;
  /** China date 'YYYY-MM-DD' to measure against. */
  readonly today: string;
}

export type DeadlineName = 'supplement-notice' | 'decision' | 'delivery';

export interface CaseDeadlines {
  readonly supplementNoticeDue?: string;
  /** Art. 32: no timely 补正 notice and acceptance after the window — counted from 签收. */
  readonly deemedAcceptedFromReceipt: boolean;
  /** The date the decision clock counts from (not itself counted, 民法典 Art. 201). */
  readonly decisionCountsFrom?: string;
  /** Working days allowed for the decision: promised limit plus any extension. */
  readonly decisionDays?: number;
  readonly decisionDue?: string;
  /** While an Art. 45 pause runs, the decision clock stands still here instead of having a date. */
  readonly paused?: { readonly since: string; readonly usedWorkingDays: number; readonly remainingWorkingDays: number };
  readonly deliveryDue?: string;
  /** The deadline now running, if any (none while the applicant owes a 补正, or after 送达). */
  readonly next?: DeadlineName;
  /** Working days from today to the running deadline; negative once it has passed. */
  readonly remainingWorkingDays?: number;
  readonly overdue: boolean;
  /** Not overdue, and at most AT_RISK_WORKING_DAYS working days left (paused clocks included). */
  readonly atRisk: boolean;
  /** Deadlines (of those shown) that count days of a year judged provisionally (no published notice yet). */
  readonly provisional: readonly DeadlineName[];
  /** Deadlines that could not be computed, each with its reason; the others are unaffected. */
  readonly unknown: readonly DeadlineProblem[];
}

export interface DeadlineProblem {
  readonly deadline: DeadlineName;
  readonly code: CheckCode;
  readonly reason: string;
}

function dayBefore(date: string): string | undefined {
  const day = parseLocalDate(date);
  return day.ok ? formatLocalDate(day.value - 1) : undefined;
}

/** Art. 45 pauses as China-date spans: from the day a pause starts to the day before it ends. */
function pauses(state: CaseState): Suspension[] {
  const spans: Suspension[] = [];
  for (const s of state.suspensions) {
    const from = chinaDate(s.from);
    if (from === undefined) continue;
    if (s.to === undefined) {
      spans.push({ from });
      continue;
    }
    const end = chinaDate(s.to);
    const to = end === undefined ? undefined : dayBefore(end);
    if (to !== undefined && to >= from) spans.push({ from, to });
  }
  return spans;
}

function running(state: CaseState, deemed: boolean, clockStarted: boolean): DeadlineName | undefined {
  switch (state.status) {
    case 'received':
      return deemed ? 'decision' : 'supplement-notice';
    case 'supplement-requested':
    case 'supplemented':
      return deemed ? 'decision' : undefined;
    case 'accepted':
    case 'suspended':
      return clockStarted ? 'decision' : undefined;
    case 'approved':
    case 'denied':
      return 'delivery';
    default:
      return undefined;
  }
}

export function caseDeadlines(state: CaseState, options: DeadlineOptions): CaseDeadlines {
  const { calendar, today } = options;
  const unknown: DeadlineProblem[] = [];
  const provisional = new Set<DeadlineName>();
  /** The value of one computation, or undefined with the reason recorded against `deadline`. */
  const take = <T>(deadline: DeadlineName, check: Check<T>): T | undefined => {
    if (check.ok) return check.value;
    if (!unknown.some((u) => u.deadline === deadline)) unknown.push({ deadline, code: check.code, reason: check.message });
    return undefined;
  };
  const mark = (deadline: DeadlineName, from: string, to: string): void => {
    if (calendar.provisional(from, to)) provisional.add(deadline);
  };

  const signed = state.receivedAt === undefined ? undefined : chinaDate(state.receivedAt);
  let noticeDue: string | undefined;
  if (signed !== undefined) {
    noticeDue = take('supplement-notice', calendar.addWorkingDays(signed, SUPPLEMENT_NOTICE_DAYS));
    if (noticeDue !== undefined) mark('supplement-notice', signed, noticeDue);
  }
  const noticed = state.supplement === undefined ? undefined : chinaDate(state.supplement.requestedAt);
  const accepted = state.acceptedAt === undefined ? undefined : chinaDate(state.acceptedAt);
  const timelyNotice = noticed !== undefined && noticeDue !== undefined && noticed <= noticeDue;
  // An uncomputable notice window cannot prove the notice late (as in the Art. 32 rule itself).
  const deemed = noticeDue !== undefined && !timelyNotice && (accepted ?? today) > noticeDue && state.notAccepted === undefined;
  const countsFrom = deemed ? signed : accepted;

  const legal = options.legalDays ?? DEFAULT_LEGAL_DAYS;
  const promised = Math.min(options.promisedDays ?? state.promisedDays ?? legal, legal);
  const days = promised + (state.extension === undefined ? 0 : (options.extensionDays ?? state.extension.days));
  let decisionDue: string | undefined;
  let paused: CaseDeadlines['paused'];
  if (countsFrom !== undefined) {
    const due = take('decision', calendar.deadlineWithSuspensions(countsFrom, days, pauses(state)));
    if (due?.state === 'due') {
      decisionDue = due.date;
      mark('decision', countsFrom, due.date);
    } else if (due?.state === 'paused') {
      paused = { since: due.since, usedWorkingDays: due.usedWorkingDays, remainingWorkingDays: due.remainingWorkingDays };
      mark('decision', countsFrom, due.since);
    }
  }
  const decided = state.decision === undefined ? undefined : chinaDate(state.decision.at);
  let deliveryDue: string | undefined;
  if (decided !== undefined) {
    deliveryDue = take('delivery', calendar.addWorkingDays(decided, DELIVERY_DAYS));
    if (deliveryDue !== undefined) mark('delivery', decided, deliveryDue);
  }

  const next = running(state, deemed, countsFrom !== undefined);
  const shown = new Set<DeadlineName>([...(noticeDue === undefined ? [] : ['supplement-notice' as const]), ...(countsFrom === undefined ? [] : ['decision' as const]), ...(deliveryDue === undefined ? [] : ['delivery' as const])]);
  const base = {
    ...(noticeDue === undefined ? {} : { supplementNoticeDue: noticeDue }),
    deemedAcceptedFromReceipt: deemed,
    ...(countsFrom === undefined ? {} : { decisionCountsFrom: countsFrom, decisionDays: days }),
    ...(decisionDue === undefined ? {} : { decisionDue }),
    ...(paused === undefined ? {} : { paused }),
    ...(deliveryDue === undefined ? {} : { deliveryDue }),
  };
  const finish = (rest: { next?: DeadlineName; remainingWorkingDays?: number; overdue: boolean; atRisk: boolean }): CaseDeadlines => ({
    ...base,
    ...rest,
    provisional: [...provisional].filter((d) => shown.has(d)),
    unknown,
  });
  if (next === undefined) return finish({ overdue: false, atRisk: false });
  if (next === 'decision' && paused !== undefined) {
    return finish({ next, remainingWorkingDays: paused.remainingWorkingDays, overdue: false, atRisk: paused.remainingWorkingDays <= AT_RISK_WORKING_DAYS });
  }
  const due = { 'supplement-notice': noticeDue, decision: decisionDue, delivery: deliveryDue }[next];
  // Unknown (its reason is recorded): nothing to measure against.
  if (due === undefined) return finish({ next, overdue: false, atRisk: false });
  const overdue = today > due;
  const left = take(next, calendar.workingDaysBetween(today, due));
  if (left === undefined) return finish({ next, overdue, atRisk: false });
  mark(next, today, due);
  return finish({ next, remainingWorkingDays: left, overdue, atRisk: !overdue && left <= AT_RISK_WORKING_DAYS });
}
