/**
 * The core without any log: given the state folded from a journal, when a batch of inbox records
 * is stepped, then the journal records, quarantine entries and outcomes are these. Two regions
 * exchange a case through plain arrays; a "restart" is a new state folded from the journal alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '@xr/crypto';
import type { Envelope, JournalRecord } from '@xr/domain';
import { partitionFor, type LogRecord } from '@xr/event-log';
import { outcomes } from '../src/core/outcomes.js';
import { GatewayState, JournalBreak } from '../src/core/state.js';
import { step, type StepContext } from '../src/core/step.js';
import { DEFAULT_RECORD_LIMITS } from '../src/record-limits.js';
import { encodeEnvelope, encodeJournalRecord } from '../src/journal-codec.js';
import { KeyRing } from '../src/keyring.js';
import { encodeClientRequest, REQUEST_HEADER } from '../src/requests.js';
import { eventSigner, proofHeaders, proofOf, SIGNING_MODES, type SigningMode } from '../src/signing.js';
import { region, submission, type TestRegion } from './fixtures.js';

const PARTITIONS = 3;
const NOW = '2026-12-02T08:00:00.000Z';
const liaocheng = region('371500');
const qingdao = region('370200');
const ring = new KeyRing([liaocheng.publicJwk, qingdao.publicJwk]);
const caseId = '0193f0a0-0000-7000-8000-000000000001';
const partition = partitionFor(caseId, PARTITIONS);
/** The signing mode of the block being run: every test below runs in both. */
let mode: SigningMode = 'event';

/** The headers a sender in the current mode puts on an event's record. */
async function signedHeaders(by: TestRegion, event: Envelope, bytes = canonicalBytes(event)): Promise<Record<string, string>> {
  return proofHeaders(await eventSigner(mode, by.signer).sign({ event, bytes }));
}

/** One region's logs as arrays, and the core driven over them. */
class Node {
  readonly inbox: LogRecord[][] = Array.from({ length: PARTITIONS }, () => []);
  readonly journal: { bytes: Uint8Array; record: JournalRecord }[][] = Array.from({ length: PARTITIONS }, () => []);
  /** How far the inbox was stepped per partition (an inbox consumer's commit). */
  readonly consumed = Array.from({ length: PARTITIONS }, () => 0);
  state: GatewayState;
  seq = 0;

  constructor(
    readonly r: TestRegion,
    private readonly certify?: StepContext['certify'],
  ) {
    this.state = new GatewayState(r.code, PARTITIONS);
  }

  ctx(): StepContext {
    return {
      self: this.r.code,
      limits: DEFAULT_RECORD_LIMITS,
      trust: ring,
      now: NOW,
      decide: { self: this.r.code, now: NOW },
      signAll: (items) => eventSigner(mode, this.r.signer).signAll(items),
      ...(this.certify ? { certify: this.certify } : {}),
    };
  }

  /** A record as the broker would hand it over (LogAppendTime: stamped now). */
  receive(p: number, value: Uint8Array, headers: Record<string, string>, id: string): void {
    this.inbox[p]!.push({ topic: `t.inbox.${this.r.code}`, partition: p, offset: this.inbox[p]!.length, id, key: caseId, value, headers, timestamp: Date.parse(NOW) });
  }

  /** Our own system's request, signed into our inbox as the gateway's request() does. */
  async send(type: string, target: string, payload: Record<string, unknown>, id: string): Promise<void> {
    this.seq += 1;
    const event: Envelope = { id, type, v: 1, caseId, seq: this.seq, source: this.r.code, target, time: NOW, payload };
    const bytes = encodeEnvelope(event);
    this.receive(partition, bytes, { ...(await signedHeaders(this.r, event, bytes)), [REQUEST_HEADER]: encodeClientRequest({ rpc: 'Test', fingerprint: 'f'.repeat(64) }) }, id);
  }

  /** Steps every partition once over what arrived; writes, folds in, delivers. */
  async run(peers: Map<string, Node>): Promise<number> {
    let moved = 0;
    for (let p = 0; p < PARTITIONS; p += 1) {
      const batch = this.inbox[p]!.slice(this.consumed[p]);
      if (batch.length === 0) continue;
      const out = await step(this.state, p, batch, this.ctx());
      for (const j of out.journal) {
        this.journal[p]!.push(j);
        this.state.apply(p, j.record.n, j.record, j.bytes);
        if (this.state.outbound(j.record.event)) peers.get(j.record.event.target)!.receive(partitionFor(j.record.event.caseId, PARTITIONS), encodeEnvelope(j.record.event), proofHeaders(proofOf(j.record)), j.record.event.id);
      }
      this.consumed[p] = this.inbox[p]!.length;
      moved += batch.length;
    }
    return moved;
  }

  /** A restart: the state folded from the journal alone; the inbox is re-read from the last commit. */
  restart(): void {
    this.state = new GatewayState(this.r.code, PARTITIONS);
    this.journal.forEach((records, p) => records.forEach(({ record, bytes }, n) => this.state.apply(p, n, record, bytes)));
  }

  /** A crash before the inbox commit: the last batch is offered again. */
  forgetCommit(p: number, to: number): void {
    this.consumed[p] = to;
  }
}

/** Runs both regions until nothing moves. */
async function settle(nodes: Map<string, Node>, between?: () => void): Promise<void> {
  for (let rounds = 0; rounds < 20; rounds += 1) {
    let moved = 0;
    for (const node of nodes.values()) {
      moved += await node.run(nodes);
      between?.();
    }
    if (moved === 0) return;
  }
  throw new Error('no quiescence');
}

/** The exchange: 收件 → 签收 → 补正 requested → 补正 → accepted → approved, one step at a time. */
const SCRIPT: readonly ((a: Node, b: Node) => Promise<void>)[] = [
  (a) => a.send('case.submitted', '370200', submission('370200'), '0193f0a0-0000-7000-8000-0000000000a1'),
  (_a, b) => b.send('case.supplement-requested', '371500', { items: [{ material: '申请书', reason: '缺页' }], notice: '请补正' }, '0193f0a0-0000-7000-8000-0000000000b1'),
  (a) => a.send('case.supplemented', '370200', { materials: [{ name: '申请书', sha256: 'b'.repeat(64), size: 1, mediaType: 'application/pdf' }] }, '0193f0a0-0000-7000-8000-0000000000a2'),
  (_a, b) => b.send('case.accepted', '371500', { receiptNo: 'R-1', basis: 'standard' }, '0193f0a0-0000-7000-8000-0000000000b2'),
  (_a, b) => b.send('case.approved', '371500', { decisionNo: 'D-1' }, '0193f0a0-0000-7000-8000-0000000000b3'),
];

async function play(restartAfter?: number, redeliver = false, certify?: StepContext['certify']): Promise<{ a: Node; b: Node }> {
  const a = new Node(liaocheng, certify);
  const b = new Node(qingdao, certify);
  const nodes = new Map([
    ['371500', a],
    ['370200', b],
  ]);
  let steps = 0;
  for (const action of SCRIPT) {
    await action(a, b);
    await settle(nodes, () => {
      steps += 1;
      if (steps !== restartAfter) return;
      for (const node of [a, b]) {
        node.restart();
        // Killed before committing the inbox: everything since the start is offered again.
        if (redeliver) node.consumed.fill(0);
      }
    });
  }
  return { a, b };
}

const journalBytes = (node: Node): string[][] => node.journal.map((records) => records.map((r) => Buffer.from(r.bytes).toString('base64')));

describe.each(SIGNING_MODES)('signing mode %s', (m) => {
  beforeAll(() => {
    mode = m;
  });

  describe('step: given the journal-derived state, when an inbox batch arrives, then…', () => {
    it('a partner\'s new case: journals it and our 签收 after it, chained, and leaves the state untouched until folded in', async () => {
      const a = new Node(liaocheng);
      const b = new Node(qingdao);
      await a.send('case.submitted', '370200', submission('370200'), '0193f0a0-0000-7000-8000-0000000000a1');
      await a.run(new Map([['370200', b]]));
      const before = b.state.head(partition);
      const out = await step(b.state, partition, b.inbox[partition]!, b.ctx());
      expect(out.journal.map((j) => [j.record.event.type, j.record.n, j.record.caseSeq, j.record.event.source])).toEqual([
        ['case.submitted', 0, 1, '371500'],
        ['case.received', 1, 2, '370200'],
      ]);
      expect(out.journal[0]!.record.prev).toBe(before.prev);
      expect(out.quarantine).toEqual([]);
      // Pure: nothing changed until the shell folds the written records in.
      expect(b.state.head(partition)).toEqual(before);
      expect(b.state.cases.get(caseId)).toBeUndefined();
      for (const j of out.journal) b.state.apply(partition, j.record.n, j.record, j.bytes);
      expect(b.state.cases.get(caseId)?.status).toBe('received');
      expect(outcomes(b.state, out)).toContainEqual({ kind: 'settle', eventId: '0193f0a0-0000-7000-8000-0000000000a1', outcome: { ok: true, value: b.state.cases.get(caseId) } });
    });

    it('bytes altered after signing: quarantined with the code, nothing journaled, and the caller told', async () => {
      const b = new Node(qingdao);
      const event: Envelope = { id: '0193f0a0-0000-7000-8000-0000000000c1', type: 'case.submitted', v: 1, caseId, seq: 1, source: '371500', target: '370200', time: NOW, payload: submission('370200') };
      const headers = await signedHeaders(liaocheng, event);
      b.receive(partition, canonicalBytes({ ...event, payload: { ...submission('370200'), applicant: { ...submission('370200').applicant, name: '李四' } } }), headers, event.id);
      const out = await step(b.state, partition, b.inbox[partition]!, b.ctx());
      expect(out.journal).toEqual([]);
      expect(out.quarantine.map((q) => [q.entry.code, q.entry.from.offset])).toEqual([['XR_SIGNATURE_INVALID', 0]]);
    });

    it('a redelivered batch (crash before the inbox commit): nothing journaled twice, callers get the journal\'s answer', async () => {
      const { a, b } = await play();
      const replayed = await step(b.state, partition, b.inbox[partition]!, b.ctx());
      expect(replayed.journal).toEqual([]);
      expect(replayed.quarantine).toEqual([]);
      // A journal from before, offered again from offset 0 to a state folded from the same journal.
      b.restart();
      const again = await step(b.state, partition, b.inbox[partition]!.map((r) => ({ ...r })), b.ctx());
      expect(again.journal).toEqual([]);
      expect(a.state.cases.get(caseId)?.status).toBe('approved');
    });

    it('an unknown key is flagged, so the shell can read the registry and step again', async () => {
      const stranger = region('320500');
      const b = new Node(qingdao);
      const event: Envelope = { id: '0193f0a0-0000-7000-8000-0000000000d1', type: 'case.submitted', v: 1, caseId, seq: 1, source: '320500', target: '370200', time: NOW, payload: submission('370200') };
      b.receive(partition, canonicalBytes(event), await signedHeaders(stranger, event), event.id);
      const out = await step(b.state, partition, b.inbox[partition]!, b.ctx());
      expect(out.unknownKey).toBe(true);
      const known = await step(b.state, partition, b.inbox[partition]!, { ...b.ctx(), trust: new KeyRing([liaocheng.publicJwk, qingdao.publicJwk, stranger.publicJwk]) });
      expect(known.unknownKey).toBe(false);
      expect(known.journal.map((j) => j.record.event.type)).toEqual(['case.submitted', 'case.received']);
    });
  });

  describe('restart at any point gives the same state by construction', () => {
    it('the uninterrupted exchange: both copies approved, every event journaled once on each side', async () => {
      const { a, b } = await play();
      expect(a.state.cases.get(caseId)?.status).toBe('approved');
      expect(b.state.cases.get(caseId)?.history.map((h) => h.type)).toEqual(['case.submitted', 'case.received', 'case.supplement-requested', 'case.supplemented', 'case.accepted', 'case.approved']);
      // The hall's 补正 is a request: the authority journals it and confirms it (request-accepted).
      expect(a.journal.flat().map((j) => j.record.event.type)).toEqual(['case.submitted', 'case.received', 'case.supplement-requested', 'case.supplemented', 'case.request-accepted', 'case.accepted', 'case.approved']);
      expect([...a.journal, ...b.journal].flat().every((j) => j.record.event.type !== 'case.request-refused')).toBe(true);
      // Each record keeps the proof of the mode its sender signs in: a JWS, or a seal (a tlog-proof).
      for (const { record } of [...a.journal, ...b.journal].flat()) {
        if (mode === 'sealed') expect([record.eventJws, record.eventSeal?.split('\n')[0]]).toEqual([undefined, 'c2sp.org/tlog-proof@v1']);
        else expect([typeof record.eventJws, record.eventSeal]).toEqual(['string', undefined]);
      }
    });

    it('a request signed with a stale sequence number (guessed before a restart) takes the journal\'s next one', async () => {
      const { b } = await play();
      expect(b.journal.flat().filter((j) => j.record.event.source === '370200').map((j) => [j.record.event.type, j.record.event.seq])).toEqual([
        ['case.received', 1],
        ['case.supplement-requested', 2],
        ['case.request-accepted', 3],
        ['case.accepted', 4],
        ['case.approved', 5],
      ]);
    });

    it('a restart after any step of the exchange, with or without the last batch offered again, ends in byte-identical journals', async () => {
      const reference = await play();
      const total = 2 * SCRIPT.length * 4;
      for (let k = 1; k <= total; k += 1) {
        for (const redeliver of [false, true]) {
          const { a, b } = await play(k, redeliver);
          expect(journalBytes(a), `restart after step ${k}${redeliver ? ', redelivered' : ''}`).toEqual(journalBytes(reference.a));
          expect(journalBytes(b)).toEqual(journalBytes(reference.b));
          expect(b.state.cases.get(caseId)).toEqual(reference.b.state.cases.get(caseId));
        }
      }
    });

    it('a journal that does not chain is refused on replay, naming the partition and offset', async () => {
      const { b } = await play();
      const records = b.journal[partition]!;
      const tampered = { ...records[1]!.record, prev: 'f'.repeat(64) };
      const state = new GatewayState('370200', PARTITIONS);
      state.apply(partition, 0, records[0]!.record, records[0]!.bytes);
      expect(() => state.apply(partition, 1, tampered, encodeJournalRecord(tampered))).toThrow(JournalBreak);
      expect(() => state.apply(partition, 1, tampered, encodeJournalRecord(tampered))).toThrow(`journal partition ${partition} offset 1`);
    });
  });

  describe('电子证照: an approval of an item that yields one issues it in the same append', () => {
    const issued: number[] = [];
    // The issuer's own business (the credential) is @xr/credentials'; here it is any deterministic function of its inputs.
    const certify: StepContext['certify'] = async (approval, state, statusIndex) => {
      issued.push(statusIndex);
      return { id: '1.2.156.3005.2.11100000MB0143028R002.11370200MB12345674.1.001.0', typeCode: '11100000MB0143028R002', name: '食品经营许可证', number: `JY-${statusIndex}`, credential: `e30.${Buffer.from(approval.id).toString('base64url')}.c2ln`, digest: 'd'.repeat(64), statusIndex, validFrom: approval.time };
    };

    it('journals certificate.issued right after our case.approved, delivers it, and both copies hold it', async () => {
      const { a, b } = await play(undefined, false, certify);
      const types = b.journal[partition]!.map((j) => j.record.event.type);
      expect(types.slice(types.indexOf('case.approved'))).toEqual(['case.approved', 'certificate.issued']);
      const expectedIndex = 0 * PARTITIONS + partition;
      expect(b.state.cases.get(caseId)?.certificate).toMatchObject({ statusIndex: expectedIndex, number: `JY-${expectedIndex}` });
      expect(a.state.cases.get(caseId)?.certificate?.statusIndex).toBe(expectedIndex);
      expect(a.journal[partition]!.at(-1)!.record.event.type).toBe('certificate.issued');
      expect(b.state.certificatesIssued(partition)).toBe(1);
    });

    it('a restart after any step, with the batch offered again, issues the same certificate once, with the same index', async () => {
      const clean = await play(undefined, false, certify);
      for (let restartAfter = 1; restartAfter <= 40; restartAfter += 4) {
        const { a, b } = await play(restartAfter, true, certify);
        expect(journalBytes(b)).toEqual(journalBytes(clean.b));
        expect(journalBytes(a)).toEqual(journalBytes(clean.a));
        expect(b.journal.flat().filter((j) => j.record.event.type === 'certificate.issued')).toHaveLength(1);
      }
    });

    it('without an issuer, or for an item that yields none, an approval issues nothing', async () => {
      const { b } = await play(undefined, false, async () => undefined);
      expect(b.journal.flat().some((j) => j.record.event.type === 'certificate.issued')).toBe(false);
      expect(b.state.cases.get(caseId)?.certificate).toBeUndefined();
    });
  });
});
