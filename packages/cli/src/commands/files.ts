/** Reading the JSON files the admin commands take: a partner registration, a public JWK. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PublicJwk } from '@xr/crypto';
import { RegistryState, uuidv7, validateRecord, type CalendarPublished, type PartnerRegistered } from '@xr/registry';
import type { CliIo } from '../io.js';
import { usage } from '../problem.js';

export async function readJson(io: CliIo, path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw usage(`cannot read ${path}: ${(error as Error).message}`, option);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw usage(`${path} is not JSON: ${(error as Error).message}`, option);
  }
}

/** `/payload/keys/keys/0/kid` → `keys.keys[0].kid` */
function filePath(pointer: string): string {
  return pointer
    .replace(/^\/payload/, '')
    .split('/')
    .filter((s) => s !== '')
    .reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out === '' ? s : `${out}.${s}`), '');
}

function refusePrivate(jwk: unknown, what: string, field: string): void {
  if (jwk && typeof jwk === 'object' && 'd' in jwk) throw usage(`${what} is a private key (member "d"): give the public key only (the .pub.jwk.json file); never share the private one`, field);
}

/** A partner.registered payload from a file; `keys` may be a JWKS ({"keys": […]}) or a plain array. Checked against the schema here, before anything is sent. */
export async function readRegistration(io: CliIo, path: string): Promise<PartnerRegistered> {
  const raw = await readJson(io, path, '--file');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw usage(`${path} must hold a JSON object {region, name, keys, contact, catalog?}`, '--file');
  const o = raw as Record<string, unknown>;
  const payload = Array.isArray(o['keys']) ? { ...o, keys: { keys: o['keys'] as unknown[] } } : o;
  const keys = (payload['keys'] as { keys?: unknown } | undefined)?.keys;
  if (Array.isArray(keys)) keys.forEach((k, i) => refusePrivate(k, `keys[${i}] in ${path}`, `--file keys.keys[${i}].d`));
  const checked = validateRecord({ id: uuidv7(), type: 'partner.registered', v: 1, time: new Date().toISOString(), admin: 'admin-cli.k1', payload: { contact: {}, ...payload } });
  if (!checked.ok) {
    const first = checked.violations?.[0];
    const field = first ? filePath(first.field) : undefined;
    const where = field ? `${path}: ${field}` : path;
    throw usage(`${where} ${first?.message ?? checked.message}`, field === undefined ? '--file' : `--file ${field}`, checked.code);
  }
  return checked.value.payload as PartnerRegistered;
}

export async function readPublicJwk(io: CliIo, path: string): Promise<PublicJwk> {
  const raw = await readJson(io, path, '--key-file');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw usage(`${path} must hold one JWK object`, '--key-file');
  refusePrivate(raw, path, '--key-file');
  return raw as PublicJwk;
}

/**
 * A year's holiday schedule from a file: `{notice: {title, date}, periods: [{name, daysOff, worked}]}`
 * (a `year` member, when present, must be `year`). Checked here in full before anything is sent.
 */
export async function readCalendarYear(io: CliIo, path: string, year: number): Promise<CalendarPublished> {
  const raw = await readJson(io, path, '--file');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw usage(`${path} must hold a JSON object {notice: {title, date}, periods: [...]}`, '--file');
  const o = raw as Record<string, unknown>;
  if (o['year'] !== undefined && o['year'] !== year) throw usage(`${path} is the schedule of ${JSON.stringify(o['year'])}, not of --year ${year}`, '--year');
  const payload = { ...o, year };
  const checked = validateRecord({ id: uuidv7(), type: 'calendar.published', v: 1, time: new Date().toISOString(), admin: 'admin-cli.k1', payload });
  if (!checked.ok) {
    const first = checked.violations?.[0] ?? (checked.field === undefined ? undefined : { field: checked.field, message: checked.message });
    const field = first ? filePath(first.field) : undefined;
    throw usage(`${field ? `${path}: ${field}` : path} ${first?.message ?? checked.message}`, field === undefined ? '--file' : `--file ${field}`, checked.code);
  }
  // The checks every gateway applies (dates in the year, worked days on weekends, no statutory
  // holiday dropped), here, before anything is signed.
  const applied = RegistryState.empty().apply(checked.value);
  if (!applied.ok) {
    const field = applied.field === undefined ? undefined : filePath(applied.field);
    throw usage(`${field ? `${path}: ${field}` : path} ${applied.message}`, field === undefined ? '--file' : `--file ${field}`, applied.code);
  }
  return checked.value.payload as CalendarPublished;
}
