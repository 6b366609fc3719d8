import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AcceptCaseRequest as _xr_gateway_v1_AcceptCaseRequest, AcceptCaseRequest__Output as _xr_gateway_v1_AcceptCaseRequest__Output } from './xr/gateway/v1/AcceptCaseRequest.js';
import type { Applicant as _xr_gateway_v1_Applicant, Applicant__Output as _xr_gateway_v1_Applicant__Output } from './xr/gateway/v1/Applicant.js';
import type { ApproveCaseRequest as _xr_gateway_v1_ApproveCaseRequest, ApproveCaseRequest__Output as _xr_gateway_v1_ApproveCaseRequest__Output } from './xr/gateway/v1/ApproveCaseRequest.js';
import type { Case as _xr_gateway_v1_Case, Case__Output as _xr_gateway_v1_Case__Output } from './xr/gateway/v1/Case.js';
import type { CaseServiceClient as _xr_gateway_v1_CaseServiceClient, CaseServiceDefinition as _xr_gateway_v1_CaseServiceDefinition } from './xr/gateway/v1/CaseService.js';
import type { CaseUpdate as _xr_gateway_v1_CaseUpdate, CaseUpdate__Output as _xr_gateway_v1_CaseUpdate__Output } from './xr/gateway/v1/CaseUpdate.js';
import type { CertificateRef as _xr_gateway_v1_CertificateRef, CertificateRef__Output as _xr_gateway_v1_CertificateRef__Output } from './xr/gateway/v1/CertificateRef.js';
import type { CloseCaseRequest as _xr_gateway_v1_CloseCaseRequest, CloseCaseRequest__Output as _xr_gateway_v1_CloseCaseRequest__Output } from './xr/gateway/v1/CloseCaseRequest.js';
import type { Commitment as _xr_gateway_v1_Commitment, Commitment__Output as _xr_gateway_v1_Commitment__Output } from './xr/gateway/v1/Commitment.js';
import type { CompleteMaterialsRequest as _xr_gateway_v1_CompleteMaterialsRequest, CompleteMaterialsRequest__Output as _xr_gateway_v1_CompleteMaterialsRequest__Output } from './xr/gateway/v1/CompleteMaterialsRequest.js';
import type { DeadlineUnknown as _xr_gateway_v1_DeadlineUnknown, DeadlineUnknown__Output as _xr_gateway_v1_DeadlineUnknown__Output } from './xr/gateway/v1/DeadlineUnknown.js';
import type { Deadlines as _xr_gateway_v1_Deadlines, Deadlines__Output as _xr_gateway_v1_Deadlines__Output } from './xr/gateway/v1/Deadlines.js';
import type { DenyCaseRequest as _xr_gateway_v1_DenyCaseRequest, DenyCaseRequest__Output as _xr_gateway_v1_DenyCaseRequest__Output } from './xr/gateway/v1/DenyCaseRequest.js';
import type { ExtendDeadlineRequest as _xr_gateway_v1_ExtendDeadlineRequest, ExtendDeadlineRequest__Output as _xr_gateway_v1_ExtendDeadlineRequest__Output } from './xr/gateway/v1/ExtendDeadlineRequest.js';
import type { GetCaseRequest as _xr_gateway_v1_GetCaseRequest, GetCaseRequest__Output as _xr_gateway_v1_GetCaseRequest__Output } from './xr/gateway/v1/GetCaseRequest.js';
import type { HistoryEntry as _xr_gateway_v1_HistoryEntry, HistoryEntry__Output as _xr_gateway_v1_HistoryEntry__Output } from './xr/gateway/v1/HistoryEntry.js';
import type { Intake as _xr_gateway_v1_Intake, Intake__Output as _xr_gateway_v1_Intake__Output } from './xr/gateway/v1/Intake.js';
import type { ListCasesRequest as _xr_gateway_v1_ListCasesRequest, ListCasesRequest__Output as _xr_gateway_v1_ListCasesRequest__Output } from './xr/gateway/v1/ListCasesRequest.js';
import type { ListCasesResponse as _xr_gateway_v1_ListCasesResponse, ListCasesResponse__Output as _xr_gateway_v1_ListCasesResponse__Output } from './xr/gateway/v1/ListCasesResponse.js';
import type { Material as _xr_gateway_v1_Material, Material__Output as _xr_gateway_v1_Material__Output } from './xr/gateway/v1/Material.js';
import type { NamedMaterial as _xr_gateway_v1_NamedMaterial, NamedMaterial__Output as _xr_gateway_v1_NamedMaterial__Output } from './xr/gateway/v1/NamedMaterial.js';
import type { PresentedCertificate as _xr_gateway_v1_PresentedCertificate, PresentedCertificate__Output as _xr_gateway_v1_PresentedCertificate__Output } from './xr/gateway/v1/PresentedCertificate.js';
import type { ProvideSupplementRequest as _xr_gateway_v1_ProvideSupplementRequest, ProvideSupplementRequest__Output as _xr_gateway_v1_ProvideSupplementRequest__Output } from './xr/gateway/v1/ProvideSupplementRequest.js';
import type { RateCaseRequest as _xr_gateway_v1_RateCaseRequest, RateCaseRequest__Output as _xr_gateway_v1_RateCaseRequest__Output } from './xr/gateway/v1/RateCaseRequest.js';
import type { RecordDeliveryRequest as _xr_gateway_v1_RecordDeliveryRequest, RecordDeliveryRequest__Output as _xr_gateway_v1_RecordDeliveryRequest__Output } from './xr/gateway/v1/RecordDeliveryRequest.js';
import type { RefuseCaseRequest as _xr_gateway_v1_RefuseCaseRequest, RefuseCaseRequest__Output as _xr_gateway_v1_RefuseCaseRequest__Output } from './xr/gateway/v1/RefuseCaseRequest.js';
import type { RequestSupplementRequest as _xr_gateway_v1_RequestSupplementRequest, RequestSupplementRequest__Output as _xr_gateway_v1_RequestSupplementRequest__Output } from './xr/gateway/v1/RequestSupplementRequest.js';
import type { ResumeReviewRequest as _xr_gateway_v1_ResumeReviewRequest, ResumeReviewRequest__Output as _xr_gateway_v1_ResumeReviewRequest__Output } from './xr/gateway/v1/ResumeReviewRequest.js';
import type { SubmitCaseRequest as _xr_gateway_v1_SubmitCaseRequest, SubmitCaseRequest__Output as _xr_gateway_v1_SubmitCaseRequest__Output } from './xr/gateway/v1/SubmitCaseRequest.js';
import type { SubmitCaseResponse as _xr_gateway_v1_SubmitCaseResponse, SubmitCaseResponse__Output as _xr_gateway_v1_SubmitCaseResponse__Output } from './xr/gateway/v1/SubmitCaseResponse.js';
import type { SupplementItem as _xr_gateway_v1_SupplementItem, SupplementItem__Output as _xr_gateway_v1_SupplementItem__Output } from './xr/gateway/v1/SupplementItem.js';
import type { SuspendReviewRequest as _xr_gateway_v1_SuspendReviewRequest, SuspendReviewRequest__Output as _xr_gateway_v1_SuspendReviewRequest__Output } from './xr/gateway/v1/SuspendReviewRequest.js';
import type { TerminateCaseRequest as _xr_gateway_v1_TerminateCaseRequest, TerminateCaseRequest__Output as _xr_gateway_v1_TerminateCaseRequest__Output } from './xr/gateway/v1/TerminateCaseRequest.js';
import type { TransitionResponse as _xr_gateway_v1_TransitionResponse, TransitionResponse__Output as _xr_gateway_v1_TransitionResponse__Output } from './xr/gateway/v1/TransitionResponse.js';
import type { WatchCaseRequest as _xr_gateway_v1_WatchCaseRequest, WatchCaseRequest__Output as _xr_gateway_v1_WatchCaseRequest__Output } from './xr/gateway/v1/WatchCaseRequest.js';
import type { WatchInboxRequest as _xr_gateway_v1_WatchInboxRequest, WatchInboxRequest__Output as _xr_gateway_v1_WatchInboxRequest__Output } from './xr/gateway/v1/WatchInboxRequest.js';
import type { WithdrawCaseRequest as _xr_gateway_v1_WithdrawCaseRequest, WithdrawCaseRequest__Output as _xr_gateway_v1_WithdrawCaseRequest__Output } from './xr/gateway/v1/WithdrawCaseRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  xr: {
    gateway: {
      v1: {
        AcceptCaseRequest: MessageTypeDefinition<_xr_gateway_v1_AcceptCaseRequest, _xr_gateway_v1_AcceptCaseRequest__Output>
        Applicant: MessageTypeDefinition<_xr_gateway_v1_Applicant, _xr_gateway_v1_Applicant__Output>
        ApproveCaseRequest: MessageTypeDefinition<_xr_gateway_v1_ApproveCaseRequest, _xr_gateway_v1_ApproveCaseRequest__Output>
        Case: MessageTypeDefinition<_xr_gateway_v1_Case, _xr_gateway_v1_Case__Output>
        CaseService: SubtypeConstructor<typeof grpc.Client, _xr_gateway_v1_CaseServiceClient> & { service: _xr_gateway_v1_CaseServiceDefinition }
        CaseUpdate: MessageTypeDefinition<_xr_gateway_v1_CaseUpdate, _xr_gateway_v1_CaseUpdate__Output>
        CertificateRef: MessageTypeDefinition<_xr_gateway_v1_CertificateRef, _xr_gateway_v1_CertificateRef__Output>
        CloseCaseRequest: MessageTypeDefinition<_xr_gateway_v1_CloseCaseRequest, _xr_gateway_v1_CloseCaseRequest__Output>
        Commitment: MessageTypeDefinition<_xr_gateway_v1_Commitment, _xr_gateway_v1_Commitment__Output>
        CompleteMaterialsRequest: MessageTypeDefinition<_xr_gateway_v1_CompleteMaterialsRequest, _xr_gateway_v1_CompleteMaterialsRequest__Output>
        DeadlineUnknown: MessageTypeDefinition<_xr_gateway_v1_DeadlineUnknown, _xr_gateway_v1_DeadlineUnknown__Output>
        Deadlines: MessageTypeDefinition<_xr_gateway_v1_Deadlines, _xr_gateway_v1_Deadlines__Output>
        DenyCaseRequest: MessageTypeDefinition<_xr_gateway_v1_DenyCaseRequest, _xr_gateway_v1_DenyCaseRequest__Output>
        ExtendDeadlineRequest: MessageTypeDefinition<_xr_gateway_v1_ExtendDeadlineRequest, _xr_gateway_v1_ExtendDeadlineRequest__Output>
        GetCaseRequest: MessageTypeDefinition<_xr_gateway_v1_GetCaseRequest, _xr_gateway_v1_GetCaseRequest__Output>
        HistoryEntry: MessageTypeDefinition<_xr_gateway_v1_HistoryEntry, _xr_gateway_v1_HistoryEntry__Output>
        Intake: MessageTypeDefinition<_xr_gateway_v1_Intake, _xr_gateway_v1_Intake__Output>
        ListCasesRequest: MessageTypeDefinition<_xr_gateway_v1_ListCasesRequest, _xr_gateway_v1_ListCasesRequest__Output>
        ListCasesResponse: MessageTypeDefinition<_xr_gateway_v1_ListCasesResponse, _xr_gateway_v1_ListCasesResponse__Output>
        Material: MessageTypeDefinition<_xr_gateway_v1_Material, _xr_gateway_v1_Material__Output>
        NamedMaterial: MessageTypeDefinition<_xr_gateway_v1_NamedMaterial, _xr_gateway_v1_NamedMaterial__Output>
        PresentedCertificate: MessageTypeDefinition<_xr_gateway_v1_PresentedCertificate, _xr_gateway_v1_PresentedCertificate__Output>
        ProvideSupplementRequest: MessageTypeDefinition<_xr_gateway_v1_ProvideSupplementRequest, _xr_gateway_v1_ProvideSupplementRequest__Output>
        RateCaseRequest: MessageTypeDefinition<_xr_gateway_v1_RateCaseRequest, _xr_gateway_v1_RateCaseRequest__Output>
        RecordDeliveryRequest: MessageTypeDefinition<_xr_gateway_v1_RecordDeliveryRequest, _xr_gateway_v1_RecordDeliveryRequest__Output>
        RefuseCaseRequest: MessageTypeDefinition<_xr_gateway_v1_RefuseCaseRequest, _xr_gateway_v1_RefuseCaseRequest__Output>
        RequestSupplementRequest: MessageTypeDefinition<_xr_gateway_v1_RequestSupplementRequest, _xr_gateway_v1_RequestSupplementRequest__Output>
        ResumeReviewRequest: MessageTypeDefinition<_xr_gateway_v1_ResumeReviewRequest, _xr_gateway_v1_ResumeReviewRequest__Output>
        SubmitCaseRequest: MessageTypeDefinition<_xr_gateway_v1_SubmitCaseRequest, _xr_gateway_v1_SubmitCaseRequest__Output>
        SubmitCaseResponse: MessageTypeDefinition<_xr_gateway_v1_SubmitCaseResponse, _xr_gateway_v1_SubmitCaseResponse__Output>
        SupplementItem: MessageTypeDefinition<_xr_gateway_v1_SupplementItem, _xr_gateway_v1_SupplementItem__Output>
        SuspendReviewRequest: MessageTypeDefinition<_xr_gateway_v1_SuspendReviewRequest, _xr_gateway_v1_SuspendReviewRequest__Output>
        TerminateCaseRequest: MessageTypeDefinition<_xr_gateway_v1_TerminateCaseRequest, _xr_gateway_v1_TerminateCaseRequest__Output>
        TransitionResponse: MessageTypeDefinition<_xr_gateway_v1_TransitionResponse, _xr_gateway_v1_TransitionResponse__Output>
        WatchCaseRequest: MessageTypeDefinition<_xr_gateway_v1_WatchCaseRequest, _xr_gateway_v1_WatchCaseRequest__Output>
        WatchInboxRequest: MessageTypeDefinition<_xr_gateway_v1_WatchInboxRequest, _xr_gateway_v1_WatchInboxRequest__Output>
        WithdrawCaseRequest: MessageTypeDefinition<_xr_gateway_v1_WithdrawCaseRequest, _xr_gateway_v1_WithdrawCaseRequest__Output>
      }
    }
  }
}

