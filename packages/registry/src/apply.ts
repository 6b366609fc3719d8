/**
 * The registry's reducer: one verified record → the next registry, or a refusal with a stable code.
 * Pure: no clock, no I/O; every time it uses is a time written in a record. Semantic checks here,
 * signature and schema before (see verify.ts).
 */
import { canonicalJson, parseKid, verificationKeyFromJwk, type PublicJwk } from '@xr/crypto';
import { fail, problem, type Problem, type Result } from '@xr/domain';
import type { KeyEntry, PartnerEntry, RegistryData } from './model.js';
import type { RecordOf, RegistryRecord } from './record.js';
import { earliest, instant } from './time.js';
import { validateCalendarYear, validateCatalog } from '@xr/schemas';
import { checkWitnessPolicy } from './witness-policy.js';

export type Applied = Result<{ readonly data: RegistryData; readonly changed: boolean }>;

type Step = Result<{ readonly partner: PartnerEntry | undefined; readonly changed: boolean }>;

const refuse = (code: Problem['code'], message: string, field: string): Step => fail(code, message, field);
const same = (partner: PartnerEntry): Step => ({ ok: true, value: { partner, changed: false } });
const changed = (partner: PartnerEntry): Step => ({ ok: true, value: { partner, changed: true } });

function keyEntry(jwk: PublicJwk, region: string, time: string, field: string): KeyEntry | Problem {
  const parsed = parseKid(jwk.kid);
  if (!parsed || parsed.region !== region) return problem('XR_KEY_REGION_MISMATCH', `key ${jwk.kid} does not name region ${region} (${region}.k<n>)`, `${field}/kid`);
  try {
    return { jwk, key: verificationKeyFromJwk(jwk), generation: parsed.generation, addedAt: time };
  } catch (error) {
    return problem('XR_SCHEMA_INVALID', `key ${jwk.kid} is not a usable Ed25519 public key: ${(error as Error).message}`, `${field}/x`);
  }
}

function registered(partner: PartnerEntry | undefined, r: RecordOf<'partner.registered'>): Step {
  const p = r.payload;
  const registration = canonicalJson(p);
  if (partner) {
    if (partner.registration === registration) return same(partner);
    return refuse('XR_REGISTRY_CONFLICT', `region ${p.region} is already registered with other content (rotate or revoke keys instead)`, '/payload/region');
  }
  if (p.catalog !== undefined) {
    // The city's item catalog (事项目录) must be one: the schema, 承诺时限 ≤ 法定时限, its own region.
    const catalog = validateCatalog(p.catalog);
    if (!catalog.ok) return refuse('XR_CATALOG_INVALID', `catalog: ${catalog.message}`, `/payload/catalog${catalog.field ?? ''}`);
    if (catalog.value.region !== p.region) return refuse('XR_CATALOG_INVALID', `the catalog is of region ${catalog.value.region}, not ${p.region}`, '/payload/catalog/region');
  }
  const keys: KeyEntry[] = [];
  for (const [i, jwk] of p.keys.keys.entries()) {
    const field = `/payload/keys/keys/${i}`;
    if (keys.some((k) => k.jwk.kid === jwk.kid)) return refuse('XR_REGISTRY_CONFLICT', `key id ${jwk.kid} appears twice`, `${field}/kid`);
    const entry = keyEntry(jwk, p.region, r.time, field);
    if ('code' in entry) return { ok: false, ...entry };
    keys.push(entry);
  }
  return changed({
    region: p.region,
    name: p.name,
    contact: p.contact,
    ...(p.catalog === undefined ? {} : { catalog: p.catalog }),
    registration,
    registeredAt: r.time,
    updatedAt: r.time,
    keys,
    recognitions: new Map(),
  });
}

function rotated(partner: PartnerEntry, r: RecordOf<'key.rotated'>): Step {
  const p = r.payload;
  const entry = keyEntry(p.newKey, p.region, r.time, '/payload/newKey');
  if ('code' in entry) return { ok: false, ...entry };
  const newest = Math.max(...partner.keys.map((k) => k.generation));
  if (entry.generation <= newest) return refuse('XR_REGISTRY_CONFLICT', `new key ${p.newKey.kid} must have a generation above ${newest}, the newest of ${p.region}`, '/payload/newKey/kid');
  if (!(instant(p.overlapUntil) >= instant(r.time))) return refuse('XR_BAD_REQUEST', `overlapUntil ${p.overlapUntil} is before the record's time ${r.time}`, '/payload/overlapUntil');
  const keys = partner.keys.map((k) => ({ ...k, validUntil: earliest(k.validUntil, p.overlapUntil) }));
  return changed({ ...partner, keys: [...keys, entry], updatedAt: r.time });
}

function revoked(partner: PartnerEntry, r: RecordOf<'key.revoked'>): Step {
  const p = r.payload;
  if (parseKid(p.kid)?.region !== p.region) return refuse('XR_KEY_REGION_MISMATCH', `key ${p.kid} does not belong to region ${p.region}`, '/payload/kid');
  const index = partner.keys.findIndex((k) => k.jwk.kid === p.kid);
  const key = partner.keys[index];
  if (!key) return refuse('XR_KEY_UNKNOWN', `region ${p.region} has no key ${p.kid}`, '/payload/kid');
  const revokedAt = earliest(key.revokedAt, p.effectiveAt);
  if (revokedAt === key.revokedAt) return same(partner);
  const keys = partner.keys.map((k, i) => (i === index ? { ...k, revokedAt } : k));
  return changed({ ...partner, keys, updatedAt: r.time });
}

function recognition(partners: ReadonlyMap<string, PartnerEntry>, partner: PartnerEntry, r: RecordOf<'recognition.set'>): Step {
  const p = r.payload;
  if (p.issuer === p.region) return refuse('XR_BAD_REQUEST', 'a region does not need to recognise its own certificates', '/payload/issuer');
  if (!partners.has(p.issuer)) return refuse('XR_PARTNER_UNKNOWN', `issuer ${p.issuer} is not a registered partner`, '/payload/issuer');
  const types = [...new Set(p.certificateTypes)].sort();
  const before = partner.recognitions.get(p.issuer) ?? [];
  if (before.join('\u0000') === types.join('\u0000')) return same(partner);
  const recognitions = new Map(partner.recognitions);
  if (types.length === 0) recognitions.delete(p.issuer);
  else recognitions.set(p.issuer, types);
  return changed({ ...partner, recognitions, updatedAt: r.time });
}

/** The region's witness policy; the same content again is a no-op. Witness regions must be registered (suspended ones too: a suspension is temporary). */
function witnessPolicy(partners: ReadonlyMap<string, PartnerEntry>, partner: PartnerEntry, r: RecordOf<'witness.policy.set'>): Step {
  const checked = checkWitnessPolicy(r.payload, (region) => partners.has(region));
  if (!checked.ok) return checked;
  const content = canonicalJson({ quorum: r.payload.quorum, witnesses: r.payload.witnesses });
  if (partner.witnessPolicy?.content === content) return same(partner);
  return changed({ ...partner, witnessPolicy: { quorum: r.payload.quorum, witnesses: r.payload.witnesses, content, recordId: r.id, setAt: r.time }, updatedAt: r.time });
}

function step(data: RegistryData, r: Exclude<RegistryRecord, RecordOf<'calendar.published'>>): Step {
  const partner = data.partners.get(r.payload.region);
  if (r.type === 'partner.registered') return registered(partner, r);
  if (!partner) return refuse('XR_PARTNER_UNKNOWN', `region ${r.payload.region} is not a registered partner`, '/payload/region');
  switch (r.type) {
    case 'key.rotated':
      return rotated(partner, r);
    case 'key.revoked':
      return revoked(partner, r);
    case 'partner.suspended':
      if (partner.suspended?.reason === r.payload.reason) return same(partner);
      return changed({ ...partner, suspended: { reason: r.payload.reason, since: partner.suspended?.since ?? r.time }, updatedAt: r.time });
    case 'partner.resumed': {
      if (!partner.suspended) return same(partner);
      const { suspended: _ended, ...rest } = partner;
      return changed({ ...rest, updatedAt: r.time });
    }
    case 'recognition.set':
      return recognition(data.partners, partner, r);
    case 'witness.policy.set':
      return witnessPolicy(data.partners, partner, r);
  }
}

/** A year's holiday schedule: the same content again is a no-op; another content for the year replaces it (a corrected notice). */
function calendar(data: RegistryData, r: RecordOf<'calendar.published'>): Applied {
  const checked = validateCalendarYear(r.payload, '/payload');
  if (!checked.ok) return fail('XR_CALENDAR_INVALID', checked.message, checked.field);
  const content = canonicalJson(r.payload);
  const applied = { applied: data.applied + 1, lastRecordId: r.id };
  if (data.calendars.get(r.payload.year)?.content === content) return { ok: true, value: { data: { ...data, ...applied }, changed: false } };
  const calendars = new Map(data.calendars);
  calendars.set(r.payload.year, { year: checked.value, content, recordId: r.id, publishedAt: r.time, admin: r.admin });
  return { ok: true, value: { data: { ...data, calendars, ...applied }, changed: true } };
}

/** Applies one schema-valid record. A no-op (same registration again, nothing new) is applied but `changed: false`. */
export function applyRecord(data: RegistryData, record: RegistryRecord): Applied {
  if (record.type === 'calendar.published') return calendar(data, record);
  const result = step(data, record);
  if (!result.ok) return result;
  const { partner, changed } = result.value;
  let partners = data.partners;
  if (changed && partner) {
    const next = new Map(partners);
    next.set(partner.region, partner);
    partners = next;
  }
  return { ok: true, value: { data: { ...data, partners, applied: data.applied + 1, lastRecordId: record.id }, changed } };
}
