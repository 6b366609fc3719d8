// Original file: xr/admin/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A refused inbound record: why, where it was, and a digest of its bytes (never its contents,
 * which may hold personal data; read the quarantine topic itself for those).
 */
export interface QuarantineEntry {
  'code'?: (string);
  'message'?: (string);
  'field'?: (string);
  'at'?: (string);
  'topic'?: (string);
  'partition'?: (number);
  'offset'?: (number | string | Long);
  'eventId'?: (string);
  /**
   * Hex SHA-256 and length of the original record value.
   */
  'valueSha256'?: (string);
  'valueSize'?: (number | string | Long);
  /**
   * Offset of this entry in the quarantine topic.
   */
  'quarantineOffset'?: (number | string | Long);
}

/**
 * A refused inbound record: why, where it was, and a digest of its bytes (never its contents,
 * which may hold personal data; read the quarantine topic itself for those).
 */
export interface QuarantineEntry__Output {
  'code': (string);
  'message': (string);
  'field': (string);
  'at': (string);
  'topic': (string);
  'partition': (number);
  'offset': (number);
  'eventId': (string);
  /**
   * Hex SHA-256 and length of the original record value.
   */
  'valueSha256': (string);
  'valueSize': (number);
  /**
   * Offset of this entry in the quarantine topic.
   */
  'quarantineOffset': (number);
}
