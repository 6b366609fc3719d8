/**
 * A registry record against its JSON Schemas (compiled by @xr/schemas), with the failure as a
 * registry problem: every offending field as a JSON Pointer into the record.
 */
import { validateRegistryRecord } from '@xr/schemas';
import { fail, ok, type Result } from '@xr/domain';
import type { RegistryRecord } from './record.js';

export type Checked = Result<RegistryRecord>;

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateRecord(value: unknown): Checked {
  const checked = validateRegistryRecord(value);
  if (!checked.ok) return fail(checked.code, checked.message, checked.field, checked.violations);
  return ok(checked.value as unknown as RegistryRecord);
}
