/**
 * `pnpm demo`: three regions run the 收受分离 lifecycle between them, and a forged record is caught.
 * On the embedded log when KAFKA_BROKERS is unset, on Kafka when it is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { generateIssuerKeyPair, issueToken, type Role } from '@xr/auth';
import { adminKid } from '@xr/registry';
import { openAdminDesk, type AdminDesk } from './admin-desk.js';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk } from '@xr/crypto';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import type { EventLog } from '@xr/event-log';
import { JWS_HEADER, newId, topics } from '@xr/exchange';
import { createLogger } from '@xr/observability';
import { openEventLog, parseConfig, startGateway, type RunningGateway } from '@xr/gateway';
import { connect, type RegionClient } from './client.js';
import { DEMO_REGIONS, NEW_REGION, regionLabel } from './regions.js';
import { deferredAcceptance, supplementRound, withdrawal } from './scenarios.js';
import { trace } from './trace.js';
import { exportRun } from './export.js';
import { auditScene, settled } from './audit.js';
import { certificateClient, certificateScene, type CertificateDesk } from './certificates.js';

/** 食品经营许可证's 证照类型代码 in the sample catalogs. */
const FOOD_LICENCE = '11100000MB0143028R002';

async function main(): Promise<void> {
  const brokers = process.env['KAFKA_BROKERS'];
  const prefix = `demo-${randomUUID().slice(0, 6)}`;
  const SEALING = new Set(['370200', NEW_REGION.code]);
  const dir = brokers ? undefined : await mkdtemp(join(tmpdir(), 'xr-demo-'));
  const eventLog = brokers ? ({ kind: 'kafka', brokers: brokers.split(',') } as const) : ({ kind: 'file', dir: dir! } as const);
  const logger = createLogger({ level: process.env['XR_LOG_LEVEL'] ?? 'error', name: 'xr-demo' });
  trace('demo', `event log: ${brokers ? `Kafka at ${brokers}` : `embedded, in ${dir}`} · topics ${prefix}.*`);

  const all = [...DEMO_REGIONS, NEW_REGION];
  const keys = new Map(all.map((r) => [r.code, generateKeyPair(makeKid(r.code, 1))]));
  const adminKey = generateKeyPair(adminKid('ops', 1));
  // One development token issuer; each region's platform gets a `system` token for its region, the admin an `admin` token.
  const issuer = generateIssuerKeyPair('xr-demo-issuer');
  const token = (sub: string, role: Role, region: string): Promise<string> => issueToken({ issuerKey: issuer.privateJwk, iss: 'xr-demo-issuer', sub, role, region });
  const tokens = new Map<string, string>();
  for (const r of all) tokens.set(r.code, await token(`platform-${r.code}`, 'system', r.code));

  const shared: EventLog = await openEventLog(eventLog, logger);
  const running = new Map<string, RunningGateway>();
  const clients: RegionClient[] = [];
  const certClients: CertificateDesk[] = [];
  let desk: AdminDesk | undefined;
  const startRegion = async (region: { code: string; name: string }): Promise<void> => {
    const config = parseConfig({
      region: region.code,
      signingKey: keys.get(region.code)!.privateJwk,
      eventLog,
      grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
      auth: { issuers: [{ iss: 'xr-demo-issuer', keys: [issuer.publicJwk] }] },
      registry: { trustAnchors: [adminKey.publicJwk] },
      catalog: SAMPLE_CATALOGS.find((c) => c.region === region.code)!,
      topicPrefix: prefix,
      logLevel: 'error',
      // Checkpoints every half second, so the auditor at the end finds everything signed and cosigned.
      checkpoints: { intervalMs: 500 },
      // Both signing modes on one network: 青岛 and 成都 seal batches, the others sign each event.
      signing: SEALING.has(region.code) ? 'sealed' : 'event',
    });
    const gw = await startGateway(config, logger.child({ region: region.code }), { log: shared });
    running.set(region.code, gw);
    trace(region.code, `gateway up, gRPC on 127.0.0.1:${gw.grpcPort}, key ${makeKid(region.code, 1)}, partners from the registry, ${SEALING.has(region.code) ? 'sealing batches (one signed note per batch, a tlog-proof per event)' : 'a JWS per event'}`);
  };
  const register = async (region: { code: string; name: string }): Promise<void> => {
    const change = await desk!.register(region.code, region.name, keys.get(region.code)!.publicJwk, SAMPLE_CATALOGS.find((c) => c.region === region.code)!);
    trace('admin', `RegisterPartner ${regionLabel(region.code)}: registry record ${change.recordId} at offset ${change.offset}, signed ${adminKey.publicJwk.kid}`);
  };
  try {
    desk = await openAdminDesk({ adminKey: adminKey.privateJwk, log: shared, logger, prefix, issuer: { iss: 'xr-demo-issuer', publicJwk: issuer.publicJwk }, token: await token('admin-ops', 'admin', '*') });
    trace('admin', `admin service up; gateways trust registry records signed by ${adminKey.publicJwk.kid}`);
    for (const region of DEMO_REGIONS) await register(region);
    // 互认: 温岭 recognises the 食品经营许可证 青岛 issues; nobody else has an agreement yet.
    const recognised = await desk.recognise('331081', '370200', [FOOD_LICENCE]);
    trace('admin', `SetRecognition: 温岭市(331081) recognises 青岛市(370200)'s 食品经营许可证 (${FOOD_LICENCE}): registry record at offset ${recognised.offset}`);
    for (const region of DEMO_REGIONS) await startRegion(region);
    const client = (code: string): RegionClient => {
      const made = connect(running.get(code)!.grpcPort, tokens.get(code)!);
      clients.push(made);
      return made;
    };
    const parties = (from: string, to: string) => ({ hall: client(from), office: client(to), from, to });

    trace('demo', '— 1. 聊城 hall → 青岛: a 补正 round, then 受理, 准予, 邮寄送达, 办结, 好差评');
    const licensedCase = await supplementRound(parties('371500', '370200'));
    trace('demo', '— 2. 温岭 hall → 聊城: 容缺受理 with one material outstanding, 补齐, 准予, 电子送达');
    await deferredAcceptance(parties('331081', '371500'));
    trace('demo', '— 3. 青岛 hall → 温岭: 撤回 before the decision');
    await withdrawal(parties('370200', '331081'));

    trace('demo', `— 4. an admin adds ${regionLabel(NEW_REGION.code)} while everything runs`);
    await startRegion(NEW_REGION);
    const registering = Date.now();
    await register(NEW_REGION);
    const chengdu = parties(NEW_REGION.code, '371500');
    const fromChengdu = await chengdu.hall.call('SubmitCase', {
      requestId: randomUUID(), itemCode: '371500-SPJY-0001', itemName: '食品经营许可证核发', handlingRegion: '371500',
      applicant: { kind: 'organisation', name: '成都示例餐饮有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' },
      materials: ['食品经营许可申请书', '营业执照', '食品安全管理制度', '经营场所平面布局图'].map((name) => ({ name, sha256: 'c'.repeat(64), size: 30_000, mediaType: 'application/pdf' })),
      intake: { formCheckPassed: true, identityVerified: true },
    });
    await chengdu.hall.waitFor(fromChengdu.caseId, 'received');
    trace(NEW_REGION.code, `first case to 聊城 signed for (签收) ${Date.now() - registering} ms after RegisterPartner was called`);

    trace('demo', '— 5. a forged record');
    const qingdao = running.get('370200')!.gateway;
    const forged = { id: newId(), type: 'case.submitted', v: 1, caseId: newId(), seq: 1, source: '371500', target: '370200', time: new Date().toISOString(), payload: { item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' }, applicant: { kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X' }, materials: [], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: new Date().toISOString() } } };
    const bytes = canonicalBytes(forged);
    const jws = await signDetached(bytes, signingKeyFromJwk(keys.get('371500')!.privateJwk));
    const altered = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('王小明', '赵六'));
    await shared.append(topics(prefix).inbox('370200'), [{ id: forged.id, key: forged.caseId, value: altered, headers: { [JWS_HEADER]: jws } }]);
    trace('forger', `put a record with 聊城's signature but an altered applicant into ${regionLabel('370200')}'s inbox`);
    for (let i = 0; i < 200 && qingdao.counters.total('xr_quarantined_total') === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    const [entry] = await qingdao.quarantine();
    trace('370200', entry ? `quarantined it: ${entry.code} (${entry.message}); the case was not created` : 'did NOT quarantine the forged record');

    trace('demo', '— 6. 电子证照: issued by 青岛 with the approval, delivered to 聊城, verified (互认) in 温岭 and 成都, revoked');
    const certDesk = (code: string): { region: string; desk: CertificateDesk } => {
      const made = certificateClient(running.get(code)!.grpcPort, tokens.get(code)!);
      certClients.push(made);
      return { region: code, desk: made };
    };
    const certificates = await certificateScene({ issuer: certDesk('370200'), hall: certDesk('371500'), recognises: certDesk('331081'), stranger: certDesk(NEW_REGION.code) }, licensedCase);
    for (const failure of certificates.failures) process.stderr.write(`demo: the 电子证照 scene went wrong: ${failure}\n`);
    if (certificates.failures.length > 0) process.exitCode = 1;

    for (const r of running.values()) {
      const c = r.gateway.counters;
      trace(r.gateway.region, `journaled ${c.total('xr_journal_records_total')}, delivered ${c.total('xr_delivered_total')}, quarantined ${c.total('xr_quarantined_total')}, cases known ${r.gateway.projection.size}`);
    }
    if (!entry) process.exitCode = 1;

    const out = resolve(process.env['XR_DEMO_OUT'] ?? 'demo-out');
    // The records a third party checks include every checkpoint: on a fast machine the scenes end
    // before the checkpointers' first tick, so wait for the journals to be signed and cosigned.
    await settled(shared, prefix, [adminKey.publicJwk], 15_000);
    await rm(join(out, 'records'), { recursive: true, force: true });
    const exported = await exportRun(out, { log: shared, prefix, regions: all.map((r) => r.code), trustAnchors: [adminKey.publicJwk], verifierKeys: all.map((r) => keys.get(r.code)!.publicJwk) });
    trace('demo', `wrote ${exported} records, the admin trust anchor and the regions' verifier keys to ${out} (check them without our code: docs/WIRE.md)`);

    trace('demo', '— 7. the auditor: export the log, verify it with no cluster, then catch one flipped bit');
    if (!(await auditScene({ log: shared, prefix, trustAnchors: [adminKey.publicJwk], out, anchorsFile: join(out, 'trust-anchors.jwks.json') }))) process.exitCode = 1;
  } finally {
    for (const c of clients) c.close();
    for (const c of certClients) c.close();
    for (const r of [...running.values()].reverse()) await r.stop();
    await desk?.stop();
    await shared.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
  trace('demo', 'done');
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
