/**
 * JSON Schemas of registry records (schemas/registry/*.json, draft 2020-12), compiled once on the
 * shared ajv of @xr/schemas (its formats: gbt2260 backed by the domain's GB/T 2260 table, date-time,
 * email). Failures are values naming every offending field as a JSON Pointer into the record.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { compileSchema, schemaProblem } from '@xr/schemas';
import { problem, type Problem } from '@xr/domain';
import { REGISTRY_RECORD_TYPES, type RegistryRecord } from './record.js';

type Validator = ReturnType<typeof compileSchema<unknown>>;

// The files live beside @xr/schemas (schemas/registry/); found through its package entry point.
const dir = new URL('../registry/', pathToFileURL(createRequire(import.meta.url).resolve('@xr/schemas')));

function load(file: string): Validator {
  return compileSchema<unknown>(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>);
}

load('jwk.v1.json'); // referenced by the payload schemas: compiled (and registered) first
const envelope = load('record.v1.json');
const payloads = new Map<string, Validator>(REGISTRY_RECORD_TYPES.map((type) => [`${type}@1`, load(`${type}.v1.json`)]));

/** A JWK member `d` is the private key: say so rather than `unknown field d`. */
const unknownMember = (name: string): string | undefined => (name === 'd' ? 'is a private key member: register public keys only' : undefined);

function invalid(errors: Validator['errors'], what: string, prefix?: string): { ok: false; problem: Problem } {
  const { ok: _, ...p } = schemaProblem('XR_SCHEMA_INVALID', what, errors, { unknownMember, ...(prefix === undefined ? {} : { prefix }) });
  return { ok: false, problem: p };
}

export type Checked = { readonly ok: true; readonly record: RegistryRecord } | { readonly ok: false; readonly problem: Problem };

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateRecord(value: unknown): Checked {
  if (!envelope(value)) return invalid(envelope.errors, 'invalid registry record');
  const record = value as { type: string; v: number; payload: unknown };
  const validator = payloads.get(`${record.type}@${record.v}`);
  if (!validator) return { ok: false, problem: problem('XR_EVENT_TYPE_UNKNOWN', `no schema for ${record.type} v${record.v}`, '/v') };
  if (!validator(record.payload)) return invalid(validator.errors, `invalid ${record.type} payload`, '/payload');
  return { ok: true, record: value as RegistryRecord };
}
