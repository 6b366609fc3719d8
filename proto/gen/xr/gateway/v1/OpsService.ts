// Original file: xr/gateway/v1/ops.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetStatsRequest as _xr_gateway_v1_GetStatsRequest, GetStatsRequest__Output as _xr_gateway_v1_GetStatsRequest__Output } from '../../../xr/gateway/v1/GetStatsRequest.js';
import type { Stats as _xr_gateway_v1_Stats, Stats__Output as _xr_gateway_v1_Stats__Output } from '../../../xr/gateway/v1/Stats.js';

export interface OpsServiceClient extends grpc.Client {
  GetStats(argument: _xr_gateway_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _xr_gateway_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _xr_gateway_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _xr_gateway_v1_GetStatsRequest, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  getStats(argument: _xr_gateway_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  getStats(argument: _xr_gateway_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  getStats(argument: _xr_gateway_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  getStats(argument: _xr_gateway_v1_GetStatsRequest, callback: grpc.requestCallback<_xr_gateway_v1_Stats__Output>): grpc.ClientUnaryCall;
  
}

export interface OpsServiceHandlers extends grpc.UntypedServiceImplementation {
  GetStats: grpc.handleUnaryCall<_xr_gateway_v1_GetStatsRequest__Output, _xr_gateway_v1_Stats>;
  
}

export interface OpsServiceDefinition extends grpc.ServiceDefinition {
  GetStats: MethodDefinition<_xr_gateway_v1_GetStatsRequest, _xr_gateway_v1_Stats, _xr_gateway_v1_GetStatsRequest__Output, _xr_gateway_v1_Stats__Output>
}
