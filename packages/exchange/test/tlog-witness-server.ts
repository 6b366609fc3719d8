/**
 * A small outside witness for tests, speaking C2SP tlog-witness over a real node:http server: it
 * knows one log key, keeps the size and root it last cosigned per origin, answers 409 with its size
 * when `old` is not it, 422 for a proof that fails, and 200 with its cosignature line otherwise.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cosignatureSigner, cosignatureVerifier, formatVerifierKey, openCheckpoint, parseAddCheckpoint, signNote, verifyConsistency, type NoteVerifier } from '@xr/tlog';

export interface TestWitness {
  readonly url: string;
  readonly name: string;
  readonly verifier: NoteVerifier;
  readonly verifierKey: string;
  /** origin → what it cosigned last. */
  readonly state: Map<string, { size: number; root: Uint8Array }>;
  /** Every request body received, in order. */
  readonly bodies: string[];
  /** Replaces the answer (a hostile or broken witness). */
  override?: (body: string) => { status: number; text: string } | undefined;
  close(): Promise<void>;
}

export async function startTestWitness(name: string, log: NoteVerifier, signingKey: KeyObject = generateKeyPairSync('ed25519').privateKey): Promise<TestWitness> {
  const signer = cosignatureSigner(name, signingKey, () => Math.floor(Date.now() / 1000));
  const verifier = cosignatureVerifier(name, createPublicKey(signingKey));
  const state = new Map<string, { size: number; root: Uint8Array }>();
  const bodies: string[] = [];
  const witness: TestWitness = {
    url: '',
    name,
    verifier,
    verifierKey: formatVerifierKey(verifier),
    state,
    bodies,
    close: () => new Promise((r) => server.close(() => r())),
  };
  const answer = (body: string): { status: number; text: string; type?: string } => {
    const overridden = witness.override?.(body);
    if (overridden) return overridden;
    const parsed = parseAddCheckpoint(body);
    if (!parsed.ok) return { status: 400, text: parsed.message };
    const opened = openCheckpoint(parsed.value.checkpoint, { log: [log] });
    if (!opened.ok) return { status: 403, text: opened.message };
    const { origin, size, rootHash } = opened.value.checkpoint;
    const known = state.get(origin) ?? { size: 0, root: new Uint8Array(32) };
    if (parsed.value.old !== known.size) return { status: 409, text: `${known.size}\n`, type: 'text/x.tlog.size' };
    if (known.size > 0 && !verifyConsistency(known.size, size, known.root, rootHash, parsed.value.proof).ok) return { status: 422, text: 'bad proof' };
    const note = signNote(opened.value.note.text, [signer]);
    if (!note.ok) return { status: 500, text: note.message };
    state.set(origin, { size, root: rootHash });
    return { status: 200, text: note.value.slice(opened.value.note.text.length + 1) };
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      const a = req.method === 'POST' && req.url === '/add-checkpoint' ? answer(body) : { status: 404, text: 'not found' };
      res.writeHead(a.status, { 'content-type': a.type ?? 'text/plain; charset=utf-8' });
      res.end(a.text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  (witness as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return witness;
}
