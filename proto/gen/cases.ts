import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Applicant as _xr_gateway_v1_Applicant, Applicant__Output as _xr_gateway_v1_Applicant__Output } from './xr/gateway/v1/Applicant.js';
import type { Case as _xr_gateway_v1_Case, Case__Output as _xr_gateway_v1_Case__Output } from './xr/gateway/v1/Case.js';
import type { CaseServiceClient as _xr_gateway_v1_CaseServiceClient, CaseServiceDefinition as _xr_gateway_v1_CaseServiceDefinition } from './xr/gateway/v1/CaseService.js';
import type { CaseUpdate as _xr_gateway_v1_CaseUpdate, CaseUpdate__Output as _xr_gateway_v1_CaseUpdate__Output } from './xr/gateway/v1/CaseUpdate.js';
import type { GetCaseRequest as _xr_gateway_v1_GetCaseRequest, GetCaseRequest__Output as _xr_gateway_v1_GetCaseRequest__Output } from './xr/gateway/v1/GetCaseRequest.js';
import type { HistoryEntry as _xr_gateway_v1_HistoryEntry, HistoryEntry__Output as _xr_gateway_v1_HistoryEntry__Output } from './xr/gateway/v1/HistoryEntry.js';
import type { Intake as _xr_gateway_v1_Intake, Intake__Output as _xr_gateway_v1_Intake__Output } from './xr/gateway/v1/Intake.js';
import type { ListCasesRequest as _xr_gateway_v1_ListCasesRequest, ListCasesRequest__Output as _xr_gateway_v1_ListCasesRequest__Output } from './xr/gateway/v1/ListCasesRequest.js';
import type { ListCasesResponse as _xr_gateway_v1_ListCasesResponse, ListCasesResponse__Output as _xr_gateway_v1_ListCasesResponse__Output } from './xr/gateway/v1/ListCasesResponse.js';
import type { Material as _xr_gateway_v1_Material, Material__Output as _xr_gateway_v1_Material__Output } from './xr/gateway/v1/Material.js';
import type { SubmitCaseRequest as _xr_gateway_v1_SubmitCaseRequest, SubmitCaseRequest__Output as _xr_gateway_v1_SubmitCaseRequest__Output } from './xr/gateway/v1/SubmitCaseRequest.js';
import type { SubmitCaseResponse as _xr_gateway_v1_SubmitCaseResponse, SubmitCaseResponse__Output as _xr_gateway_v1_SubmitCaseResponse__Output } from './xr/gateway/v1/SubmitCaseResponse.js';
import type { WatchCaseRequest as _xr_gateway_v1_WatchCaseRequest, WatchCaseRequest__Output as _xr_gateway_v1_WatchCaseRequest__Output } from './xr/gateway/v1/WatchCaseRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  xr: {
    gateway: {
      v1: {
        Applicant: MessageTypeDefinition<_xr_gateway_v1_Applicant, _xr_gateway_v1_Applicant__Output>
        Case: MessageTypeDefinition<_xr_gateway_v1_Case, _xr_gateway_v1_Case__Output>
        CaseService: SubtypeConstructor<typeof grpc.Client, _xr_gateway_v1_CaseServiceClient> & { service: _xr_gateway_v1_CaseServiceDefinition }
        CaseUpdate: MessageTypeDefinition<_xr_gateway_v1_CaseUpdate, _xr_gateway_v1_CaseUpdate__Output>
        GetCaseRequest: MessageTypeDefinition<_xr_gateway_v1_GetCaseRequest, _xr_gateway_v1_GetCaseRequest__Output>
        HistoryEntry: MessageTypeDefinition<_xr_gateway_v1_HistoryEntry, _xr_gateway_v1_HistoryEntry__Output>
        Intake: MessageTypeDefinition<_xr_gateway_v1_Intake, _xr_gateway_v1_Intake__Output>
        ListCasesRequest: MessageTypeDefinition<_xr_gateway_v1_ListCasesRequest, _xr_gateway_v1_ListCasesRequest__Output>
        ListCasesResponse: MessageTypeDefinition<_xr_gateway_v1_ListCasesResponse, _xr_gateway_v1_ListCasesResponse__Output>
        Material: MessageTypeDefinition<_xr_gateway_v1_Material, _xr_gateway_v1_Material__Output>
        SubmitCaseRequest: MessageTypeDefinition<_xr_gateway_v1_SubmitCaseRequest, _xr_gateway_v1_SubmitCaseRequest__Output>
        SubmitCaseResponse: MessageTypeDefinition<_xr_gateway_v1_SubmitCaseResponse, _xr_gateway_v1_SubmitCaseResponse__Output>
        WatchCaseRequest: MessageTypeDefinition<_xr_gateway_v1_WatchCaseRequest, _xr_gateway_v1_WatchCaseRequest__Output>
      }
    }
  }
}

