/**
 * The one place where stable domain codes become gRPC statuses (each code's class in @xr/domain
 * names the status), with ErrorInfo and BadRequest details; every gRPC service uses it.
 */
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { errorClassOf, type Problem, type XrErrorCode } from '@xr/domain';
import { encodeStatusDetails } from '@xr/proto';

/** A code's status: its class from the one list in @xr/domain, as the grpc-js enum. */
const statusOf = (code: XrErrorCode): status => status[errorClassOf(code)];

/** Statuses a client may retry unchanged. */
export const RETRYABLE_STATUSES: ReadonlySet<status> = new Set([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.ABORTED]);

/** Whether a client may retry after this outcome, so it must not be given to the retry again. */
export function isRetryable(code: XrErrorCode): boolean {
  return RETRYABLE_STATUSES.has(statusOf(code));
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
  const code = statusOf(problem.code);
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
