/** Rules from 签收 to 受理: 补正告知 (Art. 32), 补正, 受理 with 容缺 or 告知承诺, 容缺补齐. */
import { fail } from '../errors.js';
import { chinaDate } from './china-date.js';
import type { AcceptedPayload } from './payloads.js';
import { listNames, type EventRule, type Refusal, type RuleClock, type RuleInput } from './rule-kit.js';

/** Art. 32: the 补正 notice comes within 5 working days of 签收. */
export const SUPPLEMENT_NOTICE_DAYS = 5;
/** Art. 42: the decision limit when no catalog says otherwise. */
export const DEFAULT_LEGAL_DAYS = 20;

export const supplementRequested: EventRule<'case.supplement-requested'> = ({ state, event, clock }) => {
  const p = event.payload;
  if (p.items.length === 0) return fail('XR_BAD_REQUEST', 'Art. 32 一次告知: the notice lists every material to supplement; it lists none', '/payload/items');
  if (clock === undefined || state.receivedAt === undefined) return undefined;
  const signed = chinaDate(state.receivedAt);
  if (signed === undefined) return undefined;
  const due = clock.calendar.addWorkingDays(signed, SUPPLEMENT_NOTICE_DAYS);
  // A calendar that cannot answer (a year not yet published) cannot prove the notice late.
  if (!due.ok || clock.today <= due.value) return undefined;
  return fail(
    'XR_DEADLINE_PASSED',
    `Art. 32: the 补正 notice was due by ${due.value}, ${SUPPLEMENT_NOTICE_DAYS} working days after 签收 on ${signed}; on ${clock.today} it is too late and the case counts as accepted from receipt`,
  );
};

export const supplemented: EventRule<'case.supplemented'> = ({ state, event }) => {
  const p = event.payload;
  const given = new Set(p.materials.map((m) => m.name));
  const absent = (state.supplement?.items ?? []).map((i) => i.material).filter((name) => !given.has(name));
  if (absent.length === 0) return undefined;
  const violations = absent.map((name) => ({ field: '/payload/materials', message: `missing ${name}` }));
  return fail('XR_MATERIAL_MISSING', `补正 must cover every material in the notice; missing: ${listNames(absent)}`, '/payload/materials', violations);
};

function outstandingDates(p: AcceptedPayload, clock: RuleClock, promisedDays: number): Refusal | undefined {
  const limit = clock.calendar.addWorkingDays(clock.today, promisedDays);
  for (const [i, o] of (p.outstanding ?? []).entries()) {
    const field = `/payload/outstanding/${i}/dueDate`;
    if (o.dueDate < clock.today) return fail('XR_BAD_REQUEST', `容缺: ${o.name} is due ${o.dueDate}, before acceptance on ${clock.today}`, field);
    if (limit.ok && o.dueDate > limit.value) {
      return fail('XR_BAD_REQUEST', `容缺: ${o.name} is due ${o.dueDate}, past the 承诺时限 of ${promisedDays} working days (${limit.value})`, field);
    }
  }
  return undefined;
}

export const accepted: EventRule<'case.accepted'> = ({ state, event, item, clock }: RuleInput<'case.accepted'>) => {
  const p = event.payload;
  const outstanding = p.outstanding ?? [];
  if (p.basis === 'deferred-materials' && outstanding.length === 0) {
    return fail('XR_BAD_REQUEST', '容缺受理 lists the outstanding materials and their due dates', '/payload/outstanding');
  }
  if (p.basis !== 'deferred-materials' && outstanding.length > 0) {
    return fail('XR_BAD_REQUEST', `outstanding materials belong to 容缺受理 only, not to basis ${p.basis}`, '/payload/outstanding');
  }
  const declared = new Set(state.deferred.map((d) => d.name));
  const undeclared = outstanding.findIndex((o) => !declared.has(o.name));
  if (undeclared >= 0) {
    const name = outstanding[undeclared]!.name;
    return fail('XR_MATERIAL_NOT_DEFERRABLE', `容缺: the applicant signed no commitment to supply ${name} later (declared: ${listNames([...declared]) || 'none'})`, `/payload/outstanding/${undeclared}/name`);
  }
  if (p.basis === 'notify-commit' && state.commitment === undefined) {
    return fail('XR_CASE_ILLEGAL_TRANSITION', '告知承诺 acceptance needs the applicant’s written commitment, and none was signed at intake', '/payload/basis');
  }
  const catalogued = item?.(state.handlingRegion, state.itemCode);
  if (catalogued !== undefined && p.promisedDays !== undefined && p.promisedDays > catalogued.legalDays) {
    return fail('XR_BAD_REQUEST', `承诺时限 ${p.promisedDays} exceeds the 法定时限 of ${catalogued.legalDays} working days for ${catalogued.name}`, '/payload/promisedDays');
  }
  if (clock === undefined) return undefined;
  return outstandingDates(p, clock, p.promisedDays ?? catalogued?.promisedDays ?? DEFAULT_LEGAL_DAYS);
};

export const materialsCompleted: EventRule<'case.materials-completed'> = ({ state, event }) => {
  if (state.outstanding.length === 0) {
    return fail('XR_CASE_ILLEGAL_TRANSITION', `case.materials-completed is not allowed while the case is ${state.status}: no 容缺 material is outstanding`, 'type');
  }
  const owed = new Set(state.outstanding.map((o) => o.name));
  const p = event.payload;
  if (p.materials.length === 0) return fail('XR_BAD_REQUEST', `容缺补齐 hands over at least one of: ${listNames([...owed])}`, '/payload/materials');
  const extra = p.materials.findIndex((m) => !owed.has(m.name));
  if (extra < 0) return undefined;
  return fail('XR_BAD_REQUEST', `${p.materials[extra]!.name} is not outstanding; outstanding: ${listNames([...owed])}`, `/payload/materials/${extra}/name`);
};
