/**
 * `pnpm demo`: three regions exchange cases and the trace shows each step.
 * On the embedded log when KAFKA_BROKERS is unset, on Kafka when it is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { JWS_HEADER, newId, topics } from '@xr/exchange';
import { createLogger } from '@xr/observability';
import { openEventLog, parseConfig, startGateway, type RunningGateway } from '@xr/gateway';
import { connect } from './client.js';
import { DEMO_REGIONS, regionLabel } from './regions.js';
import { trace } from './trace.js';

const SCENARIOS = [
  { from: '371500', to: '370200', item: '370200-SPJY-0001', itemName: '食品经营许可证核发', applicant: { kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X' } },
  { from: '331081', to: '371500', item: '371500-JZZZ-0003', itemName: '建筑业企业资质核准', applicant: { kind: 'organisation', name: '温岭市示例建设有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' } },
  { from: '370200', to: '331081', item: '331081-YLJG-0002', itemName: '医疗机构执业登记', applicant: { kind: 'person', name: '李四', idType: 'resident-id', idNumber: '440524188001010014' } },
];

async function main(): Promise<void> {
  const brokers = process.env['KAFKA_BROKERS'];
  const prefix = `demo-${randomUUID().slice(0, 6)}`;
  const dir = brokers ? undefined : await mkdtemp(join(tmpdir(), 'xr-demo-'));
  const eventLog = brokers ? ({ kind: 'kafka', brokers: brokers.split(',') } as const) : ({ kind: 'file', dir: dir! } as const);
  const logger = createLogger({ level: process.env['XR_LOG_LEVEL'] ?? 'error', name: 'xr-demo' });
  trace('demo', `event log: ${brokers ? `Kafka at ${brokers}` : `embedded, in ${dir}`} · topics ${prefix}.*`);

  const keys = new Map(DEMO_REGIONS.map((r) => [r.code, generateKeyPair(makeKid(r.code, 1))]));
  const shared: EventLog = await openEventLog(eventLog, logger);
  const running: RunningGateway[] = [];
  try {
    for (const region of DEMO_REGIONS) {
      const config = parseConfig({
        region: region.code,
        signingKey: keys.get(region.code)!.privateJwk,
        partners: DEMO_REGIONS.filter((p) => p.code !== region.code).map((p) => ({ region: p.code, name: p.name, keys: [keys.get(p.code)!.publicJwk] })),
        eventLog,
        grpc: { address: '127.0.0.1:0' },
        topicPrefix: prefix,
        logLevel: 'warn',
      });
      running.push(await startGateway(config, logger.child({ region: region.code }), shared));
      trace(region.code, `gateway up, gRPC on 127.0.0.1:${running.at(-1)!.grpcPort}, key ${makeKid(region.code, 1)}`);
    }
    const portOf = (code: string): number => running[DEMO_REGIONS.findIndex((r) => r.code === code)]!.grpcPort;

    for (const s of SCENARIOS) {
      const hall = connect(portOf(s.from));
      const office = connect(portOf(s.to));
      trace(s.from, `窗口收件 for ${regionLabel(s.to)}: ${s.itemName} (形式审查 ✓, 身份核验 ✓)`);
      const submitted = await hall.submit({
        requestId: randomUUID(),
        itemCode: s.item,
        itemName: s.itemName,
        applicant: s.applicant,
        materials: [{ name: '申请书.pdf', sha256: 'b'.repeat(64), size: 48_213, mediaType: 'application/pdf' }],
        handlingRegion: s.to,
        intake: { formCheckPassed: true, identityVerified: true, window: '跨省通办专窗 3号' },
      });
      trace(s.from, `case ${submitted.caseId} signed and sent → ${regionLabel(s.to)} (status ${submitted.status})`);
      const atOffice = await office.waitFor(submitted.caseId, 'received');
      trace(s.to, `verified ${regionLabel(s.from)}'s signature, journaled, 签收 → status ${atOffice.status}`);
      const back = await hall.waitFor(submitted.caseId, 'received');
      trace(s.from, `sees the receipt: ${back.history.map((h) => h.type).join(' → ')}`);
      hall.close();
      office.close();
    }

    // A forged record: 聊城's signature, but someone changed the applicant's name on the way.
    const qingdao = running[1]!.gateway;
    const forged = { id: newId(), type: 'case.submitted', v: 1, caseId: newId(), seq: 1, source: '371500', target: '370200', time: new Date().toISOString(), payload: { item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' }, applicant: SCENARIOS[0]!.applicant, materials: [], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: new Date().toISOString() } } };
    const bytes = canonicalBytes(forged);
    const jws = await signDetached(bytes, signingKeyFromJwk(keys.get('371500')!.privateJwk));
    const altered = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('王小明', '赵六'));
    await shared.append(topics(prefix).inbox('370200'), [{ id: forged.id, key: forged.caseId, value: altered, headers: { [JWS_HEADER]: jws } }]);
    trace('forger', `put a record with 聊城's signature but an altered applicant into ${regionLabel('370200')}'s inbox`);
    for (let i = 0; i < 200 && qingdao.counters.total('xr_quarantined_total') === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    const [entry] = await qingdao.quarantine();
    trace('370200', entry ? `quarantined it: ${entry.code} (${entry.message}); the case was not created` : 'did NOT quarantine the forged record');

    for (const r of running) {
      const c = r.gateway.counters;
      trace(r.gateway.region, `journaled ${c.total('xr_journal_records_total')}, delivered ${c.total('xr_delivered_total')}, quarantined ${c.total('xr_quarantined_total')}, cases known ${r.gateway.projection.size}`);
    }
    if (!entry) process.exitCode = 1;
  } finally {
    for (const r of running.reverse()) await r.stop();
    await shared.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
  trace('demo', 'done');
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
