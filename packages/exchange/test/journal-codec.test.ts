/**
 * The journal codec splices the event's signed bytes into a record instead of serialising it again,
 * and slices them back out for delivery: both must give exactly the RFC 8785 bytes.
 */
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '@xr/crypto';
import type { Envelope, JournalRecord } from '@xr/domain';
import { encodeJournalRecord, eventBytesOf } from '../src/journal-codec.js';
import { submission } from './fixtures.js';

const awkward = ['"event":0', ',"eventJws":"x', ',"eventSeal":"', '\\"', '张三', '😀', '\u0007', '</script>'];

function event(i: number): Envelope {
  const s = awkward[i % awkward.length]!;
  const payload = { ...submission('370200'), applicant: { ...submission('370200').applicant, name: `${s}${i}` }, [`eventJws${i}`]: s, eventJws: s, eventSeal: s, n: i * 1.5, deep: { event: 0, eventSeal: s } };
  return { id: `0193f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`, type: 'case.submitted', v: 1, caseId: '0193f0a0-0000-7000-8000-000000000001', seq: i + 1, source: '371500', target: '370200', time: '2026-12-02T08:00:00.000Z', payload };
}

describe('journal codec', () => {
  it('splices the event bytes into exactly the canonical record, and slices exactly them back out, with either proof', () => {
    for (let i = 0; i < 64; i += 1) {
      const e = event(i);
      const proof = i % 2 === 0 ? { eventJws: `eyJhbGciOiJFZERTQSJ9..sig${i}` } : { eventSeal: `c2sp.org/tlog-proof@v1\nindex ${i}\n\nxr.seal.371500/370200\n1\nroot\n\n— xr.seal.371500 sig\n` };
      const record: JournalRecord = { event: e, ...proof, prev: 'a'.repeat(64), n: i, caseSeq: i + 1, inbox: { partition: 1, offset: i }, ...(i % 3 === 0 ? { request: { rpc: 'SubmitCase', fingerprint: 'f'.repeat(64) } } : {}), recordedAt: '2026-12-02T08:00:00.000Z' };
      const eventBytes = canonicalBytes(e);
      const spliced = encodeJournalRecord(record, eventBytes);
      expect(Buffer.from(spliced).equals(Buffer.from(canonicalBytes(record))), `record ${i}`).toBe(true);
      expect(Buffer.from(eventBytesOf(spliced, record)).equals(Buffer.from(eventBytes)), `event ${i}`).toBe(true);
    }
  });
});
