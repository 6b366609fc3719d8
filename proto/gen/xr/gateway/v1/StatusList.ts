// Original file: xr/gateway/v1/certificates.proto

import type { Long } from '@grpc/proto-loader';

export interface StatusList {
  /**
   * The BitstringStatusListCredential as a compact JWS (typ vc+jwt).
   */
  'credential'?: (string);
  'purpose'?: (string);
  'list'?: (number);
  'issuerRegion'?: (string);
  'statusPosition'?: (number | string | Long);
  'statusAsOf'?: (string);
  'issuerUscc'?: (string);
}

export interface StatusList__Output {
  /**
   * The BitstringStatusListCredential as a compact JWS (typ vc+jwt).
   */
  'credential': (string);
  'purpose': (string);
  'list': (number);
  'issuerRegion': (string);
  'statusPosition': (number);
  'statusAsOf': (string);
  'issuerUscc': (string);
}
