// Original file: xr/admin/v1/admin.proto


export interface GetWitnessPolicyRequest {
  'region'?: (string);
}

export interface GetWitnessPolicyRequest__Output {
  'region': (string);
}
