// Original file: xr/gateway/v1/cases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcceptCaseRequest as _xr_gateway_v1_AcceptCaseRequest, AcceptCaseRequest__Output as _xr_gateway_v1_AcceptCaseRequest__Output } from '../../../xr/gateway/v1/AcceptCaseRequest.js';
import type { ApproveCaseRequest as _xr_gateway_v1_ApproveCaseRequest, ApproveCaseRequest__Output as _xr_gateway_v1_ApproveCaseRequest__Output } from '../../../xr/gateway/v1/ApproveCaseRequest.js';
import type { Case as _xr_gateway_v1_Case, Case__Output as _xr_gateway_v1_Case__Output } from '../../../xr/gateway/v1/Case.js';
import type { CaseUpdate as _xr_gateway_v1_CaseUpdate, CaseUpdate__Output as _xr_gateway_v1_CaseUpdate__Output } from '../../../xr/gateway/v1/CaseUpdate.js';
import type { CloseCaseRequest as _xr_gateway_v1_CloseCaseRequest, CloseCaseRequest__Output as _xr_gateway_v1_CloseCaseRequest__Output } from '../../../xr/gateway/v1/CloseCaseRequest.js';
import type { CompleteMaterialsRequest as _xr_gateway_v1_CompleteMaterialsRequest, CompleteMaterialsRequest__Output as _xr_gateway_v1_CompleteMaterialsRequest__Output } from '../../../xr/gateway/v1/CompleteMaterialsRequest.js';
import type { DenyCaseRequest as _xr_gateway_v1_DenyCaseRequest, DenyCaseRequest__Output as _xr_gateway_v1_DenyCaseRequest__Output } from '../../../xr/gateway/v1/DenyCaseRequest.js';
import type { ExtendDeadlineRequest as _xr_gateway_v1_ExtendDeadlineRequest, ExtendDeadlineRequest__Output as _xr_gateway_v1_ExtendDeadlineRequest__Output } from '../../../xr/gateway/v1/ExtendDeadlineRequest.js';
import type { GetCaseRequest as _xr_gateway_v1_GetCaseRequest, GetCaseRequest__Output as _xr_gateway_v1_GetCaseRequest__Output } from '../../../xr/gateway/v1/GetCaseRequest.js';
import type { ListCasesRequest as _xr_gateway_v1_ListCasesRequest, ListCasesRequest__Output as _xr_gateway_v1_ListCasesRequest__Output } from '../../../xr/gateway/v1/ListCasesRequest.js';
import type { ListCasesResponse as _xr_gateway_v1_ListCasesResponse, ListCasesResponse__Output as _xr_gateway_v1_ListCasesResponse__Output } from '../../../xr/gateway/v1/ListCasesResponse.js';
import type { ProvideSupplementRequest as _xr_gateway_v1_ProvideSupplementRequest, ProvideSupplementRequest__Output as _xr_gateway_v1_ProvideSupplementRequest__Output } from '../../../xr/gateway/v1/ProvideSupplementRequest.js';
import type { RateCaseRequest as _xr_gateway_v1_RateCaseRequest, RateCaseRequest__Output as _xr_gateway_v1_RateCaseRequest__Output } from '../../../xr/gateway/v1/RateCaseRequest.js';
import type { RecordDeliveryRequest as _xr_gateway_v1_RecordDeliveryRequest, RecordDeliveryRequest__Output as _xr_gateway_v1_RecordDeliveryRequest__Output } from '../../../xr/gateway/v1/RecordDeliveryRequest.js';
import type { RefuseCaseRequest as _xr_gateway_v1_RefuseCaseRequest, RefuseCaseRequest__Output as _xr_gateway_v1_RefuseCaseRequest__Output } from '../../../xr/gateway/v1/RefuseCaseRequest.js';
import type { RequestSupplementRequest as _xr_gateway_v1_RequestSupplementRequest, RequestSupplementRequest__Output as _xr_gateway_v1_RequestSupplementRequest__Output } from '../../../xr/gateway/v1/RequestSupplementRequest.js';
import type { ResumeReviewRequest as _xr_gateway_v1_ResumeReviewRequest, ResumeReviewRequest__Output as _xr_gateway_v1_ResumeReviewRequest__Output } from '../../../xr/gateway/v1/ResumeReviewRequest.js';
import type { SubmitCaseRequest as _xr_gateway_v1_SubmitCaseRequest, SubmitCaseRequest__Output as _xr_gateway_v1_SubmitCaseRequest__Output } from '../../../xr/gateway/v1/SubmitCaseRequest.js';
import type { SubmitCaseResponse as _xr_gateway_v1_SubmitCaseResponse, SubmitCaseResponse__Output as _xr_gateway_v1_SubmitCaseResponse__Output } from '../../../xr/gateway/v1/SubmitCaseResponse.js';
import type { SuspendReviewRequest as _xr_gateway_v1_SuspendReviewRequest, SuspendReviewRequest__Output as _xr_gateway_v1_SuspendReviewRequest__Output } from '../../../xr/gateway/v1/SuspendReviewRequest.js';
import type { TerminateCaseRequest as _xr_gateway_v1_TerminateCaseRequest, TerminateCaseRequest__Output as _xr_gateway_v1_TerminateCaseRequest__Output } from '../../../xr/gateway/v1/TerminateCaseRequest.js';
import type { TransitionResponse as _xr_gateway_v1_TransitionResponse, TransitionResponse__Output as _xr_gateway_v1_TransitionResponse__Output } from '../../../xr/gateway/v1/TransitionResponse.js';
import type { WatchCaseRequest as _xr_gateway_v1_WatchCaseRequest, WatchCaseRequest__Output as _xr_gateway_v1_WatchCaseRequest__Output } from '../../../xr/gateway/v1/WatchCaseRequest.js';
import type { WatchInboxRequest as _xr_gateway_v1_WatchInboxRequest, WatchInboxRequest__Output as _xr_gateway_v1_WatchInboxRequest__Output } from '../../../xr/gateway/v1/WatchInboxRequest.js';
import type { WithdrawCaseRequest as _xr_gateway_v1_WithdrawCaseRequest, WithdrawCaseRequest__Output as _xr_gateway_v1_WithdrawCaseRequest__Output } from '../../../xr/gateway/v1/WithdrawCaseRequest.js';

export interface CaseServiceClient extends grpc.Client {
  /**
   * 受理: standard, 容缺受理 (materials outstanding with due dates) or 告知承诺.
   */
  AcceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  AcceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  AcceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  AcceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 受理: standard, 容缺受理 (materials outstanding with due dates) or 告知承诺.
   */
  acceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  acceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  acceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  acceptCase(argument: _xr_gateway_v1_AcceptCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 准予许可.
   */
  ApproveCase(argument: _xr_gateway_v1_ApproveCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ApproveCase(argument: _xr_gateway_v1_ApproveCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ApproveCase(argument: _xr_gateway_v1_ApproveCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ApproveCase(argument: _xr_gateway_v1_ApproveCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 准予许可.
   */
  approveCase(argument: _xr_gateway_v1_ApproveCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  approveCase(argument: _xr_gateway_v1_ApproveCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  approveCase(argument: _xr_gateway_v1_ApproveCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  approveCase(argument: _xr_gateway_v1_ApproveCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 办结.
   */
  CloseCase(argument: _xr_gateway_v1_CloseCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  CloseCase(argument: _xr_gateway_v1_CloseCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  CloseCase(argument: _xr_gateway_v1_CloseCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  CloseCase(argument: _xr_gateway_v1_CloseCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 办结.
   */
  closeCase(argument: _xr_gateway_v1_CloseCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  closeCase(argument: _xr_gateway_v1_CloseCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  closeCase(argument: _xr_gateway_v1_CloseCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  closeCase(argument: _xr_gateway_v1_CloseCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 容缺补齐: materials accepted as outstanding are now supplied.
   */
  CompleteMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  CompleteMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  CompleteMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  CompleteMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 容缺补齐: materials accepted as outstanding are now supplied.
   */
  completeMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  completeMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  completeMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  completeMaterials(argument: _xr_gateway_v1_CompleteMaterialsRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 不予许可, with the legal basis.
   */
  DenyCase(argument: _xr_gateway_v1_DenyCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  DenyCase(argument: _xr_gateway_v1_DenyCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  DenyCase(argument: _xr_gateway_v1_DenyCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  DenyCase(argument: _xr_gateway_v1_DenyCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 不予许可, with the legal basis.
   */
  denyCase(argument: _xr_gateway_v1_DenyCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  denyCase(argument: _xr_gateway_v1_DenyCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  denyCase(argument: _xr_gateway_v1_DenyCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  denyCase(argument: _xr_gateway_v1_DenyCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 延期: once, by at most 10 working days (Art. 42).
   */
  ExtendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ExtendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ExtendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ExtendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 延期: once, by at most 10 working days (Art. 42).
   */
  extendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  extendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  extendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  extendDeadline(argument: _xr_gateway_v1_ExtendDeadlineRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The case as this region knows it.
   */
  GetCase(argument: _xr_gateway_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _xr_gateway_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _xr_gateway_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _xr_gateway_v1_GetCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  /**
   * The case as this region knows it.
   */
  getCase(argument: _xr_gateway_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  getCase(argument: _xr_gateway_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  getCase(argument: _xr_gateway_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  getCase(argument: _xr_gateway_v1_GetCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_Case__Output>): grpc.ClientUnaryCall;
  
  /**
   * Cases this region is party to, a page at a time, oldest first: by the time of the case's
   * case.submitted event (as the receiving region signed it), then by case id.
   */
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Cases this region is party to, a page at a time, oldest first: by the time of the case's
   * case.submitted event (as the receiving region signed it), then by case id.
   */
  listCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _xr_gateway_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _xr_gateway_v1_ListCasesRequest, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The receiving region's transitions (收件地).
   * 补正: the applicant's supplement, covering every material the notice listed.
   */
  ProvideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ProvideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ProvideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ProvideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The receiving region's transitions (收件地).
   * 补正: the applicant's supplement, covering every material the notice listed.
   */
  provideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  provideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  provideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  provideSupplement(argument: _xr_gateway_v1_ProvideSupplementRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 好差评: once, after the case is closed.
   */
  RateCase(argument: _xr_gateway_v1_RateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RateCase(argument: _xr_gateway_v1_RateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RateCase(argument: _xr_gateway_v1_RateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RateCase(argument: _xr_gateway_v1_RateCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 好差评: once, after the case is closed.
   */
  rateCase(argument: _xr_gateway_v1_RateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  rateCase(argument: _xr_gateway_v1_RateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  rateCase(argument: _xr_gateway_v1_RateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  rateCase(argument: _xr_gateway_v1_RateCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 送达: window, post (with tracking number) or electronic, within 10 working days (Art. 44).
   */
  RecordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RecordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RecordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RecordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 送达: window, post (with tracking number) or electronic, within 10 working days (Art. 44).
   */
  recordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  recordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  recordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  recordDelivery(argument: _xr_gateway_v1_RecordDeliveryRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 不予受理, with the reason and legal basis.
   */
  RefuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RefuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RefuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RefuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 不予受理, with the reason and legal basis.
   */
  refuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  refuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  refuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  refuseCase(argument: _xr_gateway_v1_RefuseCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The handling region's transitions (业务属地).
   * 补正告知: one notice listing everything missing (一次告知), within 5 working days of 签收.
   */
  RequestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RequestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RequestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  RequestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The handling region's transitions (业务属地).
   * 补正告知: one notice listing everything missing (一次告知), within 5 working days of 签收.
   */
  requestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  requestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  requestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  requestSupplement(argument: _xr_gateway_v1_RequestSupplementRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  ResumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ResumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ResumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  ResumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  resumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  resumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  resumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  resumeReview(argument: _xr_gateway_v1_ResumeReviewRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 收件: the receiving region submits a case for an item handled by another region (异地代收).
   * Answers once the handling region has signed for it (status received), or with its refusal
   * (e.g. XR_MATERIAL_MISSING naming the material); after a few seconds without an answer, with
   * status submitted: the case is journaled and on its way.
   */
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 收件: the receiving region submits a case for an item handled by another region (异地代收).
   * Answers once the handling region has signed for it (status received), or with its refusal
   * (e.g. XR_MATERIAL_MISSING naming the material); after a few seconds without an answer, with
   * status submitted: the case is journaled and on its way.
   */
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 审查暂停 for 听证/检验/检测/检疫/专家评审/鉴定: the time does not count (Art. 45).
   */
  SuspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  SuspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  SuspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  SuspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 审查暂停 for 听证/检验/检测/检疫/专家评审/鉴定: the time does not count (Art. 45).
   */
  suspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  suspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  suspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  suspendReview(argument: _xr_gateway_v1_SuspendReviewRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 终止: 容缺 materials not supplied in time, or a 告知承诺 found false.
   */
  TerminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  TerminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  TerminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  TerminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 终止: 容缺 materials not supplied in time, or a 告知承诺 found false.
   */
  terminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  terminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  terminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  terminateCase(argument: _xr_gateway_v1_TerminateCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The current case, then every change to it, until the caller cancels.
   */
  WatchCase(argument: _xr_gateway_v1_WatchCaseRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  WatchCase(argument: _xr_gateway_v1_WatchCaseRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  /**
   * The current case, then every change to it, until the caller cancels.
   */
  watchCase(argument: _xr_gateway_v1_WatchCaseRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  watchCase(argument: _xr_gateway_v1_WatchCaseRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  
  /**
   * Every change to any case this region is party to, as it is journaled, until cancelled.
   */
  WatchInbox(argument: _xr_gateway_v1_WatchInboxRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  WatchInbox(argument: _xr_gateway_v1_WatchInboxRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  /**
   * Every change to any case this region is party to, as it is journaled, until cancelled.
   */
  watchInbox(argument: _xr_gateway_v1_WatchInboxRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  watchInbox(argument: _xr_gateway_v1_WatchInboxRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_gateway_v1_CaseUpdate__Output>;
  
  /**
   * 撤回: the applicant withdraws, before the decision.
   */
  WithdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  WithdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  WithdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  WithdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 撤回: the applicant withdraws, before the decision.
   */
  withdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  withdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  withdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  withdrawCase(argument: _xr_gateway_v1_WithdrawCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CaseServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * 受理: standard, 容缺受理 (materials outstanding with due dates) or 告知承诺.
   */
  AcceptCase: grpc.handleUnaryCall<_xr_gateway_v1_AcceptCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 准予许可.
   */
  ApproveCase: grpc.handleUnaryCall<_xr_gateway_v1_ApproveCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 办结.
   */
  CloseCase: grpc.handleUnaryCall<_xr_gateway_v1_CloseCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 容缺补齐: materials accepted as outstanding are now supplied.
   */
  CompleteMaterials: grpc.handleUnaryCall<_xr_gateway_v1_CompleteMaterialsRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 不予许可, with the legal basis.
   */
  DenyCase: grpc.handleUnaryCall<_xr_gateway_v1_DenyCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 延期: once, by at most 10 working days (Art. 42).
   */
  ExtendDeadline: grpc.handleUnaryCall<_xr_gateway_v1_ExtendDeadlineRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * The case as this region knows it.
   */
  GetCase: grpc.handleUnaryCall<_xr_gateway_v1_GetCaseRequest__Output, _xr_gateway_v1_Case>;
  
  /**
   * Cases this region is party to, a page at a time, oldest first: by the time of the case's
   * case.submitted event (as the receiving region signed it), then by case id.
   */
  ListCases: grpc.handleUnaryCall<_xr_gateway_v1_ListCasesRequest__Output, _xr_gateway_v1_ListCasesResponse>;
  
  /**
   * The receiving region's transitions (收件地).
   * 补正: the applicant's supplement, covering every material the notice listed.
   */
  ProvideSupplement: grpc.handleUnaryCall<_xr_gateway_v1_ProvideSupplementRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 好差评: once, after the case is closed.
   */
  RateCase: grpc.handleUnaryCall<_xr_gateway_v1_RateCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 送达: window, post (with tracking number) or electronic, within 10 working days (Art. 44).
   */
  RecordDelivery: grpc.handleUnaryCall<_xr_gateway_v1_RecordDeliveryRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 不予受理, with the reason and legal basis.
   */
  RefuseCase: grpc.handleUnaryCall<_xr_gateway_v1_RefuseCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * The handling region's transitions (业务属地).
   * 补正告知: one notice listing everything missing (一次告知), within 5 working days of 签收.
   */
  RequestSupplement: grpc.handleUnaryCall<_xr_gateway_v1_RequestSupplementRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  ResumeReview: grpc.handleUnaryCall<_xr_gateway_v1_ResumeReviewRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 收件: the receiving region submits a case for an item handled by another region (异地代收).
   * Answers once the handling region has signed for it (status received), or with its refusal
   * (e.g. XR_MATERIAL_MISSING naming the material); after a few seconds without an answer, with
   * status submitted: the case is journaled and on its way.
   */
  SubmitCase: grpc.handleUnaryCall<_xr_gateway_v1_SubmitCaseRequest__Output, _xr_gateway_v1_SubmitCaseResponse>;
  
  /**
   * 审查暂停 for 听证/检验/检测/检疫/专家评审/鉴定: the time does not count (Art. 45).
   */
  SuspendReview: grpc.handleUnaryCall<_xr_gateway_v1_SuspendReviewRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * 终止: 容缺 materials not supplied in time, or a 告知承诺 found false.
   */
  TerminateCase: grpc.handleUnaryCall<_xr_gateway_v1_TerminateCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
  /**
   * The current case, then every change to it, until the caller cancels.
   */
  WatchCase: grpc.handleServerStreamingCall<_xr_gateway_v1_WatchCaseRequest__Output, _xr_gateway_v1_CaseUpdate>;
  
  /**
   * Every change to any case this region is party to, as it is journaled, until cancelled.
   */
  WatchInbox: grpc.handleServerStreamingCall<_xr_gateway_v1_WatchInboxRequest__Output, _xr_gateway_v1_CaseUpdate>;
  
  /**
   * 撤回: the applicant withdraws, before the decision.
   */
  WithdrawCase: grpc.handleUnaryCall<_xr_gateway_v1_WithdrawCaseRequest__Output, _xr_gateway_v1_TransitionResponse>;
  
}

export interface CaseServiceDefinition extends grpc.ServiceDefinition {
  AcceptCase: MethodDefinition<_xr_gateway_v1_AcceptCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_AcceptCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  ApproveCase: MethodDefinition<_xr_gateway_v1_ApproveCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_ApproveCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  CloseCase: MethodDefinition<_xr_gateway_v1_CloseCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_CloseCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  CompleteMaterials: MethodDefinition<_xr_gateway_v1_CompleteMaterialsRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_CompleteMaterialsRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  DenyCase: MethodDefinition<_xr_gateway_v1_DenyCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_DenyCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  ExtendDeadline: MethodDefinition<_xr_gateway_v1_ExtendDeadlineRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_ExtendDeadlineRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  GetCase: MethodDefinition<_xr_gateway_v1_GetCaseRequest, _xr_gateway_v1_Case, _xr_gateway_v1_GetCaseRequest__Output, _xr_gateway_v1_Case__Output>
  ListCases: MethodDefinition<_xr_gateway_v1_ListCasesRequest, _xr_gateway_v1_ListCasesResponse, _xr_gateway_v1_ListCasesRequest__Output, _xr_gateway_v1_ListCasesResponse__Output>
  ProvideSupplement: MethodDefinition<_xr_gateway_v1_ProvideSupplementRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_ProvideSupplementRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  RateCase: MethodDefinition<_xr_gateway_v1_RateCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_RateCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  RecordDelivery: MethodDefinition<_xr_gateway_v1_RecordDeliveryRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_RecordDeliveryRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  RefuseCase: MethodDefinition<_xr_gateway_v1_RefuseCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_RefuseCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  RequestSupplement: MethodDefinition<_xr_gateway_v1_RequestSupplementRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_RequestSupplementRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  ResumeReview: MethodDefinition<_xr_gateway_v1_ResumeReviewRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_ResumeReviewRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  SubmitCase: MethodDefinition<_xr_gateway_v1_SubmitCaseRequest, _xr_gateway_v1_SubmitCaseResponse, _xr_gateway_v1_SubmitCaseRequest__Output, _xr_gateway_v1_SubmitCaseResponse__Output>
  SuspendReview: MethodDefinition<_xr_gateway_v1_SuspendReviewRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_SuspendReviewRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  TerminateCase: MethodDefinition<_xr_gateway_v1_TerminateCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_TerminateCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
  WatchCase: MethodDefinition<_xr_gateway_v1_WatchCaseRequest, _xr_gateway_v1_CaseUpdate, _xr_gateway_v1_WatchCaseRequest__Output, _xr_gateway_v1_CaseUpdate__Output>
  WatchInbox: MethodDefinition<_xr_gateway_v1_WatchInboxRequest, _xr_gateway_v1_CaseUpdate, _xr_gateway_v1_WatchInboxRequest__Output, _xr_gateway_v1_CaseUpdate__Output>
  WithdrawCase: MethodDefinition<_xr_gateway_v1_WithdrawCaseRequest, _xr_gateway_v1_TransitionResponse, _xr_gateway_v1_WithdrawCaseRequest__Output, _xr_gateway_v1_TransitionResponse__Output>
}
