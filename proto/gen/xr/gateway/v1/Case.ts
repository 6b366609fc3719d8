// Original file: xr/gateway/v1/cases.proto

import type { Applicant as _xr_gateway_v1_Applicant, Applicant__Output as _xr_gateway_v1_Applicant__Output } from '../../../xr/gateway/v1/Applicant.js';
import type { Material as _xr_gateway_v1_Material, Material__Output as _xr_gateway_v1_Material__Output } from '../../../xr/gateway/v1/Material.js';
import type { HistoryEntry as _xr_gateway_v1_HistoryEntry, HistoryEntry__Output as _xr_gateway_v1_HistoryEntry__Output } from '../../../xr/gateway/v1/HistoryEntry.js';
import type { Deadlines as _xr_gateway_v1_Deadlines, Deadlines__Output as _xr_gateway_v1_Deadlines__Output } from '../../../xr/gateway/v1/Deadlines.js';
import type { NamedMaterial as _xr_gateway_v1_NamedMaterial, NamedMaterial__Output as _xr_gateway_v1_NamedMaterial__Output } from '../../../xr/gateway/v1/NamedMaterial.js';
import type { SupplementItem as _xr_gateway_v1_SupplementItem, SupplementItem__Output as _xr_gateway_v1_SupplementItem__Output } from '../../../xr/gateway/v1/SupplementItem.js';
import type { PresentedCertificate as _xr_gateway_v1_PresentedCertificate, PresentedCertificate__Output as _xr_gateway_v1_PresentedCertificate__Output } from '../../../xr/gateway/v1/PresentedCertificate.js';

export interface Case {
  'caseId'?: (string);
  /**
   * submitted, received, …
   */
  'status'?: (string);
  'itemCode'?: (string);
  'itemName'?: (string);
  'receivingRegion'?: (string);
  'handlingRegion'?: (string);
  'applicant'?: (_xr_gateway_v1_Applicant | null);
  'materials'?: (_xr_gateway_v1_Material)[];
  /**
   * When the receiving window took the papers (the submission's intake.received_at).
   */
  'submittedAt'?: (string);
  'updatedAt'?: (string);
  'history'?: (_xr_gateway_v1_HistoryEntry)[];
  'deadlines'?: (_xr_gateway_v1_Deadlines | null);
  /**
   * "standard", "deferred-materials" (容缺) or "notify-commit" (告知承诺) once accepted.
   */
  'basis'?: (string);
  'outstanding'?: (_xr_gateway_v1_NamedMaterial)[];
  /**
   * Why the case was refused, denied, withdrawn or terminated; the legal basis where given.
   */
  'reason'?: (string);
  'legalBasis'?: (string);
  'decisionNo'?: (string);
  /**
   * How the result was delivered: window, post (with tracking_no) or electronic.
   */
  'deliveryMethod'?: (string);
  'trackingNo'?: (string);
  /**
   * The applicant's 好差评, once closed.
   */
  'rating'?: (string);
  'supplementRequested'?: (_xr_gateway_v1_SupplementItem)[];
  /**
   * 证照免提交: the presented certificates the handling region accepted, with when it verified them.
   */
  'presentedCertificates'?: (_xr_gateway_v1_PresentedCertificate)[];
}

export interface Case__Output {
  'caseId': (string);
  /**
   * submitted, received, …
   */
  'status': (string);
  'itemCode': (string);
  'itemName': (string);
  'receivingRegion': (string);
  'handlingRegion': (string);
  'applicant': (_xr_gateway_v1_Applicant__Output | null);
  'materials': (_xr_gateway_v1_Material__Output)[];
  /**
   * When the receiving window took the papers (the submission's intake.received_at).
   */
  'submittedAt': (string);
  'updatedAt': (string);
  'history': (_xr_gateway_v1_HistoryEntry__Output)[];
  'deadlines': (_xr_gateway_v1_Deadlines__Output | null);
  /**
   * "standard", "deferred-materials" (容缺) or "notify-commit" (告知承诺) once accepted.
   */
  'basis': (string);
  'outstanding': (_xr_gateway_v1_NamedMaterial__Output)[];
  /**
   * Why the case was refused, denied, withdrawn or terminated; the legal basis where given.
   */
  'reason': (string);
  'legalBasis': (string);
  'decisionNo': (string);
  /**
   * How the result was delivered: window, post (with tracking_no) or electronic.
   */
  'deliveryMethod': (string);
  'trackingNo': (string);
  /**
   * The applicant's 好差评, once closed.
   */
  'rating': (string);
  'supplementRequested': (_xr_gateway_v1_SupplementItem__Output)[];
  /**
   * 证照免提交: the presented certificates the handling region accepted, with when it verified them.
   */
  'presentedCertificates': (_xr_gateway_v1_PresentedCertificate__Output)[];
}
