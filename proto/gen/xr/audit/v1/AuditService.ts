// Original file: xr/audit/v1/audit.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Checkpoint as _xr_audit_v1_Checkpoint, Checkpoint__Output as _xr_audit_v1_Checkpoint__Output } from '../../../xr/audit/v1/Checkpoint.js';
import type { ConsistencyProof as _xr_audit_v1_ConsistencyProof, ConsistencyProof__Output as _xr_audit_v1_ConsistencyProof__Output } from '../../../xr/audit/v1/ConsistencyProof.js';
import type { GetCheckpointRequest as _xr_audit_v1_GetCheckpointRequest, GetCheckpointRequest__Output as _xr_audit_v1_GetCheckpointRequest__Output } from '../../../xr/audit/v1/GetCheckpointRequest.js';
import type { GetConsistencyProofRequest as _xr_audit_v1_GetConsistencyProofRequest, GetConsistencyProofRequest__Output as _xr_audit_v1_GetConsistencyProofRequest__Output } from '../../../xr/audit/v1/GetConsistencyProofRequest.js';
import type { GetInclusionProofRequest as _xr_audit_v1_GetInclusionProofRequest, GetInclusionProofRequest__Output as _xr_audit_v1_GetInclusionProofRequest__Output } from '../../../xr/audit/v1/GetInclusionProofRequest.js';
import type { InclusionProof as _xr_audit_v1_InclusionProof, InclusionProof__Output as _xr_audit_v1_InclusionProof__Output } from '../../../xr/audit/v1/InclusionProof.js';
import type { JournalEvent as _xr_audit_v1_JournalEvent, JournalEvent__Output as _xr_audit_v1_JournalEvent__Output } from '../../../xr/audit/v1/JournalEvent.js';
import type { StreamEventsRequest as _xr_audit_v1_StreamEventsRequest, StreamEventsRequest__Output as _xr_audit_v1_StreamEventsRequest__Output } from '../../../xr/audit/v1/StreamEventsRequest.js';

export interface AuditServiceClient extends grpc.Client {
  /**
   * The newest checkpoint of an origin (`<prefix>.journal.<region>/<partition>`), with the
   * cosignatures gathered for it; with `witnessed`, the newest one that meets the witness policy.
   */
  GetCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  GetCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  GetCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  GetCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  /**
   * The newest checkpoint of an origin (`<prefix>.journal.<region>/<partition>`), with the
   * cosignatures gathered for it; with `witnessed`, the newest one that meets the witness policy.
   */
  getCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  getCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  getCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  getCheckpoint(argument: _xr_audit_v1_GetCheckpointRequest, callback: grpc.requestCallback<_xr_audit_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  
  /**
   * A consistency proof between two checkpointed sizes of one origin.
   */
  GetConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  /**
   * A consistency proof between two checkpointed sizes of one origin.
   */
  getConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _xr_audit_v1_GetConsistencyProofRequest, callback: grpc.requestCallback<_xr_audit_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  
  /**
   * An inclusion proof of a journal record, as a C2SP tlog-proof against a (cosigned) checkpoint.
   */
  GetInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  GetInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  GetInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  GetInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  /**
   * An inclusion proof of a journal record, as a C2SP tlog-proof against a (cosigned) checkpoint.
   */
  getInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  getInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  getInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  getInclusionProof(argument: _xr_audit_v1_GetInclusionProofRequest, callback: grpc.requestCallback<_xr_audit_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  
  /**
   * Journal records in journal order (per region and partition), filtered, from a position on.
   * With `follow`, the stream stays open and sends records as they are journaled.
   */
  StreamEvents(argument: _xr_audit_v1_StreamEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_audit_v1_JournalEvent__Output>;
  StreamEvents(argument: _xr_audit_v1_StreamEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_audit_v1_JournalEvent__Output>;
  /**
   * Journal records in journal order (per region and partition), filtered, from a position on.
   * With `follow`, the stream stays open and sends records as they are journaled.
   */
  streamEvents(argument: _xr_audit_v1_StreamEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_audit_v1_JournalEvent__Output>;
  streamEvents(argument: _xr_audit_v1_StreamEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_xr_audit_v1_JournalEvent__Output>;
  
}

export interface AuditServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The newest checkpoint of an origin (`<prefix>.journal.<region>/<partition>`), with the
   * cosignatures gathered for it; with `witnessed`, the newest one that meets the witness policy.
   */
  GetCheckpoint: grpc.handleUnaryCall<_xr_audit_v1_GetCheckpointRequest__Output, _xr_audit_v1_Checkpoint>;
  
  /**
   * A consistency proof between two checkpointed sizes of one origin.
   */
  GetConsistencyProof: grpc.handleUnaryCall<_xr_audit_v1_GetConsistencyProofRequest__Output, _xr_audit_v1_ConsistencyProof>;
  
  /**
   * An inclusion proof of a journal record, as a C2SP tlog-proof against a (cosigned) checkpoint.
   */
  GetInclusionProof: grpc.handleUnaryCall<_xr_audit_v1_GetInclusionProofRequest__Output, _xr_audit_v1_InclusionProof>;
  
  /**
   * Journal records in journal order (per region and partition), filtered, from a position on.
   * With `follow`, the stream stays open and sends records as they are journaled.
   */
  StreamEvents: grpc.handleServerStreamingCall<_xr_audit_v1_StreamEventsRequest__Output, _xr_audit_v1_JournalEvent>;
  
}

export interface AuditServiceDefinition extends grpc.ServiceDefinition {
  GetCheckpoint: MethodDefinition<_xr_audit_v1_GetCheckpointRequest, _xr_audit_v1_Checkpoint, _xr_audit_v1_GetCheckpointRequest__Output, _xr_audit_v1_Checkpoint__Output>
  GetConsistencyProof: MethodDefinition<_xr_audit_v1_GetConsistencyProofRequest, _xr_audit_v1_ConsistencyProof, _xr_audit_v1_GetConsistencyProofRequest__Output, _xr_audit_v1_ConsistencyProof__Output>
  GetInclusionProof: MethodDefinition<_xr_audit_v1_GetInclusionProofRequest, _xr_audit_v1_InclusionProof, _xr_audit_v1_GetInclusionProofRequest__Output, _xr_audit_v1_InclusionProof__Output>
  StreamEvents: MethodDefinition<_xr_audit_v1_StreamEventsRequest, _xr_audit_v1_JournalEvent, _xr_audit_v1_StreamEventsRequest__Output, _xr_audit_v1_JournalEvent__Output>
}
