/**
 * The case as both regions see it. The handling region's journal is authoritative.
 * State sketch (DOMAIN.md): 收件 → 签收 → {补正告知 → 补正} | 不予受理 | 受理 [容缺: 待补齐]
 * → 审查 [暂停] [延期] → 准予 | 不予许可 → 送达 → 办结 → 评价; plus 撤回 and 终止.
 */
export const CASE_STATUSES = [
  'submitted',
  'received',
  'supplement-requested',
  'supplemented',
  'accepted',
  'not-accepted',
  'suspended',
  'approved',
  'denied',
  'delivered',
  'closed',
  'withdrawn',
  'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** States no event leaves (办结 still takes its one 好差评, which keeps it closed). */
export const TERMINAL_STATUSES = ['not-accepted', 'closed', 'withdrawn', 'terminated'] as const satisfies readonly CaseStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/** Which side of a 收受分离 case: the hall that took the papers, or the office that decides. */
export type Side = 'receiving' | 'handling';

export interface Applicant {
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: 'resident-id' | 'uscc';
  readonly idNumber: string;
}

/** A material as the receiving window scanned it: its digest (the file travels by the partners' file exchange). */
export interface ScannedMaterial {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}

/** 证照免提交: a material satisfied by an 电子证照 its holder presents (the compact JWS, typ vc+jwt). */
export interface PresentedMaterial {
  readonly name: string;
  readonly certificate: string;
}

/** A material handed over: a scan, or a presented certificate. */
export type Material = ScannedMaterial | PresentedMaterial;

export function isPresented(m: Material): m is PresentedMaterial {
  return 'certificate' in m;
}

/**
 * A presented certificate the handling region verified and accepted, as its answer (签收, or the
 * confirmation of a 补正 or 容缺补齐) records it: both regions' journals hold what was verified and when.
 */
export interface PresentedCertificate {
  /** The material it satisfies. */
  readonly material: string;
  /** 证照标识 (GB/T 36904). */
  readonly certificateId: string;
  readonly issuerRegion: string;
  /** 证照类型代码. */
  readonly typeCode: string;
  /** When the handling region verified it (RFC 3339). */
  readonly verifiedAt: string;
  /** How far the verifier had read the public status topic. */
  readonly statusPosition: number;
}

/** 容缺: a secondary material declared missing at intake; the applicant signed to supply it. */
export interface DeferredMaterial {
  readonly name: string;
  /** YYYY-MM-DD (China date) the applicant promised, when one was agreed at intake. */
  readonly dueDate?: string;
}

/** A material still owed after 容缺受理, with the date fixed in the acceptance notice. */
export interface OutstandingMaterial {
  readonly name: string;
  readonly dueDate: string;
}

/** 告知承诺制: the applicant's written promise, signed at intake. */
export interface Commitment {
  readonly kind: 'notify-commit';
  readonly statement: string;
  readonly signedAt: string;
}

export const ACCEPTANCE_BASES = ['standard', 'deferred-materials', 'notify-commit'] as const;
export type AcceptanceBasis = (typeof ACCEPTANCE_BASES)[number];

export const SUSPENSION_REASONS = ['hearing', 'testing', 'inspection', 'quarantine', 'expert-review', 'appraisal'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export const TERMINATION_REASONS = ['deferred-materials-not-supplied', 'commitment-false', 'supplement-not-provided'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export const DELIVERY_METHODS = ['window', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** 好差评 levels: 非常满意, 满意, 基本满意, 不满意, 非常不满意. */
export const RATING_LEVELS = ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export interface SupplementItem {
  readonly material: string;
  readonly reason: string;
}

export interface HistoryEntry {
  readonly eventId: string;
  readonly type: string;
  readonly source: string;
  readonly at: string;
  readonly status: CaseStatus;
}

export interface CaseState {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly itemCode: string;
  readonly itemName: string;
  readonly receivingRegion: string;
  readonly handlingRegion: string;
  readonly applicant: Applicant;
  /** Every material handed over so far: at intake, by 补正 and by 容缺补齐 (latest copy per name). */
  readonly materials: readonly Material[];
  /** 证照免提交: the presented certificates the handling region accepted, with its verdict (latest per material). */
  readonly presentedCertificates: readonly PresentedCertificate[];
  /** When the receiving window took the papers (the submission's `intake.receivedAt`, as its caller gave it). */
  readonly submittedAt: string;
  /** `time` of the journaled case.submitted event (RFC 3339): when the receiving region's gateway signed it. ListCases orders by it. */
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly history: readonly HistoryEntry[];
  /** Highest sequence number seen from each sender, by region code. */
  readonly lastSeq: Readonly<Record<string, number>>;

  /** 容缺 materials declared at intake (with the applicant's signed commitment). */
  readonly deferred: readonly DeferredMaterial[];
  readonly commitment?: Commitment;
  /** 签收 time (RFC 3339): the Art. 32 five-day window runs from its China date. */
  readonly receivedAt?: string;
  /** 补正告知, at most one per case (Art. 32 一次告知). */
  readonly supplement?: {
    readonly items: readonly SupplementItem[];
    readonly notice: string;
    readonly requestedAt: string;
    readonly providedAt?: string;
  };
  readonly notAccepted?: { readonly reason: string; readonly legalBasis: string; readonly at: string };
  /** 受理 time (RFC 3339). */
  readonly acceptedAt?: string;
  readonly receiptNo?: string;
  readonly basis?: AcceptanceBasis;
  /** 容缺: materials still owed after acceptance, cleared by case.materials-completed. */
  readonly outstanding: readonly OutstandingMaterial[];
  /** 告知承诺: accepted on a promise; 事后核查 still to be done. */
  readonly verificationPending: boolean;
  /** 承诺时限 fixed at acceptance (working days). */
  readonly promisedDays?: number;
  /** Art. 45 pauses; `to` is absent while the pause runs. Times are RFC 3339. */
  readonly suspensions: readonly { readonly reason: SuspensionReason; readonly note?: string; readonly from: string; readonly to?: string }[];
  /** Art. 42 延期, once. */
  readonly extension?: { readonly days: number; readonly approvedBy: string; readonly at: string };
  readonly decision?: {
    readonly outcome: 'approved' | 'denied';
    readonly at: string;
    readonly decisionNo: string;
    readonly reason?: string;
    readonly legalBasis?: string;
    readonly certificate?: { readonly type: string; readonly id?: string };
  };
  /** The 电子证照 issued with an approval (certificate.issued): its identifiers and the credential (compact JWS, vc+jwt). */
  readonly certificate?: {
    readonly id: string;
    readonly typeCode: string;
    readonly name: string;
    readonly number: string;
    readonly credential: string;
    readonly digest: string;
    readonly statusIndex: number;
    readonly validFrom: string;
    readonly validUntil?: string;
    readonly issuedAt: string;
  };
  readonly delivery?: { readonly method: DeliveryMethod; readonly trackingNo?: string; readonly at: string };
  readonly closedAt?: string;
  readonly rating?: { readonly level: RatingLevel; readonly comment?: string; readonly at: string };
  readonly withdrawal?: { readonly reason?: string; readonly at: string };
  readonly termination?: { readonly reason: TerminationReason; readonly note?: string; readonly at: string };
}

/** The payloads of 收件 and 签收, generated from their schemas (see payloads.ts). */
export type { ReceivedPayload, SubmittedPayload } from './payloads.js';
