// Original file: xr/gateway/v1/cases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Case as _xr_gateway_v1_Case, Case__Output as _xr_gateway_v1_Case__Output } from '../../../xr/gateway/v1/Case.js';
import type { CaseUpdate as _xr_gateway_v1_CaseUpdate, CaseUpdate__Output as _xr_gateway_v1_CaseUpdate__Output } from '../../../xr/gateway/v1/CaseUpdate.js';
import type { GetCaseRequest as _xr_gateway_v1_GetCaseRequest, GetCaseRequest__Output as _xr_gateway_v1_GetCaseRequest__Output } from '../../../xr/gateway/v1/GetCaseRequest.js';
import type { ListCasesRequest as _xr_gateway_v1_ListCasesRequest, ListCasesRequest__Output as _xr_gateway_v1_ListCasesRequest__Output } from '../../../xr/gateway/v1/ListCasesRequest.js';
import type { ListCasesResponse as _xr_gateway_v1_ListCasesResponse, ListCasesResponse__Output as _xr_gateway_v1_ListCasesResponse__Output } from '../../../xr/gateway/v1/ListCasesResponse.js';
import type { SubmitCaseRequest as _xr_gateway_v1_SubmitCaseRequest, SubmitCaseRequest__Output as _xr_gateway_v1_SubmitCaseRequest__Output } from '../../../xr/gateway/v1/SubmitCaseRequest.js';
import type { SubmitCaseResponse as _xr_gateway_v1_SubmitCaseResponse, SubmitCaseResponse__Output as _xr_gateway_v1_SubmitCaseResponse__Output } from '../../../xr/gateway/v1/SubmitCaseResponse.js';
import type { WatchCaseRequest as _xr_gateway_v1_WatchCaseRequest, WatchCaseRequest__Output as _xr_gateway_v1_WatchCaseRequest__Output } from '../../../xr/gateway/v1/WatchCaseRequest.js';

export interface CaseServiceClient extends grpc.Client {
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
   * Cases this region is party to, oldest first, a page at a time.
   */
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _xr_gateway_v1_ListCasesRequest, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Cases this region is party to, oldest first, a page at a time.
   */
  listCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _xr_gateway_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _xr_gateway_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _xr_gateway_v1_ListCasesRequest, callback: grpc.requestCallback<_xr_gateway_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * 收件: the receiving region submits a case for an item handled by another region (异地代收).
   */
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  SubmitCase(argument: _xr_gateway_v1_SubmitCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  /**
   * 收件: the receiving region submits a case for an item handled by another region (异地代收).
   */
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  submitCase(argument: _xr_gateway_v1_SubmitCaseRequest, callback: grpc.requestCallback<_xr_gateway_v1_SubmitCaseResponse__Output>): grpc.ClientUnaryCall;
  
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
  
}

export interface CaseServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The case as this region knows it.
   */
  GetCase: grpc.handleUnaryCall<_xr_gateway_v1_GetCaseRequest__Output, _xr_gateway_v1_Case>;
  
  /**
   * Cases this region is party to, oldest first, a page at a time.
   */
  ListCases: grpc.handleUnaryCall<_xr_gateway_v1_ListCasesRequest__Output, _xr_gateway_v1_ListCasesResponse>;
  
  /**
   * 收件: the receiving region submits a case for an item handled by another region (异地代收).
   */
  SubmitCase: grpc.handleUnaryCall<_xr_gateway_v1_SubmitCaseRequest__Output, _xr_gateway_v1_SubmitCaseResponse>;
  
  /**
   * The current case, then every change to it, until the caller cancels.
   */
  WatchCase: grpc.handleServerStreamingCall<_xr_gateway_v1_WatchCaseRequest__Output, _xr_gateway_v1_CaseUpdate>;
  
}

export interface CaseServiceDefinition extends grpc.ServiceDefinition {
  GetCase: MethodDefinition<_xr_gateway_v1_GetCaseRequest, _xr_gateway_v1_Case, _xr_gateway_v1_GetCaseRequest__Output, _xr_gateway_v1_Case__Output>
  ListCases: MethodDefinition<_xr_gateway_v1_ListCasesRequest, _xr_gateway_v1_ListCasesResponse, _xr_gateway_v1_ListCasesRequest__Output, _xr_gateway_v1_ListCasesResponse__Output>
  SubmitCase: MethodDefinition<_xr_gateway_v1_SubmitCaseRequest, _xr_gateway_v1_SubmitCaseResponse, _xr_gateway_v1_SubmitCaseRequest__Output, _xr_gateway_v1_SubmitCaseResponse__Output>
  WatchCase: MethodDefinition<_xr_gateway_v1_WatchCaseRequest, _xr_gateway_v1_CaseUpdate, _xr_gateway_v1_WatchCaseRequest__Output, _xr_gateway_v1_CaseUpdate__Output>
}
