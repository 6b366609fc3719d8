// Original file: xr/gateway/v1/cases.proto

import type { NamedMaterial as _xr_gateway_v1_NamedMaterial, NamedMaterial__Output as _xr_gateway_v1_NamedMaterial__Output } from '../../../xr/gateway/v1/NamedMaterial.js';

export interface AcceptCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'receiptNo'?: (string);
  /**
   * "standard", "deferred-materials" (容缺受理) or "notify-commit" (告知承诺).
   */
  'basis'?: (string);
  'outstanding'?: (_xr_gateway_v1_NamedMaterial)[];
  /**
   * 承诺时限 in working days, at most the item's 法定时限; the item's own when 0.
   */
  'promisedDays'?: (number);
}

export interface AcceptCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'receiptNo': (string);
  /**
   * "standard", "deferred-materials" (容缺受理) or "notify-commit" (告知承诺).
   */
  'basis': (string);
  'outstanding': (_xr_gateway_v1_NamedMaterial__Output)[];
  /**
   * 承诺时限 in working days, at most the item's 法定时限; the item's own when 0.
   */
  'promisedDays': (number);
}
