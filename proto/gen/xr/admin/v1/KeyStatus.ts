// Original file: xr/admin/v1/admin.proto

export const KeyStatus = {
  KEY_STATUS_UNSPECIFIED: 'KEY_STATUS_UNSPECIFIED',
  /**
   * Verifies records signed now.
   */
  KEY_STATUS_ACTIVE: 'KEY_STATUS_ACTIVE',
  /**
   * Rotated: verifies records signed before valid_until.
   */
  KEY_STATUS_ROTATING_OUT: 'KEY_STATUS_ROTATING_OUT',
  /**
   * Rotated and past valid_until.
   */
  KEY_STATUS_ROTATED_OUT: 'KEY_STATUS_ROTATED_OUT',
  /**
   * Revoked: records signed at or after revoked_at are refused.
   */
  KEY_STATUS_REVOKED: 'KEY_STATUS_REVOKED',
} as const;

export type KeyStatus =
  | 'KEY_STATUS_UNSPECIFIED'
  | 0
  /**
   * Verifies records signed now.
   */
  | 'KEY_STATUS_ACTIVE'
  | 1
  /**
   * Rotated: verifies records signed before valid_until.
   */
  | 'KEY_STATUS_ROTATING_OUT'
  | 2
  /**
   * Rotated and past valid_until.
   */
  | 'KEY_STATUS_ROTATED_OUT'
  | 3
  /**
   * Revoked: records signed at or after revoked_at are refused.
   */
  | 'KEY_STATUS_REVOKED'
  | 4

export type KeyStatus__Output = typeof KeyStatus[keyof typeof KeyStatus]
