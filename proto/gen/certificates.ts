import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Certificate as _xr_gateway_v1_Certificate, Certificate__Output as _xr_gateway_v1_Certificate__Output } from './xr/gateway/v1/Certificate.js';
import type { CertificateReason as _xr_gateway_v1_CertificateReason, CertificateReason__Output as _xr_gateway_v1_CertificateReason__Output } from './xr/gateway/v1/CertificateReason.js';
import type { CertificateServiceClient as _xr_gateway_v1_CertificateServiceClient, CertificateServiceDefinition as _xr_gateway_v1_CertificateServiceDefinition } from './xr/gateway/v1/CertificateService.js';
import type { CertificateStatusChange as _xr_gateway_v1_CertificateStatusChange, CertificateStatusChange__Output as _xr_gateway_v1_CertificateStatusChange__Output } from './xr/gateway/v1/CertificateStatusChange.js';
import type { CertificateVerdict as _xr_gateway_v1_CertificateVerdict, CertificateVerdict__Output as _xr_gateway_v1_CertificateVerdict__Output } from './xr/gateway/v1/CertificateVerdict.js';
import type { ChangeCertificateStatusRequest as _xr_gateway_v1_ChangeCertificateStatusRequest, ChangeCertificateStatusRequest__Output as _xr_gateway_v1_ChangeCertificateStatusRequest__Output } from './xr/gateway/v1/ChangeCertificateStatusRequest.js';
import type { GetCertificateRequest as _xr_gateway_v1_GetCertificateRequest, GetCertificateRequest__Output as _xr_gateway_v1_GetCertificateRequest__Output } from './xr/gateway/v1/GetCertificateRequest.js';
import type { GetStatusListRequest as _xr_gateway_v1_GetStatusListRequest, GetStatusListRequest__Output as _xr_gateway_v1_GetStatusListRequest__Output } from './xr/gateway/v1/GetStatusListRequest.js';
import type { StatusList as _xr_gateway_v1_StatusList, StatusList__Output as _xr_gateway_v1_StatusList__Output } from './xr/gateway/v1/StatusList.js';
import type { VerifyCertificateRequest as _xr_gateway_v1_VerifyCertificateRequest, VerifyCertificateRequest__Output as _xr_gateway_v1_VerifyCertificateRequest__Output } from './xr/gateway/v1/VerifyCertificateRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  xr: {
    gateway: {
      v1: {
        Certificate: MessageTypeDefinition<_xr_gateway_v1_Certificate, _xr_gateway_v1_Certificate__Output>
        CertificateReason: MessageTypeDefinition<_xr_gateway_v1_CertificateReason, _xr_gateway_v1_CertificateReason__Output>
        CertificateService: SubtypeConstructor<typeof grpc.Client, _xr_gateway_v1_CertificateServiceClient> & { service: _xr_gateway_v1_CertificateServiceDefinition }
        CertificateStatusChange: MessageTypeDefinition<_xr_gateway_v1_CertificateStatusChange, _xr_gateway_v1_CertificateStatusChange__Output>
        CertificateVerdict: MessageTypeDefinition<_xr_gateway_v1_CertificateVerdict, _xr_gateway_v1_CertificateVerdict__Output>
        ChangeCertificateStatusRequest: MessageTypeDefinition<_xr_gateway_v1_ChangeCertificateStatusRequest, _xr_gateway_v1_ChangeCertificateStatusRequest__Output>
        GetCertificateRequest: MessageTypeDefinition<_xr_gateway_v1_GetCertificateRequest, _xr_gateway_v1_GetCertificateRequest__Output>
        GetStatusListRequest: MessageTypeDefinition<_xr_gateway_v1_GetStatusListRequest, _xr_gateway_v1_GetStatusListRequest__Output>
        StatusList: MessageTypeDefinition<_xr_gateway_v1_StatusList, _xr_gateway_v1_StatusList__Output>
        VerifyCertificateRequest: MessageTypeDefinition<_xr_gateway_v1_VerifyCertificateRequest, _xr_gateway_v1_VerifyCertificateRequest__Output>
      }
    }
  }
}

