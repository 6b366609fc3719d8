// Original file: xr/admin/v1/admin.proto

import type { Partner as _xr_admin_v1_Partner, Partner__Output as _xr_admin_v1_Partner__Output } from '../../../xr/admin/v1/Partner.js';
import type { Long } from '@grpc/proto-loader';

export interface ListPartnersResponse {
  'partners'?: (_xr_admin_v1_Partner)[];
  /**
   * Registry records applied so far (the follower's position in the registry topic).
   */
  'registryPosition'?: (number | string | Long);
}

export interface ListPartnersResponse__Output {
  'partners': (_xr_admin_v1_Partner__Output)[];
  /**
   * Registry records applied so far (the follower's position in the registry topic).
   */
  'registryPosition': (number);
}
