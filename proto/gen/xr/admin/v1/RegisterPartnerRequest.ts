// Original file: xr/admin/v1/admin.proto

import type { Jwk as _xr_admin_v1_Jwk, Jwk__Output as _xr_admin_v1_Jwk__Output } from '../../../xr/admin/v1/Jwk.js';
import type { Contact as _xr_admin_v1_Contact, Contact__Output as _xr_admin_v1_Contact__Output } from '../../../xr/admin/v1/Contact.js';

export interface RegisterPartnerRequest {
  /**
   * The caller's id for this change; retrying with the same id makes no second record.
   */
  'requestId'?: (string);
  'region'?: (string);
  'name'?: (string);
  'keys'?: (_xr_admin_v1_Jwk)[];
  /**
   * The item catalog as a JSON object (its schema is defined elsewhere); empty for none.
   */
  'catalogJson'?: (string);
  'contact'?: (_xr_admin_v1_Contact | null);
}

export interface RegisterPartnerRequest__Output {
  /**
   * The caller's id for this change; retrying with the same id makes no second record.
   */
  'requestId': (string);
  'region': (string);
  'name': (string);
  'keys': (_xr_admin_v1_Jwk__Output)[];
  /**
   * The item catalog as a JSON object (its schema is defined elsewhere); empty for none.
   */
  'catalogJson': (string);
  'contact': (_xr_admin_v1_Contact__Output | null);
}
