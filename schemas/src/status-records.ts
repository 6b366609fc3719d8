/**
 * The public certificate status topic's record (status/certificate-status.v1.json), compiled once
 * on the shared ajv. Failures are values naming every offending field.
 */
import { compileSchema, loadSchema, type Validated } from './registry.js';
import { schemaProblem } from './schema-errors.js';

/** One entry of `<prefix>.status`, as its schema says. */
export interface StatusRecordDocument {
  readonly id: string;
  readonly type: 'certificate.status';
  readonly v: 1;
  readonly issuer: string;
  readonly certificate: string;
  readonly digest: string;
  readonly index: number;
  readonly status: 'issued' | 'revoked' | 'suspended' | 'reinstated';
  readonly reason?: string;
  readonly time: string;
}

const validator = compileSchema<StatusRecordDocument>(loadSchema('status/certificate-status.v1.json'));

export function validateStatusRecord(value: unknown): Validated<StatusRecordDocument> {
  if (!validator(value)) return schemaProblem('XR_SCHEMA_INVALID', 'invalid certificate status record', validator.errors);
  return { ok: true, value };
}
