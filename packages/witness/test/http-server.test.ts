import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, signingKeyFromJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { FileEventLog } from '@xr/event-log-file';
import { KeyRing, witnessVerifier } from '@xr/exchange';
import { openNote } from '@xr/tlog';
import { Witness, WitnessFollower, startWitnessServer, type RunningWitnessServer } from '@xr/witness';
import { LOG_REGION, ORIGIN, PREFIX, WITNESS_REGION, addCheckpoint, logSigner, signedCheckpoint, tree } from './fixtures.js';

const run = promisify(execFile);
const TOPIC = `${PREFIX}.checkpoints`;
const logJwk = generateKeyPair(`${LOG_REGION}.k1`);
const ownJwk = generateKeyPair(`${WITNESS_REGION}.k1`);
const signer = logSigner(signingKeyFromJwk(logJwk.privateJwk).privateKey);
const stranger = logSigner(signingKeyFromJwk(generateKeyPair(`${LOG_REGION}.k2`).privateJwk).privateKey);
const history = tree(40);
const fork = tree(40, 'fork');

let dir: string;
let log: EventLog;
let witness: Witness;
let server: RunningWitnessServer;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-witness-http-'));
  log = await FileEventLog.open({ dir });
  await log.createTopic(TOPIC, { partitions: 1, timestampType: 'LogAppendTime' });
  const trust = new KeyRing([logJwk.publicJwk, ownJwk.publicJwk]);
  witness = new Witness({ log, topic: TOPIC, prefix: PREFIX, region: WITNESS_REGION, privateKey: signingKeyFromJwk(ownJwk.privateJwk).privateKey, trust });
  server = await startWitnessServer({ witness, address: '127.0.0.1:0', maxBodyBytes: 16 * 1024 });
  url = `http://127.0.0.1:${server.port}/add-checkpoint`;
});

afterAll(async () => {
  await server.close();
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

/** POSTs with the real curl binary: status, content type and body. */
async function curl(body: string, extra: string[] = []): Promise<{ status: number; type: string; body: string }> {
  const file = join(dir, `body-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, body);
  const { stdout } = await run('/usr/bin/curl', ['-s', '-X', 'POST', '--data-binary', `@${file}`, '-H', 'Content-Type: text/plain', '-w', '\n%{http_code} %{content_type}', ...extra, url]);
  const split = stdout.lastIndexOf('\n');
  const tail = stdout.slice(split + 1);
  const space = tail.indexOf(' ');
  return { status: Number(tail.slice(0, space)), type: tail.slice(space + 1), body: stdout.slice(0, split) };
}

const cosignatureKey = witnessVerifier(PREFIX, WITNESS_REGION, ownJwk.publicJwk);

describe('POST /add-checkpoint (C2SP tlog-witness) over a real socket', () => {
  it('cosigns with 200: the body is the cosignature line, which verifies on the checkpoint (curl)', async () => {
    const r = await curl(addCheckpoint(history, 0, 8, signer));
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/^\u2014 xr\.witness\.370200 \S+\n$/);
    expect(openNote(signedCheckpoint(history, 8, signer) + r.body, [cosignatureKey]).ok).toBe(true);
    const persisted = (await log.read(TOPIC, 0, 0)).filter((x) => x.headers['xr-kind'] === 'cosignature');
    expect(persisted).toHaveLength(1);
  });

  it('answers 409 text/x.tlog.size with the size it holds, and the client can re-prove from it (curl)', async () => {
    const r = await curl(addCheckpoint(history, 3, 12, signer));
    expect(r).toMatchObject({ status: 409, type: 'text/x.tlog.size', body: '8\n' });
    expect((await curl(addCheckpoint(history, 8, 12, signer))).status).toBe(200);
  });

  it.each([
    ['the same size with another root', () => addCheckpoint(fork, 12, 12, signer), 422],
    ['a proof that does not verify', () => addCheckpoint(fork, 12, 20, signer), 422],
    ['no trusted signature', () => addCheckpoint(history, 12, 20, stranger), 403],
    ['an origin it does not witness', () => addCheckpoint(history, 0, 5, signer, history, `${PREFIX}.journal.999999/0`), 404],
    ['a malformed body', () => 'old zero\n\nnothing\n', 400],
  ])('answers %s with %d (curl)', async (_name, body, status) => {
    const r = await curl(body());
    expect(r.status).toBe(status);
    expect(r.type).toBe('text/plain; charset=utf-8');
  });

  it('wrote fork evidence for the conflicting submissions and cosigned nothing of them', async () => {
    const all = await log.read(TOPIC, 0, 0);
    expect(all.filter((r) => r.headers['xr-kind'] === 'fork').map((r) => (JSON.parse(Buffer.from(r.value).toString()) as { code: string }).code)).toEqual(['XR_CHECKPOINT_FORK', 'XR_PROOF_INVALID']);
    expect(witness.sizes().get(ORIGIN)).toBe(12);
  });

  it('answers 405 to another method, 404 to another path, 413 past the body limit (fetch)', async () => {
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(url.replace('add-checkpoint', 'other'), { method: 'POST', body: 'x' })).status).toBe(404);
    const big = await fetch(url, { method: 'POST', body: 'old 0\n' + 'A'.repeat(20 * 1024) });
    expect(big.status).toBe(413);
    const big2 = await curl('old 0\n' + 'A'.repeat(20 * 1024), ['-H', 'Transfer-Encoding: chunked']);
    expect(big2.status).toBe(413);
  });

  it('serialises concurrent submissions: of 12 POSTs racing from the same size, exactly one is cosigned (fetch)', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => addCheckpoint(history, 12, 14 + i, signer));
    const before = (await log.read(TOPIC, 0, 0)).filter((r) => r.headers['xr-kind'] === 'cosignature').length;
    const answers = await Promise.all(bodies.map((body) => fetch(url, { method: 'POST', body }).then(async (r) => ({ status: r.status, body: await r.text() }))));
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    const size = witness.sizes().get(ORIGIN)!;
    expect(answers.filter((a) => a.status === 409).every((a) => a.body === `${size}\n`)).toBe(true);
    const after = (await log.read(TOPIC, 0, 0)).filter((r) => r.headers['xr-kind'] === 'cosignature').length;
    expect(after - before).toBe(1);
  });

  it('answers 503 and cosigns nothing when the cosignature cannot be persisted; the same request later succeeds', async () => {
    const failing = Object.create(log) as EventLog;
    let broken = true;
    failing.append = async (topic, records) => {
      if (broken) throw new Error('broker gone');
      return log.append(topic, records);
    };
    const trust = new KeyRing([logJwk.publicJwk, ownJwk.publicJwk]);
    const lonely = new Witness({ log: failing, topic: TOPIC, prefix: PREFIX, region: WITNESS_REGION, privateKey: signingKeyFromJwk(ownJwk.privateJwk).privateKey, trust });
    const other = await startWitnessServer({ witness: lonely, address: '127.0.0.1:0' });
    try {
      const target = `http://127.0.0.1:${other.port}/add-checkpoint`;
      const body = addCheckpoint(history, 0, 3, signer);
      expect((await fetch(target, { method: 'POST', body })).status).toBe(503);
      expect(lonely.sizes().get(ORIGIN)).toBeUndefined();
      broken = false;
      expect((await fetch(target, { method: 'POST', body })).status).toBe(200);
      expect(lonely.sizes().get(ORIGIN)).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('shares its state with the topic follower: a follower started later restores what HTTP cosigned', async () => {
    const trust = new KeyRing([logJwk.publicJwk, ownJwk.publicJwk]);
    const again = new Witness({ log, topic: TOPIC, prefix: PREFIX, region: WITNESS_REGION, privateKey: signingKeyFromJwk(ownJwk.privateJwk).privateKey, trust });
    const follower = new WitnessFollower({ log, topic: TOPIC, prefix: PREFIX, region: WITNESS_REGION, witness: again });
    await follower.start();
    await follower.stop();
    expect(again.sizes().get(ORIGIN)).toBe(witness.sizes().get(ORIGIN));
  });
});
