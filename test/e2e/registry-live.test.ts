/**
 * Partners come and go at run time. Gateways (separate processes) trust only the admin-signed
 * registry: a city registered while they run exchanges cases within a second; a record signed
 * with a revoked key after its revocation, or from a suspended partner, is quarantined with that
 * reason; a rotated key verifies at once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk, type PublicJwk } from '@xr/crypto';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { decodeQuarantine, JWS_HEADER, newId, topics } from '@xr/exchange';
import { adminKid } from '@xr/registry';
import type { Case__Output } from '@xr/proto';
import { startAdminInProcess, type AdminUnderTest } from './support/admin.js';
import { APPLICANT, foodLicence } from './support/cases.js';
import { clientsFor, eventually, type Clients } from './support/clients.js';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.js';
import { authConfig, tokenFor } from './support/identity.js';

const prefix = `live-${randomUUID().slice(0, 8)}`;
const t = topics(prefix);
const admin = generateKeyPair(adminKid('ops', 1));
const LC = { code: '371500', name: '聊城市', k1: generateKeyPair(makeKid('371500', 1)) };
const QD = { code: '370200', name: '青岛市', k1: generateKeyPair(makeKid('370200', 1)), k2: generateKeyPair(makeKid('370200', 2)) };
const CD = { code: '510100', name: '成都市', k1: generateKeyPair(makeKid('510100', 1)) };

let dir: string;
let desk: AdminUnderTest;
let log: KafkaEventLog;
const gw: Record<string, GatewayProcess> = {};
const sys: Record<string, Clients> = {};

const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });
const register = (city: { code: string; name: string; k1: { publicJwk: PublicJwk } }) =>
  desk.call('RegisterPartner', { requestId: randomUUID(), region: city.code, name: city.name, keys: [jwk(city.k1.publicJwk)], catalogJson: '', contact: {} });

function gatewayConfig(city: { code: string; k1: { privateJwk: object } }, brokers: string[]): Record<string, unknown> {
  return {
    region: city.code,
    signingKey: city.k1.privateJwk,
    eventLog: { kind: 'kafka', brokers },
    ...authConfig('127.0.0.1:0'),
    registry: { trustAnchors: [admin.publicJwk] },
    topicPrefix: prefix,
    logLevel: 'info',
  };
}

/** A signed case.submitted from `from` to `to`, straight into the target's inbox, as a partner's gateway would write it. */
async function sendSigned(from: { code: string }, key: { privateJwk: Parameters<typeof signingKeyFromJwk>[0] }, to: string, time = new Date().toISOString()): Promise<{ eventId: string; caseId: string }> {
  const event = { id: newId(), type: 'case.submitted', v: 1, caseId: newId(), seq: 1, source: from.code, target: to, time, payload: { item: { code: `${to}-SPJY-0001`, name: '食品经营许可证核发' }, applicant: APPLICANT, materials: [], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: time } } };
  const bytes = canonicalBytes(event);
  await log.append(t.inbox(to), [{ id: event.id, key: event.caseId, value: bytes, headers: { [JWS_HEADER]: await signDetached(bytes, signingKeyFromJwk(key.privateJwk)) } }]);
  return { eventId: event.id, caseId: event.caseId };
}

async function quarantinedWith(region: string, eventId: string): Promise<string | undefined> {
  const entries = (await log.read(t.quarantine(region), 0, 0)).map(decodeQuarantine);
  return entries.find((e) => e.eventId === eventId)?.code ?? (entries.find((e) => Buffer.from(e.value ?? '', 'base64').toString().includes(eventId))?.code);
}

beforeAll(async () => {
  const brokers = inject('kafkaBrokers').split(',');
  dir = await mkdtemp(join(tmpdir(), 'xr-live-'));
  log = new KafkaEventLog({ brokers, clientId: 'live-observer' });
  desk = await startAdminInProcess(admin.privateJwk, brokers.join(','), prefix);
  await register(LC);
  await register(QD);
  [gw['lc'], gw['qd'], gw['cd']] = await Promise.all([
    startGatewayProcess(gatewayConfig(LC, brokers), dir, 'lc'),
    startGatewayProcess(gatewayConfig(QD, brokers), dir, 'qd'),
    startGatewayProcess(gatewayConfig(CD, brokers), dir, 'cd'),
  ]);
  sys['lc'] = clientsFor(gw['lc'].grpcPort, await tokenFor(LC.code));
  sys['qd'] = clientsFor(gw['qd'].grpcPort, await tokenFor(QD.code));
  sys['cd'] = clientsFor(gw['cd'].grpcPort, await tokenFor(CD.code));
}, 120_000);

afterAll(async () => {
  for (const c of Object.values(sys)) c.close();
  await Promise.all(Object.values(gw).map((g) => g.stop('SIGKILL')));
  await desk?.stop();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function received(c: Clients, caseId: string): Promise<Case__Output | undefined> {
  const found = await c.get(caseId).catch(() => undefined);
  return found?.status === 'received' ? found : undefined;
}

describe('partners from the admin-signed registry, live', () => {
  it('registered cities exchange cases with gateways that were given no partner keys', async () => {
    const submitted = await sys['lc']!.submit(foodLicence(QD.code));
    await eventually(() => received(sys['lc']!, submitted.caseId));
  });

  it('an unregistered city is refused; registered while the gateways run, it exchanges cases in both directions within a second', async () => {
    const early = await sys['lc']!.submit(foodLicence(CD.code)).then(() => undefined, (e: ServiceError) => e);
    expect(early?.code).toBe(status.FAILED_PRECONDITION);

    const start = Date.now();
    await register(CD);
    const registeredAt = Date.now();
    const fromChengdu = await sys['cd']!.submit(foodLicence(LC.code));
    const toChengdu = await sys['lc']!.submit(foodLicence(CD.code));
    await Promise.all([eventually(() => received(sys['cd']!, fromChengdu.caseId), 10_000), eventually(() => received(sys['lc']!, toChengdu.caseId), 10_000)]);
    const ms = Date.now() - registeredAt;
    process.stderr.write(`[registry-live] RegisterPartner took ${registeredAt - start} ms; registration → both cases 签收 and seen back: ${ms} ms\n`);
    expect(ms).toBeLessThan(1_000);
  });

  it('a record signed with a revoked key after the revocation is quarantined XR_KEY_REVOKED; one signed before still verifies', async () => {
    const before = new Date(Date.now() - 1_000).toISOString();
    const effectiveAt = new Date().toISOString();
    await desk.call('RevokeKey', { requestId: randomUUID(), region: QD.code, kid: QD.k1.publicJwk.kid, effectiveAt });
    const after = new Date(Date.now() + 1_000).toISOString();
    const late = await sendSigned(QD, QD.k1, LC.code, after);
    expect(await eventually(() => quarantinedWith(LC.code, late.eventId))).toBe('XR_KEY_REVOKED');
    expect(await sys['lc']!.get(late.caseId).then(() => 'found', (e: ServiceError) => e.code)).toBe(status.NOT_FOUND);
    const early = await sendSigned(QD, QD.k1, LC.code, before);
    await eventually(() => sys['lc']!.get(early.caseId));
    expect(await quarantinedWith(LC.code, early.eventId)).toBeUndefined();
  });

  it('a rotated-in key verifies at once; a suspended partner is quarantined XR_PARTNER_SUSPENDED until resumed', async () => {
    await desk.call('RotateKey', { requestId: randomUUID(), region: QD.code, newKey: jwk(QD.k2.publicJwk), overlapUntil: new Date(Date.now() + 60_000).toISOString() });
    const rotated = await sendSigned(QD, QD.k2, LC.code);
    await eventually(() => sys['lc']!.get(rotated.caseId));

    await desk.call('SuspendPartner', { requestId: randomUUID(), region: QD.code, reason: '安全事件调查' });
    const suspended = await sendSigned(QD, QD.k2, LC.code);
    expect(await eventually(() => quarantinedWith(LC.code, suspended.eventId))).toBe('XR_PARTNER_SUSPENDED');
    const refused = await sys['lc']!.submit(foodLicence(QD.code)).then(() => undefined, (e: ServiceError) => e);
    expect(refused?.code).toBe(status.FAILED_PRECONDITION);

    await desk.call('ResumePartner', { requestId: randomUUID(), region: QD.code });
    const again = await sendSigned(QD, QD.k2, LC.code);
    await eventually(() => sys['lc']!.get(again.caseId));
  });
});
