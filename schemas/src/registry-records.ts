/**
 * JSON Schemas of registry records (registry/*.json beside this package, draft 2020-12), compiled
 * once on the shared ajv (its formats: gbt2260 backed by the domain's GB/T 2260 table, date-time,
 * email). The record types are the envelope schema's `type` enum; each has a payload schema per
 * version (`<type>.v<n>.json`). Failures are values naming every offending field as a JSON Pointer
 * into the record.
 */
import { readdirSync } from 'node:fs';
import { fail } from '@xr/domain';
import { compileSchema, loadSchema, type Validated } from './registry.js';
import { schemaProblem } from './schema-errors.js';

type Validator = ReturnType<typeof compileSchema<unknown>>;

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

/** A JWK member `d` is the private key: say so rather than `unknown field d`. */
const unknownMember = (name: string): string | undefined => (name === 'd' ? 'is a private key member: register public keys only' : undefined);

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateRegistryRecord(value: unknown): Validated<RegistryRecordDocument> {
  if (!envelope(value)) return schemaProblem('XR_SCHEMA_INVALID', 'invalid registry record', envelope.errors, { unknownMember });
  const record = value as RegistryRecordDocument;
  const validator = payloads.get(`${record.type}@${record.v}`);
  if (!validator) return fail('XR_EVENT_TYPE_UNKNOWN', `no schema for ${record.type} v${record.v}`, '/v');
  if (!validator(record.payload)) return schemaProblem('XR_SCHEMA_INVALID', `invalid ${record.type} payload`, validator.errors, { unknownMember, prefix: '/payload' });
  return { ok: true, value: record };
}
