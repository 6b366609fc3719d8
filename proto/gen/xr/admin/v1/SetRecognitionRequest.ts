// Original file: xr/admin/v1/admin.proto


export interface SetRecognitionRequest {
  'requestId'?: (string);
  /**
   * The recognising region.
   */
  'region'?: (string);
  /**
   * The region whose certificates it recognises.
   */
  'issuer'?: (string);
  'certificateTypes'?: (string)[];
}

export interface SetRecognitionRequest__Output {
  'requestId': (string);
  /**
   * The recognising region.
   */
  'region': (string);
  /**
   * The region whose certificates it recognises.
   */
  'issuer': (string);
  'certificateTypes': (string)[];
}
