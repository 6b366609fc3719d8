// Original file: xr/audit/v1/audit.proto


export interface GetCheckpointRequest {
  'origin'?: (string);
  'witnessed'?: (boolean);
}

export interface GetCheckpointRequest__Output {
  'origin': (string);
  'witnessed': (boolean);
}
