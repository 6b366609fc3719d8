// Original file: xr/gateway/v1/cases.proto

import type { Case as _xr_gateway_v1_Case, Case__Output as _xr_gateway_v1_Case__Output } from '../../../xr/gateway/v1/Case.js';

export interface ListCasesResponse {
  'cases'?: (_xr_gateway_v1_Case)[];
  /**
   * Empty on the last page. Opaque; it continues after this page's last case, also when cases
   * arrived since (they come later, so at the end).
   */
  'nextPageToken'?: (string);
  /**
   * How many cases match in all.
   */
  'total'?: (number);
}

export interface ListCasesResponse__Output {
  'cases': (_xr_gateway_v1_Case__Output)[];
  /**
   * Empty on the last page. Opaque; it continues after this page's last case, also when cases
   * arrived since (they come later, so at the end).
   */
  'nextPageToken': (string);
  /**
   * How many cases match in all.
   */
  'total': (number);
}
