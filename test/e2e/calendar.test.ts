/**
 * Deadlines across the year end, on Kafka, as a hall and an authority see them over gRPC. The
 * gateways' clocks are set (a rehearsal of December 2026): a case accepted 2026-12-20 is due on
 * the provisional 2027 calendar and says so at both regions; the admin publishes the 2027 notice
 * through the registry and both gateways count with it within a second, no restart; in January
 * the list of overdue and at-risk cases is still right.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPair, makeKid, type PublicJwk } from '@xr/crypto';
import { parseConfig, startGateway, type RunningGateway } from '@xr/gateway';
import { createLogger } from '@xr/observability';
import { adminKid } from '@xr/registry';
import type { Case__Output, ListCasesRequest, ListCasesResponse__Output } from '@xr/proto';
import { startAdminInProcess, type AdminUnderTest } from './support/admin.js';
import { foodLicence } from './support/cases.js';
import { clientsFor, eventually, type Clients } from './support/clients.js';
import { authConfig, tokenFor } from './support/identity.js';

const prefix = `cal-${randomUUID().slice(0, 8)}`;
const admin = generateKeyPair(adminKid('ops', 1));
const LC = { code: '371500', name: '聊城市', k1: generateKeyPair(makeKid('371500', 1)) };
const QD = { code: '370200', name: '青岛市', k1: generateKeyPair(makeKid('370200', 1)) };
const NOTICE_2027 = JSON.parse(readFileSync(new URL('../../docs/examples/holiday-notice-2027.json', import.meta.url), 'utf8')) as { notice: object; periods: object[] };

/** Both gateways' clock; the test moves it. */
let now = new Date('2026-12-01T02:00:00Z');
const clock = (): Date => now;

let desk: AdminUnderTest;
const gw: Record<string, RunningGateway> = {};
const sys: Record<string, Clients> = {};

const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });

async function startCity(city: { code: string; k1: { privateJwk: object } }, brokers: string[]): Promise<RunningGateway> {
  const config = parseConfig({ region: city.code, signingKey: city.k1.privateJwk, eventLog: { kind: 'kafka', brokers }, ...authConfig('127.0.0.1:0'), registry: { trustAnchors: [admin.publicJwk] }, topicPrefix: prefix, logLevel: 'warn' });
  return startGateway(config, createLogger({ level: 'warn', name: `xr-gateway-${city.code}` }), { clock });
}

function call<Res>(c: Clients, method: string, request: object): Promise<Res> {
  return new Promise((resolve, reject) => {
    const fn = (c.cases as unknown as Record<string, (r: object, cb: (e: ServiceError | null, v?: Res) => void) => void>)[method]!.bind(c.cases);
    fn(request, (e, v) => (e ? reject(e) : resolve(v as Res)));
  });
}

/** A case from 聊城's hall to 青岛, signed for and accepted (受理) by 青岛 at the clock's time, promising 20 working days. */
async function acceptedOn(iso: string): Promise<string> {
  now = new Date(iso);
  const submitted = await sys['lc']!.submit(foodLicence(QD.code));
  await eventually(async () => ((await sys['qd']!.get(submitted.caseId)).status === 'received' ? true : undefined));
  await call(sys['qd']!, 'AcceptCase', { requestId: randomUUID(), caseId: submitted.caseId, receiptNo: `R-${submitted.caseId.slice(0, 8)}`, basis: 'standard', promisedDays: 20 });
  await eventually(async () => ((await sys['lc']!.get(submitted.caseId)).status === 'accepted' ? true : undefined));
  return submitted.caseId;
}

const list = (c: Clients, request: Partial<ListCasesRequest>) => call<ListCasesResponse__Output>(c, 'ListCases', { pageSize: 1000, ...request });
const ids = (r: ListCasesResponse__Output) => r.cases.map((c) => c.caseId);

beforeAll(async () => {
  const brokers = inject('kafkaBrokers').split(',');
  desk = await startAdminInProcess(admin.privateJwk, brokers.join(','), prefix);
  for (const city of [LC, QD]) await desk.call('RegisterPartner', { requestId: randomUUID(), region: city.code, name: city.name, keys: [jwk(city.k1.publicJwk)], catalogJson: '', contact: {} });
  [gw['lc'], gw['qd']] = await Promise.all([startCity(LC, brokers), startCity(QD, brokers)]);
  sys['lc'] = clientsFor(gw['lc'].grpcPort, await tokenFor(LC.code));
  sys['qd'] = clientsFor(gw['qd'].grpcPort, await tokenFor(QD.code));
}, 120_000);

afterAll(async () => {
  for (const c of Object.values(sys)) c.close();
  await Promise.all(Object.values(gw).map((g) => g.stop()));
  await desk?.stop();
});

describe('deadlines across the year end, with the next year published while the gateways run', () => {
  let late: string;
  let overdue: string;
  let atRisk: string;

  it('a case accepted 2026-12-20 is due 2027-01-18 on the provisional 2027 calendar, and both regions say so', async () => {
    overdue = await acceptedOn('2026-12-01T02:00:00Z');
    atRisk = await acceptedOn('2026-12-04T02:00:00Z');
    late = await acceptedOn('2026-12-20T02:00:00Z');
    for (const side of ['lc', 'qd']) {
      const c: Case__Output = await sys[side]!.get(late);
      expect(c.deadlines).toMatchObject({ decisionDue: '2027-01-18', provisional: true, provisionalDeadlines: ['decision'], unknown: [] });
    }
    // December's cases are counted on the published 2026 notice alone.
    expect((await sys['qd']!.get(overdue)).deadlines).toMatchObject({ decisionDue: '2026-12-29', provisional: false });
  });

  it('PublishCalendar 2027: both gateways count with the notice within a second (the bridge day moves the date), nothing provisional', async () => {
    const published = Date.now();
    await desk.call('PublishCalendar', { requestId: randomUUID(), year: 2027, ...NOTICE_2027 });
    await Promise.all(
      ['lc', 'qd'].map((side) => eventually(async () => ((await sys[side]!.get(late)).deadlines?.provisional === false ? true : undefined), 5_000)),
    );
    const ms = Date.now() - published;
    process.stderr.write(`[calendar] PublishCalendar → both regions count with 2027: ${ms} ms\n`);
    expect(ms).toBeLessThan(1_000);
    for (const side of ['lc', 'qd']) {
      expect((await sys[side]!.get(late)).deadlines).toMatchObject({ decisionDue: '2027-01-19', provisional: false, provisionalDeadlines: [] });
    }
  });

  it('on 2027-01-04 ListCases flags the overdue case and the one due today, at both regions', async () => {
    now = new Date('2027-01-04T02:00:00Z');
    for (const side of ['lc', 'qd']) {
      expect(ids(await list(sys[side]!, { overdue: true }))).toEqual([overdue]);
      const risky = ids(await list(sys[side]!, { atRisk: true }));
      expect(risky).toContain(atRisk);
      expect(risky).not.toContain(late);
    }
    // Due 2027-01-04 by the law alone; the notice's bridge day moved it to 01-05.
    expect((await sys['qd']!.get(atRisk)).deadlines).toMatchObject({ decisionDue: '2027-01-05', atRisk: true, overdue: false });
  });

  it('a schedule that drops a statutory holiday is refused with the field; the published 2027 stands', async () => {
    const error = await desk.call('PublishCalendar', { requestId: randomUUID(), year: 2027, ...NOTICE_2027, periods: NOTICE_2027.periods.slice(1) }).then(() => undefined, (e: ServiceError) => e);
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.metadata.get('xr-code')).toEqual(['XR_CALENDAR_INVALID']);
    expect(error?.metadata.get('xr-field')).toEqual(['periods']);
    expect((await sys['lc']!.get(late)).deadlines).toMatchObject({ decisionDue: '2027-01-19', provisional: false });
  });
});
