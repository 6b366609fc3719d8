// Original file: xr/gateway/v1/cases.proto


export interface RecordDeliveryRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  /**
   * window, post or electronic.
   */
  'method'?: (string);
  'trackingNo'?: (string);
  /**
   * RFC 3339; now when empty.
   */
  'deliveredAt'?: (string);
}

export interface RecordDeliveryRequest__Output {
  'requestId': (string);
  'caseId': (string);
  /**
   * window, post or electronic.
   */
  'method': (string);
  'trackingNo': (string);
  /**
   * RFC 3339; now when empty.
   */
  'deliveredAt': (string);
}
