/**
 * The authorization seam. Every handler asks `authorize(call, rpc)` first; a Problem refuses the
 * call with that error. startAdmin builds it from `config.auth` (bearer JWTs, the shared policy
 * table: admin for changes, admin or auditor for listings); tests may pass their own.
 */
import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { Problem } from '@xr/domain';

export const ADMIN_RPCS = ['RegisterPartner', 'RotateKey', 'RevokeKey', 'SuspendPartner', 'ResumePartner', 'SetRecognition', 'PublishCalendar', 'SetWitnessPolicy', 'GetWitnessPolicy', 'ListPartners', 'ListQuarantine', 'ListCalendars'] as const;

export type AdminRpc = (typeof ADMIN_RPCS)[number];

/** RPCs that write to the registry (the others only read). */
export const MUTATING_RPCS: ReadonlySet<AdminRpc> = new Set(['RegisterPartner', 'RotateKey', 'RevokeKey', 'SuspendPartner', 'ResumePartner', 'SetRecognition', 'PublishCalendar', 'SetWitnessPolicy']);

export type Authorize = (call: ServerUnaryCall<unknown, unknown>, rpc: AdminRpc) => Problem | undefined | Promise<Problem | undefined>;

