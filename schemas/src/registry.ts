/**
 * The JSON Schemas of envelopes and payloads (files beside this package), compiled once with ajv
 * (draft 2020-12) and checked at both ends: before a region signs an event and after a partner
 * verifies it. Failures come back as values naming every offending field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { checkCalendarYear, checkCatalog, fail, isRegionCode, isResidentId, isUscc, type CalendarYear, type Catalog, type Envelope, type Problem } from '@xr/domain';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export type Validated<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Problem);

const root = new URL('../', import.meta.url);

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in China (UTC+8), for birth dates that must not lie in the future. */
function today(): string {
  return chinaDate.format(new Date());
}

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, useDefaults: true });
  addFormats(ajv);
  ajv.addFormat('gbt2260', { type: 'string', validate: (code: string) => isRegionCode(code) });
  ajv.addFormat('cn-resident-id', { type: 'string', validate: (id: string) => isResidentId(id, { today: today() }) });
  ajv.addFormat('cn-uscc', { type: 'string', validate: (code: string) => isUscc(code) });
  return ajv;
}

const ajv = makeAjv();

/** A schema document of this package, by its path beside `src/` (for the package's own modules). */
export function loadSchema(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(relative, root), 'utf8')) as Record<string, unknown>;
}

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

function fieldOf(error: ErrorObject, prefix: string): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  const path = `${prefix}${error.instancePath}${extra === undefined ? '' : `/${extra}`}`;
  return path === '' ? '/' : path;
}

function describe(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string; format?: string; allowedValues?: unknown[] };
  if (error.keyword === 'additionalProperties') return `unknown field ${params.additionalProperty ?? ''}`.trim();
  if (error.keyword === 'format') return `is not a valid ${params.format ?? 'value'}`;
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? error.keyword;
}

function problems(errors: readonly ErrorObject[] | null | undefined, prefix: string): Problem['violations'] {
  const seen = new Set<string>();
  const out: { field: string; message: string }[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'if') continue;
    const field = fieldOf(error, prefix);
    const message = describe(error);
    const key = `${field} ${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ field, message });
    }
  }
  return out;
}

function invalid(violations: NonNullable<Problem['violations']>, what: string): { ok: false } & Problem {
  const first = violations[0];
  const message = first ? `${what}: ${first.field} ${first.message}${violations.length > 1 ? ` (and ${violations.length - 1} more)` : ''}` : what;
  return fail('XR_SCHEMA_INVALID', message, first?.field, violations);
}

export function validateEnvelope(value: unknown): Validated<Envelope> {
  if (!envelopeValidator(value)) return invalid(problems(envelopeValidator.errors, '') ?? [], 'invalid envelope');
  return { ok: true, value };
}

/** Envelope and payload, the payload against the schema of its type and version. */
export function validateEvent(value: unknown): Validated<Envelope> {
  const envelope = validateEnvelope(value);
  if (!envelope.ok) return envelope;
  const validator = eventValidators.get(`${envelope.value.type}@${envelope.value.v}`);
  if (!validator) return fail('XR_EVENT_TYPE_UNKNOWN', `no schema for ${envelope.value.type} v${envelope.value.v}`, '/type');
  if (!validator(envelope.value.payload)) return invalid(problems(validator.errors, '/payload') ?? [], `invalid ${envelope.value.type} payload`);
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
  if (!calendarYearValidator(value)) return invalid(problems(calendarYearValidator.errors, prefix) ?? [], 'invalid holiday schedule');
  const year: CalendarYear = { year: value.year, basis: 'published', notice: value.notice, periods: value.periods };
  const checked = checkCalendarYear(year);
  if (!checked.ok) return fail('XR_CALENDAR_INVALID', `holiday schedule ${value.year}: ${checked.reason}`, `${prefix}${checked.field}`);
  return { ok: true, value: year };
}

/** An item catalog (事项目录): the schema, then the rules a schema cannot say (承诺时限 ≤ 法定时限, …). */
export function validateCatalog(value: unknown): Validated<Catalog> {
  if (!catalogValidator(value)) return fail('XR_CATALOG_INVALID', 'invalid catalog', problems(catalogValidator.errors, '')?.[0]?.field, problems(catalogValidator.errors, ''));
  const checked = checkCatalog(value);
  return checked.ok ? { ok: true, value } : checked;
}
