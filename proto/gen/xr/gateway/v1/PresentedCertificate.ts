// Original file: xr/gateway/v1/cases.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A presented certificate the handling region verified and accepted (recorded in its 签收, or in
 * its confirmation of a 补正 / 容缺补齐, so both regions' journals hold it).
 */
export interface PresentedCertificate {
  /**
   * The material it satisfies.
   */
  'material'?: (string);
  /**
   * 证照标识 (GB/T 36904).
   */
  'certificateId'?: (string);
  /**
   * GB/T 2260 code of the issuing region.
   */
  'issuerRegion'?: (string);
  /**
   * 证照类型代码.
   */
  'typeCode'?: (string);
  /**
   * When the handling region verified it (RFC 3339).
   */
  'verifiedAt'?: (string);
  /**
   * How far the verifier had read the public status topic (its offset).
   */
  'statusPosition'?: (number | string | Long);
}

/**
 * A presented certificate the handling region verified and accepted (recorded in its 签收, or in
 * its confirmation of a 补正 / 容缺补齐, so both regions' journals hold it).
 */
export interface PresentedCertificate__Output {
  /**
   * The material it satisfies.
   */
  'material': (string);
  /**
   * 证照标识 (GB/T 36904).
   */
  'certificateId': (string);
  /**
   * GB/T 2260 code of the issuing region.
   */
  'issuerRegion': (string);
  /**
   * 证照类型代码.
   */
  'typeCode': (string);
  /**
   * When the handling region verified it (RFC 3339).
   */
  'verifiedAt': (string);
  /**
   * How far the verifier had read the public status topic (its offset).
   */
  'statusPosition': (number);
}
