/**
 * gRPC's rich error model: a google.rpc.Status with ErrorInfo (our stable code as `reason`) and
 * BadRequest (the offending fields), sent in the `grpc-status-details-bin` trailer, so any gRPC
 * client in any language can read the code and the fields.
 */
import protobuf from 'protobufjs';
import { PROTO_ROOT } from './load.js';

export interface StatusDetails {
  readonly code: number;
  readonly message: string;
  readonly reason: string;
  readonly domain: string;
  readonly violations: readonly { readonly field: string; readonly description: string }[];
}

const ERROR_INFO = 'type.googleapis.com/google.rpc.ErrorInfo';
const BAD_REQUEST = 'type.googleapis.com/google.rpc.BadRequest';

const root = new protobuf.Root();
root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : `${PROTO_ROOT}${target}`);
root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: false });
const Status = root.lookupType('google.rpc.Status');
const ErrorInfo = root.lookupType('google.rpc.ErrorInfo');
const BadRequest = root.lookupType('google.rpc.BadRequest');

export function encodeStatusDetails(d: StatusDetails): Buffer {
  // protobufjs's built-in google.protobuf.Any keeps the proto name `type_url`.
  const details = [{ type_url: ERROR_INFO, value: ErrorInfo.encode(ErrorInfo.create({ reason: d.reason, domain: d.domain })).finish() }];
  if (d.violations.length > 0) {
    details.push({ type_url: BAD_REQUEST, value: BadRequest.encode(BadRequest.create({ fieldViolations: d.violations.map((v) => ({ ...v })) })).finish() });
  }
  return Buffer.from(Status.encode(Status.create({ code: d.code, message: d.message, details })).finish());
}

export function decodeStatusDetails(bytes: Uint8Array): StatusDetails {
  const status = Status.toObject(Status.decode(bytes), { defaults: true }) as { code: number; message: string; details: { type_url: string; value: Uint8Array }[] };
  let reason = '';
  let domain = '';
  let violations: { field: string; description: string }[] = [];
  for (const any of status.details) {
    if (any.type_url === ERROR_INFO) {
      const info = ErrorInfo.toObject(ErrorInfo.decode(any.value), { defaults: true }) as { reason: string; domain: string };
      reason = info.reason;
      domain = info.domain;
    } else if (any.type_url === BAD_REQUEST) {
      violations = (BadRequest.toObject(BadRequest.decode(any.value), { defaults: true }) as { fieldViolations: { field: string; description: string }[] }).fieldViolations;
    }
  }
  return { code: status.code, message: status.message, reason, domain, violations };
}
