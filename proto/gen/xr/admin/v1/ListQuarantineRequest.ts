// Original file: xr/admin/v1/admin.proto


export interface ListQuarantineRequest {
  'region'?: (string);
  /**
   * At most this many of the newest entries (default 100, at most 1000).
   */
  'limit'?: (number);
}

export interface ListQuarantineRequest__Output {
  'region': (string);
  /**
   * At most this many of the newest entries (default 100, at most 1000).
   */
  'limit': (number);
}
