// Original file: xr/admin/v1/admin.proto

import type { PartnerStatus as _xr_admin_v1_PartnerStatus, PartnerStatus__Output as _xr_admin_v1_PartnerStatus__Output } from '../../../xr/admin/v1/PartnerStatus.js';
import type { PartnerKey as _xr_admin_v1_PartnerKey, PartnerKey__Output as _xr_admin_v1_PartnerKey__Output } from '../../../xr/admin/v1/PartnerKey.js';
import type { Contact as _xr_admin_v1_Contact, Contact__Output as _xr_admin_v1_Contact__Output } from '../../../xr/admin/v1/Contact.js';
import type { Recognition as _xr_admin_v1_Recognition, Recognition__Output as _xr_admin_v1_Recognition__Output } from '../../../xr/admin/v1/Recognition.js';

export interface Partner {
  'region'?: (string);
  'name'?: (string);
  'status'?: (_xr_admin_v1_PartnerStatus);
  'suspendedReason'?: (string);
  'keys'?: (_xr_admin_v1_PartnerKey)[];
  'contact'?: (_xr_admin_v1_Contact | null);
  'catalogJson'?: (string);
  /**
   * Certificate types this region accepts, by issuing region.
   */
  'recognitions'?: (_xr_admin_v1_Recognition)[];
  'registeredAt'?: (string);
  'updatedAt'?: (string);
}

export interface Partner__Output {
  'region': (string);
  'name': (string);
  'status': (_xr_admin_v1_PartnerStatus__Output);
  'suspendedReason': (string);
  'keys': (_xr_admin_v1_PartnerKey__Output)[];
  'contact': (_xr_admin_v1_Contact__Output | null);
  'catalogJson': (string);
  /**
   * Certificate types this region accepts, by issuing region.
   */
  'recognitions': (_xr_admin_v1_Recognition__Output)[];
  'registeredAt': (string);
  'updatedAt': (string);
}
