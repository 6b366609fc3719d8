// Original file: xr/admin/v1/admin.proto


export interface ListCalendarsRequest {
  /**
   * Also list provisional years up to this one (default: the year after the last published one).
   */
  'untilYear'?: (number);
}

export interface ListCalendarsRequest__Output {
  /**
   * Also list provisional years up to this one (default: the year after the last published one).
   */
  'untilYear': (number);
}
