/**
 * JSON Schemas of registry records (schemas/registry/*.json, draft 2020-12), compiled once on the
 * shared ajv of @xr/schemas (its formats: gbt2260 backed by the domain's GB/T 2260 table, date-time,
 * email). Failures are values naming every offending field as a JSON Pointer into the record.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { compileSchema } from '@xr/schemas';
import { problem, type Problem } from '@xr/domain';
import { REGISTRY_RECORD_TYPES, type RegistryRecord } from './record.js';

type Validator = ReturnType<typeof compileSchema<unknown>>;
type SchemaError = NonNullable<Validator['errors']>[number];

// The files live beside @xr/schemas (schemas/registry/); found through its package entry point.
const dir = new URL('../registry/', pathToFileURL(createRequire(import.meta.url).resolve('@xr/schemas')));

function load(file: string): Validator {
  return compileSchema<unknown>(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>);
}

load('jwk.v1.json'); // referenced by the payload schemas: compiled (and registered) first
const envelope = load('record.v1.json');
const payloads = new Map<string, Validator>(REGISTRY_RECORD_TYPES.map((type) => [`${type}@1`, load(`${type}.v1.json`)]));

function violations(errors: readonly SchemaError[] | null | undefined, prefix: string): { field: string; message: string }[] {
  const out = new Map<string, { field: string; message: string }>();
  for (const e of errors ?? []) {
    const params = e.params as { missingProperty?: string; additionalProperty?: string; format?: string; allowedValue?: unknown; allowedValues?: unknown[] };
    const extra = params.missingProperty ?? params.additionalProperty;
    const field = `${prefix}${e.instancePath}${extra === undefined ? '' : `/${extra}`}` || '/';
    let message = e.message ?? e.keyword;
    if (e.keyword === 'additionalProperties') message = extra === 'd' ? 'is a private key member: register public keys only' : `unknown field ${extra ?? ''}`;
    else if (e.keyword === 'format') message = `is not a valid ${params.format ?? 'value'}`;
    else if (e.keyword === 'const') message = `must be ${JSON.stringify(params.allowedValue)}`;
    else if (e.keyword === 'enum') message = `must be one of ${JSON.stringify(params.allowedValues)}`;
    out.set(`${field} ${message}`, { field, message });
  }
  return [...out.values()];
}

function invalid(list: { field: string; message: string }[], what: string): { ok: false; problem: Problem } {
  const first = list[0];
  const message = first ? `${what}: ${first.field} ${first.message}${list.length > 1 ? ` (and ${list.length - 1} more)` : ''}` : what;
  return { ok: false, problem: problem('XR_SCHEMA_INVALID', message, first?.field, list) };
}

export type Checked = { readonly ok: true; readonly record: RegistryRecord } | { readonly ok: false; readonly problem: Problem };

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateRecord(value: unknown): Checked {
  if (!envelope(value)) return invalid(violations(envelope.errors, ''), 'invalid registry record');
  const record = value as { type: string; v: number; payload: unknown };
  const validator = payloads.get(`${record.type}@${record.v}`);
  if (!validator) return { ok: false, problem: problem('XR_EVENT_TYPE_UNKNOWN', `no schema for ${record.type} v${record.v}`, '/v') };
  if (!validator(record.payload)) return invalid(violations(validator.errors, '/payload'), `invalid ${record.type} payload`);
  return { ok: true, record: value as RegistryRecord };
}
