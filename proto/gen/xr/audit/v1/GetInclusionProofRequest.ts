// Original file: xr/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface GetInclusionProofRequest {
  /**
   * The event whose journal record is proved; with `region`, the record in that region's
   * journal (an event is in its sender's and its receiver's journal), else the first found.
   */
  'eventId'?: (string);
  'region'?: (string);
  /**
   * Alternatively, a leaf by origin and index.
   */
  'origin'?: (string);
  'index'?: (number | string | Long);
}

export interface GetInclusionProofRequest__Output {
  /**
   * The event whose journal record is proved; with `region`, the record in that region's
   * journal (an event is in its sender's and its receiver's journal), else the first found.
   */
  'eventId': (string);
  'region': (string);
  /**
   * Alternatively, a leaf by origin and index.
   */
  'origin': (string);
  'index': (number);
}
