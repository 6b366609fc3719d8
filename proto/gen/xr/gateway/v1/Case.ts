// Original file: xr/gateway/v1/cases.proto

import type { Applicant as _xr_gateway_v1_Applicant, Applicant__Output as _xr_gateway_v1_Applicant__Output } from '../../../xr/gateway/v1/Applicant.js';
import type { Material as _xr_gateway_v1_Material, Material__Output as _xr_gateway_v1_Material__Output } from '../../../xr/gateway/v1/Material.js';
import type { HistoryEntry as _xr_gateway_v1_HistoryEntry, HistoryEntry__Output as _xr_gateway_v1_HistoryEntry__Output } from '../../../xr/gateway/v1/HistoryEntry.js';

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
  'submittedAt'?: (string);
  'updatedAt'?: (string);
  'history'?: (_xr_gateway_v1_HistoryEntry)[];
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
  'submittedAt': (string);
  'updatedAt': (string);
  'history': (_xr_gateway_v1_HistoryEntry__Output)[];
}
