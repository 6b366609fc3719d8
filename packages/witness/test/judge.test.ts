import { describe, expect, it } from 'vitest';
import { cosignatureVerifier, ed25519Verifier, formatAddCheckpoint, formatCheckpoint, openCheckpoint, openNote, signNote, type NoteVerifier } from '@xr/tlog';
import { RECENT_KEPT, absorb, judge, remember, type OriginState, type Verdict } from '@xr/witness';
import { ORIGIN, PREFIX, LOG_REGION, addCheckpoint, keyPair, logSigner, must, signedCheckpoint, tree } from './fixtures.js';

const logKey = keyPair();
const witnessKey = keyPair();
const stranger = keyPair();
const signer = logSigner(logKey.privateKey);
const logVerifier = ed25519Verifier(`${PREFIX}.journal.${LOG_REGION}`, logKey.publicKey);
const witness = { name: `${PREFIX}.witness.370200`, privateKey: witnessKey.privateKey };
const witnessVerifier = cosignatureVerifier(witness.name, witnessKey.publicKey);
const history = tree(20);
const other = tree(20, 'b');

function run(body: string, state?: OriginState, opts: { verifiers?: readonly NoteVerifier[]; firstUse?: boolean } = {}): Verdict {
  return judge({
    body,
    state: (origin) => (origin === ORIGIN ? state : undefined),
    verifiers: (origin) => (origin === ORIGIN ? (opts.verifiers ?? [logVerifier]) : undefined),
    witness,
    now: 1_780_000_000,
    ...(opts.firstUse ? { firstUse: true } : {}),
  });
}

function cosigned(size: number, state?: OriginState): OriginState {
  const v = run(addCheckpoint(history, state?.latest.size ?? 0, size, signer), state);
  if (v.status !== 200) throw new Error(`expected 200, got ${v.status} ${'message' in v ? v.message : ''}`);
  return v.state;
}

describe('judge: cosigning', () => {
  it('cosigns a first checkpoint (old 0): the line is a cosignature v1 by the witness key, the note opens with both keys', () => {
    const v = run(addCheckpoint(history, 0, 5, signer));
    expect(v.status).toBe(200);
    if (v.status !== 200) return;
    expect(v.cosignature).toMatch(/^\u2014 xr\.witness\.370200 [A-Za-z0-9+/=]+\n$/);
    const opened = must(openCheckpoint(v.note, { log: [logVerifier], witnesses: [witnessVerifier] }));
    expect(opened.witnessed).toHaveLength(1);
    expect(opened.checkpoint.size).toBe(5);
    // The response line appended to the submitted checkpoint verifies too (what a C2SP client does).
    expect(openNote(signedCheckpoint(history, 5, signer) + v.cosignature, [witnessVerifier]).ok).toBe(true);
    expect(v.state.latest.size).toBe(5);
  });

  it('cosigns a consistent larger checkpoint and keeps the older size remembered', () => {
    const s = cosigned(10, cosigned(5));
    expect(s.latest.size).toBe(10);
    expect([...s.recent.keys()]).toEqual([5, 10]);
  });

  it('answers a replay of the same checkpoint (old = size = cosigned, same root) with 200 again (idempotent)', () => {
    const s = cosigned(5);
    const v = run(addCheckpoint(history, 5, 5, signer), s);
    expect(v.status).toBe(200);
    if (v.status === 200) expect(v.state.latest.size).toBe(5);
  });

  it('drops signatures of unknown keys from the stored note', () => {
    const note = must(signNote(must(formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: must(history.root(3)), extensions: [] })), [signer, logSigner(stranger.privateKey, '999999')]));
    const v = run(must(formatAddCheckpoint({ old: 0, proof: [], checkpoint: note })));
    expect(v.status).toBe(200);
    if (v.status === 200) expect(v.note).not.toContain('journal.999999');
  });

  it('with firstUse, takes a first checkpoint whose old is not 0; without, answers 409 size 0', () => {
    expect(run(addCheckpoint(history, 5, 10, signer), undefined, { firstUse: true }).status).toBe(200);
    const v = run(addCheckpoint(history, 5, 10, signer));
    expect(v.status).toBe(409);
    if (v.status === 409) expect(v.size).toBe(0);
  });
});

describe('judge: refusals (C2SP tlog-witness statuses)', () => {
  const s10 = cosigned(10, cosigned(5));
  const tampered = addCheckpoint(history, 0, 5, signer).replace(/\n5\n/, '\n6\n');
  const cases: ReadonlyArray<{ name: string; body: string; state?: OriginState; verifiers?: readonly NoteVerifier[]; status: number; code: string; fork?: string; size?: number }> = [
    { name: 'old is not what was last cosigned', body: addCheckpoint(history, 5, 12, signer), state: s10, status: 409, code: 'XR_CHECKPOINT_STALE', size: 10 },
    { name: 'an older checkpoint replayed (stale, consistent)', body: addCheckpoint(history, 0, 5, signer), state: s10, status: 409, code: 'XR_CHECKPOINT_STALE', size: 10 },
    { name: 'an older size cosigned with another root', body: addCheckpoint(other, 0, 5, signer), state: s10, status: 409, code: 'XR_CHECKPOINT_STALE', size: 10, fork: 'XR_CHECKPOINT_FORK' },
    { name: 'same size, another root', body: addCheckpoint(other, 10, 10, signer), state: s10, status: 422, code: 'XR_CHECKPOINT_FORK', fork: 'XR_CHECKPOINT_FORK' },
    { name: 'a proof that does not verify (another history)', body: addCheckpoint(other, 10, 15, signer), state: s10, status: 422, code: 'XR_PROOF_INVALID', fork: 'XR_PROOF_INVALID' },
    { name: 'size 0 with a root other than the empty tree', body: must(formatAddCheckpoint({ old: 0, proof: [], checkpoint: must(signNote(`${ORIGIN}\n0\n${Buffer.alloc(32, 7).toString('base64')}\n`, [signer])) })), status: 422, code: 'XR_PROOF_INVALID' },
    { name: 'proof lines after old 0', body: must(formatAddCheckpoint({ old: 0, proof: [must(history.root(2))], checkpoint: signedCheckpoint(history, 5, signer) })), status: 422, code: 'XR_PROOF_INVALID' },
    { name: 'signed by no trusted key', body: addCheckpoint(history, 0, 5, logSigner(stranger.privateKey)), status: 403, code: 'XR_CHECKPOINT_SIGNATURE_INVALID' },
    { name: 'a trusted key whose signature fails (body altered)', body: tampered, status: 403, code: 'XR_CHECKPOINT_SIGNATURE_INVALID' },
    { name: 'a partner with no key valid at that time (revoked)', body: addCheckpoint(history, 0, 5, signer), verifiers: [], status: 403, code: 'XR_CHECKPOINT_SIGNATURE_INVALID' },
    { name: 'an origin this witness does not witness', body: addCheckpoint(history, 0, 5, signer, history, `${PREFIX}.journal.370200/0`), status: 404, code: 'XR_CHECKPOINT_ORIGIN_UNKNOWN' },
    { name: 'old larger than the size', body: addCheckpoint(history, 0, 5, signer).replace(/^old 0/, 'old 9'), status: 400, code: 'XR_PROOF_MALFORMED' },
    { name: 'no old line', body: 'hello\n\nworld\n', status: 400, code: 'XR_PROOF_MALFORMED' },
    { name: 'a note with no signature block', body: `old 0\n\n${ORIGIN}\n5\n${must(history.root(5)).toString()}\n`, status: 400, code: 'XR_NOTE_MALFORMED' },
    { name: 'a note whose text is no checkpoint', body: must(formatAddCheckpoint({ old: 0, proof: [], checkpoint: must(signNote('just text\n', [signer])) })), status: 400, code: 'XR_CHECKPOINT_MALFORMED' },
  ];
  it.each(cases)('$name → $status $code', (c) => {
    const v = run(c.body, c.state, c.verifiers ? { verifiers: c.verifiers } : {});
    expect(v.status).toBe(c.status);
    if (v.status === 200) return;
    expect(v.code).toBe(c.code);
    if (c.size !== undefined && v.status === 409) expect(v.size).toBe(c.size);
    const fork = (v.status === 409 || v.status === 422) && v.fork ? v.fork : undefined;
    expect(fork?.code).toBe(c.fork);
    if (fork) expect(fork.cosigned).toContain(`${ORIGIN}\n`);
  });

  it('never throws on binary garbage', () => {
    expect(judge({ body: new Uint8Array([0xff, 0xfe, 0, 1]), state: () => undefined, verifiers: () => [logVerifier], witness, now: 1 }).status).toBe(400);
  });

  it('remembers at most RECENT_KEPT sizes, forgetting the earliest, and never moves latest backwards', () => {
    let s = remember(undefined, { size: 10, root: new Uint8Array(32), note: 'n' });
    const before = s;
    s = remember(s, { size: 4, root: new Uint8Array(32), note: 'n' });
    expect(s.latest.size).toBe(10);
    expect(before.recent.size).toBe(1); // remember makes a new value
    let big: OriginState | undefined;
    for (let i = 1; i <= RECENT_KEPT + 5; i++) big = absorb(big, { size: i, root: new Uint8Array(32), note: 'n' });
    expect(big!.recent.size).toBe(RECENT_KEPT);
    expect(big!.recent.has(5)).toBe(false);
    expect(big!.recent.has(6)).toBe(true);
    expect(big!.latest.size).toBe(RECENT_KEPT + 5);
  });
});
