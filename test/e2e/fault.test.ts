/**
 * Exactly once, proven: 1,000 cases go from 聊城 to 青岛 through two gateway processes while the
 * gateways are killed with SIGKILL several times and the broker is restarted once. The journals
 * and projections must equal those of a fault-free run of the same requests: nothing lost,
 * nothing doubled, every hash chain intact. Case ids derive from request ids, so the two runs are
 * comparable record by record. After each run both gateways stop gracefully and the audit of
 * everything they wrote (`verifyAudit` over the Kafka log, trusting only the admin key of the
 * registry an auditor reads) is clean: kills and a broker restart leave nothing an auditor rejects.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { kafkaSource, verifyAudit, type AuditReport } from '@xr/audit';
import { generateKeyPair, makeKid, type PublicJwk } from '@xr/crypto';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { topics } from '@xr/exchange';
import { startLocalBroker, type LocalBrokerHandle } from '@xr/kafka-harness';
import { loadServices, type Case__Output, type CaseServiceClient } from '@xr/proto';
import { bearerInterceptor } from '@xr/auth';
import { adminKid } from '@xr/registry';
import { startAdminInProcess } from './support/admin.js';
import { freePort } from './support/free-port.js';
import { tokenFor, authConfig } from './support/identity.js';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.js';
import { summariseJournal, type JournalSummary } from './support/journal.js';

const CASES = 1_000;
const WORKERS = 16;
const A = { code: '371500', keys: generateKeyPair(makeKid('371500', 1)) };
const B = { code: '370200', keys: generateKeyPair(makeKid('370200', 1)) };
/** Signs the registry the auditor reads (the gateways here take their partners from their configuration). */
const ADMIN = generateKeyPair(adminKid('ops', 1));
const REQUESTS = Array.from({ length: CASES }, (_, i) => `fault-${i}`);

type Fault = { at: number; action: 'kill-a' | 'kill-b' | 'restart-broker' };
const FAULTS: readonly Fault[] = [
  { at: 100, action: 'kill-a' },
  { at: 250, action: 'kill-b' },
  { at: 400, action: 'restart-broker' },
  { at: 550, action: 'kill-a' },
  { at: 700, action: 'kill-b' },
  { at: 850, action: 'kill-a' },
];

interface RunResult {
  readonly journals: Record<string, JournalSummary>;
  readonly projections: Record<string, Map<string, string>>;
  readonly quarantined: Record<string, number>;
  readonly kills: number;
  readonly brokerRestarts: number;
  readonly retries: number;
  readonly ms: number;
  /** Exit codes of the graceful stops (SIGTERM) before the audit. */
  readonly stopped: readonly (number | null)[];
  readonly audit: AuditReport;
  readonly auditMs: number;
  /** From all cases received to every journal record under a cosigned checkpoint. */
  readonly cosignedMs: number;
}

function client(port: number, token: string): CaseServiceClient {
  return new (loadServices().cases.CaseService)(`127.0.0.1:${port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
}

function submit(c: CaseServiceClient, requestId: string): Promise<Case__Output> {
  return new Promise((resolve, reject) =>
    c.SubmitCase(
      {
        requestId,
        itemCode: '370200-SPJY-0001',
        itemName: '食品经营许可证核发',
        applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
        materials: [{ name: '申请书.pdf', sha256: 'e'.repeat(64), size: 100, mediaType: 'application/pdf' }],
        handlingRegion: B.code,
        intake: { formCheckPassed: true, identityVerified: true, receivedAt: '2025-09-26T09:00:00+08:00' },
      },
      new Metadata(),
      { deadline: Date.now() + 10_000 },
      (e: ServiceError | null, r) => (e || !r?.case ? reject(e ?? new Error('empty')) : resolve(r.case)),
    ),
  );
}

async function listAll(c: CaseServiceClient): Promise<Case__Output[]> {
  const out: Case__Output[] = [];
  let pageToken = '';
  do {
    const page = await new Promise<{ cases: Case__Output[]; nextPageToken: string }>((resolve, reject) =>
      c.ListCases({ pageSize: 1000, pageToken }, (e: ServiceError | null, r) => (e || !r ? reject(e ?? new Error('empty')) : resolve(r))),
    );
    out.push(...page.cases);
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  return out;
}

async function until(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await probe().catch(() => false))) {
    if (Date.now() - start > ms) throw new Error(`${what} not reached in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function run(broker: LocalBrokerHandle, withFaults: boolean): Promise<RunResult> {
  const started = Date.now();
  const prefix = `fault-${randomUUID().slice(0, 8)}`;
  const t = topics(prefix);
  const dir = await mkdtemp(join(tmpdir(), 'xr-fault-'));
  const ports = { a: await freePort(), b: await freePort() };
  const config = (self: typeof A, partner: typeof A, port: number): Record<string, unknown> => ({
    region: self.code,
    signingKey: self.keys.privateJwk,
    partners: [{ region: partner.code, keys: [partner.keys.publicJwk] }],
    eventLog: { kind: 'kafka', brokers: broker.brokers },
    ...authConfig(`127.0.0.1:${port}`),
    topicPrefix: prefix,
    partitions: 3,
    logLevel: 'info',
    // Both signing modes under the same faults: 聊城 seals batches, 青岛 signs each event.
    signing: self === A ? 'sealed' : 'event',
  });
  // The registry an auditor trusts: both regions and their keys, signed by the admin, before any record.
  const desk = await startAdminInProcess(ADMIN.privateJwk, broker.brokers.join(','), prefix);
  try {
    const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });
    for (const [region, name, keys] of [[A.code, '聊城市', A.keys], [B.code, '青岛市', B.keys]] as const) {
      await desk.call('RegisterPartner', { requestId: randomUUID(), region, name, keys: [jwk(keys.publicJwk)], catalogJson: '', contact: {} });
    }
  } finally {
    await desk.stop();
  }
  const start = { a: () => startGatewayProcess(config(A, B, ports.a), dir, 'a'), b: () => startGatewayProcess(config(B, A, ports.b), dir, 'b') };
  const gw: Record<'a' | 'b', GatewayProcess> = { a: await start.a(), b: await start.b() };
  const ca = client(ports.a, await tokenFor(A.code));
  const cb = client(ports.b, await tokenFor(B.code));
  let done = 0;
  let retries = 0;
  let kills = 0;
  let brokerRestarts = 0;
  try {
    const queue = [...REQUESTS];
    const worker = async (): Promise<void> => {
      for (let rid = queue.shift(); rid !== undefined; rid = queue.shift()) {
        for (;;) {
          try {
            await submit(ca, rid);
            done += 1;
            break;
          } catch (error) {
            const code = (error as ServiceError).code;
            if (code === status.INVALID_ARGUMENT || code === status.FAILED_PRECONDITION) throw error;
            retries += 1;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      }
    };
    const chaos = async (): Promise<void> => {
      if (!withFaults) return;
      for (const fault of FAULTS) {
        while (done < fault.at) await new Promise((r) => setTimeout(r, 20));
        if (fault.action === 'restart-broker') {
          await broker.restart();
          brokerRestarts += 1;
          continue;
        }
        const which = fault.action === 'kill-a' ? 'a' : 'b';
        await gw[which].stop('SIGKILL');
        kills += 1;
        await new Promise((r) => setTimeout(r, 300));
        gw[which] = await start[which]();
      }
    };
    await Promise.all([...Array.from({ length: WORKERS }, worker), chaos()]);

    const allReceived = async (c: CaseServiceClient): Promise<boolean> => (await listAll(c)).filter((x) => x.status === 'received').length === CASES;
    // On a failure, what the gateways warned about says where it stuck (no personal data is logged).
    const warnings = (): string =>
      (['a', 'b'] as const).map((k) => `${k}:\n${gw[k].output.filter((l) => /"level":(4|5|6)0/.test(l) && !l.includes('kafkajs')).slice(-15).join('')}`).join('\n');
    await until(() => allReceived(ca), 180_000, `${CASES} cases received as seen at 聊城`).catch((e: Error) => Promise.reject(new Error(`${e.message}\n${warnings()}`)));
    await until(() => allReceived(cb), 180_000, `${CASES} cases received at 青岛`).catch((e: Error) => Promise.reject(new Error(`${e.message}\n${warnings()}`)));
    const projections = {
      [A.code]: new Map((await listAll(ca)).map((c) => [c.caseId, `${c.status} ${c.history.map((h) => h.type).join(',')}`])),
      [B.code]: new Map((await listAll(cb)).map((c) => [c.caseId, `${c.status} ${c.history.map((h) => h.type).join(',')}`])),
    };
    const log = new KafkaEventLog({ brokers: broker.brokers, clientId: 'fault-observer' });
    try {
      const audit = (): Promise<AuditReport> => verifyAudit(kafkaSource(log, prefix), { trustAnchors: [ADMIN.publicJwk] });
      // Stopped only once every journal record is under a checkpoint the partner has cosigned: the
      // witness policy counts the newest checkpoint, and a gateway stopped last has no witness left.
      let last: AuditReport | undefined;
      const waitStarted = Date.now();
      await until(
        async () => {
          last = await audit();
          return last.stats.uncheckpointed === 0 && last.origins.every((o) => o.records === 0 || o.witnesses.length >= o.quorum);
        },
        60_000,
        'every journal record under a cosigned checkpoint',
      ).catch((e: Error) => Promise.reject(new Error(`${e.message}: ${JSON.stringify({ stats: last?.stats, origins: last?.origins, anomalies: last?.anomalies.slice(0, 20) })}`)));
      const cosignedMs = Date.now() - waitStarted;
      const stopped = [await gw.a.stop('SIGTERM'), await gw.b.stop('SIGTERM')];
      const auditStarted = Date.now();
      const report = await audit();
      const auditMs = Date.now() - auditStarted;
      // Journal partitions scanned on worker threads (as from 20,000 records), seals followed there too: the same report.
      const timeless = (r: AuditReport) => ({ ...r, stats: { ...r.stats, elapsedMs: 0, recordsPerSecond: 0 } });
      expect(timeless(await verifyAudit(kafkaSource(log, prefix), { trustAnchors: [ADMIN.publicJwk], threads: 2 }))).toEqual(timeless(report));
      const journals = { [A.code]: await summariseJournal(log, t, A.code), [B.code]: await summariseJournal(log, t, B.code) };
      const quarantined = {
        [A.code]: await log.endOffset(t.quarantine(A.code), 0),
        [B.code]: await log.endOffset(t.quarantine(B.code), 0),
      };
      return { journals, projections, quarantined, kills, brokerRestarts, retries, ms: Date.now() - started, stopped, audit: report, auditMs, cosignedMs };
    } finally {
      await log.close();
    }
  } finally {
    ca.close();
    cb.close();
    await Promise.all([gw.a.stop('SIGTERM'), gw.b.stop('SIGTERM')]);
    await rm(dir, { recursive: true, force: true });
  }
}

describe('exactly once under faults', () => {
  it(`${CASES} cases, gateways SIGKILLed ${FAULTS.filter((f) => f.action !== 'restart-broker').length} times and the broker restarted once, journal and project exactly as a fault-free run`, async () => {
    const broker = await startLocalBroker();
    try {
      const clean = await run(broker, false);
      const faulty = await run(broker, true);
      process.stderr.write(`[fault] ${JSON.stringify({ cases: CASES, cleanMs: clean.ms, faultyMs: faulty.ms, kills: faulty.kills, brokerRestarts: faulty.brokerRestarts, clientRetries: faulty.retries, auditMs: { clean: clean.auditMs, faulty: faulty.auditMs }, cosignedMs: { clean: clean.cosignedMs, faulty: faulty.cosignedMs } })}\n`);
      expect(faulty.kills).toBe(5);
      expect(faulty.brokerRestarts).toBe(1);
      for (const region of [A.code, B.code]) {
        for (const r of [clean, faulty]) {
          expect(r.journals[region]!.records).toBe(2 * CASES);
          expect(r.journals[region]!.chainBreaks).toBe(0);
          expect(r.journals[region]!.duplicateIds).toBe(0);
          expect(r.journals[region]!.proofs).toEqual({ [A.code]: { sealed: CASES, jws: 0 }, [B.code]: { sealed: 0, jws: CASES } });
          expect(r.quarantined[region]).toBe(0);
          // The live projection is exactly the one the journal rebuilds.
          const rebuilt = new Map([...r.journals[region]!.cases].map(([id, c]) => [id, `${c.status} ${c.history.map((h) => h.type).join(',')}`]));
          expect(r.projections[region]).toEqual(rebuilt);
        }
        expect(faulty.journals[region]!.lines).toEqual(clean.journals[region]!.lines);
        expect(faulty.projections[region]).toEqual(clean.projections[region]);
      }
      // After the kills and the broker restart, the audit of everything is clean, as after the fault-free run.
      for (const r of [clean, faulty]) {
        expect(r.stopped).toEqual([0, 0]);
        expect(r.audit.anomalies).toEqual([]);
        expect(r.audit.regions).toEqual([B.code, A.code]);
        // Every case: submitted at 聊城 and received at 青岛, journaled on both sides; each event's signature (a seal's or a JWS) checked once.
        expect(r.audit.stats).toMatchObject({ journalRecords: 4 * CASES, quarantineRecords: 0, uncheckpointed: 0, signaturesVerified: 2 * CASES });
        expect(r.audit.origins.filter((o) => o.records > 0).every((o) => o.checkpointed === o.records && o.witnesses.length >= o.quorum && o.quorum === 1)).toBe(true);
      }
    } finally {
      await broker.stop();
    }
  }, 900_000);
});
