// Original file: xr/admin/v1/admin.proto

import type { Jwk as _xr_admin_v1_Jwk, Jwk__Output as _xr_admin_v1_Jwk__Output } from '../../../xr/admin/v1/Jwk.js';

export interface RotateKeyRequest {
  'requestId'?: (string);
  'region'?: (string);
  'newKey'?: (_xr_admin_v1_Jwk | null);
  /**
   * The region's older keys keep verifying records signed before this time.
   */
  'overlapUntil'?: (string);
}

export interface RotateKeyRequest__Output {
  'requestId': (string);
  'region': (string);
  'newKey': (_xr_admin_v1_Jwk__Output | null);
  /**
   * The region's older keys keep verifying records signed before this time.
   */
  'overlapUntil': (string);
}
