/**
 * `@xr/audit/testing` (tests and the bench only): a synthetic log for throughput. `events`
 * submissions from 聊城 to 青岛, each journaled by both (so 2 × events journal records), signed
 * either one by one with node:crypto directly (the JWS of WIRE.md: one distinct sender signature per
 * event) or, with `signing: 'sealed'`, in sealed batches of `batch` events (one signed note per
 * batch, each event with its tlog-proof, as a gateway in sealed mode writes them), written
 * straight to the journal topics in the journal record shape (running gateways for 100k records
 * would take minutes), checkpointed at the end of every partition and cosigned by the partner; an
 * admin-signed registry registers both regions and 聊城's outbox cursor to 青岛 is at the end.
 */
import { createHash, sign } from 'node:crypto';
import { canonicalBytes, generateKeyPair, signingKeyFromJwk } from '@xr/crypto';
import { partitionFor, type EventLog, type RecordInput } from '@xr/event-log';
import { adminKid, RegistryWriter } from '@xr/registry';
import { cosignatureSigner, ed25519Signer, formatAddCheckpoint, formatCheckpoint, MerkleTree, parseNote, signNote } from '@xr/tlog';
import { CHECKPOINT_KIND_HEADER, journalKeyName, journalOrigin, Sealer, witnessKeyName, type SigningMode } from '@xr/exchange';
import { LC, QD, region, type World } from './testing-regions.js';

const PARTITIONS = 3;

export async function syntheticLog(log: EventLog, prefix: string, events: number, options: { signing?: SigningMode; batch?: number } = {}): Promise<World> {
  const signing = options.signing ?? 'event';
  const batchSize = options.batch ?? 256;
  const { privateJwk } = generateKeyPair(adminKid('ops', 1));
  const admin = signingKeyFromJwk(privateJwk);
  const lc = region(LC);
  const qd = region(QD);
  const writer = new RegistryWriter({ log, topic: `${prefix}.registry`, signer: admin });
  await writer.ensureTopic();
  for (const r of [lc, qd]) await writer.append(writer.draft('partner.registered', { region: r.code, name: r.code, keys: { keys: [r.publicJwk] }, contact: {} }));
  const protectedHeader = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: lc.signer.kid, b64: false, crit: ['b64'] })).toString('base64url');
  const journals: Record<string, Uint8Array[][]> = { [LC]: [[], [], []], [QD]: [[], [], []] };
  const prev: Record<string, string[]> = { [LC]: Array(PARTITIONS).fill('0'.repeat(64)) as string[], [QD]: Array(PARTITIONS).fill('0'.repeat(64)) as string[] };
  const t0 = Date.now();
  const sealer = new Sealer(lc.signer);
  let pending: { event: Record<string, unknown>; bytes: Uint8Array; caseId: string }[] = [];
  const journalAll = (): void => {
    const seals = signing === 'sealed' ? sealer.seal(pending.map(({ bytes }) => ({ target: QD, bytes }))) : [];
    for (const [k, { event, bytes, caseId }] of pending.entries()) {
      const proof = signing === 'sealed' ? { eventSeal: seals[k]! } : { eventJws: `${protectedHeader}..${sign(null, Buffer.concat([Buffer.from(`${protectedHeader}.`), bytes]), lc.signer.privateKey).toString('base64url')}` };
      const p = partitionFor(caseId, PARTITIONS);
      for (const code of [LC, QD]) {
        const records = journals[code]![p]!;
        const value = canonicalBytes({ caseSeq: 1, event, ...proof, n: records.length, prev: prev[code]![p], recordedAt: new Date(t0).toISOString() });
        records.push(value);
        prev[code]![p] = createHash('sha256').update(value).digest('hex');
      }
    }
    pending = [];
  };
  for (let i = 0; i < events; i++) {
    const caseId = `0190${(i + 1).toString(16).padStart(4, '0').slice(-4)}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
    const event = {
      caseId,
      id: `0190${(i + 1).toString(16).padStart(4, '0').slice(-4)}-0001-7000-8000-${i.toString(16).padStart(12, '0')}`,
      payload: { applicant: { idNumber: '11010519491231002X', idType: 'resident-id', kind: 'person', name: '张三' }, intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T09:00:00+08:00' }, item: { code: `${QD}-SPJY-0001`, name: '食品经营许可' }, materials: [{ mediaType: 'application/pdf', name: '申请书', sha256: 'a'.repeat(64), size: 2048 }] },
      seq: 1,
      source: LC,
      target: QD,
      time: new Date(t0).toISOString(),
      type: 'case.submitted',
      v: 1,
    };
    pending.push({ event, bytes: canonicalBytes(event), caseId });
    if (pending.length >= (signing === 'sealed' ? batchSize : 1)) journalAll();
  }
  journalAll();
  const checkpoints: RecordInput[] = [];
  const now = Math.floor(Date.now() / 1000);
  for (const [code, self, partner] of [[LC, lc, qd], [QD, qd, lc]] as const) {
    await log.createTopic(`${prefix}.journal.${code}`, { partitions: PARTITIONS });
    for (const [p, records] of journals[code]!.entries()) {
      for (let i = 0; i < records.length; i += 2_000) await log.append(`${prefix}.journal.${code}`, records.slice(i, i + 2_000).map((value, j) => ({ id: `${code}-${p}-${i + j}`, key: 'k', value, partition: p })));
      const tree = new MerkleTree();
      for (const v of records) tree.appendData(v);
      const origin = journalOrigin(prefix, code, p);
      const root = tree.root();
      if (!root.ok) throw new Error(root.message);
      const body = formatCheckpoint({ origin, size: tree.size, rootHash: root.value, extensions: [] });
      if (!body.ok) throw new Error(body.message);
      const note = signNote(body.value, [ed25519Signer(journalKeyName(prefix, code), self.signer.privateKey)]);
      if (!note.ok) throw new Error(note.message);
      const value = formatAddCheckpoint({ old: 0, proof: [], checkpoint: note.value });
      if (!value.ok) throw new Error(value.message);
      const parsed = parseNote(note.value);
      if (!parsed.ok) throw new Error(parsed.message);
      const cosigned = signNote(body.value, [cosignatureSigner(witnessKeyName(prefix, partner.code), partner.signer.privateKey, () => now)], parsed.value.signatures);
      if (!cosigned.ok) throw new Error(cosigned.message);
      for (const [kind, text] of [['checkpoint', value.value], ['cosignature', cosigned.value]] as const) {
        const v = new TextEncoder().encode(text);
        checkpoints.push({ id: createHash('sha256').update(v).digest('hex'), key: origin, value: v, headers: { [CHECKPOINT_KIND_HEADER]: kind }, partition: 0 });
      }
    }
  }
  await log.createTopic(`${prefix}.checkpoints`, { partitions: 1, timestampType: 'LogAppendTime' });
  await log.append(`${prefix}.checkpoints`, checkpoints);
  for (let p = 0; p < PARTITIONS; p++) await log.commit(`${prefix}.journal.${LC}.outbox.${QD}`, `${prefix}.journal.${LC}`, p, journals[LC]![p]!.length);
  return { prefix, admin, anchors: [admin.publicJwk], regions: { [LC]: lc, [QD]: qd }, caseIds: [], signing };
}
