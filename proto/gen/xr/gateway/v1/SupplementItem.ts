// Original file: xr/gateway/v1/cases.proto


export interface SupplementItem {
  'material'?: (string);
  'reason'?: (string);
}

export interface SupplementItem__Output {
  'material': (string);
  'reason': (string);
}
