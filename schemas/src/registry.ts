/**
 * The JSON Schemas of envelopes and payloads (files beside this package), compiled once with ajv
 * (draft 2020-12) and checked at both ends: before a region signs an event and after a partner
 * verifies it. Failures come back as values naming every offending field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { checkCalendarYear, checkCatalog, fail, isCertId, isRegionCode, isResidentId, isUscc, type CalendarYear, type Catalog, type Envelope, type Result } from '@xr/domain';
import { schemaProblem, schemaViolations } from './schema-errors.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The domain's `Result`, under the name this package has always exported. */
export type Validated<T> = Result<T>;

const root = new URL('../', import.meta.url);

/**
 * The date in China (UTC+8; no summer time since 1992) at `ms`, by arithmetic: the Intl formatter it
 * replaces was ~1 % of a gateway's CPU, called for every resident ID (a test checks both agree).
 */
export function chinaDayOf(ms: number): string {
  return new Date(Math.floor((ms + 8 * 3_600_000) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

let todayCache: { readonly until: number; readonly text: string } | undefined;
/** Today's date in China, for birth dates that must not lie in the future. */
function today(): string {
  const now = Date.now();
  if (todayCache === undefined || now >= todayCache.until) {
    const text = chinaDayOf(now);
    todayCache = { until: Date.parse(`${text}T00:00:00+08:00`) + 86_400_000, text };
  }
  return todayCache.text;
}

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, useDefaults: true });
  addFormats(ajv);
  ajv.addFormat('gbt2260', { type: 'string', validate: (code: string) => isRegionCode(code) });
  ajv.addFormat('cn-resident-id', { type: 'string', validate: (id: string) => isResidentId(id, { today: today() }) });
  ajv.addFormat('cn-uscc', { type: 'string', validate: (code: string) => isUscc(code) });
  // A credential id: `urn:gbt36904:` + a 证照标识 whose check character and embedded USCCs hold (docs/WIRE.md, E-certificates).
  ajv.addFormat('cn-licence-urn', { type: 'string', validate: (id: string) => id.startsWith('urn:gbt36904:') && isCertId(id.slice('urn:gbt36904:'.length)) });
  return ajv;
}

const ajv = makeAjv();

/** A schema document of this package, by its path beside `src/` (for the package's own modules). */
export function loadSchema(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(relative, root), 'utf8')) as Record<string, unknown>;
}

ajv.addSchema(loadSchema('id.v1.json')); // referenced by the envelope and by payloads that name an event
const envelopeValidator = ajv.compile<Envelope>(loadSchema('envelope.v1.json'));
const eventValidators = new Map<string, ValidateFunction>();
for (const file of readdirSync(new URL('events/', root))) {
  const m = /^([a-z][a-z.-]*)\.v(\d+)\.json$/.exec(file);
  if (m) eventValidators.set(`${m[1]}@${m[2]}`, ajv.compile(loadSchema(`events/${file}`)));
}

/** Compiles another schema (configuration files, registry records) on the same ajv and formats. */
export function compileSchema<T>(schema: Record<string, unknown>): ValidateFunction<T> {
  return ajv.compile<T>(schema);
}

export function eventTypes(): { type: string; v: number }[] {
  return [...eventValidators.keys()].map((k) => {
    const [type, v] = k.split('@');
    return { type: type!, v: Number(v) };
  });
}

export function validateEnvelope(value: unknown): Validated<Envelope> {
  if (!envelopeValidator(value)) return schemaProblem('XR_SCHEMA_INVALID', 'invalid envelope', envelopeValidator.errors);
  return { ok: true, value };
}

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateEvent(value: unknown): Validated<Envelope> {
  const envelope = validateEnvelope(value);
  if (!envelope.ok) return envelope;
  const validator = eventValidators.get(`${envelope.value.type}@${envelope.value.v}`);
  if (!validator) return fail('XR_EVENT_TYPE_UNKNOWN', `no schema for ${envelope.value.type} v${envelope.value.v}`, '/type');
  if (!validator(envelope.value.payload)) return schemaProblem('XR_SCHEMA_INVALID', `invalid ${envelope.value.type} payload`, validator.errors, { prefix: '/payload' });
  return envelope;
}

const catalogValidator = ajv.compile<Catalog>(loadSchema('catalog.v1.json'));

/** A year's holiday schedule as published (schemas/calendar-year.v1.json); referenced by the registry and configuration schemas. */
export interface CalendarYearSpec {
  readonly year: number;
  readonly notice: { readonly title: string; readonly date: string };
  readonly periods: readonly { readonly name: string; readonly daysOff: readonly string[]; readonly worked: readonly string[] }[];
}

const calendarYearValidator = ajv.compile<CalendarYearSpec>(loadSchema('calendar-year.v1.json'));

/**
 * A year's holiday schedule: the schema, then what a schema cannot say (real dates inside the
 * year, no day twice, worked days on weekends, consecutive days off). `prefix` is the JSON Pointer
 * of the schedule inside the document being checked, for the field named in the problem.
 */
export function validateCalendarYear(value: unknown, prefix = ''): Validated<CalendarYear> {
  if (!calendarYearValidator(value)) return schemaProblem('XR_SCHEMA_INVALID', 'invalid holiday schedule', calendarYearValidator.errors, { prefix });
  const year: CalendarYear = { year: value.year, basis: 'published', notice: value.notice, periods: value.periods };
  const checked = checkCalendarYear(year);
  if (!checked.ok) return fail('XR_CALENDAR_INVALID', `holiday schedule ${value.year}: ${checked.reason}`, `${prefix}${checked.field}`);
  return { ok: true, value: year };
}

/** An item catalog (事项目录): the schema, then the rules a schema cannot say (承诺时限 ≤ 法定时限, …). */
export function validateCatalog(value: unknown): Validated<Catalog> {
  if (!catalogValidator(value)) {
    const violations = schemaViolations(catalogValidator.errors);
    return fail('XR_CATALOG_INVALID', 'invalid catalog', violations[0]?.field, violations);
  }
  const checked = checkCatalog(value);
  return checked.ok ? { ok: true, value } : checked;
}
