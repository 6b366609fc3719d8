/** AdminService handlers called directly (no socket): mapping, errors with codes and fields, the auth seam. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Metadata, status, type ServerUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { createLogger } from '@xr/observability';
import { decodeStatusDetails } from '@xr/proto';
import { adminServiceHandlers, type AdminServiceDeps } from '../src/admin-service.js';
import type { AdminServiceHandlers } from '../src/index.js';
import { lc1, lc2, openDesk, qd1, type Desk } from './fixtures.js';
import { SAMPLE_CATALOG_371500 } from '@xr/domain/samples';
import { generateKeyPairSync } from 'node:crypto';
import { cosignatureVerifier, formatVerifierKey } from '@xr/tlog';

let desk: Desk;
let handlers: AdminServiceHandlers;
const logger = createLogger({ level: 'silent' });
const deps = (over: Partial<AdminServiceDeps> = {}): AdminServiceDeps => ({
  registrar: desk.registrar,
  follower: desk.follower,
  log: desk.log,
  quarantineTopic: (region) => `test.quarantine.${region}`,
  logger,
  authorize: () => undefined,
  clock: () => new Date(),
  topicPrefix: 'test',
  ...over,
});

beforeEach(async () => {
  desk = await openDesk();
  handlers = adminServiceHandlers(deps());
});
afterEach(async () => {
  await desk.close();
});

type Outcome = { error: Partial<ServiceError> | null; value: unknown };

function call(h: AdminServiceHandlers, rpc: keyof AdminServiceHandlers, request: Record<string, unknown>): Promise<Outcome> {
  return new Promise((resolve) => {
    const handler = h[rpc] as (call: ServerUnaryCall<unknown, unknown>, cb: (error: Partial<ServiceError> | null, value?: unknown) => void) => void;
    handler({ request, metadata: new Metadata() } as unknown as ServerUnaryCall<unknown, unknown>, (error, value) => resolve({ error, value }));
  });
}

const jwk = (k: typeof lc1.publicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid, alg: '', use: '' });
const register = (over: Record<string, unknown> = {}) => ({
  requestId: 'r1',
  region: '371500',
  name: '聊城市',
  keys: [jwk(lc1.publicJwk)],
  catalogJson: JSON.stringify(SAMPLE_CATALOG_371500),
  contact: { name: '', phone: '', email: 'ops@liaocheng.example.cn' },
  ...over,
});

describe('AdminService handlers', () => {
  it('registers, rotates and lists partners', async () => {
    const registered = await call(handlers, 'RegisterPartner', register());
    expect(registered.error).toBeNull();
    expect(registered.value).toMatchObject({ offset: 0, duplicate: false, partner: { region: '371500', status: 'PARTNER_STATUS_ACTIVE' } });
    expect(JSON.parse((registered.value as { partner: { catalogJson: string } }).partner.catalogJson)).toEqual(SAMPLE_CATALOG_371500);
    const overlapUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const rotated = await call(handlers, 'RotateKey', { requestId: 'r2', region: '371500', newKey: jwk(lc2.publicJwk), overlapUntil });
    expect(rotated.error).toBeNull();
    const listed = await call(handlers, 'ListPartners', {});
    expect(listed.value).toMatchObject({
      registryPosition: 2,
      partners: [{ region: '371500', keys: [{ status: 'KEY_STATUS_ROTATING_OUT', validUntil: overlapUntil }, { status: 'KEY_STATUS_ACTIVE' }] }],
    });
  });

  it('answers bad input with INVALID_ARGUMENT naming the request field', async () => {
    const { error } = await call(handlers, 'RegisterPartner', register({ keys: [jwk(qd1.publicJwk), { ...jwk(lc2.publicJwk), crv: 'P-256' }] }));
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    const details = decodeStatusDetails(error!.metadata!.get('grpc-status-details-bin')[0] as Buffer);
    expect(details).toMatchObject({ reason: 'XR_SCHEMA_INVALID', violations: [{ field: 'keys[1].crv' }] });
    const mismatch = await call(handlers, 'RegisterPartner', register({ keys: [jwk(qd1.publicJwk)] }));
    expect(mismatch.error).toMatchObject({ code: status.PERMISSION_DENIED });
    expect(mismatch.error?.metadata?.get('xr-field')).toEqual(['keys[0].kid']);
    const catalog = await call(handlers, 'RegisterPartner', register({ catalogJson: '[1]' }));
    expect(catalog.error?.metadata?.get('xr-field')).toEqual(['catalog_json']);
    const time = await call(handlers, 'RevokeKey', { requestId: 'x', region: '371500', kid: '371500.k1', effectiveAt: 'tomorrow' });
    expect(time.error?.metadata?.get('xr-field')).toEqual(['effective_at']);
  });

  it('refuses a conflicting registration with ALREADY_EXISTS, the registry code and the field', async () => {
    await call(handlers, 'RegisterPartner', register());
    const { error } = await call(handlers, 'RegisterPartner', register({ requestId: 'r9', name: '别的名字' }));
    expect(error?.code).toBe(status.ALREADY_EXISTS);
    expect(error?.details).toMatch(/^XR_REGISTRY_CONFLICT: region 371500 is already registered/);
    expect(error?.metadata?.get('xr-code')).toEqual(['XR_REGISTRY_CONFLICT']);
    expect(error?.metadata?.get('xr-field')).toEqual(['region']);
  });

  it('asks authorize first and refuses with its problem', async () => {
    const asked: string[] = [];
    const guarded = adminServiceHandlers(deps({ authorize: (_call, rpc) => (asked.push(rpc), rpc === 'ListPartners' ? undefined : { code: 'XR_BAD_REQUEST', message: 'role admin required' }) }));
    const { error } = await call(guarded, 'SuspendPartner', { requestId: 'r', region: '371500', reason: 'x' });
    expect(error?.details).toBe('XR_BAD_REQUEST: role admin required');
    expect((await call(guarded, 'ListPartners', {})).error).toBeNull();
    expect(asked).toEqual(['SuspendPartner', 'ListPartners']);
    expect(await desk.log.endOffset(desk.topic, 0)).toBe(0);
  });

  it('lists a region’s quarantine without record contents, newest last', async () => {
    const topic = 'test.quarantine.371500';
    await desk.log.createTopic(topic, { partitions: 1 });
    const entry = (n: number) => ({ code: 'XR_SIGNATURE_INVALID', message: `bad ${n}`, at: '2025-06-01T00:00:00Z', from: { topic: 'test.inbox.371500', partition: 0, offset: n }, key: 'k', headers: {}, value: Buffer.from(`{"name":"张三${n}"}`).toString('base64') });
    await desk.log.append(topic, [0, 1, 2].map((n) => ({ id: `q${n}`, key: 'k', value: new TextEncoder().encode(JSON.stringify(entry(n))), partition: 0 })));
    const { value } = await call(handlers, 'ListQuarantine', { region: '371500', limit: 2 });
    expect(value).toMatchObject({ total: 3, entries: [{ offset: 1, quarantineOffset: 1, code: 'XR_SIGNATURE_INVALID' }, { offset: 2, valueSize: 18 }] });
    expect(JSON.stringify(value)).not.toContain('张三');
    expect((await call(handlers, 'ListQuarantine', { region: '370200', limit: 0 })).value).toEqual({ entries: [], total: 0 });
    expect((await call(handlers, 'ListQuarantine', { region: '999999', limit: 0 })).error?.metadata?.get('xr-code')).toEqual(['XR_REGION_UNKNOWN']);
    expect((await call(handlers, 'ListQuarantine', { region: '371500', limit: 5000 })).error?.metadata?.get('xr-field')).toEqual(['limit']);
  });
});

describe('SetWitnessPolicy and GetWitnessPolicy', () => {
  const outside = formatVerifierKey(cosignatureVerifier('witness.sd.gov.cn', generateKeyPairSync('ed25519').publicKey));
  const none = { region: '', name: '', verifierKey: '', url: '' };
  const registerBoth = async () => {
    expect((await call(handlers, 'RegisterPartner', register())).error).toBeNull();
    expect((await call(handlers, 'RegisterPartner', register({ requestId: 'r2', region: '370200', name: '青岛市', keys: [jwk(qd1.publicJwk)], catalogJson: '' }))).error).toBeNull();
  };

  it('answers the default policy, sets a 2-of-2 policy through the registry, and shows it with its tlog-policy text', async () => {
    await registerBoth();
    const before = await call(handlers, 'GetWitnessPolicy', { region: '371500' });
    expect(before.value).toMatchObject({ region: '371500', quorum: 1, isDefault: true, witnesses: [{ region: '370200' }] });
    const witnesses = [{ ...none, region: '370200' }, { ...none, name: 'sd', verifierKey: outside, url: 'https://witness.sd.gov.cn' }];
    const set = await call(handlers, 'SetWitnessPolicy', { requestId: 'w1', region: '371500', quorum: 2, witnesses });
    expect(set.error).toBeNull();
    expect(set.value).toMatchObject({ duplicate: false, partner: { region: '371500' } });
    const again = await call(handlers, 'SetWitnessPolicy', { requestId: 'w1', region: '371500', quorum: 2, witnesses });
    expect(again.value).toMatchObject({ duplicate: true });
    const { value } = await call(handlers, 'GetWitnessPolicy', { region: '371500' });
    expect(value).toMatchObject({ region: '371500', quorum: 2, isDefault: false, recordId: (set.value as { recordId: string }).recordId, witnesses: [{ region: '370200' }, { name: 'sd', verifierKey: outside, url: 'https://witness.sd.gov.cn' }] });
    const text = (value as { tlogPolicy: string }).tlogPolicy;
    expect(text).toMatch(/^log test\.journal\.371500\+[0-9a-f]{8}\+/m);
    expect(text).toMatch(/^witness 370200 test\.witness\.370200\+[0-9a-f]{8}\+/m);
    expect(text).toContain(`witness sd ${outside} https://witness.sd.gov.cn\ngroup 371500-witnesses all 370200 sd\nquorum 371500-witnesses\n`);
  });

  it('refuses a bad policy with INVALID_ARGUMENT naming the request field, and an unknown region with NOT_FOUND', async () => {
    await registerBoth();
    const own = await call(handlers, 'SetWitnessPolicy', { requestId: 'w2', region: '371500', quorum: 1, witnesses: [{ ...none, region: '371500' }] });
    expect(own.error?.code).toBe(status.INVALID_ARGUMENT);
    expect(own.error?.metadata?.get('xr-code')).toEqual(['XR_WITNESS_POLICY_INVALID']);
    expect(own.error?.metadata?.get('xr-field')).toEqual(['witnesses[0].region']);
    const key = await call(handlers, 'SetWitnessPolicy', { requestId: 'w3', region: '371500', quorum: 1, witnesses: [{ ...none, name: 'sd', verifierKey: outside.replace(/\+[0-9a-f]{8}\+/, '+00000000+') }] });
    expect(key.error?.metadata?.get('xr-field')).toEqual(['witnesses[0].verifier_key']);
    const quorum = await call(handlers, 'SetWitnessPolicy', { requestId: 'w4', region: '371500', quorum: 3, witnesses: [{ ...none, region: '370200' }] });
    expect(quorum.error?.metadata?.get('xr-field')).toEqual(['quorum']);
    const mixed = await call(handlers, 'SetWitnessPolicy', { requestId: 'w5', region: '371500', quorum: 1, witnesses: [{ ...none, region: '370200', name: 'x' }] });
    expect(mixed.error?.code).toBe(status.INVALID_ARGUMENT);
    const unknown = await call(handlers, 'GetWitnessPolicy', { region: '110000' });
    expect(unknown.error?.metadata?.get('xr-code')).toEqual(['XR_PARTNER_UNKNOWN']);
    expect(await desk.log.endOffset(desk.topic, 0)).toBe(2);
  });
});

describe('PublishCalendar and ListCalendars', () => {
  const publish = (over: Record<string, unknown> = {}) => ({
    requestId: 'cal-2027',
    year: 2027,
    ...(JSON.parse(readFileSync(new URL('../../../docs/examples/holiday-notice-2027.json', import.meta.url), 'utf8')) as object),
    ...over,
  });

  it('publishes a year through the registry; ListCalendars shows built-in, published and provisional years', async () => {
    const before = await call(handlers, 'ListCalendars', { untilYear: 0 });
    expect((before.value as { years: { year: number; basis: string }[] }).years.map((y) => `${y.year}:${y.basis}`)).toEqual(['2025:built-in', '2026:built-in', '2027:provisional']);
    const { error, value } = await call(handlers, 'PublishCalendar', publish());
    expect(error).toBeNull();
    expect(value).toMatchObject({ duplicate: false });
    expect((value as { recordId: string }).recordId).not.toBe('');
    const after = await call(handlers, 'ListCalendars', { untilYear: 2029 });
    const years = (after.value as { years: { year: number; basis: string; recordId: string }[] }).years;
    expect(years.map((y) => `${y.year}:${y.basis}`)).toEqual(['2025:built-in', '2026:built-in', '2027:published', '2028:provisional', '2029:provisional']);
    expect(years[2]?.recordId).toBe((value as { recordId: string }).recordId);
    expect((await call(handlers, 'PublishCalendar', publish())).value).toMatchObject({ duplicate: true });
  });

  it('refuses a bad schedule with XR_CALENDAR_INVALID naming the request field', async () => {
    const { error } = await call(handlers, 'PublishCalendar', publish({ requestId: 'bad', periods: [{ name: '2027 元旦', daysOff: ['2027-01-01'], worked: ['2027-01-06'] }] }));
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.metadata?.get('xr-code')).toEqual(['XR_CALENDAR_INVALID']);
    expect(error?.metadata?.get('xr-field')).toEqual(['periods[0].worked[0]']);
    const missing = await call(handlers, 'PublishCalendar', publish({ requestId: 'bad2', notice: { title: '', date: '' } }));
    expect(missing.error?.metadata?.get('xr-code')).toEqual(['XR_SCHEMA_INVALID']);
  });
});
