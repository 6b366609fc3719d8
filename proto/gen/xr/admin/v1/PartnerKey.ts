// Original file: xr/admin/v1/admin.proto

import type { Jwk as _xr_admin_v1_Jwk, Jwk__Output as _xr_admin_v1_Jwk__Output } from '../../../xr/admin/v1/Jwk.js';
import type { KeyStatus as _xr_admin_v1_KeyStatus, KeyStatus__Output as _xr_admin_v1_KeyStatus__Output } from '../../../xr/admin/v1/KeyStatus.js';

export interface PartnerKey {
  'jwk'?: (_xr_admin_v1_Jwk | null);
  'status'?: (_xr_admin_v1_KeyStatus);
  /**
   * Set once the key is rotated.
   */
  'validUntil'?: (string);
  /**
   * Set once the key is revoked (its effective time).
   */
  'revokedAt'?: (string);
}

export interface PartnerKey__Output {
  'jwk': (_xr_admin_v1_Jwk__Output | null);
  'status': (_xr_admin_v1_KeyStatus__Output);
  /**
   * Set once the key is rotated.
   */
  'validUntil': (string);
  /**
   * Set once the key is revoked (its effective time).
   */
  'revokedAt': (string);
}
