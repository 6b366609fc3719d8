/**
 * Which event moves a case from which states to which, and which side may send it. One table, so
 * the rules read like the law's sketch: 收件 → 签收 → …
 */
import type { CaseStatus, Side } from './model.js';

export interface TransitionRule {
  readonly by: Side;
  /** States the case may be in; `none` for the event that opens a case. */
  readonly from: readonly (CaseStatus | 'none')[];
  readonly to: CaseStatus;
}

export const TRANSITIONS: Readonly<Record<string, TransitionRule>> = {
  /** 收件: the receiving hall has done 形式审查 and 身份核验 and sends the case on. */
  'case.submitted': { by: 'receiving', from: ['none'], to: 'submitted' },
  /** 签收: the handling region has the case and its materials. */
  'case.received': { by: 'handling', from: ['submitted'], to: 'received' },
};
