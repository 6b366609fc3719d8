/** What `xr case` prints for people: a case on a few lines (status, parties, deadlines), a list as a table, one line per watched change. */
import type { Case__Output } from '@xr/proto';
import { table } from '../output.js';

function deadlines(c: Case__Output): string {
  const d = c.deadlines;
  if (!d) return 'none running';
  const parts = [
    d.supplementNoticeDue && `补正 notice by ${d.supplementNoticeDue}`,
    d.decisionDue && `decision by ${d.decisionDue}`,
    d.deliveryDue && `delivery by ${d.deliveryDue}`,
    d.pausedRemainingDays > 0 && `paused, ${d.pausedRemainingDays} working days left`,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const flags = [d.overdue && 'OVERDUE', d.atRisk && 'at risk', d.provisional && `provisional (${d.provisionalDeadlines.join(', ')})`].filter((f): f is string => typeof f === 'string');
  const unknown = d.unknown.map((u) => `${u.deadline} unknown: ${u.code}`);
  return [...parts, ...flags, ...unknown].join(' · ') || 'none running';
}

export function caseText(c: Case__Output): string {
  const lines = [
    `${c.caseId}  ${c.status}`,
    `  item       ${c.itemCode} ${c.itemName}`,
    `  parties    received in ${c.receivingRegion}, handled by ${c.handlingRegion}; applicant ${c.applicant?.name ?? '?'} (${c.applicant?.kind ?? '?'})`,
    `  deadlines  ${deadlines(c)}`,
    `  updated    ${c.updatedAt} (submitted ${c.submittedAt}, ${c.history.length} events)`,
  ];
  if (c.basis) lines.push(`  basis      ${c.basis}${c.outstanding.length > 0 ? `, outstanding: ${c.outstanding.map((m) => m.name).join(', ')}` : ''}`);
  if (c.supplementRequested.length > 0) lines.push(`  补正        ${c.supplementRequested.map((s) => `${s.material} (${s.reason})`).join('; ')}`);
  if (c.reason) lines.push(`  reason     ${c.reason}${c.legalBasis ? ` (${c.legalBasis})` : ''}`);
  if (c.decisionNo) lines.push(`  decision   ${c.decisionNo}`);
  return `${lines.join('\n')}\n`;
}

export function casesTable(cases: readonly Case__Output[], total: number, next: string): string {
  const body = cases.length === 0 ? 'no cases\n' : table(['CASE', 'STATUS', 'ITEM', 'FROM → TO', 'DECISION DUE', 'UPDATED'], cases.map((c) => [c.caseId, c.status, c.itemCode, `${c.receivingRegion} → ${c.handlingRegion}`, `${c.deadlines?.decisionDue ?? ''}${c.deadlines?.overdue ? ' (overdue)' : ''}`, c.updatedAt]));
  return `${body}${cases.length} of ${total}${next ? `; next page: --page-token ${next}` : ''}\n`;
}

/** One watched change: when, which case, its status and the event that moved it. */
export function updateLine(c: Case__Output): string {
  const last = c.history.at(-1);
  return `${c.updatedAt}  ${c.caseId}  ${c.status}${last ? `  (${last.type} from ${last.sourceRegion})` : ''}\n`;
}
