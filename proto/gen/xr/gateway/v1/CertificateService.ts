// Original file: xr/gateway/v1/certificates.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Certificate as _xr_gateway_v1_Certificate, Certificate__Output as _xr_gateway_v1_Certificate__Output } from '../../../xr/gateway/v1/Certificate.js';
import type { CertificateStatusChange as _xr_gateway_v1_CertificateStatusChange, CertificateStatusChange__Output as _xr_gateway_v1_CertificateStatusChange__Output } from '../../../xr/gateway/v1/CertificateStatusChange.js';
import type { CertificateVerdict as _xr_gateway_v1_CertificateVerdict, CertificateVerdict__Output as _xr_gateway_v1_CertificateVerdict__Output } from '../../../xr/gateway/v1/CertificateVerdict.js';
import type { ChangeCertificateStatusRequest as _xr_gateway_v1_ChangeCertificateStatusRequest, ChangeCertificateStatusRequest__Output as _xr_gateway_v1_ChangeCertificateStatusRequest__Output } from '../../../xr/gateway/v1/ChangeCertificateStatusRequest.js';
import type { GetCertificateRequest as _xr_gateway_v1_GetCertificateRequest, GetCertificateRequest__Output as _xr_gateway_v1_GetCertificateRequest__Output } from '../../../xr/gateway/v1/GetCertificateRequest.js';
import type { GetStatusListRequest as _xr_gateway_v1_GetStatusListRequest, GetStatusListRequest__Output as _xr_gateway_v1_GetStatusListRequest__Output } from '../../../xr/gateway/v1/GetStatusListRequest.js';
import type { StatusList as _xr_gateway_v1_StatusList, StatusList__Output as _xr_gateway_v1_StatusList__Output } from '../../../xr/gateway/v1/StatusList.js';
import type { VerifyCertificateRequest as _xr_gateway_v1_VerifyCertificateRequest, VerifyCertificateRequest__Output as _xr_gateway_v1_VerifyCertificateRequest__Output } from '../../../xr/gateway/v1/VerifyCertificateRequest.js';

export interface CertificateServiceClient extends grpc.Client {
  /**
   * The certificate issued for a case, to either party of the case.
   */
  GetCertificate(argument: _xr_gateway_v1_GetCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  GetCertificate(argument: _xr_gateway_v1_GetCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  GetCertificate(argument: _xr_gateway_v1_GetCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  GetCertificate(argument: _xr_gateway_v1_GetCertificateRequest, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  /**
   * The certificate issued for a case, to either party of the case.
   */
  getCertificate(argument: _xr_gateway_v1_GetCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  getCertificate(argument: _xr_gateway_v1_GetCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  getCertificate(argument: _xr_gateway_v1_GetCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  getCertificate(argument: _xr_gateway_v1_GetCertificateRequest, callback: grpc.requestCallback<_xr_gateway_v1_Certificate__Output>): grpc.ClientUnaryCall;
  
  /**
   * An issuer's status list as a BitstringStatusListCredential (vc+jwt), for verifiers outside the
   * network (a bank, a court) to cache and check offline. This gateway answers for itself only.
   */
  GetStatusList(argument: _xr_gateway_v1_GetStatusListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  GetStatusList(argument: _xr_gateway_v1_GetStatusListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  GetStatusList(argument: _xr_gateway_v1_GetStatusListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  GetStatusList(argument: _xr_gateway_v1_GetStatusListRequest, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  /**
   * An issuer's status list as a BitstringStatusListCredential (vc+jwt), for verifiers outside the
   * network (a bank, a court) to cache and check offline. This gateway answers for itself only.
   */
  getStatusList(argument: _xr_gateway_v1_GetStatusListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  getStatusList(argument: _xr_gateway_v1_GetStatusListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  getStatusList(argument: _xr_gateway_v1_GetStatusListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  getStatusList(argument: _xr_gateway_v1_GetStatusListRequest, callback: grpc.requestCallback<_xr_gateway_v1_StatusList__Output>): grpc.ClientUnaryCall;
  
  ReinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  ReinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  ReinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  ReinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  reinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  reinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  reinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  reinstateCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * The issuing region only: revocation is final; suspension lasts until reinstated. Every
   * gateway refuses the certificate once the status record reaches it (within a second).
   */
  RevokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  /**
   * The issuing region only: revocation is final; suspension lasts until reinstated. Every
   * gateway refuses the certificate once the status record reaches it (within a second).
   */
  revokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  
  SuspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  SuspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  SuspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  SuspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  suspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  suspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  suspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  suspendCertificate(argument: _xr_gateway_v1_ChangeCertificateStatusRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateStatusChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * Verifies a credential as its holder presents it. Answers with a verdict listing every reason
   * (never an error for a bad credential; errors are for bad requests).
   */
  VerifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  VerifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  VerifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  VerifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  /**
   * Verifies a credential as its holder presents it. Answers with a verdict listing every reason
   * (never an error for a bad credential; errors are for bad requests).
   */
  verifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  verifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  verifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  verifyCertificate(argument: _xr_gateway_v1_VerifyCertificateRequest, callback: grpc.requestCallback<_xr_gateway_v1_CertificateVerdict__Output>): grpc.ClientUnaryCall;
  
}

export interface CertificateServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The certificate issued for a case, to either party of the case.
   */
  GetCertificate: grpc.handleUnaryCall<_xr_gateway_v1_GetCertificateRequest__Output, _xr_gateway_v1_Certificate>;
  
  /**
   * An issuer's status list as a BitstringStatusListCredential (vc+jwt), for verifiers outside the
   * network (a bank, a court) to cache and check offline. This gateway answers for itself only.
   */
  GetStatusList: grpc.handleUnaryCall<_xr_gateway_v1_GetStatusListRequest__Output, _xr_gateway_v1_StatusList>;
  
  ReinstateCertificate: grpc.handleUnaryCall<_xr_gateway_v1_ChangeCertificateStatusRequest__Output, _xr_gateway_v1_CertificateStatusChange>;
  
  /**
   * The issuing region only: revocation is final; suspension lasts until reinstated. Every
   * gateway refuses the certificate once the status record reaches it (within a second).
   */
  RevokeCertificate: grpc.handleUnaryCall<_xr_gateway_v1_ChangeCertificateStatusRequest__Output, _xr_gateway_v1_CertificateStatusChange>;
  
  SuspendCertificate: grpc.handleUnaryCall<_xr_gateway_v1_ChangeCertificateStatusRequest__Output, _xr_gateway_v1_CertificateStatusChange>;
  
  /**
   * Verifies a credential as its holder presents it. Answers with a verdict listing every reason
   * (never an error for a bad credential; errors are for bad requests).
   */
  VerifyCertificate: grpc.handleUnaryCall<_xr_gateway_v1_VerifyCertificateRequest__Output, _xr_gateway_v1_CertificateVerdict>;
  
}

export interface CertificateServiceDefinition extends grpc.ServiceDefinition {
  GetCertificate: MethodDefinition<_xr_gateway_v1_GetCertificateRequest, _xr_gateway_v1_Certificate, _xr_gateway_v1_GetCertificateRequest__Output, _xr_gateway_v1_Certificate__Output>
  GetStatusList: MethodDefinition<_xr_gateway_v1_GetStatusListRequest, _xr_gateway_v1_StatusList, _xr_gateway_v1_GetStatusListRequest__Output, _xr_gateway_v1_StatusList__Output>
  ReinstateCertificate: MethodDefinition<_xr_gateway_v1_ChangeCertificateStatusRequest, _xr_gateway_v1_CertificateStatusChange, _xr_gateway_v1_ChangeCertificateStatusRequest__Output, _xr_gateway_v1_CertificateStatusChange__Output>
  RevokeCertificate: MethodDefinition<_xr_gateway_v1_ChangeCertificateStatusRequest, _xr_gateway_v1_CertificateStatusChange, _xr_gateway_v1_ChangeCertificateStatusRequest__Output, _xr_gateway_v1_CertificateStatusChange__Output>
  SuspendCertificate: MethodDefinition<_xr_gateway_v1_ChangeCertificateStatusRequest, _xr_gateway_v1_CertificateStatusChange, _xr_gateway_v1_ChangeCertificateStatusRequest__Output, _xr_gateway_v1_CertificateStatusChange__Output>
  VerifyCertificate: MethodDefinition<_xr_gateway_v1_VerifyCertificateRequest, _xr_gateway_v1_CertificateVerdict, _xr_gateway_v1_VerifyCertificateRequest__Output, _xr_gateway_v1_CertificateVerdict__Output>
}
