/** The tamper list (issue #9 point 5), as mutations of a copy; shared by the embedded-log and the Kafka tests. */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk, type SigningKey } from '@xr/crypto';
import type { JournalRecord } from '@xr/domain';
import { encodeRecord, type RegistryRecord, uuidv7 } from '@xr/registry';
import { journalKeyName, journalOrigin, newId, Sealer, witnessKeyName } from '@xr/exchange';
import { cosignatureSigner, cosignatureVerifier, ed25519Signer, formatAddCheckpoint, formatCheckpoint, formatNote, formatVerifierKey, parseAddCheckpoint, parseNote, signNote, type NoteSignature } from '@xr/tlog';
import { addCheckpoints, LC, QD, record, type Copy, type CopiedRecord, type World } from '../src/testing.js';

const decode = (v: Uint8Array): JournalRecord => JSON.parse(Buffer.from(v).toString('utf8')) as JournalRecord;
const sha = (v: Uint8Array): string => createHash('sha256').update(v).digest('hex');

export function journal(copy: Copy, region: string): CopiedRecord[][] {
  return copy.topics.get(`journal.${region}`)!;
}

/** The partition and index of the first journal record matching. */
export function find(copy: Copy, region: string, match: (r: JournalRecord) => boolean): { partition: number; offset: number; record: JournalRecord } {
  for (const [partition, records] of journal(copy, region).entries()) {
    const offset = records.findIndex((r) => match(decode(r.value)));
    if (offset >= 0) return { partition, offset, record: decode(records[offset]!.value) };
  }
  throw new Error('no such journal record');
}

/** Re-numbers `n`, `prev` and `caseSeq` as a dishonest region rewriting its journal would. */
export function rechain(records: CopiedRecord[]): void {
  let prev = '0'.repeat(64);
  const seqs = new Map<string, number>();
  for (const [i, r] of records.entries()) {
    const j = decode(r.value);
    const caseSeq = (seqs.get(j.event.caseId) ?? 0) + 1;
    seqs.set(j.event.caseId, caseSeq);
    r.value = canonicalBytes({ ...j, n: i, prev, caseSeq });
    prev = sha(r.value);
  }
}

/** Appends a journal record for `event` at the end of a partition, chained correctly. */
function appendJournal(records: CopiedRecord[], event: JournalRecord['event'], proof: Pick<JournalRecord, 'eventJws' | 'eventSeal'>): number {
  const last = records[records.length - 1];
  const caseSeq = records.filter((r) => decode(r.value).event.caseId === event.caseId).length + 1;
  const value = canonicalBytes({ event, ...proof, prev: last ? sha(last.value) : '0'.repeat(64), n: records.length, caseSeq, recordedAt: new Date().toISOString() });
  records.push({ key: event.caseId, value, headers: { 'xr-id': event.id } });
  return records.length - 1;
}

/** Re-links `prev` over a partition after a record changed, keeping every other member (`n`, `caseSeq`) as it is. */
function relink(records: CopiedRecord[]): void {
  let prev = '0'.repeat(64);
  for (const r of records) {
    r.value = canonicalBytes({ ...decode(r.value), prev });
    prev = sha(r.value);
  }
}

/** Replaces one journal record's members, then re-links the partition (a region rewriting its journal). */
function rewrite(copy: Copy, region: string, partition: number, offset: number, change: (r: JournalRecord) => JournalRecord): void {
  const records = journal(copy, region)[partition]!;
  records[offset]!.value = canonicalBytes(change(decode(records[offset]!.value)));
  relink(records);
}

/** `event` signed by `signer` the way this world's gateways sign: a JWS, or a seal of a batch of one. */
async function signedBy(world: World, signer: SigningKey, event: JournalRecord['event']): Promise<Pick<JournalRecord, 'eventJws' | 'eventSeal'>> {
  const bytes = canonicalBytes(event);
  return world.signing === 'sealed' ? { eventSeal: new Sealer(signer).seal([{ target: event.target, bytes }])[0]! } : { eventJws: await signDetached(bytes, signer) };
}

/** A journal record with another event and its proof. */
function resigned(r: JournalRecord, event: JournalRecord['event'], proof: Pick<JournalRecord, 'eventJws' | 'eventSeal'>): JournalRecord {
  const { eventJws: _jws, eventSeal: _seal, ...rest } = r;
  return { ...rest, ...proof, event };
}

/** Appends a registry record signed by `signer` (the world's admin unless told). */
export async function appendRegistry(copy: Copy, world: World, type: RegistryRecord['type'], payload: unknown, time: string, signer: SigningKey = world.admin): Promise<number> {
  const reg = copy.topics.get('registry')![0]!;
  const rec = { id: uuidv7(), type, v: 1, time, admin: world.admin.kid, payload } as RegistryRecord;
  const value = encodeRecord(rec);
  reg.push({ key: (payload as { region?: string }).region ?? 'calendar', value, headers: { 'xr-id': rec.id, 'xr-jws': await signDetached(value, signer) } });
  return reg.length - 1;
}

/** The first non-empty journal partition of a region with at least `min` records. */
function partitionOf(copy: Copy, region: string, min: number): number {
  const partition = journal(copy, region).findIndex((p) => p.length >= min);
  if (partition < 0) throw new Error(`no partition of ${region} holds ${min} records`);
  return partition;
}

/** Offsets on the checkpoints topic of the records of `kind` for an origin, in order. */
function checkpointOffsets(copy: Copy, origin: string, kind: 'checkpoint' | 'cosignature'): number[] {
  return copy.topics.get('checkpoints')![0]!.flatMap((r, i) => (r.key === origin && r.headers['xr-kind'] === kind ? [i] : []));
}

/** A checkpoint record (old 0, no proof) signed by the region's journal key. */
function signedCheckpoint(world: World, prefix: string, region: string, origin: string, size: number, rootHash: Uint8Array): CopiedRecord {
  const body = formatCheckpoint({ origin, size, rootHash, extensions: [] });
  if (!body.ok) throw new Error(body.message);
  const note = signNote(body.value, [ed25519Signer(journalKeyName(prefix, region), world.regions[region]!.signer.privateKey)]);
  if (!note.ok) throw new Error(note.message);
  const value = formatAddCheckpoint({ old: 0, proof: [], checkpoint: note.value });
  if (!value.ok) throw new Error(value.message);
  return record(origin, 'checkpoint', value.value);
}

/** Rewrites a `checkpoint` record (an add-checkpoint body): its proof, or its note's signatures. */
function editCheckpointRecord(r: CopiedRecord, edit: { proof?: (p: Uint8Array[]) => Uint8Array[]; signatures?: (s: NoteSignature[]) => NoteSignature[] }): CopiedRecord {
  const body = parseAddCheckpoint(r.value);
  if (!body.ok) throw new Error(body.message);
  const note = parseNote(body.value.checkpoint);
  if (!note.ok) throw new Error(note.message);
  const checkpoint = formatNote({ text: note.value.text, signatures: (edit.signatures ?? ((s) => s))([...note.value.signatures]) });
  if (!checkpoint.ok) throw new Error(checkpoint.message);
  const value = formatAddCheckpoint({ old: body.value.old, proof: (edit.proof ?? ((p) => p))([...body.value.proof]), checkpoint: checkpoint.value });
  if (!value.ok) throw new Error(value.message);
  return record(r.key, 'checkpoint', value.value);
}

export interface Expectation {
  readonly code: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly eventId?: string;
  readonly caseId?: string;
  /** Only this code may appear (besides none). */
  readonly only?: boolean;
}

export interface Tamper {
  readonly name: string;
  /** Checkpoints are signed before (`before`, the honest journal) or after (`after`, the region re-signs its lie) the change. */
  readonly checkpoints: 'before' | 'after';
  mutate(copy: Copy, world: World, prefix: string): Promise<Expectation>;
}

export const TAMPERS: Tamper[] = [
  {
    name: 'flip one byte of a payload',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const at = find(copy, QD, (r) => r.event.type === 'case.submitted');
      const r = journal(copy, QD)[at.partition]![at.offset]!;
      const i = Buffer.from(r.value).indexOf('"formCheck":"passed"') + '"formCheck":"'.length;
      r.value = Buffer.from(r.value);
      r.value[i] = 'q'.charCodeAt(0);
      return { code: 'XR_SIGNATURE_INVALID', topic: `${prefix}.journal.${QD}`, partition: at.partition, offset: at.offset, eventId: at.record.event.id };
    },
  },
  {
    name: 'drop a record',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const partition = journal(copy, LC).findIndex((p) => p.length >= 3);
      journal(copy, LC)[partition]!.splice(1, 1);
      return { code: 'XR_JOURNAL_CHAIN_BROKEN', topic: `${prefix}.journal.${LC}`, partition, offset: 1 };
    },
  },
  {
    name: 'swap two records',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const partition = journal(copy, LC).findIndex((p) => p.length >= 2);
      const p = journal(copy, LC)[partition]!;
      [p[0], p[1]] = [p[1]!, p[0]!];
      return { code: 'XR_JOURNAL_CHAIN_BROKEN', topic: `${prefix}.journal.${LC}`, partition, offset: 0 };
    },
  },
  {
    name: 'replay an old record',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const at = find(copy, QD, (r) => r.event.type === 'case.received');
      const offset = appendJournal(journal(copy, QD)[at.partition]!, at.record.event, at.record.eventSeal !== undefined ? { eventSeal: at.record.eventSeal } : { eventJws: at.record.eventJws! });
      return { code: 'XR_AUDIT_EVENT_REPLAYED', topic: `${prefix}.journal.${QD}`, partition: at.partition, offset, eventId: at.record.event.id, only: true };
    },
  },
  {
    name: 'replay an event re-signed with a later seq, before the sender\'s next event of the case',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      // 青岛's case.received (its seq 1) again, right after itself, with seq 5 and a target no one
      // audits (so only the replay is wrong): its seq is not taken, so 青岛's next event of the
      // case (seq 2) still follows seq 1 — a reader that took the replay's would say it goes back.
      const caseId = world.caseIds[0]!;
      const at = find(copy, QD, (r) => r.event.caseId === caseId && r.event.type === 'case.received');
      const next = find(copy, QD, (r) => r.event.caseId === caseId && r.event.source === QD && r.event.seq === 2);
      if (next.partition !== at.partition || next.offset <= at.offset) throw new Error('青岛\'s second event of the case is not after its first in one partition');
      const event = { ...at.record.event, seq: 5, target: '370100' };
      const records = journal(copy, QD)[at.partition]!;
      records.splice(at.offset + 1, 0, { key: caseId, value: canonicalBytes({ ...at.record, event, eventJws: undefined, eventSeal: undefined, ...(await signedBy(world, world.regions[QD]!.signer, event)) }), headers: { 'xr-id': event.id } });
      rechain(records);
      return { code: 'XR_AUDIT_EVENT_REPLAYED', topic: `${prefix}.journal.${QD}`, partition: at.partition, offset: at.offset + 1, caseId, eventId: event.id, only: true };
    },
  },
  {
    name: 'insert a record signed with a revoked key',
    checkpoints: 'before',
    async mutate(copy, world, prefix) {
      const k2 = generateKeyPair(makeKid(LC, 2));
      const now = Date.now();
      const reg = copy.topics.get('registry')![0]!;
      const sign = async (type: RegistryRecord['type'], payload: unknown, time: string): Promise<void> => {
        const rec = { id: uuidv7(), type, v: 1, time, admin: world.admin.kid, payload } as RegistryRecord;
        const value = encodeRecord(rec);
        reg.push({ key: LC, value, headers: { 'xr-id': rec.id, 'xr-jws': await signDetached(value, world.admin) } });
      };
      await sign('key.rotated', { region: LC, newKey: k2.publicJwk, overlapUntil: new Date(now + 86_400_000).toISOString() }, new Date(now - 120_000).toISOString());
      await sign('key.revoked', { region: LC, kid: k2.publicJwk.kid, effectiveAt: new Date(now - 60_000).toISOString() }, new Date(now - 60_000).toISOString());
      const caseId = world.caseIds[1]!;
      const at = find(copy, LC, (r) => r.event.caseId === caseId);
      const event = { id: newId(), type: 'case.withdrawn', v: 1, caseId, seq: 2, source: LC, target: QD, time: new Date(now).toISOString(), payload: { reason: '申请人撤回' } };
      // Signed the way this world's gateways sign: a JWS, or a seal of a batch of one.
      const k2Signer = signingKeyFromJwk(k2.privateJwk);
      const bytes = canonicalBytes(event);
      const proof = world.signing === 'sealed' ? { eventSeal: new Sealer(k2Signer).seal([{ target: QD, bytes }])[0]! } : { eventJws: await signDetached(bytes, k2Signer) };
      const offset = appendJournal(journal(copy, LC)[at.partition]!, event, proof);
      return { code: 'XR_KEY_REVOKED', topic: `${prefix}.journal.${LC}`, partition: at.partition, offset, eventId: event.id, only: true };
    },
  },
  {
    name: 'omit on the receiving side a message that was sent',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      const caseId = world.caseIds[2]!;
      const sent = find(copy, LC, (r) => r.event.caseId === caseId && r.event.type === 'case.submitted');
      const there = find(copy, QD, (r) => r.event.id === sent.record.event.id);
      const records = journal(copy, QD)[there.partition]!;
      records.splice(there.offset, 1);
      rechain(records);
      return { code: 'XR_AUDIT_NOT_RECEIVED', topic: `${prefix}.journal.${LC}`, partition: sent.partition, offset: sent.offset, eventId: sent.record.event.id, only: true };
    },
  },
  {
    name: 'fork a checkpoint (two roots for one size)',
    checkpoints: 'before',
    async mutate(copy, world, prefix) {
      const partition = journal(copy, LC).findIndex((p) => p.length >= 2);
      const size = journal(copy, LC)[partition]!.length;
      const origin = `${prefix}.journal.${LC}/${partition}`;
      const body = formatCheckpoint({ origin, size, rootHash: new Uint8Array(32).fill(7), extensions: [] });
      const note = signNote((body as { value: string }).value, [ed25519Signer(journalKeyName(prefix, LC), world.regions[LC]!.signer.privateKey)]);
      const value = formatAddCheckpoint({ old: 0, proof: [], checkpoint: (note as { value: string }).value });
      const cps = copy.topics.get('checkpoints')![0]!;
      cps.push(record(origin, 'checkpoint', (value as { value: string }).value));
      return { code: 'XR_CHECKPOINT_FORK', topic: `${prefix}.checkpoints`, partition: 0, offset: cps.length - 1 };
    },
  },
  {
    name: 'a cosignature over a different root',
    checkpoints: 'before',
    async mutate(copy, world, prefix) {
      const cps = copy.topics.get('checkpoints')![0]!;
      // The first cosignature record: a half-size checkpoint, so the newest stays witnessed.
      const cosigned = (r: CopiedRecord): boolean => r.headers['xr-kind'] === 'cosignature';
      const offset = cps.findIndex((r, i) => cosigned(r) && cps.some((s, j) => j > i && cosigned(s) && s.key === r.key));
      const note = parseNote(Buffer.from(cps[offset]!.value).toString('utf8'));
      if (!note.ok) throw new Error(note.message);
      const lines = note.value.text.split('\n');
      const other = [lines[0], lines[1], Buffer.alloc(32, 9).toString('base64'), ''].join('\n');
      const origin = lines[0]!;
      const partner = origin.includes(`journal.${LC}`) ? QD : LC;
      const witness = cosignatureSigner(witnessKeyName(prefix, partner), world.regions[partner]!.signer.privateKey, () => Math.floor(Date.now() / 1000));
      const forged = signNote(other, [witness]);
      const forgedSig = parseNote((forged as { value: string }).value);
      const logSig = note.value.signatures.filter((s) => !s.name.includes('.witness.'));
      const value = signNote(note.value.text, [], [...logSig, ...(forgedSig.ok ? forgedSig.value.signatures : [])]);
      cps[offset] = record(origin, 'cosignature', (value as { value: string }).value);
      return { code: 'XR_COSIGNATURE_INVALID', topic: `${prefix}.checkpoints`, partition: 0, offset, only: true };
    },
  },
  {
    name: 'a signed checkpoint whose root is not the journal\'s at its size',
    checkpoints: 'before',
    async mutate(copy, world, prefix) {
      const partition = partitionOf(copy, LC, 3);
      const size = journal(copy, LC)[partition]!.length - 1; // from 3 records on, neither the half- nor the full-size checkpoint: no twin, no fork
      const origin = journalOrigin(prefix, LC, partition);
      const cps = copy.topics.get('checkpoints')![0]!;
      cps.push(signedCheckpoint(world, prefix, LC, origin, size, new Uint8Array(32).fill(5)));
      return { code: 'XR_CHECKPOINT_ROOT_MISMATCH', topic: `${prefix}.checkpoints`, partition: 0, offset: cps.length - 1, only: true };
    },
  },
  {
    name: 'drop the newest record of a journal (its chain stays whole; only the checkpoint counts it)',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const partition = partitionOf(copy, QD, 2);
      journal(copy, QD)[partition]!.pop();
      // The full-size checkpoint, first seen on its checkpoint record, signs one record more than there is.
      const offset = checkpointOffsets(copy, journalOrigin(prefix, QD, partition), 'checkpoint').at(-1)!;
      return { code: 'XR_CHECKPOINT_ROOT_MISMATCH', topic: `${prefix}.checkpoints`, partition: 0, offset };
    },
  },
  {
    name: 'a checkpoint whose log signature does not verify',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const cps = copy.topics.get('checkpoints')![0]!;
      const offset = checkpointOffsets(copy, journalOrigin(prefix, LC, partitionOf(copy, LC, 1)), 'checkpoint')[0]!;
      cps[offset] = editCheckpointRecord(cps[offset]!, {
        signatures: (sigs) =>
          sigs.map((s) => {
            const signature = Uint8Array.from(s.signature);
            signature[signature.length - 1]! ^= 1;
            return { ...s, signature };
          }),
      });
      // Its cosignature record carries the log signature intact: only the checkpoint record is refused.
      return { code: 'XR_CHECKPOINT_SIGNATURE_INVALID', topic: `${prefix}.checkpoints`, partition: 0, offset, only: true };
    },
  },
  {
    name: 'a checkpoint whose consistency proof from the previous one fails',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const cps = copy.topics.get('checkpoints')![0]!;
      const offset = checkpointOffsets(copy, journalOrigin(prefix, LC, partitionOf(copy, LC, 2)), 'checkpoint').at(-1)!;
      cps[offset] = editCheckpointRecord(cps[offset]!, {
        proof: (proof) => {
          if (proof.length === 0) throw new Error('the full-size checkpoint was published with no proof');
          return [new Uint8Array(32).fill(3), ...proof.slice(1)];
        },
      });
      return { code: 'XR_CHECKPOINT_FORK', topic: `${prefix}.checkpoints`, partition: 0, offset, only: true };
    },
  },
  {
    name: 'checkpoints published without cosignatures',
    checkpoints: 'before',
    async mutate(copy, _w, prefix) {
      const origin = journalOrigin(prefix, LC, partitionOf(copy, LC, 1));
      const cps = copy.topics.get('checkpoints')![0]!;
      copy.topics.set('checkpoints', [cps.filter((r) => !(r.key === origin && r.headers['xr-kind'] === 'cosignature'))]);
      const offset = checkpointOffsets(copy, origin, 'checkpoint').at(-1)!;
      return { code: 'XR_CHECKPOINT_UNWITNESSED', topic: `${prefix}.checkpoints`, partition: 0, offset, only: true };
    },
  },
  {
    name: 'a witness policy of quorum 2 with one cosigner',
    checkpoints: 'before',
    async mutate(copy, world, prefix) {
      const supervisor = formatVerifierKey(cosignatureVerifier('witness.sd.gov.cn', generateKeyPairSync('ed25519').publicKey));
      await appendRegistry(copy, world, 'witness.policy.set', { region: LC, quorum: 2, witnesses: [{ region: QD }, { name: 'witness.sd.gov.cn', verifierKey: supervisor }] }, new Date().toISOString());
      // Every checkpointed partition of 聊城 is short of one cosignature; the first is named here.
      const offset = checkpointOffsets(copy, journalOrigin(prefix, LC, partitionOf(copy, LC, 1)), 'checkpoint').at(-1)!;
      return { code: 'XR_CHECKPOINT_UNWITNESSED', topic: `${prefix}.checkpoints`, partition: 0, offset };
    },
  },
  {
    name: 'a case\'s caseSeq skipping one',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      const caseId = world.caseIds[0]!;
      const at = find(copy, LC, (r) => r.event.caseId === caseId && r.event.type === 'case.supplement-requested');
      rewrite(copy, LC, at.partition, at.offset, (r) => ({ ...r, caseSeq: r.caseSeq + 1 }));
      return { code: 'XR_AUDIT_CASE_SEQUENCE', topic: `${prefix}.journal.${LC}`, partition: at.partition, offset: at.offset, caseId, eventId: at.record.event.id, only: true };
    },
  },
  {
    name: 'a case\'s caseSeq going back',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      const caseId = world.caseIds[0]!;
      const at = find(copy, QD, (r) => r.event.caseId === caseId && r.event.type === 'case.supplement-requested');
      if (at.record.caseSeq < 3) throw new Error('the supplement request is not the case\'s third record');
      rewrite(copy, QD, at.partition, at.offset, (r) => ({ ...r, caseSeq: 1 }));
      return { code: 'XR_AUDIT_CASE_SEQUENCE', topic: `${prefix}.journal.${QD}`, partition: at.partition, offset: at.offset, caseId, eventId: at.record.event.id, only: true };
    },
  },
  {
    name: 'a sender\'s seq going back (re-signed by the sender, in both journals)',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      const caseId = world.caseIds[0]!;
      const match = (r: JournalRecord): boolean => r.event.caseId === caseId && r.event.type === 'case.supplement-requested';
      const sent = find(copy, QD, match);
      if (sent.record.event.seq !== 2) throw new Error('the supplement request is not 青岛\'s second event of the case');
      const event = { ...sent.record.event, seq: 1 }; // 青岛's case.received was seq 1
      const proof = await signedBy(world, world.regions[QD]!.signer, event);
      for (const region of [QD, LC]) {
        const at = find(copy, region, match);
        rewrite(copy, region, at.partition, at.offset, (r) => resigned(r, event, proof));
      }
      return { code: 'XR_AUDIT_CASE_SEQUENCE', topic: `${prefix}.journal.${QD}`, partition: sent.partition, offset: sent.offset, caseId, eventId: event.id };
    },
  },
  {
    name: 'a received event its sender never journaled',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      const caseId = world.caseIds[1]!;
      const at = find(copy, QD, (r) => r.event.caseId === caseId);
      // Signed with 聊城's real key: only 聊城's own journal can tell it never sent it.
      const event = { id: newId(), type: 'case.withdrawn', v: 1, caseId, seq: 2, source: LC, target: QD, time: new Date().toISOString(), payload: { reason: '申请人撤回' } };
      const offset = appendJournal(journal(copy, QD)[at.partition]!, event, await signedBy(world, world.regions[LC]!.signer, event));
      return { code: 'XR_AUDIT_NOT_SENT', topic: `${prefix}.journal.${QD}`, partition: at.partition, offset, caseId, eventId: event.id, only: true };
    },
  },
  {
    name: 'a received event with other bytes than its sender journaled',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      const caseId = world.caseIds[2]!;
      const at = find(copy, QD, (r) => r.event.caseId === caseId && r.event.type === 'case.submitted');
      const payload = at.record.event.payload as { applicant: Record<string, unknown> };
      const event = { ...at.record.event, payload: { ...payload, applicant: { ...payload.applicant, name: '李四' } } };
      const proof = await signedBy(world, world.regions[LC]!.signer, event);
      rewrite(copy, QD, at.partition, at.offset, (r) => resigned(r, event, proof));
      return { code: 'XR_AUDIT_NOT_SENT', topic: `${prefix}.journal.${QD}`, partition: at.partition, offset: at.offset, caseId, eventId: event.id };
    },
  },
  {
    name: 'a received copy with its sender\'s bytes under another event\'s proof',
    checkpoints: 'after',
    async mutate(copy, world, prefix) {
      // The bytes match the sender's journal; only the proof (a seal or a JWS) is another event's: the
      // copy cannot be checked by reference to the sender's and must fail on its own.
      const caseId = world.caseIds[world.caseIds.length - 1]!;
      const at = find(copy, QD, (r) => r.event.caseId === caseId && r.event.source === LC);
      const other = find(copy, QD, (r) => r.event.source === LC && r.event.caseId !== caseId);
      rewrite(copy, QD, at.partition, at.offset, (r) => resigned(r, r.event, other.record.eventSeal !== undefined ? { eventSeal: other.record.eventSeal } : { eventJws: other.record.eventJws! }));
      return { code: 'XR_SIGNATURE_INVALID', topic: `${prefix}.journal.${QD}`, partition: at.partition, offset: at.offset, caseId, eventId: at.record.event.id, only: true };
    },
  },
  {
    name: 'a registry record with a bad admin signature (a forged revocation)',
    checkpoints: 'before',
    async mutate(copy, world, prefix) {
      // A key of the attacker's under the admin's kid: the anchors' key does not verify it.
      const forger = signingKeyFromJwk(generateKeyPair(world.admin.kid).privateJwk);
      const now = Date.now();
      const offset = await appendRegistry(copy, world, 'key.revoked', { region: LC, kid: world.regions[LC]!.publicJwk.kid, effectiveAt: new Date(now - 3_600_000).toISOString() }, new Date(now).toISOString(), forger);
      // Refused, so it revokes nothing: 聊城's records and checkpoints still verify.
      return { code: 'XR_REGISTRY_SIGNATURE_INVALID', topic: `${prefix}.registry`, partition: 0, offset, only: true };
    },
  },
];

/** Copies for one tamper: checkpoints signed before or after the change, as the tamper says. */
export async function applyTamper(t: Tamper, copy: Copy, world: World, prefix: string): Promise<Expectation> {
  if (t.checkpoints === 'before') addCheckpoints(copy, world, prefix);
  const expected = await t.mutate(copy, world, prefix);
  if (t.checkpoints === 'after') addCheckpoints(copy, world, prefix);
  return expected;
}
