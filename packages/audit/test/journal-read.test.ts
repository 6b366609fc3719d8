/**
 * The scan reads a journal record in one pass over its bytes (scanCanonical) where it can, the old
 * way (decode, parseCanonical) where it cannot: both must give the same answer for any record,
 * honest or damaged. So must the two ways of following a sent event's seal: from the record's
 * bytes, or from its decoded text.
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '@xr/crypto';
import type { Result } from '@xr/domain';
import { ed25519Signer, formatCheckpoint, formatTlogProof, MerkleTree, ProofPaths, signNote, type ProofPath } from '@xr/tlog';
import { NoteText, packBatch, readRecord, sealPath, unpackBatch, type ReadRecord } from '../src/journal-scan.js';

const event = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  caseId: '01900014-0000-7000-8000-000000000013',
  id: '01900014-0001-7000-8000-000000000013',
  payload: { applicant: { idNumber: '11010519491231002X', kind: 'person', name: '张三' }, materials: [{ name: '申请书', size: 2048 }] },
  seq: 1,
  source: '371500',
  target: '370200',
  time: '2026-12-04T17:18:53.029Z',
  type: 'case.submitted',
  v: 1,
  ...extra,
});
const SEAL = 'c2sp.org/tlog-proof@v1\nindex 19\n0Ns7lPq3N6CG41BnNHM7OesJ6iRYBr7tNaNkdNN5RQ0=\n\nxr.seal.371500/370200\n256\nZzQvnAZHNDtMmhgtiXiUq63Xy7ILnL/c72yad0FyDUo=\n\n— xr.seal.371500 s1rrlq74YVjh+gfJOTY3UNrcUeDmK/Qyfzj4ZB9CgLjUzf+0iKImT5q1MrHv3agM2VdDzFjAzLCm884RxkrOy6Y8hAQ=\n';
const PREV = '90f900d3c84b41b6010ac562ff8e78341dddcbfb74d7991d4db991a3a814c550';
const record = (members: Record<string, unknown> = {}): Buffer =>
  Buffer.from(canonicalBytes({ caseSeq: 1, event: event(), eventSeal: SEAL, n: 5, prev: PREV, recordedAt: '2026-12-04T17:18:53.029Z', ...members }));

/** What the audit takes from a read: the problem, or the members it uses and the spans. */
function seen(r: ReadRecord | string, buf: Buffer): unknown {
  if (typeof r === 'string') return r;
  return {
    event: r.event,
    jws: r.jws,
    n: r.n,
    caseSeq: r.caseSeq,
    prev: r.prev,
    span: r.span,
    eventBytes: buf.subarray(r.span[0], r.span[1]).toString('utf8'),
    seal: r.seal && (JSON.parse(buf.toString('utf8', r.seal[0], r.seal[1])) as string),
  };
}

function same(buf: Buffer): unknown {
  const fast = seen(readRecord(buf, true), buf);
  expect(fast).toEqual(seen(readRecord(buf, false), buf));
  // The chain head the scan passes (the prev it expects) spares a check, and changes nothing.
  expect(seen(readRecord(buf, true, PREV), buf)).toEqual(fast);
  return fast;
}

describe('a journal record read in one pass, or parsed', () => {
  it('reads an honest record the same both ways: its members, the event\'s bytes, the seal', () => {
    const buf = record();
    const r = same(buf) as { eventBytes: string; seal: string; event: { seq: number } };
    expect(r.eventBytes).toBe(Buffer.from(canonicalBytes(event())).toString('utf8'));
    expect(r.seal).toBe(SEAL);
    expect(r.event.seq).toBe(1);
    const jws = Buffer.from(canonicalBytes({ caseSeq: 2, event: event(), eventJws: 'eyJhbGciOiJFZERTQSJ9..c2ln', n: 0, prev: '0'.repeat(64), recordedAt: 'x' }));
    expect(same(jws)).toMatchObject({ jws: 'eyJhbGciOiJFZERTQSJ9..c2ln', seal: undefined });
  });

  it('gives the same verdict on records that are not what they should be', () => {
    const cases: Buffer[] = [
      // A later member holding the text of the proof member's name: the event still ends where it ends.
      record({ inbox: { a: 1, eventSeal: 'x' } }),
      Buffer.from(`{"__proto__":1,${record().toString('utf8').slice(1)}`),
      record({ extra: true }),
      record({ event: event({ seq: 0 }) }),
      record({ event: event({ id: 7 }) }),
      record({ event: event({ type: 'case\nsubmitted' }) }),
      record({ event: [] }),
      record({ event: event({ payload: { fee: 1.5 } }) }),
      record({ event: event({ payload: JSON.parse('['.repeat(70) + ']'.repeat(70)) as unknown }) }),
      record({ prev: 'A'.repeat(64) }),
      record({ eventJws: 'x' }),
      record({ eventSeal: 5 }),
      record({ n: -1 }),
      record({ n: 'x' }),
      record({ caseSeq: 0 }),
      record({ recordedAt: 5 }),
      record({ prev: undefined }),
      record({ event: event({ id: undefined }) }),
      record({ event: event({ time: null }) }),
      record({ event: event({ seq: 1.5 }) }),
      record({ eventJws: 'x', eventSeal: undefined }),
      record({ eventJws: 7, eventSeal: undefined }),
      record({ eventJws: 7 }),
      record({ eventSeal: 7, eventJws: 'x' }),
      record({ event: event({ type: 'case\u0007submitted' }) }),
      Buffer.from(record().toString('utf8').replace('"n":5', '"n":5.0')),
      Buffer.from(record().toString('utf8').replace('"caseSeq":1,', '').replace('"n":5', '"caseSeq":1,"n":5')),
      Buffer.from(' ' + record().toString('utf8')),
      Buffer.from('[1]'),
      Buffer.from('{}'),
      Buffer.from(''),
      Buffer.concat([record().subarray(0, 200), Buffer.from([0xff]), record().subarray(201)]),
    ];
    for (const buf of cases) same(buf);
    expect(same(record({ inbox: { a: 1, eventSeal: 'x' } }))).toMatchObject({ seal: SEAL, eventBytes: Buffer.from(canonicalBytes(event())).toString('utf8') });
    expect(same(record({ extra: true }))).toBe('unknown member extra');
    expect(same(Buffer.from(`{"__proto__":1,${record().toString('utf8').slice(1)}`))).toBe('unknown member __proto__');
  });

  it('reads the type, source and target of each record, however many values of one length follow each other (they are cached by their bytes)', () => {
    // Four letters from a small alphabet: ~1,300 values of one length for a cache of 256 places, so
    // values of the same length meet in one place all the time; now and then an escape or a non-ASCII letter.
    const value = fc.oneof({ weight: 8, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), minLength: 4, maxLength: 4 }) }, fc.constantFrom('ab\ncd', 'ab"d', '张三ab', 'abcd'));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 40 }), (triples) => {
        for (const [type, source, target] of triples) {
          const read = same(record({ event: event({ type, source, target }) })) as { event: { type: string; source: string; target: string } };
          expect([read.event.type, read.event.source, read.event.target]).toEqual([type, source, target]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on every record a byte away from an honest one (changed, dropped or added)', () => {
    const honest = [record(), record({ inbox: { offset: 3, topic: 'x' } }), Buffer.from(canonicalBytes({ caseSeq: 2, event: event(), eventJws: 'eyJ..c2ln', n: 0, prev: '0'.repeat(64), recordedAt: 'x' }))];
    fc.assert(
      fc.property(fc.constantFrom(...honest), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('change', 'drop', 'add'), (base, at, byte, how) => {
        const i = at % base.length;
        const buf = how === 'change' ? Buffer.from(base).fill(byte, i, i + 1) : how === 'drop' ? Buffer.concat([base.subarray(0, i), base.subarray(i + 1)]) : Buffer.concat([base.subarray(0, i), Buffer.from([byte]), base.subarray(i)]);
        same(buf);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("a sent event's seal read from the record's bytes, or decoded whole", () => {
  // A sealed batch of 20 events: its note, and each event's tlog-proof.
  const key = generateKeyPairSync('ed25519').privateKey;
  const tree = new MerkleTree();
  for (let i = 0; i < 20; i++) tree.appendData(Buffer.from(`event ${i}`));
  const root = tree.root();
  if (!root.ok) throw new Error(root.message);
  const body = formatCheckpoint({ origin: 'xr.seal.371500/370200', size: 20, rootHash: root.value, extensions: [] });
  const note = body.ok ? signNote(body.value, [ed25519Signer('xr.seal.371500', key)]) : body;
  if (!note.ok) throw new Error(note.message);
  const proofOf = (index: number): string => {
    const proof = tree.inclusionProof(index, 20);
    const text = proof.ok ? formatTlogProof({ index, proof: proof.value, checkpoint: note.value }) : proof;
    if (!text.ok) throw new Error(text.message);
    return text.value;
  };
  // What may land in a seal's text: escapes, a quote, a newline (a line split or joined), non-ASCII, a control character.
  const junk = fc.string({ unit: fc.constantFrom('\\', '"', '\n', '\n\n', 'A', '=', '0', '—', '\u0001', ' ', 'index ', 'extra eA==\n'), minLength: 1, maxLength: 3 });
  const shown = (r: Result<ProofPath>): unknown => (r.ok ? { ...r.value, root: r.value.root && Buffer.from(r.value.root).toString('hex') } : r);

  it('leads where ProofPaths.path of the decoded text leads, seal after seal, honest or damaged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(19), fc.constantFrom('intact', 'intact', 'insert', 'cut', 'leaf', 'zero', 'long'), fc.nat(), junk), { minLength: 1, maxLength: 12 }), (seals) => {
        // One memo and one note reader for the run, as a partition's scan keeps them; the reference has its own memo.
        const paths = new ProofPaths();
        const notes = new NoteText();
        const reference = new ProofPaths();
        for (const [index, how, at, text] of seals) {
          let seal = proofOf(index);
          const k = at % (seal.length + 1);
          if (how === 'insert') seal = seal.slice(0, k) + text + seal.slice(k);
          if (how === 'cut') seal = seal.slice(0, k) + seal.slice(k + text.length);
          // An index with a leading zero, or past 2^53.
          if (how === 'zero') seal = seal.replace('\nindex ', '\nindex 0');
          if (how === 'long') seal = seal.replace('\nindex ', `\nindex ${'9'.repeat(15 + (at % 3))}`);
          const leaf = tree.hashAt(0, how === 'leaf' ? (index + 1 + (at % 19)) % 20 : index);
          const buf = record({ eventSeal: seal });
          const read = readRecord(buf);
          if (typeof read === 'string' || !read.seal) throw new Error(`the record does not read: ${typeof read === "string" ? read : "no seal"}`);
          expect(shown(sealPath(buf, read.seal[0], read.seal[1], leaf, paths, notes)), JSON.stringify(seal)).toEqual(shown(reference.path(seal, leaf)));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('takes the common shape from the bytes: an honest seal leads to its note\'s root', () => {
    const buf = record({ eventSeal: proofOf(7) });
    const read = readRecord(buf);
    if (typeof read === 'string' || !read.seal) throw new Error('the record does not read');
    const path = sealPath(buf, read.seal[0], read.seal[1], tree.hashAt(0, 7), new ProofPaths(), new NoteText());
    expect(path.ok && { index: path.value.index, size: path.value.size, root: Buffer.from(path.value.root!).equals(root.value), note: path.value.checkpoint === note.value }).toEqual({ index: 7, size: 20, root: true, note: true });
  });
});

describe('a scanned batch as it crosses a worker boundary', () => {
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('0190a0b1-0000-7000-8000-000000000001', '张三', '🙂', ''));
  const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
  const count = fc.integer({ min: 0, max: 2 ** 40 });
  const event = fc.record({
    id: text,
    caseId: text,
    type: fc.constantFrom('case.submitted', 'case.decided', 'x'),
    source: fc.constantFrom('371500', '370200'),
    target: fc.constantFrom('371500', '370200', '110000'),
    time: text,
    seq: count,
    jws: maybe(text),
    sealStart: maybe(count),
    sealEnd: maybe(count),
    bytesStart: count,
    bytesEnd: count,
    sealMalformed: maybe(text),
    sealNote: maybe(fc.nat(3)),
    sealIndex: maybe(count),
    sealSize: maybe(count),
    sealProblem: maybe(text),
    senderBehind: maybe(count),
  });
  const record = fc.record({
    anomalies: maybe(fc.array(fc.record({ code: fc.constant('XR_AUDIT_RECORD_MALFORMED'), topic: fc.constant('t'), partition: fc.nat(2), offset: fc.nat(), message: text }), { minLength: 1, maxLength: 2 })),
    event: maybe(event),
    caseSeq: maybe(count),
  });

  it('comes back as it went: every record, its strings (any characters, absent or empty) and numbers', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const batch = { records: records.map((r) => (r.event ? r : { ...r, caseSeq: undefined })), hashes: new Uint8Array(records.length * 32), notes: ['a note\n'] };
        // Through a structured clone, as a worker's message goes.
        const back = unpackBatch(structuredClone(packBatch(batch)));
        expect(back).toEqual(batch);
      }),
      { numRuns: 300 },
    );
  });
});
