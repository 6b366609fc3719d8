// Original file: xr/gateway/v1/cases.proto


export interface NamedMaterial {
  'name'?: (string);
  /**
   * YYYY-MM-DD (China time) by which it must be supplied.
   */
  'dueDate'?: (string);
}

export interface NamedMaterial__Output {
  'name': (string);
  /**
   * YYYY-MM-DD (China time) by which it must be supplied.
   */
  'dueDate': (string);
}
