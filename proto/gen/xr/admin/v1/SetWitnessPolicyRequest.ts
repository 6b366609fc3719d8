// Original file: xr/admin/v1/admin.proto

import type { PolicyWitness as _xr_admin_v1_PolicyWitness, PolicyWitness__Output as _xr_admin_v1_PolicyWitness__Output } from '../../../xr/admin/v1/PolicyWitness.js';

export interface SetWitnessPolicyRequest {
  'requestId'?: (string);
  'region'?: (string);
  'quorum'?: (number);
  'witnesses'?: (_xr_admin_v1_PolicyWitness)[];
}

export interface SetWitnessPolicyRequest__Output {
  'requestId': (string);
  'region': (string);
  'quorum': (number);
  'witnesses': (_xr_admin_v1_PolicyWitness__Output)[];
}
