/**
 * Two regions, two gateway processes, real gRPC sockets, real Kafka, partners from the
 * admin-signed registry: a case submitted at 聊城 reaches 青岛, which signs for it, and 聊城 sees
 * the receipt. A record altered in flight is quarantined and counted, never applied. Bad input
 * gets a field-level error and harms nothing. Once both gateways have stopped, the audit of what
 * they wrote (journals, checkpoints cosigned by the partner, quarantine) is clean, in-process and
 * with `xr audit verify --brokers`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { kafkaSource, verifyAudit, type AuditReport } from '@xr/audit';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk, type PublicJwk } from '@xr/crypto';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { decodeQuarantine, JWS_HEADER, newId, topics } from '@xr/exchange';
import type { Case__Output, CaseUpdate__Output } from '@xr/proto';
import { adminKid } from '@xr/registry';
import { runCli, startAdminInProcess, type AdminUnderTest } from './support/admin.js';
import { clientsFor, detailsOf, eventually, type Clients } from './support/clients.js';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.js';
import { authConfig, tokenFor } from './support/identity.js';
import { summariseJournal } from './support/journal.js';

const prefix = `e2e-${randomUUID().slice(0, 8)}`;
const t = topics(prefix);
const admin = generateKeyPair(adminKid('ops', 1));
const A = { code: '371500', name: '聊城市', keys: generateKeyPair(makeKid('371500', 1)) };
const B = { code: '370200', name: '青岛市', keys: generateKeyPair(makeKid('370200', 1)) };
const APPLICANT = { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' };

let dir: string;
let gwA: GatewayProcess;
let gwB: GatewayProcess;
let a: Clients;
let b: Clients;
let opsA: Clients;
let opsB: Clients;
let log: KafkaEventLog;
let desk: AdminUnderTest;
let brokers: string[];

function config(self: typeof A, brokers: string[]): Record<string, unknown> {
  return {
    region: self.code,
    signingKey: self.keys.privateJwk,
    // Partners, their keys and the witness policy (default: each other, quorum 1) from the registry.
    registry: { trustAnchors: [admin.publicJwk] },
    eventLog: { kind: 'kafka', brokers },
    ...authConfig('127.0.0.1:0'),
    topicPrefix: prefix,
    partitions: 3,
    checkpoints: { intervalMs: 500 },
    logLevel: 'info',
  };
}

const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });
const register = (city: typeof A) => desk.call('RegisterPartner', { requestId: randomUUID(), region: city.code, name: city.name, keys: [jwk(city.keys.publicJwk)], catalogJson: '', contact: {} });

/** A partition with records has its newest checkpoint cosigned by as many witnesses as its policy asks (an empty one has none, and needs none). */
const witnessed = (o: AuditReport['origins'][number]): boolean => o.records === 0 || o.witnesses.length >= o.quorum;

/** The audit of everything under the prefix, trusting only the admin key the registry is signed with. */
const audit = (): Promise<AuditReport> => verifyAudit(kafkaSource(log, prefix), { trustAnchors: [admin.publicJwk] });

function submission(overrides: Record<string, unknown> = {}) {
  return {
    requestId: randomUUID(),
    itemCode: '370200-SPJY-0001',
    itemName: '食品经营许可证核发',
    applicant: APPLICANT,
    materials: [{ name: '申请书.pdf', sha256: 'c'.repeat(64), size: 1234, mediaType: 'application/pdf' }],
    handlingRegion: B.code,
    intake: { formCheckPassed: true, identityVerified: true, window: '3号窗口' },
    ...overrides,
  };
}

beforeAll(async () => {
  brokers = inject('kafkaBrokers').split(',');
  dir = await mkdtemp(join(tmpdir(), 'xr-e2e-'));
  log = new KafkaEventLog({ brokers, clientId: 'e2e-observer' });
  desk = await startAdminInProcess(admin.privateJwk, brokers.join(','), prefix);
  await register(A);
  await register(B);
  [gwA, gwB] = await Promise.all([
    startGatewayProcess(config(A, brokers), dir, 'liaocheng'),
    startGatewayProcess(config(B, brokers), dir, 'qingdao'),
  ]);
  a = clientsFor(gwA.grpcPort, await tokenFor(A.code));
  b = clientsFor(gwB.grpcPort, await tokenFor(B.code));
  opsA = clientsFor(gwA.grpcPort, await tokenFor('*', 'auditor', 'auditor-1'));
  opsB = clientsFor(gwB.grpcPort, await tokenFor('*', 'auditor', 'auditor-1'));
}, 120_000);

afterAll(async () => {
  for (const c of [a, b, opsA, opsB]) c?.close();
  await Promise.all([gwA?.stop('SIGKILL'), gwB?.stop('SIGKILL')]);
  await desk?.stop();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('two gateway processes over Kafka', () => {
  let caseId: string;

  it('SubmitCase at 聊城 → 青岛 verifies, journals and projects it; GetCase at 青岛 returns it', async () => {
    const submitted = await a.submit(submission());
    caseId = submitted.caseId;
    expect(submitted).toMatchObject({ status: 'received', receivingRegion: A.code, handlingRegion: B.code });
    const atB = await eventually(async () => b.get(caseId));
    expect(atB).toMatchObject({ caseId, status: 'received', itemCode: '370200-SPJY-0001', receivingRegion: A.code, applicant: { name: '张三' } });
    expect(atB.materials).toEqual([{ name: '申请书.pdf', sha256: 'c'.repeat(64), size: 1234, mediaType: 'application/pdf', certificate: '' }]);
  });

  it("聊城's WatchCase streams the case and then 青岛's receipt (签收)", async () => {
    const seen: Case__Output[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = a.cases.WatchCase({ caseId });
      stream.on('data', (u: CaseUpdate__Output) => {
        if (u.case) seen.push(u.case);
        if (u.case?.status === 'received') {
          stream.cancel();
          resolve();
        }
      });
      stream.on('error', (e: ServiceError) => (e.code === status.CANCELLED ? resolve() : reject(e)));
    });
    expect(seen.at(-1)?.history.map((h) => [h.type, h.sourceRegion])).toEqual([
      ['case.submitted', A.code],
      ['case.received', B.code],
    ]);
  });

  it("青岛's WatchInbox streams each case it handles as it arrives", async () => {
    const arrived = new Promise<Case__Output>((resolve, reject) => {
      const stream = b.cases.WatchInbox({ side: 'handling' });
      stream.on('data', (u: CaseUpdate__Output) => {
        if (u.case && u.case.caseId !== caseId) {
          stream.cancel();
          resolve(u.case);
        }
      });
      stream.on('error', (e: ServiceError) => (e.code === status.CANCELLED ? undefined : reject(e)));
    });
    await new Promise((r) => setTimeout(r, 100));
    const next = await a.submit(submission());
    expect(await arrived).toMatchObject({ caseId: next.caseId, handlingRegion: B.code });
  });

  it('a record altered in flight is quarantined at 青岛 with its bytes and reason, counted, and not applied', async () => {
    const forgedCase = newId();
    const event = { id: newId(), type: 'case.submitted', v: 1, caseId: forgedCase, seq: 1, source: A.code, target: B.code, time: new Date().toISOString(), payload: { item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' }, applicant: APPLICANT, materials: [], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: new Date().toISOString() } } };
    const bytes = canonicalBytes(event);
    const jws = await signDetached(bytes, signingKeyFromJwk(A.keys.privateJwk));
    const altered = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('"materials":[]', '"materials":[{"mediaType":"application/pdf","name":"x","sha256":"' + 'd'.repeat(64) + '","size":1}]'));
    await log.append(t.inbox(B.code), [{ id: event.id, key: forgedCase, value: altered, headers: { [JWS_HEADER]: jws } }]);

    const counter = await eventually(async () => (await opsB.stats()).counters.find((c) => c.name === 'xr_quarantined_total' && c.labels['reason'] === 'XR_SIGNATURE_INVALID'));
    expect(counter.value).toBe(1);
    const entries = (await log.read(t.quarantine(B.code), 0, 0)).map(decodeQuarantine);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ code: 'XR_SIGNATURE_INVALID', from: { topic: t.inbox(B.code) } });
    expect(Buffer.from(entries[0]!.value!, 'base64').equals(Buffer.from(altered))).toBe(true);
    const missing = await b.get(forgedCase).then(() => undefined, (e: ServiceError) => e);
    expect(missing?.code).toBe(status.NOT_FOUND);
  });

  it('bad input gets INVALID_ARGUMENT naming the field and a stable code, and the gateway carries on', async () => {
    const error = await a.submit(submission({ applicant: { ...APPLICANT, idNumber: '110105194912310021' } })).then(() => undefined, (e: ServiceError) => e);
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    const details = detailsOf(error!);
    expect(details).toMatchObject({ reason: 'XR_SCHEMA_INVALID', domain: 'xr-gateway' });
    expect(details.violations.map((v) => v.field)).toContain('applicant.id_number');

    const unknownPartner = await a.submit(submission({ handlingRegion: '110105' })).then(() => undefined, (e: ServiceError) => e);
    expect(unknownPartner?.code).toBe(status.FAILED_PRECONDITION);
    expect(detailsOf(unknownPartner!)).toMatchObject({ reason: 'XR_PARTNER_UNKNOWN', violations: [{ field: 'handling_region' }] });

    const next = await a.submit(submission());
    await eventually(async () => ((await b.get(next.caseId)).status === 'received' ? true : undefined));
  });

  it('the same request id returns the same case and writes no second event', async () => {
    const journaled = async (): Promise<number> => (await opsA.stats()).counters.find((c) => c.name === 'xr_journal_records_total' && c.labels['type'] === 'case.submitted')?.value ?? 0;
    const before = await journaled();
    const request = submission();
    const [first, second] = await Promise.all([a.submit(request), a.submit(request)]);
    expect(second.caseId).toBe(first.caseId);
    const third = await a.submit(request);
    expect(third.caseId).toBe(first.caseId);
    expect(await journaled()).toBe(before + 1);
  });

  it('a caller without a token is UNAUTHENTICATED; another region asking for this case, or the wrong side deciding, is PERMISSION_DENIED', async () => {
    const anonymous = clientsFor(gwB.grpcPort, '');
    const none = await anonymous.get(caseId).then(() => undefined, (e: ServiceError) => e);
    anonymous.close();
    expect(none?.code).toBe(status.UNAUTHENTICATED);
    const wenling = clientsFor(gwB.grpcPort, await tokenFor('331081'));
    const stranger = await wenling.get(caseId).then(() => undefined, (e: ServiceError) => e);
    wenling.close();
    expect(stranger?.code).toBe(status.PERMISSION_DENIED);
    expect(detailsOf(stranger!)).toMatchObject({ reason: 'XR_PERMISSION_DENIED' });
    // 聊城 is party to the case, but 青岛 decides it: 聊城's system may not accept it.
    const accept = await new Promise<ServiceError | null>((resolve) => a.cases.AcceptCase({ requestId: randomUUID(), caseId, receiptNo: 'X', basis: 'standard' }, (e: ServiceError | null) => resolve(e)));
    expect(accept?.code).toBe(status.PERMISSION_DENIED);
  });

  it('logs carry no personal data, and SIGTERM drains and exits 0', async () => {
    const text = [...gwA.output, ...gwB.output].join('');
    expect(text).toContain('"gateway ready"');
    expect(text).not.toContain('张三');
    expect(text).not.toContain(APPLICANT.idNumber);
    // Before stopping: every journal record is under a checkpoint its partner has cosigned (the
    // witness policy counts the newest one; a gateway stopped last has nobody left to cosign a new one).
    await eventually(async () => {
      const r = await audit();
      if (r.stats.uncheckpointed === 0 && r.origins.every(witnessed)) return r;
      throw new Error(`not yet checkpointed and cosigned: ${JSON.stringify({ stats: r.stats, origins: r.origins, anomalies: r.anomalies })}`);
    });
    expect(await gwA.stop('SIGTERM')).toBe(0);
    expect(gwA.output.join('')).toContain('"stopped"');
    expect(await gwB.stop('SIGTERM')).toBe(0);
  }, 60_000);

  it('after both stopped, the audit of the Kafka log is clean: every record, chain, signature, checkpoint and cosignature, both sides', async () => {
    const journals = [await summariseJournal(log, t, A.code), await summariseJournal(log, t, B.code)];
    // Four cases went through (the first, the watched one, the one after bad input, the idempotent
    // one), each submitted at 聊城 and received at 青岛, both journaled on both sides.
    expect(journals.map((j) => j.records)).toEqual([8, 8]);
    const report = await audit();
    expect(report.anomalies).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.regions).toEqual([B.code, A.code]);
    expect(report.stats).toMatchObject({ journalRecords: 16, quarantineRecords: 1, uncheckpointed: 0, signaturesVerified: 8 });
    expect(report.stats.registryRecords).toBeGreaterThanOrEqual(2);
    // Each partition that holds records: its newest checkpoint covers it all, cosigned by the partner.
    expect(report.origins.filter((o) => o.records > 0).map((o) => [o.origin, o.checkpointed === o.records, o.witnesses])).toEqual(
      report.origins.filter((o) => o.records > 0).map((o) => [o.origin, true, [`${prefix}.witness.${o.origin.includes(A.code) ? B.code : A.code}`]]),
    );
    expect(report.origins.filter((o) => o.records > 0).length).toBeGreaterThan(1);
    // Journal partitions scanned on worker threads (as from 20,000 records): the same report.
    const timeless = (r: AuditReport) => ({ ...r, stats: { ...r.stats, elapsedMs: 0, recordsPerSecond: 0 } });
    expect(timeless(await verifyAudit(kafkaSource(log, prefix), { trustAnchors: [admin.publicJwk], threads: 2 }))).toEqual(timeless(report));

    // As an auditor runs it (README, "Auditing"): Kafka, the prefix, the admin keys; exit 0.
    const anchors = join(dir, 'anchors.jwks.json');
    await writeFile(anchors, JSON.stringify({ keys: [admin.publicJwk] }));
    const cli = await runCli(['audit', 'verify', '--brokers', brokers.join(','), '--prefix', prefix, '--anchors', anchors], { KAFKA_BROKERS: '' });
    expect(cli.stderr).not.toMatch(/XR_/);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`^CLEAN — prefix ${prefix}, regions ${B.code}, ${A.code}\\n  16 journal records, 8 signatures, `));
  }, 60_000);
});
