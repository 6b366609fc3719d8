/** The one place where stable domain codes become gRPC statuses, with ErrorInfo and BadRequest details (every gRPC service uses it). */
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Problem, XrErrorCode } from '@xr/domain';
import { encodeStatusDetails } from '@xr/proto';

const STATUS_OF: Readonly<Record<XrErrorCode, status>> = {
  XR_BAD_REQUEST: status.INVALID_ARGUMENT,
  XR_SCHEMA_INVALID: status.INVALID_ARGUMENT,
  XR_ENVELOPE_MALFORMED: status.INVALID_ARGUMENT,
  XR_EVENT_TYPE_UNKNOWN: status.INVALID_ARGUMENT,
  XR_SIGNATURE_MALFORMED: status.UNAUTHENTICATED,
  XR_SIGNATURE_INVALID: status.UNAUTHENTICATED,
  XR_KEY_UNKNOWN: status.UNAUTHENTICATED,
  XR_KEY_REGION_MISMATCH: status.PERMISSION_DENIED,
  XR_TARGET_MISMATCH: status.INVALID_ARGUMENT,
  XR_PARTITION_MISMATCH: status.INVALID_ARGUMENT,
  XR_REGION_UNKNOWN: status.INVALID_ARGUMENT,
  XR_PARTNER_UNKNOWN: status.FAILED_PRECONDITION,
  XR_CASE_NOT_FOUND: status.NOT_FOUND,
  XR_CASE_EXISTS: status.ALREADY_EXISTS,
  XR_CASE_ILLEGAL_TRANSITION: status.FAILED_PRECONDITION,
  XR_DUPLICATE: status.ALREADY_EXISTS,
  XR_UNAVAILABLE: status.UNAVAILABLE,
  XR_INTERNAL: status.INTERNAL,
  XR_UNAUTHENTICATED: status.UNAUTHENTICATED,
  XR_PERMISSION_DENIED: status.PERMISSION_DENIED,
  XR_ITEM_UNKNOWN: status.INVALID_ARGUMENT,
  XR_ITEM_NOT_REMOTE: status.FAILED_PRECONDITION,
  XR_MATERIAL_MISSING: status.INVALID_ARGUMENT,
  XR_MATERIAL_NOT_DEFERRABLE: status.INVALID_ARGUMENT,
  XR_DEADLINE_PASSED: status.FAILED_PRECONDITION,
  XR_CATALOG_INVALID: status.INVALID_ARGUMENT,
  XR_CALENDAR_INVALID: status.INVALID_ARGUMENT,
  XR_REGISTRY_SIGNATURE_INVALID: status.UNAUTHENTICATED,
  XR_REGISTRY_ADMIN_UNKNOWN: status.UNAUTHENTICATED,
  XR_REGISTRY_CONFLICT: status.ALREADY_EXISTS,
  XR_KEY_REVOKED: status.UNAUTHENTICATED,
  XR_KEY_ROTATED_OUT: status.UNAUTHENTICATED,
  XR_PARTNER_SUSPENDED: status.FAILED_PRECONDITION,
  XR_ENVELOPE_NOT_CANONICAL: status.INVALID_ARGUMENT,
  XR_RECORD_TOO_LARGE: status.INVALID_ARGUMENT,
  XR_REQUEST_CONFLICT: status.ALREADY_EXISTS,
  XR_NOTE_MALFORMED: status.INVALID_ARGUMENT,
  XR_NOTE_KEY_MALFORMED: status.INVALID_ARGUMENT,
  XR_NOTE_UNVERIFIED: status.INVALID_ARGUMENT,
  XR_CHECKPOINT_MALFORMED: status.INVALID_ARGUMENT,
  XR_PROOF_MALFORMED: status.INVALID_ARGUMENT,
  XR_PROOF_INVALID: status.INVALID_ARGUMENT,
};

/** Statuses a client may retry unchanged. */
export const RETRYABLE_STATUSES: ReadonlySet<status> = new Set([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.ABORTED]);

/** Whether a client may retry after this outcome, so it must not be given to the retry again. */
export function isRetryable(code: XrErrorCode): boolean {
  return RETRYABLE_STATUSES.has(STATUS_OF[code]);
}

export const ERROR_DOMAIN = 'xr-gateway';

/** Maps a JSON Pointer into an event payload (`/payload/applicant/idNumber`) to the request field (`applicant.id_number`). */
export type FieldMapper = (pointer: string) => string;

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const defaultFieldMapper: FieldMapper = (pointer) =>
  pointer
    .replace(/^\/payload/, '')
    .split('/')
    .filter((s) => s !== '')
    .map(snake)
    .join('.');

export function toServiceError(problem: Problem, mapField: FieldMapper = defaultFieldMapper): Partial<ServiceError> {
  const code = STATUS_OF[problem.code];
  const violations = (problem.violations ?? (problem.field ? [{ field: problem.field, message: problem.message }] : [])).map((v) => ({
    field: mapField(v.field),
    description: v.message,
  }));
  const field = problem.field === undefined ? undefined : mapField(problem.field);
  const message = `${problem.code}: ${problem.message}${field ? ` (field ${field})` : ''}`;
  const metadata = new Metadata();
  metadata.set('xr-code', problem.code);
  if (field) metadata.set('xr-field', field);
  metadata.set('grpc-status-details-bin', encodeStatusDetails({ code, message, reason: problem.code, domain: ERROR_DOMAIN, violations }));
  return { code, details: message, metadata };
}
