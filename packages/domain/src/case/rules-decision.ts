/** Rules from review to the end: 延期 (Art. 42), 准予 / 不予许可, 送达 (Art. 44), 终止. */
import { fail } from '../errors.js';
import { listNames, type EventRule } from './rule-kit.js';

/** Art. 42: one extension of at most 10 working days (joint handling, 15, is not modelled). */
export const MAX_EXTENSION_DAYS = 10;

export const extended: EventRule<'case.extended'> = ({ event }) => {
  const p = event.payload;
  if (!Number.isInteger(p.days) || p.days < 1 || p.days > MAX_EXTENSION_DAYS) {
    return fail('XR_BAD_REQUEST', `Art. 42: an extension is 1 to ${MAX_EXTENSION_DAYS} working days, not ${p.days}`, '/payload/days');
  }
  if (p.approvedBy.trim() === '') return fail('XR_BAD_REQUEST', 'Art. 42: an extension needs the approval of the head of the office', '/payload/approvedBy');
  return undefined;
};

export const approved: EventRule<'case.approved'> = ({ state }) => {
  if (state.outstanding.length === 0) return undefined;
  const owed = state.outstanding.map((o) => `${o.name} (due ${o.dueDate})`);
  return fail('XR_CASE_ILLEGAL_TRANSITION', `case.approved is not allowed while the case is ${state.status} with 容缺 materials outstanding: ${listNames(owed)}`, 'type');
};

export const denied: EventRule<'case.denied'> = ({ event }) => {
  const p = event.payload;
  if (p.legalBasis.trim() === '') return fail('XR_BAD_REQUEST', '不予许可 states its legal basis (Art. 38)', '/payload/legalBasis');
  if (p.reason.trim() === '') return fail('XR_BAD_REQUEST', '不予许可 states its reasons (Art. 38)', '/payload/reason');
  return undefined;
};

export const delivered: EventRule<'case.delivered'> = ({ event }) => {
  const p = event.payload;
  if (p.method === 'post' && (p.trackingNo ?? '').trim() === '') return fail('XR_BAD_REQUEST', '邮寄送达 needs the tracking number', '/payload/trackingNo');
  if (p.method !== 'post' && p.trackingNo !== undefined) return fail('XR_BAD_REQUEST', `a tracking number belongs to delivery by post, not ${p.method}`, '/payload/trackingNo');
  return undefined;
};

export const terminated: EventRule<'case.terminated'> = ({ state, event, clock }) => {
  const p = event.payload;
  const refuse = (why: string) => fail('XR_CASE_ILLEGAL_TRANSITION', `case.terminated (${p.reason}) is not allowed while the case is ${state.status}: ${why}`, '/payload/reason');
  if (p.reason === 'supplement-not-provided') {
    return state.status === 'supplement-requested' ? undefined : refuse('only a case waiting for 补正 can end for want of it');
  }
  if (state.status === 'supplement-requested') return refuse('a case waiting for 补正 can only end for want of it (supplement-not-provided)');
  if (p.reason === 'commitment-false') {
    return state.basis === 'notify-commit' ? undefined : refuse(`the case was accepted on basis ${state.basis ?? 'none'}, not 告知承诺 (notify-commit)`);
  }
  if (state.outstanding.length === 0) return refuse('no 容缺 material is outstanding');
  if (clock === undefined) return undefined;
  const late = state.outstanding.filter((o) => o.dueDate < clock.today);
  if (late.length > 0) return undefined;
  const owed = state.outstanding.map((o) => `${o.name} due ${o.dueDate}`);
  return refuse(`no outstanding 容缺 material is past its due date on ${clock.today} (${listNames(owed)})`);
};
