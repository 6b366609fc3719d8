// Original file: xr/gateway/v1/cases.proto

import type { CertificateRef as _xr_gateway_v1_CertificateRef, CertificateRef__Output as _xr_gateway_v1_CertificateRef__Output } from '../../../xr/gateway/v1/CertificateRef.js';

export interface ApproveCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'decisionNo'?: (string);
  'certificate'?: (_xr_gateway_v1_CertificateRef | null);
}

export interface ApproveCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'decisionNo': (string);
  'certificate': (_xr_gateway_v1_CertificateRef__Output | null);
}
