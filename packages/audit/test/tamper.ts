/** The tamper list (issue #9 point 5), as mutations of a copy; shared by the embedded-log and the Kafka tests. */
import { createHash } from 'node:crypto';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk } from '@xr/crypto';
import type { JournalRecord } from '@xr/domain';
import { encodeRecord, type RegistryRecord, uuidv7 } from '@xr/registry';
import { journalKeyName, newId, Sealer, witnessKeyName } from '@xr/exchange';
import { cosignatureSigner, ed25519Signer, formatAddCheckpoint, formatCheckpoint, parseNote, signNote } from '@xr/tlog';
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

export interface Expectation {
  readonly code: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly eventId?: string;
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
];

/** Copies for one tamper: checkpoints signed before or after the change, as the tamper says. */
export async function applyTamper(t: Tamper, copy: Copy, world: World, prefix: string): Promise<Expectation> {
  if (t.checkpoints === 'before') addCheckpoints(copy, world, prefix);
  const expected = await t.mutate(copy, world, prefix);
  if (t.checkpoints === 'after') addCheckpoints(copy, world, prefix);
  return expected;
}
