/**
 * A gateway that witnesses over HTTP only (`witness: {follow: false, http}`) takes back what it
 * cosigned before a restart: a forked checkpoint of a size it cosigned is answered 409 (C2SP
 * tlog-witness: `old` is not the size it last cosigned), kept as `fork` evidence and raised
 * (`XR_CHECKPOINT_FORK`), never cosigned.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, signingKeyFromJwk } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { createLogger } from '@xr/observability';
import { MerkleTree, ed25519Signer, formatAddCheckpoint, formatCheckpoint, signNote } from '@xr/tlog';
import { parseConfig, startGateway, type GatewayConfig, type RunningGateway } from '../src/index.js';

const own = generateKeyPair('370200.k1');
const partner = generateKeyPair('371500.k1');
const prefix = `t${Math.random().toString(36).slice(2, 8)}`;
const origin = `${prefix}.journal.371500/0`;
const logSigner = ed25519Signer(`${prefix}.journal.371500`, signingKeyFromJwk(partner.privateJwk).privateKey);

function tree(tag: string): MerkleTree {
  const t = new MerkleTree();
  for (let i = 0; i < 10; i++) t.appendData(new TextEncoder().encode(`${tag} record ${i}`));
  return t;
}
const history = tree('a');
const fork = tree('fork');

/** An add-checkpoint body with `old 0` for the tree's size 10, signed by the partner's key. */
function firstBody(t: MerkleTree): string {
  const root = t.root(10);
  if (!root.ok) throw new Error(root.message);
  const text = formatCheckpoint({ origin, size: 10, rootHash: root.value, extensions: [] });
  const note = text.ok ? signNote(text.value, [logSigner]) : text;
  const out = note.ok ? formatAddCheckpoint({ old: 0, proof: [], checkpoint: note.value }) : note;
  if (!out.ok) throw new Error(out.message);
  return out.value;
}

let dir: string;
let log: FileEventLog;
let config: GatewayConfig;
let gw: RunningGateway | undefined;
const lines: { code?: string; msg?: string }[] = [];
const logger = createLogger({
  level: 'error',
  destination: new Writable({
    write: (chunk: Buffer, _e, done) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { code?: string });
      done();
    },
  }),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-gw-witness-restart-'));
  log = await FileEventLog.open({ dir });
  config = parseConfig({
    region: '370200',
    signingKey: own.privateJwk,
    partners: [{ region: '371500', keys: [partner.publicJwk] }],
    eventLog: { kind: 'file', dir },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: 'test', keys: [partner.publicJwk] }] },
    topicPrefix: prefix,
    partitions: 1,
    logLevel: 'silent',
    witness: { follow: false, http: '127.0.0.1:0' },
  });
});

afterAll(async () => {
  await gw?.stop();
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

async function post(body: string): Promise<{ status: number; type: string | null; text: string }> {
  const r = await fetch(`http://127.0.0.1:${gw!.witnessPort}/add-checkpoint`, { method: 'POST', body });
  return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
}

describe('gateway witness over HTTP only, across a restart', () => {
  it('cosigns size 10 before the restart', async () => {
    gw = await startGateway(config, logger, { log });
    expect((await post(firstBody(history))).status).toBe(200);
    await gw.stop();
    gw = undefined;
  });

  it('after the restart answers a forked size 10 with 409 and its size, writes fork evidence and raises XR_CHECKPOINT_FORK', async () => {
    gw = await startGateway(config, logger, { log });
    const r = await post(firstBody(fork));
    expect(r).toEqual({ status: 409, type: 'text/x.tlog.size', text: '10\n' });
    const records = await log.read(`${prefix}.checkpoints`, 0, 0);
    const evidence = records.filter((x) => x.headers['xr-kind'] === 'fork').map((x) => JSON.parse(Buffer.from(x.value).toString()) as { code: string; origin: string; conflicting: string });
    expect(evidence).toEqual([expect.objectContaining({ code: 'XR_CHECKPOINT_FORK', origin, conflicting: firstBody(fork) })]);
    expect(records.filter((x) => x.headers['xr-kind'] === 'cosignature')).toHaveLength(1);
    expect(gw.counters.total('xr_checkpoint_forks_total')).toBe(1);
    expect(lines.some((l) => l.code === 'XR_CHECKPOINT_FORK')).toBe(true);
  });
});
