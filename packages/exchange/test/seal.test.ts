/**
 * Sealed batches from a hostile partner's side: every way to make a seal say more than its sender
 * signed is refused with a stable code, and a batch's note costs one Ed25519 verification.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalBytes, signDetached } from '@xr/crypto';
import type { Envelope } from '@xr/domain';
import { partitionFor, type LogRecord } from '@xr/event-log';
import { formatTlogProof, parseTlogProof } from '@xr/tlog';
import { examine } from '../src/examine.js';
import { KeyRing } from '../src/keyring.js';
import { DEFAULT_RECORD_LIMITS } from '../src/record-limits.js';
import { forgetSealNotes, openSealed, Sealer, SEAL_HEADER, sealNoteVerifications } from '../src/seal.js';
import { JWS_HEADER } from '../src/topics.js';
import type { Trust } from '../src/trust.js';
import { region, submission } from './fixtures.js';

const NOW = '2026-12-02T08:00:00.000Z';
const T = Date.parse(NOW);
const liaocheng = region('371500');
const qingdao = region('370200');
const suzhou = region('320500');
const ring = new KeyRing([liaocheng.publicJwk, qingdao.publicJwk, suzhou.publicJwk]);

function event(n: number, target = qingdao.code): Envelope {
  return { id: `0193f0a0-0000-7000-8000-00000000000${n}`, type: 'case.submitted', v: 1, caseId: `0193f0a0-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`, seq: 1, source: liaocheng.code, target, time: NOW, payload: submission(target) };
}

function sealAll(events: readonly Envelope[], sealer = new Sealer(liaocheng.signer)): { bytes: Uint8Array; seal: string }[] {
  const bytes = events.map((e) => canonicalBytes(e));
  const seals = sealer.seal(events.map((e, i) => ({ target: e.target, bytes: bytes[i]! })));
  return bytes.map((b, i) => ({ bytes: b, seal: seals[i]! }));
}

const open = (bytes: Uint8Array, seal: string, trust: Pick<Trust, 'keyFor' | 'regionKeys'> = ring) => openSealed(bytes, seal, T, trust);

describe('sealed batches', () => {
  beforeEach(() => forgetSealNotes());

  it('seal a batch with one note per partner; each event opens on its own, and a note is verified once', () => {
    const events = [event(1), event(2, suzhou.code), event(3), event(4)];
    const sealed = sealAll(events);
    const notes = new Set(sealed.map((s) => parseTlogProof(s.seal)).map((p) => (p.ok ? p.value.checkpoint : '')));
    expect(notes.size).toBe(2);
    expect([...notes].map((n) => n.split('\n')[0]).sort()).toEqual(['xr.seal.371500/320500', 'xr.seal.371500/370200']);
    forgetSealNotes();
    const before = sealNoteVerifications();
    for (const [i, s] of sealed.entries()) expect(open(s.bytes, s.seal)).toMatchObject({ ok: true, kid: '371500.k1', region: '371500', value: events[i] });
    expect(sealNoteVerifications() - before).toBe(2);
  });

  it('a byte changed, another event of the batch, or a changed root: XR_SIGNATURE_INVALID', () => {
    const [a, b] = sealAll([event(1), event(2)]);
    const flipped = Uint8Array.from(a!.bytes);
    flipped[flipped.length - 3]! ^= 1;
    expect(open(flipped, a!.seal)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID', field: `headers.${SEAL_HEADER}` });
    expect(open(b!.bytes, a!.seal)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
    // a's note with its root swapped for the root of another batch (signature line kept), over that batch's event.
    const [other] = sealAll([event(5)]);
    const noteOf = (seal: string): string => (parseTlogProof(seal) as { ok: true; value: { checkpoint: string } }).value.checkpoint;
    const rootLine = (note: string): string => note.split('\n')[2]!;
    const forgedNote = noteOf(a!.seal).replace(rootLine(noteOf(a!.seal)), rootLine(noteOf(other!.seal))).replace('\n2\n', '\n1\n');
    const forged = formatTlogProof({ index: 0, proof: [], checkpoint: forgedNote });
    const opened = forged.ok ? open(other!.bytes, forged.value) : forged;
    expect(opened).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
    expect(opened.ok ? '' : 'reason' in opened ? opened.reason : '').toContain('note signature does not verify');
    expect(open(other!.bytes, other!.seal)).toMatchObject({ ok: true });
  });

  it('a note signed by another region under our name is refused; a partner signing its own name is that partner', () => {
    const forger = new Sealer(suzhou.signer);
    const [mine] = sealAll([event(1)], forger);
    // Sealed by 320500: it opens as 320500's, so the examine step's source check refuses it (below).
    expect(open(mine!.bytes, mine!.seal)).toMatchObject({ ok: true, region: '320500' });
    const renamed = mine!.seal.replace('— xr.seal.320500 ', '— xr.seal.371500 ');
    expect(open(mine!.bytes, renamed)).toMatchObject({ ok: false, code: 'XR_KEY_UNKNOWN' });
  });

  it('a revoked key, a garbled seal, an event sealed for another partner, and bytes not canonical', () => {
    const [a] = sealAll([event(1)]);
    const revoked: Pick<Trust, 'keyFor' | 'regionKeys'> = {
      regionKeys: (r) => ring.regionKeys(r),
      keyFor: (kid) => (kid === '371500.k1' ? { ok: false, code: 'XR_KEY_REVOKED', reason: '371500.k1 was revoked' } : ring.keyFor(kid)),
    };
    expect(open(a!.bytes, a!.seal, revoked)).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(open(a!.bytes, 'not a proof')).toMatchObject({ ok: false, code: 'XR_SIGNATURE_MALFORMED', field: `headers.${SEAL_HEADER}` });
    expect(open(a!.bytes, a!.seal.replace('index 0', 'index 7'))).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
    // The sender put an event addressed to 320500 into its batch for 370200.
    const misdirected = event(2, suzhou.code);
    const bytes = canonicalBytes(misdirected);
    const [seal] = new Sealer(liaocheng.signer).seal([{ target: qingdao.code, bytes }]);
    expect(open(bytes, seal!)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID' });
    // Sealed, but not RFC 8785: refused for its form, with the signature known to hold.
    const pretty = new TextEncoder().encode(JSON.stringify(event(3), null, 1));
    const [prettySeal] = new Sealer(liaocheng.signer).seal([{ target: qingdao.code, bytes: pretty }]);
    expect(open(pretty, prettySeal!)).toMatchObject({ ok: false, code: 'XR_ENVELOPE_NOT_CANONICAL', signed: true });
  });

  it('the inbox check: both proofs on one record, or a seal by a region that is not the source, are quarantined', async () => {
    const e = event(1);
    const [a] = sealAll([e]);
    const ctx = {
      self: qingdao.code,
      partitions: 3,
      limits: DEFAULT_RECORD_LIMITS,
      trust: ring,
      now: NOW,
      decide: { self: qingdao.code, now: NOW },
      seen: () => undefined,
      state: () => undefined,
    };
    const record = (headers: Record<string, string>, value = a!.bytes): LogRecord => ({ topic: 't.inbox.370200', partition: partitionFor(e.caseId, 3), offset: 0, id: e.id, key: e.caseId, value, headers, timestamp: T });
    expect(await examine(record({ [SEAL_HEADER]: a!.seal }), ctx)).toMatchObject({ kind: 'accept', proof: { seal: a!.seal } });
    const both = await examine(record({ [SEAL_HEADER]: a!.seal, [JWS_HEADER]: await signDetached(a!.bytes, liaocheng.signer) }), ctx);
    expect(both).toMatchObject({ kind: 'quarantine', problem: { code: 'XR_SIGNATURE_MALFORMED', field: `headers.${SEAL_HEADER}` } });
    const [forged] = sealAll([e], new Sealer(suzhou.signer));
    expect(await examine(record({ [SEAL_HEADER]: forged!.seal }), ctx)).toMatchObject({ kind: 'quarantine', problem: { code: 'XR_KEY_REGION_MISMATCH', field: 'source' } });
  });
});
