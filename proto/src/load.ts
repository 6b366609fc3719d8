/** Loads the .proto files at run time (proto-loader) with the options the generated types assume. */
import { fileURLToPath } from 'node:url';
import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as CasesGrpc } from '../gen/cases.js';
import type { ProtoGrpcType as OpsGrpc } from '../gen/ops.js';
import type { ProtoGrpcType as CertificatesGrpc } from '../gen/certificates.js';
import type { ProtoGrpcType as AdminGrpc } from '../gen/admin.js';
import type { ProtoGrpcType as AuditGrpc } from '../gen/audit.js';
export type { CaseServiceClient, CaseServiceHandlers } from '../gen/xr/gateway/v1/CaseService.js';
export type { OpsServiceClient, OpsServiceHandlers } from '../gen/xr/gateway/v1/OpsService.js';
export type { CertificateServiceClient, CertificateServiceHandlers } from '../gen/xr/gateway/v1/CertificateService.js';

export const PROTO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Must match the flags of `pnpm gen` (see package.json): camelCase fields, numbers, string enums, defaults. */
export const LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

export interface GatewayServices {
  readonly cases: CasesGrpc['xr']['gateway']['v1'];
  readonly ops: OpsGrpc['xr']['gateway']['v1'];
  readonly certificates: CertificatesGrpc['xr']['gateway']['v1'];
}

let loaded: GatewayServices | undefined;

export function loadServices(): GatewayServices {
  if (loaded) return loaded;
  const cases = loadPackageDefinition(loadSync('xr/gateway/v1/cases.proto', LOADER_OPTIONS)) as unknown as CasesGrpc;
  const ops = loadPackageDefinition(loadSync('xr/gateway/v1/ops.proto', LOADER_OPTIONS)) as unknown as OpsGrpc;
  const certificates = loadPackageDefinition(loadSync('xr/gateway/v1/certificates.proto', LOADER_OPTIONS)) as unknown as CertificatesGrpc;
  loaded = { cases: cases.xr.gateway.v1, ops: ops.xr.gateway.v1, certificates: certificates.xr.gateway.v1 };
  return loaded;
}

export type AdminProto = AdminGrpc['xr']['admin']['v1'];

let admin: AdminProto | undefined;

/** The admin service's contract (xr/admin/v1/admin.proto). */
export function loadAdminService(): AdminProto {
  admin ??= (loadPackageDefinition(loadSync('xr/admin/v1/admin.proto', LOADER_OPTIONS)) as unknown as AdminGrpc).xr.admin.v1;
  return admin;
}

export type AuditProto = AuditGrpc['xr']['audit']['v1'];

let audit: AuditProto | undefined;

/** The auditor service's contract (xr/audit/v1/audit.proto). */
export function loadAuditService(): AuditProto {
  audit ??= (loadPackageDefinition(loadSync('xr/audit/v1/audit.proto', LOADER_OPTIONS)) as unknown as AuditGrpc).xr.audit.v1;
  return audit;
}

/** The proto files of each xr gRPC server, for server reflection (`packageDefinitionOf`). */
export const PROTO_FILES = {
  gateway: ['xr/gateway/v1/cases.proto', 'xr/gateway/v1/ops.proto', 'xr/gateway/v1/certificates.proto'],
  admin: ['xr/admin/v1/admin.proto'],
  auditor: ['xr/audit/v1/audit.proto'],
} as const;

/** One package definition of several proto files (with their imports), with the loader options of the generated types. */
export function packageDefinitionOf(files: readonly string[]): PackageDefinition {
  return loadSync([...files], LOADER_OPTIONS);
}

/**
 * What server reflection serves: the proto files as written — field names as in the .proto
 * (`case_id`, with `json_name` `caseId`), not the camelCase the generated types use — and
 * `google/rpc/error_details.proto`, so a generic client (grpcurl) decodes the ErrorInfo and
 * BadRequest details of our errors.
 */
export function reflectionDefinitionOf(files: readonly string[]): PackageDefinition {
  return loadSync([...files, 'google/rpc/error_details.proto'], { ...LOADER_OPTIONS, keepCase: true });
}
