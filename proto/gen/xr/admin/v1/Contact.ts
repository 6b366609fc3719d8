// Original file: xr/admin/v1/admin.proto


export interface Contact {
  'name'?: (string);
  'phone'?: (string);
  'email'?: (string);
}

export interface Contact__Output {
  'name': (string);
  'phone': (string);
  'email': (string);
}
