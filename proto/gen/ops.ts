import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Counter as _xr_gateway_v1_Counter, Counter__Output as _xr_gateway_v1_Counter__Output } from './xr/gateway/v1/Counter.js';
import type { GetStatsRequest as _xr_gateway_v1_GetStatsRequest, GetStatsRequest__Output as _xr_gateway_v1_GetStatsRequest__Output } from './xr/gateway/v1/GetStatsRequest.js';
import type { JournalCheckpoint as _xr_gateway_v1_JournalCheckpoint, JournalCheckpoint__Output as _xr_gateway_v1_JournalCheckpoint__Output } from './xr/gateway/v1/JournalCheckpoint.js';
import type { OpsServiceClient as _xr_gateway_v1_OpsServiceClient, OpsServiceDefinition as _xr_gateway_v1_OpsServiceDefinition } from './xr/gateway/v1/OpsService.js';
import type { Outbox as _xr_gateway_v1_Outbox, Outbox__Output as _xr_gateway_v1_Outbox__Output } from './xr/gateway/v1/Outbox.js';
import type { Stats as _xr_gateway_v1_Stats, Stats__Output as _xr_gateway_v1_Stats__Output } from './xr/gateway/v1/Stats.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  xr: {
    gateway: {
      v1: {
        Counter: MessageTypeDefinition<_xr_gateway_v1_Counter, _xr_gateway_v1_Counter__Output>
        GetStatsRequest: MessageTypeDefinition<_xr_gateway_v1_GetStatsRequest, _xr_gateway_v1_GetStatsRequest__Output>
        JournalCheckpoint: MessageTypeDefinition<_xr_gateway_v1_JournalCheckpoint, _xr_gateway_v1_JournalCheckpoint__Output>
        OpsService: SubtypeConstructor<typeof grpc.Client, _xr_gateway_v1_OpsServiceClient> & { service: _xr_gateway_v1_OpsServiceDefinition }
        Outbox: MessageTypeDefinition<_xr_gateway_v1_Outbox, _xr_gateway_v1_Outbox__Output>
        Stats: MessageTypeDefinition<_xr_gateway_v1_Stats, _xr_gateway_v1_Stats__Output>
      }
    }
  }
}

