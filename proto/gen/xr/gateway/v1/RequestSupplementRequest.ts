// Original file: xr/gateway/v1/cases.proto

import type { SupplementItem as _xr_gateway_v1_SupplementItem, SupplementItem__Output as _xr_gateway_v1_SupplementItem__Output } from '../../../xr/gateway/v1/SupplementItem.js';

export interface RequestSupplementRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'items'?: (_xr_gateway_v1_SupplementItem)[];
  'notice'?: (string);
}

export interface RequestSupplementRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'items': (_xr_gateway_v1_SupplementItem__Output)[];
  'notice': (string);
}
