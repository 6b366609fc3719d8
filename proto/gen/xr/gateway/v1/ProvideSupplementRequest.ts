// Original file: xr/gateway/v1/cases.proto

import type { Material as _xr_gateway_v1_Material, Material__Output as _xr_gateway_v1_Material__Output } from '../../../xr/gateway/v1/Material.js';

export interface ProvideSupplementRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'materials'?: (_xr_gateway_v1_Material)[];
}

export interface ProvideSupplementRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'materials': (_xr_gateway_v1_Material__Output)[];
}
