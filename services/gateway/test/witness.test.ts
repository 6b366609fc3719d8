/** A gateway as a witness: it cosigns a partner's checkpoints from the topic and over HTTP (`witness.http`). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, sha256Hex, signingKeyFromJwk } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { createLogger } from '@xr/observability';
import { MerkleTree, ed25519Signer, formatAddCheckpoint, formatCheckpoint, signNote } from '@xr/tlog';
import { parseConfig, startGateway, type RunningGateway } from '../src/index.js';

const own = generateKeyPair('370200.k1');
const partner = generateKeyPair('371500.k1');
const prefix = `t${Math.random().toString(36).slice(2, 8)}`;
const origin = `${prefix}.journal.371500/1`;
const logSigner = ed25519Signer(`${prefix}.journal.371500`, signingKeyFromJwk(partner.privateJwk).privateKey);
const tree = new MerkleTree();
for (let i = 0; i < 9; i++) tree.appendData(new TextEncoder().encode(`record ${i}`));

function body(old: number, size: number): string {
  const root = tree.root(size);
  const proof = old === 0 ? { ok: true as const, value: [] } : tree.consistencyProof(old, size);
  if (!root.ok || !proof.ok) throw new Error('tree');
  const text = formatCheckpoint({ origin, size, rootHash: root.value, extensions: [] });
  const note = text.ok ? signNote(text.value, [logSigner]) : text;
  const out = note.ok ? formatAddCheckpoint({ old, proof: proof.value, checkpoint: note.value }) : note;
  if (!out.ok) throw new Error(out.message);
  return out.value;
}

let dir: string;
let log: FileEventLog;
let gw: RunningGateway;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-gw-witness-'));
  log = await FileEventLog.open({ dir });
  const config = parseConfig({
    region: '370200',
    signingKey: own.privateJwk,
    partners: [{ region: '371500', keys: [partner.publicJwk] }],
    eventLog: { kind: 'file', dir },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: 'test', keys: [partner.publicJwk] }] },
    topicPrefix: prefix,
    partitions: 1,
    logLevel: 'silent',
    witness: { http: '127.0.0.1:0' },
  });
  gw = await startGateway(config, createLogger({ level: 'silent' }), { log });
});

afterAll(async () => {
  await gw.stop();
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe('gateway witness', () => {
  it('serves POST /add-checkpoint on the bound port and cosigns a partner checkpoint', async () => {
    expect(gw.witnessPort).toBeGreaterThan(0);
    const r = await fetch(`http://127.0.0.1:${gw.witnessPort}/add-checkpoint`, { method: 'POST', body: body(0, 4) });
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(new RegExp(`^\u2014 ${prefix}\\.witness\\.370200 `));
  });

  it('cosigns a checkpoint record the partner writes on the topic, from the same state', async () => {
    const value = new TextEncoder().encode(body(4, 9));
    await log.append(`${prefix}.checkpoints`, [{ id: sha256Hex(value), key: origin, value, partition: 0, headers: { 'xr-kind': 'checkpoint' } }]);
    await expect.poll(() => gw.witness?.sizes().get(origin), { timeout: 5000 }).toBe(9);
    expect(gw.counters.total('xr_checkpoint_cosignatures_total')).toBe(2);
  });
});
