// Original file: xr/gateway/v1/certificates.proto

import type { Long } from '@grpc/proto-loader';

export interface CertificateStatusChange {
  'certificateId'?: (string);
  /**
   * "revoked", "suspended" or "valid" right after the change (for a retry: after the first request).
   */
  'status'?: (string);
  /**
   * The status record's offset on the status topic, and its time.
   */
  'offset'?: (number | string | Long);
  'at'?: (string);
  /**
   * The change was made before by the same request id, or the certificate already had this status.
   */
  'unchanged'?: (boolean);
}

export interface CertificateStatusChange__Output {
  'certificateId': (string);
  /**
   * "revoked", "suspended" or "valid" right after the change (for a retry: after the first request).
   */
  'status': (string);
  /**
   * The status record's offset on the status topic, and its time.
   */
  'offset': (number);
  'at': (string);
  /**
   * The change was made before by the same request id, or the certificate already had this status.
   */
  'unchanged': (boolean);
}
