// Original file: xr/admin/v1/admin.proto

export const PartnerStatus = {
  PARTNER_STATUS_UNSPECIFIED: 'PARTNER_STATUS_UNSPECIFIED',
  PARTNER_STATUS_ACTIVE: 'PARTNER_STATUS_ACTIVE',
  PARTNER_STATUS_SUSPENDED: 'PARTNER_STATUS_SUSPENDED',
} as const;

export type PartnerStatus =
  | 'PARTNER_STATUS_UNSPECIFIED'
  | 0
  | 'PARTNER_STATUS_ACTIVE'
  | 1
  | 'PARTNER_STATUS_SUSPENDED'
  | 2

export type PartnerStatus__Output = typeof PartnerStatus[keyof typeof PartnerStatus]
