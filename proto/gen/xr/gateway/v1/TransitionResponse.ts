// Original file: xr/gateway/v1/cases.proto

import type { Case as _xr_gateway_v1_Case, Case__Output as _xr_gateway_v1_Case__Output } from '../../../xr/gateway/v1/Case.js';

export interface TransitionResponse {
  'case'?: (_xr_gateway_v1_Case | null);
}

export interface TransitionResponse__Output {
  'case': (_xr_gateway_v1_Case__Output | null);
}
