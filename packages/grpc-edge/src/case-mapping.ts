/** Between the wire (proto messages) and the domain (payloads and case state). */
import type { CaseDeadlines, CaseState } from '@xr/domain';
import type { Case, Deadlines, Material__Output, SubmitCaseRequest__Output } from '@xr/proto';
import type { FieldMapper } from '@xr/grpc-kit';

/**
 * A material as the payload has it: a scan, or a presented certificate (证照免提交). A material
 * with a certificate and scan fields too keeps both, so the schema refuses it by name.
 */
export function materialPayload(m: Material__Output): Record<string, unknown> {
  if (m.certificate === '') return { name: m.name, sha256: m.sha256, size: m.size, mediaType: m.mediaType };
  return { name: m.name, certificate: m.certificate, ...(m.sha256 ? { sha256: m.sha256 } : {}), ...(m.size ? { size: m.size } : {}), ...(m.mediaType ? { mediaType: m.mediaType } : {}) };
}

export function submissionPayload(req: SubmitCaseRequest__Output, now: string): Record<string, unknown> {
  return {
    item: { code: req.itemCode, name: req.itemName },
    applicant: {
      kind: req.applicant?.kind ?? '',
      name: req.applicant?.name ?? '',
      idType: req.applicant?.idType ?? '',
      idNumber: req.applicant?.idNumber ?? '',
    },
    materials: req.materials.map(materialPayload),
    ...(req.deferredMaterials.length > 0 ? { deferredMaterials: req.deferredMaterials.map((m) => ({ name: m.name, ...(m.dueDate ? { dueDate: m.dueDate } : {}) })) } : {}),
    ...(req.commitment ? { commitment: { kind: 'notify-commit', statement: req.commitment.statement, signedAt: req.commitment.signedAt || now } } : {}),
    intake: {
      formCheck: req.intake?.formCheckPassed ? 'passed' : 'not-passed',
      identityCheck: req.intake?.identityVerified ? 'passed' : 'not-passed',
      receivedAt: req.intake?.receivedAt || now,
      ...(req.intake?.window ? { window: req.intake.window } : {}),
    },
  };
}

const SUBMIT_FIELDS: Readonly<Record<string, string>> = {
  '/payload/item/code': 'item_code',
  '/payload/item/name': 'item_name',
  '/payload/intake/formCheck': 'intake.form_check_passed',
  '/payload/intake/identityCheck': 'intake.identity_verified',
  '/payload/intake/receivedAt': 'intake.received_at',
  '/target': 'handling_region',
  target: 'handling_region',
};

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const submitFieldMapper: FieldMapper = (pointer) => {
  const known = SUBMIT_FIELDS[pointer];
  if (known) return known;
  const parts = pointer.replace(/^\/payload/, '').split('/').filter((s) => s !== '');
  // /payload/materials/0/sha256 → materials[0].sha256
  return parts.map(snake).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
};

function deadlinesMessage(d: CaseDeadlines | undefined): Deadlines | null {
  if (!d) return null;
  return {
    supplementNoticeDue: d.next === 'supplement-notice' ? d.supplementNoticeDue ?? '' : '',
    decisionDue: d.decisionDue ?? '',
    deliveryDue: d.deliveryDue ?? '',
    overdue: d.overdue,
    atRisk: d.atRisk,
    pausedRemainingDays: d.paused?.remainingWorkingDays ?? 0,
    provisional: d.provisional.length > 0,
    provisionalDeadlines: [...d.provisional],
    unknown: d.unknown.map((u) => ({ deadline: u.deadline, code: u.code, reason: u.reason })),
  };
}

export function caseMessage(c: CaseState, deadlines?: CaseDeadlines): Case {
  const ended = c.notAccepted ?? c.withdrawal ?? c.termination;
  return {
    deadlines: deadlinesMessage(deadlines),
    basis: c.basis ?? '',
    outstanding: (c.outstanding ?? []).map((m) => ({ name: m.name, dueDate: m.dueDate })),
    reason: c.decision?.reason ?? ended?.reason ?? '',
    legalBasis: c.decision?.legalBasis ?? c.notAccepted?.legalBasis ?? '',
    decisionNo: c.decision?.decisionNo ?? '',
    deliveryMethod: c.delivery?.method ?? '',
    trackingNo: c.delivery?.trackingNo ?? '',
    rating: c.rating?.level ?? '',
    supplementRequested: (c.supplement?.items ?? []).map((i) => ({ material: i.material, reason: i.reason })),
    caseId: c.caseId,
    status: c.status,
    itemCode: c.itemCode,
    itemName: c.itemName,
    receivingRegion: c.receivingRegion,
    handlingRegion: c.handlingRegion,
    applicant: { ...c.applicant },
    materials: c.materials.map((m) => ({ ...m })),
    presentedCertificates: c.presentedCertificates.map((p) => ({ ...p })),
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    history: c.history.map((h) => ({ eventId: h.eventId, type: h.type, sourceRegion: h.source, at: h.at, status: h.status })),
  };
}
