/**
 * On real Kafka: two running gateways sign their journal partitions into `<prefix>.checkpoints`,
 * and a reader with nothing but the region's public key and the topics verifies them: the C2SP
 * signature, the root against the journal records, and each proof from the checkpoint before.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Writable } from 'node:stream';
import { generateKeyPair } from '@xr/crypto';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { CHECKPOINT_KIND_HEADER, journalOrigin, journalVerifier } from '@xr/exchange';
import { createLogger } from '@xr/observability';
import { MerkleTree, openCheckpoint, parseAddCheckpoint, verifyConsistency } from '@xr/tlog';
import { parseConfig, startGateway, type RunningGateway } from '../src/index.js';

const brokers = inject('kafkaBrokers').split(',');
const prefix = `ckpt-${randomUUID().slice(0, 8)}`;
const lc = generateKeyPair('371500.k1');
const qd = generateKeyPair('370200.k1');
const logger = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });
const running: RunningGateway[] = [];
const reader = new KafkaEventLog({ brokers, clientId: 'checkpoint-reader' });

afterAll(async () => {
  for (const g of running) await g.stop();
  await reader.close();
});

function config(region: string, own: typeof lc, partner: typeof qd, partnerRegion: string) {
  return parseConfig({
    region,
    signingKey: own.privateJwk,
    partners: [{ region: partnerRegion, keys: [partner.publicJwk] }],
    eventLog: { kind: 'kafka', brokers },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: 'test', keys: [partner.publicJwk] }] },
    topicPrefix: prefix,
    partitions: 2,
    logLevel: 'silent',
    checkpoints: { intervalMs: 300 },
  });
}

const payload = {
  item: { code: '370200-SPJY-0001', name: '食品经营许可' },
  applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
  materials: [{ name: '申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' }],
  intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T09:00:00+08:00' },
};

describe('checkpoints of a running gateway on Kafka', () => {
  it('verify with the region key alone, match the journal, and chain by consistency proofs', async () => {
    const a = await startGateway(config('371500', lc, qd, '370200'), logger);
    running.push(a);
    const b = await startGateway(config('370200', qd, lc, '371500'), logger);
    running.push(b);
    for (let i = 0; i < 3; i++) {
      const caseId = a.gateway.newCaseId();
      const outcome = await a.gateway.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload });
      expect(outcome.ok).toBe(true);
    }
    // While both run: wait until 聊城's checkpoints cover its journal.
    const journal = `${prefix}.journal.371500`;
    const ends = async () => Promise.all([0, 1].map((p) => reader.endOffset(journal, p)));
    for (const start = Date.now(); ; ) {
      const [e, c] = [await ends(), a.gateway.checkpoints()];
      if (e.every((n, p) => n === (c[p]?.size ?? 0))) break;
      if (Date.now() - start > 30_000) throw new Error(`checkpoints ${JSON.stringify(c.map((x) => x?.size ?? 0))} never reached the journal ${JSON.stringify(e)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(a.gateway.counters.get('xr_checkpoints_total')).toBeGreaterThan(0);

    const verifier = journalVerifier(prefix, '371500', lc.publicJwk);
    const records = await reader.read(`${prefix}.checkpoints`, 0, 0);
    expect((await reader.describeTopic(`${prefix}.checkpoints`)).timestampType).toBe('LogAppendTime');
    for (let p = 0; p < 2; p++) {
      const origin = journalOrigin(prefix, '371500', p);
      const tree = new MerkleTree();
      for (const r of await reader.read(journal, p, 0)) tree.appendData(r.value);
      let previous: { size: number; root: Uint8Array } | undefined;
      for (const record of records.filter((r) => r.key === origin && r.headers[CHECKPOINT_KIND_HEADER] === 'checkpoint')) {
        const body = parseAddCheckpoint(record.value);
        if (!body.ok) throw new Error(body.message);
        const opened = openCheckpoint(body.value.checkpoint, { log: [verifier], origin });
        if (!opened.ok) throw new Error(opened.message);
        const { size, rootHash } = opened.value.checkpoint;
        const root = tree.root(size);
        expect(root.ok && Buffer.from(root.value).equals(Buffer.from(rootHash))).toBe(true);
        expect(body.value.old).toBe(previous?.size ?? 0);
        if (previous) expect(verifyConsistency(previous.size, size, previous.root, rootHash, body.value.proof).ok).toBe(true);
        previous = { size, root: rootHash };
      }
      expect(previous?.size ?? 0).toBe(tree.size);
    }
  });
});
