// Original file: xr/admin/v1/admin.proto

import type { QuarantineEntry as _xr_admin_v1_QuarantineEntry, QuarantineEntry__Output as _xr_admin_v1_QuarantineEntry__Output } from '../../../xr/admin/v1/QuarantineEntry.js';
import type { Long } from '@grpc/proto-loader';

export interface ListQuarantineResponse {
  'entries'?: (_xr_admin_v1_QuarantineEntry)[];
  /**
   * Entries in the quarantine topic in all.
   */
  'total'?: (number | string | Long);
}

export interface ListQuarantineResponse__Output {
  'entries': (_xr_admin_v1_QuarantineEntry__Output)[];
  /**
   * Entries in the quarantine topic in all.
   */
  'total': (number);
}
