// Original file: xr/admin/v1/admin.proto


export interface Recognition {
  'issuer'?: (string);
  'certificateTypes'?: (string)[];
}

export interface Recognition__Output {
  'issuer': (string);
  'certificateTypes': (string)[];
}
