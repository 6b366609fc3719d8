// Original file: xr/gateway/v1/cases.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A material handed over: a scan (sha256, size, media_type) or, instead, an 电子证照 its holder
 * presents (证照免提交: certificate set, the scan fields left empty; a material with both is refused).
 */
export interface Material {
  'name'?: (string);
  /**
   * Hex SHA-256 of the file; the file itself travels by the partners' file exchange.
   */
  'sha256'?: (string);
  'size'?: (number | string | Long);
  'mediaType'?: (string);
  /**
   * 证照免提交: the credential as the holder presents it, a compact JWS (typ vc+jwt, the W3C VC 2.0
   * credential of docs/WIRE.md "E-certificates"). The handling region verifies it when it decides
   * the submission (or the 补正 / 容缺补齐 carrying it): signature and key at issuance, validity,
   * status, its own recognition agreement with the issuer for the type, and the type its catalog
   * accepts for the material. A refused certificate refuses the request with the verdict's first
   * reason code (XR_CERT_REVOKED, XR_CERT_NOT_RECOGNISED, XR_CERT_SIGNATURE_INVALID,
   * XR_CERT_TYPE_MISMATCH, …), the field materials[i].certificate and a message naming the
   * material and every reason. An accepted one is recorded with the case (Case.presented_certificates).
   */
  'certificate'?: (string);
}

/**
 * A material handed over: a scan (sha256, size, media_type) or, instead, an 电子证照 its holder
 * presents (证照免提交: certificate set, the scan fields left empty; a material with both is refused).
 */
export interface Material__Output {
  'name': (string);
  /**
   * Hex SHA-256 of the file; the file itself travels by the partners' file exchange.
   */
  'sha256': (string);
  'size': (number);
  'mediaType': (string);
  /**
   * 证照免提交: the credential as the holder presents it, a compact JWS (typ vc+jwt, the W3C VC 2.0
   * credential of docs/WIRE.md "E-certificates"). The handling region verifies it when it decides
   * the submission (or the 补正 / 容缺补齐 carrying it): signature and key at issuance, validity,
   * status, its own recognition agreement with the issuer for the type, and the type its catalog
   * accepts for the material. A refused certificate refuses the request with the verdict's first
   * reason code (XR_CERT_REVOKED, XR_CERT_NOT_RECOGNISED, XR_CERT_SIGNATURE_INVALID,
   * XR_CERT_TYPE_MISMATCH, …), the field materials[i].certificate and a message naming the
   * material and every reason. An accepted one is recorded with the case (Case.presented_certificates).
   */
  'certificate': (string);
}
