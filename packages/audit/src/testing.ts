/**
 * `@xr/audit/testing` — for tests and demos only, never for production code.
 * Test data made the real way: two gateways (聊城 371500 receives, 青岛 370200 handles) exchange a
 * few cases on an event log, with an admin-signed registry; checkpoints and cosignatures are signed
 * here with the regions' keys as the checkpointer and the witness will (docs/WIRE.md). Tampering
 * copies the topics into a fresh prefix with a change (`copyTopics`). For throughput (tests and the
 * bench), `syntheticLog` writes a large sealed journal directly, without running gateways.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { generateKeyPair, signingKeyFromJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { CHECKPOINT_KIND_HEADER, ExchangeGateway, KeyRing, journalKeyName, journalOrigin, topics, witnessKeyName, type SigningMode } from '@xr/exchange';
import { Counters, createLogger } from '@xr/observability';
import { adminKid, RegistryWriter } from '@xr/registry';
import { cosignatureSigner, ed25519Signer, formatAddCheckpoint, formatCheckpoint, MerkleTree, parseNote, signNote } from '@xr/tlog';
import { LC, QD, region, type Region, type World } from './testing-regions.js';

export { LC, QD, region, type Region, type World } from './testing-regions.js';
export { syntheticLog } from './synthetic-log.js';

const PARTITIONS = 3;

export const quietLogger = createLogger({ level: 'error', destination: new Writable({ write: (_c, _e, done) => done() }) });

function submission(handling: string) {
  return {
    item: { code: `${handling}-SPJY-0001`, name: '食品经营许可' },
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
    materials: [{ name: '申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' }],
    intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T09:00:00+08:00' },
  };
}

async function eventually(probe: () => boolean, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!probe()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Registers both regions, runs both gateways for `cases` cases (submitted, received, one supplement round), stops them. */
export async function makeWorld(log: EventLog, prefix: string, cases = 3, signing: SigningMode = 'event'): Promise<World> {
  const t = topics(prefix);
  const { privateJwk } = generateKeyPair(adminKid('ops', 1));
  const admin = signingKeyFromJwk(privateJwk);
  const lc = region(LC);
  const qd = region(QD);
  const writer = new RegistryWriter({ log, topic: t.registry, signer: admin });
  await writer.ensureTopic();
  for (const r of [lc, qd]) {
    const out = await writer.append(writer.draft('partner.registered', { region: r.code, name: r.code, keys: { keys: [r.publicJwk] }, contact: {} }));
    if (!out.ok) throw new Error(out.message);
  }
  const gateway = (self: Region, partner: Region): ExchangeGateway =>
    new ExchangeGateway({ region: self.code, log, signer: self.signer, keys: new KeyRing([self.publicJwk, partner.publicJwk]), topics: t, partitions: PARTITIONS, logger: quietLogger, counters: new Counters(), signing });
  const a = gateway(lc, qd);
  const b = gateway(qd, lc);
  await a.start();
  await b.start();
  const caseIds: string[] = [];
  for (let i = 0; i < cases; i++) {
    const caseId = a.newCaseId();
    const out = await a.request({ type: 'case.submitted', v: 1, caseId, target: QD, payload: submission(QD) });
    if (!out.ok) throw new Error(out.message);
    caseIds.push(caseId);
  }
  await eventually(() => caseIds.every((id) => a.getCase(id)?.status === 'received'));
  const first = caseIds[0]!;
  const asked = await b.request({ type: 'case.supplement-requested', v: 1, caseId: first, target: LC, payload: { items: [{ material: '申请书', reason: '缺页' }], notice: '请补正' } });
  if (!asked.ok) throw new Error(asked.message);
  await eventually(() => a.getCase(first)?.status === b.getCase(first)?.status);
  // Let the outboxes move their cursors past everything delivered.
  await eventually(() => [a, b].every((g) => g.outboxStatus().every((o) => o.backlog === 0)));
  await new Promise((r) => setTimeout(r, 200));
  await a.stop();
  await b.stop();
  return { prefix, admin, anchors: [admin.publicJwk], regions: { [LC]: lc, [QD]: qd }, caseIds, signing };
}

export interface CopiedRecord {
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
}

/** Topics by name relative to the prefix (`registry`, `checkpoints`, `journal.371500`, …): partitions of records. */
export type TopicCopy = Map<string, CopiedRecord[][]>;

export interface Copy {
  readonly topics: TopicCopy;
  /** Outbox cursors: `<region>→<partner>` → offset per journal partition. */
  readonly cursors: Map<string, number[]>;
}

const RELATIVE = (regions: readonly string[]): string[] => ['registry', ...regions.flatMap((r) => [`journal.${r}`, `quarantine.${r}`]), 'checkpoints'];

/** Reads the topics of `fromPrefix`, lets `mutate` change them, writes them under `toPrefix` (onto `target`, default the same log). */
export async function copyTopics(log: EventLog, fromPrefix: string, toPrefix: string, mutate: (copy: Copy) => void | Promise<void>, target: EventLog = log, regions: readonly string[] = [LC, QD]): Promise<void> {
  const copy: Copy = { topics: new Map(), cursors: new Map() };
  // Checkpoints name their prefix in their origins: the copy's are signed anew (`addCheckpoints`), not copied.
  for (const name of RELATIVE(regions).filter((n) => n !== 'checkpoints')) {
    const topic = `${fromPrefix}.${name}`;
    const n = await log.partitions(topic).catch(() => 0);
    const parts: CopiedRecord[][] = [];
    for (let p = 0; p < n; p++) parts.push((await log.read(topic, p, 0)).map((r) => ({ key: r.key, value: r.value, headers: { ...r.headers } })));
    copy.topics.set(name, parts);
  }
  copy.topics.set('checkpoints', [[]]); // written last, after the registry that judges their keys
  for (const r of regions) {
    for (const partner of regions) {
      if (partner === r) continue;
      const parts = copy.topics.get(`journal.${r}`) ?? [];
      const offsets: number[] = [];
      for (let p = 0; p < parts.length; p++) offsets.push((await log.committed(`${fromPrefix}.journal.${r}.outbox.${partner}`, `${fromPrefix}.journal.${r}`, p)) ?? 0);
      copy.cursors.set(`${r}→${partner}`, offsets);
    }
  }
  await mutate(copy);
  for (const [name, parts] of copy.topics) {
    const topic = `${toPrefix}.${name}`;
    await target.createTopic(topic, { partitions: Math.max(1, parts.length), ...(name === 'registry' || name === 'checkpoints' ? { timestampType: 'LogAppendTime' as const } : {}) });
    for (const [p, records] of parts.entries()) {
      for (let i = 0; i < records.length; i += 500) {
        await target.append(topic, records.slice(i, i + 500).map((r) => ({ id: r.headers['xr-id'] ?? createHash('sha256').update(r.value).digest('hex'), key: r.key, value: r.value, headers: r.headers, partition: p })));
      }
    }
  }
  for (const [pair, offsets] of copy.cursors) {
    const [r, partner] = pair.split('→') as [string, string];
    for (const [p, offset] of offsets.entries()) await target.commit(`${toPrefix}.journal.${r}.outbox.${partner}`, `${toPrefix}.journal.${r}`, p, offset);
  }
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/**
 * Checkpoint records for `prefix` over the journals in `copy` as they are now (call before
 * tampering: the regions signed the honest journal): per partition a checkpoint at half and at full
 * size, each cosigned by the partner region (a `cosignature` record).
 */
export function addCheckpoints(copy: Copy, world: World, prefix: string, options: { cosign?: boolean } = {}): void {
  const out: CopiedRecord[] = [];
  const now = Math.floor(Date.now() / 1000);
  for (const code of Object.keys(world.regions)) {
    const self = world.regions[code]!;
    const partner = Object.values(world.regions).find((r) => r.code !== code)!;
    const logSigner = ed25519Signer(journalKeyName(prefix, code), self.signer.privateKey);
    const witness = cosignatureSigner(witnessKeyName(prefix, partner.code), partner.signer.privateKey, () => now);
    for (const [p, records] of (copy.topics.get(`journal.${code}`) ?? []).entries()) {
      const tree = new MerkleTree();
      for (const r of records) tree.appendData(r.value);
      let old = 0;
      for (const size of [...new Set([Math.floor(tree.size / 2), tree.size])].filter((s) => s > 0)) {
        const origin = journalOrigin(prefix, code, p);
        const body = formatCheckpoint({ origin, size, rootHash: tree.root(size).ok ? (tree.root(size) as { value: Uint8Array }).value : new Uint8Array(32), extensions: [] });
        if (!body.ok) throw new Error(body.message);
        const note = signNote(body.value, [logSigner]);
        if (!note.ok) throw new Error(note.message);
        const proof = tree.consistencyProof(old, size);
        const value = formatAddCheckpoint({ old, proof: proof.ok ? proof.value : [], checkpoint: note.value });
        if (!value.ok) throw new Error(value.message);
        out.push(record(origin, 'checkpoint', value.value));
        if (options.cosign !== false) {
          const parsed = parseNote(note.value);
          if (!parsed.ok) throw new Error(parsed.message);
          const cosigned = signNote(body.value, [witness], parsed.value.signatures);
          if (!cosigned.ok) throw new Error(cosigned.message);
          out.push(record(origin, 'cosignature', cosigned.value));
        }
        old = size;
      }
    }
  }
  copy.topics.set('checkpoints', [[...(copy.topics.get('checkpoints')?.[0] ?? []), ...out]]);
}

export function record(origin: string, kind: string, text: string): CopiedRecord {
  const value = new TextEncoder().encode(text);
  return { key: origin, value, headers: { 'xr-id': createHash('sha256').update(value).digest('hex'), [CHECKPOINT_KIND_HEADER]: kind } };
}

export { b64 };
