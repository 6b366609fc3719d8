import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuditServiceClient as _xr_audit_v1_AuditServiceClient, AuditServiceDefinition as _xr_audit_v1_AuditServiceDefinition } from './xr/audit/v1/AuditService.js';
import type { Checkpoint as _xr_audit_v1_Checkpoint, Checkpoint__Output as _xr_audit_v1_Checkpoint__Output } from './xr/audit/v1/Checkpoint.js';
import type { ConsistencyProof as _xr_audit_v1_ConsistencyProof, ConsistencyProof__Output as _xr_audit_v1_ConsistencyProof__Output } from './xr/audit/v1/ConsistencyProof.js';
import type { GetCheckpointRequest as _xr_audit_v1_GetCheckpointRequest, GetCheckpointRequest__Output as _xr_audit_v1_GetCheckpointRequest__Output } from './xr/audit/v1/GetCheckpointRequest.js';
import type { GetConsistencyProofRequest as _xr_audit_v1_GetConsistencyProofRequest, GetConsistencyProofRequest__Output as _xr_audit_v1_GetConsistencyProofRequest__Output } from './xr/audit/v1/GetConsistencyProofRequest.js';
import type { GetInclusionProofRequest as _xr_audit_v1_GetInclusionProofRequest, GetInclusionProofRequest__Output as _xr_audit_v1_GetInclusionProofRequest__Output } from './xr/audit/v1/GetInclusionProofRequest.js';
import type { InclusionProof as _xr_audit_v1_InclusionProof, InclusionProof__Output as _xr_audit_v1_InclusionProof__Output } from './xr/audit/v1/InclusionProof.js';
import type { JournalEvent as _xr_audit_v1_JournalEvent, JournalEvent__Output as _xr_audit_v1_JournalEvent__Output } from './xr/audit/v1/JournalEvent.js';
import type { Position as _xr_audit_v1_Position, Position__Output as _xr_audit_v1_Position__Output } from './xr/audit/v1/Position.js';
import type { StreamEventsRequest as _xr_audit_v1_StreamEventsRequest, StreamEventsRequest__Output as _xr_audit_v1_StreamEventsRequest__Output } from './xr/audit/v1/StreamEventsRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  xr: {
    audit: {
      v1: {
        AuditService: SubtypeConstructor<typeof grpc.Client, _xr_audit_v1_AuditServiceClient> & { service: _xr_audit_v1_AuditServiceDefinition }
        Checkpoint: MessageTypeDefinition<_xr_audit_v1_Checkpoint, _xr_audit_v1_Checkpoint__Output>
        ConsistencyProof: MessageTypeDefinition<_xr_audit_v1_ConsistencyProof, _xr_audit_v1_ConsistencyProof__Output>
        GetCheckpointRequest: MessageTypeDefinition<_xr_audit_v1_GetCheckpointRequest, _xr_audit_v1_GetCheckpointRequest__Output>
        GetConsistencyProofRequest: MessageTypeDefinition<_xr_audit_v1_GetConsistencyProofRequest, _xr_audit_v1_GetConsistencyProofRequest__Output>
        GetInclusionProofRequest: MessageTypeDefinition<_xr_audit_v1_GetInclusionProofRequest, _xr_audit_v1_GetInclusionProofRequest__Output>
        InclusionProof: MessageTypeDefinition<_xr_audit_v1_InclusionProof, _xr_audit_v1_InclusionProof__Output>
        JournalEvent: MessageTypeDefinition<_xr_audit_v1_JournalEvent, _xr_audit_v1_JournalEvent__Output>
        Position: MessageTypeDefinition<_xr_audit_v1_Position, _xr_audit_v1_Position__Output>
        StreamEventsRequest: MessageTypeDefinition<_xr_audit_v1_StreamEventsRequest, _xr_audit_v1_StreamEventsRequest__Output>
      }
    }
  }
}

