/**
 * A registry record against its JSON Schemas (compiled by @xr/schemas), with the failure as a
 * registry problem: every offending field as a JSON Pointer into the record.
 */
import { validateRegistryRecord } from '@xr/schemas';
import { problem, type RegistryProblem } from './codes.js';
import type { RegistryRecord } from './record.js';

export type Checked = { readonly ok: true; readonly record: RegistryRecord } | { readonly ok: false; readonly problem: RegistryProblem };

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateRecord(value: unknown): Checked {
  const checked = validateRegistryRecord(value);
  if (!checked.ok) return { ok: false, problem: problem(checked.code, checked.message, checked.field, checked.violations) };
  return { ok: true, record: checked.value as unknown as RegistryRecord };
}
