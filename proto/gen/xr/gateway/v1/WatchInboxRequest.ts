// Original file: xr/gateway/v1/cases.proto


export interface WatchInboxRequest {
  /**
   * "receiving", "handling" or empty for both.
   */
  'side'?: (string);
}

export interface WatchInboxRequest__Output {
  /**
   * "receiving", "handling" or empty for both.
   */
  'side': (string);
}
