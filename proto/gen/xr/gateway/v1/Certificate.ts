// Original file: xr/gateway/v1/certificates.proto

import type { Long } from '@grpc/proto-loader';

export interface Certificate {
  /**
   * 证照标识 (GB/T 36904), e.g. 1.2.156.3005.2.<证照类型代码>.<颁发机构代码>.<流水号>.<版本号>.<校验位>.
   */
  'id'?: (string);
  'typeCode'?: (string);
  /**
   * 证照名称, 证照编号.
   */
  'name'?: (string);
  'number'?: (string);
  /**
   * The compact JWS (typ vc+jwt) the holder presents.
   */
  'credential'?: (string);
  /**
   * Lower-case hex SHA-256 of `credential`, as on the status topic.
   */
  'digest'?: (string);
  'statusIndex'?: (number | string | Long);
  'validFrom'?: (string);
  'validUntil'?: (string);
  'issuerRegion'?: (string);
  'caseId'?: (string);
  /**
   * "valid", "revoked" or "suspended", as this gateway's status view has it.
   */
  'status'?: (string);
}

export interface Certificate__Output {
  /**
   * 证照标识 (GB/T 36904), e.g. 1.2.156.3005.2.<证照类型代码>.<颁发机构代码>.<流水号>.<版本号>.<校验位>.
   */
  'id': (string);
  'typeCode': (string);
  /**
   * 证照名称, 证照编号.
   */
  'name': (string);
  'number': (string);
  /**
   * The compact JWS (typ vc+jwt) the holder presents.
   */
  'credential': (string);
  /**
   * Lower-case hex SHA-256 of `credential`, as on the status topic.
   */
  'digest': (string);
  'statusIndex': (number);
  'validFrom': (string);
  'validUntil': (string);
  'issuerRegion': (string);
  'caseId': (string);
  /**
   * "valid", "revoked" or "suspended", as this gateway's status view has it.
   */
  'status': (string);
}
