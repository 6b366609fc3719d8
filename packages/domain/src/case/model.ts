/** The case as both regions see it. The handling region's journal is authoritative. */
export const CASE_STATUSES = ['submitted', 'received'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Which side of a 收受分离 case: the hall that took the papers, or the office that decides. */
export type Side = 'receiving' | 'handling';

export interface Applicant {
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: 'resident-id' | 'uscc';
  readonly idNumber: string;
}

export interface Material {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
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
  readonly materials: readonly Material[];
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly history: readonly HistoryEntry[];
  /** Highest sequence number seen from each sender, by region code. */
  readonly lastSeq: Readonly<Record<string, number>>;
}

export interface SubmittedPayload {
  readonly item: { readonly code: string; readonly name: string };
  readonly applicant: Applicant;
  readonly materials: readonly Material[];
  readonly intake: { readonly formCheck: 'passed'; readonly identityCheck: 'passed'; readonly receivedAt: string; readonly window?: string };
}

export interface ReceivedPayload {
  readonly receivedAt: string;
}
