// Original file: xr/gateway/v1/certificates.proto

import type { CertificateReason as _xr_gateway_v1_CertificateReason, CertificateReason__Output as _xr_gateway_v1_CertificateReason__Output } from '../../../xr/gateway/v1/CertificateReason.js';
import type { Long } from '@grpc/proto-loader';

export interface CertificateVerdict {
  'valid'?: (boolean);
  'reasons'?: (_xr_gateway_v1_CertificateReason)[];
  /**
   * What the credential says, when it could be decoded.
   */
  'certificateId'?: (string);
  'issuerRegion'?: (string);
  'typeCode'?: (string);
  'name'?: (string);
  'validFrom'?: (string);
  'validUntil'?: (string);
  /**
   * The region that verified it, and how fresh its status view is: the status topic position it
   * had read, and when it last heard from the topic.
   */
  'verifiedBy'?: (string);
  'statusPosition'?: (number | string | Long);
  'statusAsOf'?: (string);
}

export interface CertificateVerdict__Output {
  'valid': (boolean);
  'reasons': (_xr_gateway_v1_CertificateReason__Output)[];
  /**
   * What the credential says, when it could be decoded.
   */
  'certificateId': (string);
  'issuerRegion': (string);
  'typeCode': (string);
  'name': (string);
  'validFrom': (string);
  'validUntil': (string);
  /**
   * The region that verified it, and how fresh its status view is: the status topic position it
   * had read, and when it last heard from the topic.
   */
  'verifiedBy': (string);
  'statusPosition': (number);
  'statusAsOf': (string);
}
