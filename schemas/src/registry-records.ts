/**
 * JSON Schemas of registry records (registry/*.json beside this package, draft 2020-12), compiled
 * once on the shared ajv (its formats: gbt2260 backed by the domain's GB/T 2260 table, date-time,
 * email). The record types are the envelope schema's `type` enum; each has a payload schema per
 * version (`<type>.v<n>.json`). Failures are values naming every offending field as a JSON Pointer
 * into the record.
 */
import { readdirSync } from 'node:fs';
import { fail, type Problem } from '@xr/domain';
import { compileSchema, loadSchema, type Validated } from './registry.js';

type Validator = ReturnType<typeof compileSchema<unknown>>;
type SchemaError = NonNullable<Validator['errors']>[number];

/** A registry record as far as its schemas say: the envelope, and a payload valid for its type and version. */
export interface RegistryRecordDocument {
  readonly id: string;
  readonly type: string;
  readonly v: number;
  readonly time: string;
  readonly admin: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

compileSchema<unknown>(loadSchema('registry/jwk.v1.json')); // referenced by the payload schemas: compiled (and registered) first
const envelopeDocument = loadSchema('registry/record.v1.json');
const envelope = compileSchema<unknown>(envelopeDocument);
const types = ((envelopeDocument['properties'] as { type: { enum: string[] } }).type.enum as readonly string[]).slice();
const payloads = new Map<string, Validator>();
for (const file of readdirSync(new URL('../registry/', import.meta.url))) {
  const m = /^([a-z][a-z.-]*)\.v(\d+)\.json$/.exec(file);
  if (m && types.includes(m[1]!)) payloads.set(`${m[1]}@${m[2]}`, compileSchema<unknown>(loadSchema(`registry/${file}`)));
}

/** The record types the envelope schema admits, in its order. */
export function registryRecordTypes(): readonly string[] {
  return types;
}

/** Every `{ type, v }` with a payload schema. */
export function registryPayloadVersions(): { type: string; v: number }[] {
  return [...payloads.keys()].map((k) => {
    const [type, v] = k.split('@');
    return { type: type!, v: Number(v) };
  });
}

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

function invalid(list: { field: string; message: string }[], what: string): { ok: false } & Problem {
  const first = list[0];
  const message = first ? `${what}: ${first.field} ${first.message}${list.length > 1 ? ` (and ${list.length - 1} more)` : ''}` : what;
  return fail('XR_SCHEMA_INVALID', message, first?.field, list);
}

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateRegistryRecord(value: unknown): Validated<RegistryRecordDocument> {
  if (!envelope(value)) return invalid(violations(envelope.errors, ''), 'invalid registry record');
  const record = value as RegistryRecordDocument;
  const validator = payloads.get(`${record.type}@${record.v}`);
  if (!validator) return fail('XR_EVENT_TYPE_UNKNOWN', `no schema for ${record.type} v${record.v}`, '/v');
  if (!validator(record.payload)) return invalid(violations(validator.errors, '/payload'), `invalid ${record.type} payload`);
  return { ok: true, value: record };
}
