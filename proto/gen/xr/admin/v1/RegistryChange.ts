// Original file: xr/admin/v1/admin.proto

import type { Partner as _xr_admin_v1_Partner, Partner__Output as _xr_admin_v1_Partner__Output } from '../../../xr/admin/v1/Partner.js';
import type { Long } from '@grpc/proto-loader';

/**
 * What a change did, once the registry follower of this admin service has applied it.
 */
export interface RegistryChange {
  /**
   * Id of the registry record (UUIDv7, or a UUIDv8 fixed by request_id when one was given). Empty when
   * the change was already in effect (same registration, resuming an active partner…) and
   * nothing was written.
   */
  'recordId'?: (string);
  /**
   * Offset of the record in the registry topic (when nothing was written: the last one applied).
   */
  'offset'?: (number | string | Long);
  /**
   * True when this request had been applied already, or the change was already in effect.
   */
  'duplicate'?: (boolean);
  'partner'?: (_xr_admin_v1_Partner | null);
}

/**
 * What a change did, once the registry follower of this admin service has applied it.
 */
export interface RegistryChange__Output {
  /**
   * Id of the registry record (UUIDv7, or a UUIDv8 fixed by request_id when one was given). Empty when
   * the change was already in effect (same registration, resuming an active partner…) and
   * nothing was written.
   */
  'recordId': (string);
  /**
   * Offset of the record in the registry topic (when nothing was written: the last one applied).
   */
  'offset': (number);
  /**
   * True when this request had been applied already, or the change was already in effect.
   */
  'duplicate': (boolean);
  'partner': (_xr_admin_v1_Partner__Output | null);
}
