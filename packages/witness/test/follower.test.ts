import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPair, sha256Hex, signingKeyFromJwk } from '@xr/crypto';
import type { EventLog, LogRecord } from '@xr/event-log';
import { FileEventLog } from '@xr/event-log-file';
import { KeyRing, witnessVerifier, journalVerifier, type Trust } from '@xr/exchange';
import { Counters } from '@xr/observability';
import { openCheckpoint } from '@xr/tlog';
import { Witness, WitnessFollower } from '@xr/witness';
import { LOG_REGION, ORIGIN, PREFIX, WITNESS_REGION, addCheckpoint, logSigner, tree } from './fixtures.js';

const TOPIC = `${PREFIX}.checkpoints`;
const logJwk = generateKeyPair(`${LOG_REGION}.k1`);
const ownJwk = generateKeyPair(`${WITNESS_REGION}.k1`);
const logKey = signingKeyFromJwk(logJwk.privateJwk);
const own = signingKeyFromJwk(ownJwk.privateJwk);
const signer = logSigner(logKey.privateKey);
const history = tree(30);
const fork = tree(30, 'fork');

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function openLog(): Promise<{ log: EventLog; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'xr-witness-'));
  const log = await FileEventLog.open({ dir });
  cleanup.push(async () => {
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { log, dir };
}

async function startWitness(log: EventLog, counters = new Counters(), trust: Trust = new KeyRing([logJwk.publicJwk, ownJwk.publicJwk])): Promise<{ follower: WitnessFollower; witness: Witness; counters: Counters }> {
  const witness = new Witness({ log, topic: TOPIC, prefix: PREFIX, region: WITNESS_REGION, privateKey: own.privateKey, trust, counters });
  const follower = new WitnessFollower({ log, topic: TOPIC, prefix: PREFIX, region: WITNESS_REGION, witness, counters });
  await follower.start();
  cleanup.push(() => follower.stop());
  return { follower, witness, counters };
}

async function publish(log: EventLog, body: string, key = ORIGIN): Promise<number> {
  const value = new TextEncoder().encode(body);
  const [at] = await log.append(TOPIC, [{ id: sha256Hex(value), key, value, partition: 0, headers: { 'xr-kind': 'checkpoint' } }]);
  return at!.offset;
}

async function records(log: EventLog, kind: string): Promise<LogRecord[]> {
  return (await log.read(TOPIC, 0, 0)).filter((r) => r.headers['xr-kind'] === kind);
}

const witnessKeys = [witnessVerifier(PREFIX, WITNESS_REGION, ownJwk.publicJwk)];
const logKeys = [journalVerifier(PREFIX, LOG_REGION, logJwk.publicJwk)];

describe('WitnessFollower on the embedded log', () => {
  it("cosigns a partner's consistent checkpoints, each persisted as a cosignature record that opens with both keys", async () => {
    const { log } = await openLog();
    const { follower, counters } = await startWitness(log);
    await publish(log, addCheckpoint(history, 0, 5, signer));
    const last = await publish(log, addCheckpoint(history, 5, 12, signer));
    expect(await follower.reached(last)).toBe(true);
    const cosigned = await records(log, 'cosignature');
    expect(cosigned.map((r) => r.key)).toEqual([ORIGIN, ORIGIN]);
    for (const r of cosigned) {
      expect(r.id).toBe(sha256Hex(r.value));
      const opened = openCheckpoint(r.value, { log: logKeys, witnesses: witnessKeys });
      expect(opened.ok && opened.value.witnessed.length).toBe(1);
    }
    expect(counters.total('xr_checkpoint_cosignatures_total')).toBe(2);
  });

  it('after a restart, takes its state back from its own records and never cosigns a fork made after it', async () => {
    const { log } = await openLog();
    const first = await startWitness(log);
    await publish(log, addCheckpoint(history, 0, 5, signer));
    const at10 = await publish(log, addCheckpoint(history, 5, 10, signer));
    expect(await first.follower.reached(at10)).toBe(true);
    await first.follower.stop();

    const second = await startWitness(log);
    expect(second.follower.stats.restored).toBe(2);
    expect(second.witness.sizes().get(ORIGIN)).toBe(10);
    // The log shows another history at size 10, and a "first" checkpoint of it from 0.
    await publish(log, addCheckpoint(fork, 10, 10, signer));
    await publish(log, addCheckpoint(fork, 0, 14, signer));
    const next = await publish(log, addCheckpoint(history, 10, 15, signer));
    expect(await second.follower.reached(next)).toBe(true);

    const cosigned = await records(log, 'cosignature');
    expect(cosigned).toHaveLength(3); // 5, 10, 15: nothing of the fork
    const forks = await records(log, 'fork');
    expect(forks).toHaveLength(1);
    const evidence = JSON.parse(new TextDecoder().decode(forks[0]!.value)) as Record<string, string>;
    expect(Object.keys(evidence)).toEqual(['at', 'code', 'conflicting', 'cosigned', 'origin', 'witness']);
    expect(evidence).toMatchObject({ code: 'XR_CHECKPOINT_FORK', origin: ORIGIN, witness: `${PREFIX}.witness.${WITNESS_REGION}` });
    expect(evidence.conflicting).toBe(addCheckpoint(fork, 10, 10, signer)); // Ed25519 is deterministic
    expect(openCheckpoint(evidence.cosigned!, { log: logKeys, witnesses: witnessKeys }).ok).toBe(true);
    expect(second.counters.total('xr_checkpoint_forks_total')).toBe(1);
    expect(second.witness.sizes().get(ORIGIN)).toBe(15);
    await second.follower.stop();

    // A third start re-reads the fork record: the evidence is not written twice, nothing new is cosigned.
    const third = await startWitness(log);
    const end = (await log.endOffset(TOPIC, 0)) - 1;
    expect(await third.follower.reached(end)).toBe(true);
    expect(await records(log, 'fork')).toHaveLength(1);
    expect(await records(log, 'cosignature')).toHaveLength(3);
    expect(third.witness.sizes().get(ORIGIN)).toBe(15);
  });

  it('skips what is not a partner checkpoint: its own origin, a stranger key, an unknown region, garbage', async () => {
    const { log } = await openLog();
    const { follower, counters } = await startWitness(log);
    const ownOrigin = `${PREFIX}.journal.${WITNESS_REGION}/0`;
    await publish(log, addCheckpoint(history, 0, 5, logSigner(own.privateKey, WITNESS_REGION), history, ownOrigin), ownOrigin);
    await publish(log, addCheckpoint(history, 0, 5, logSigner(generateKeyPairAsKey())));
    await publish(log, addCheckpoint(history, 0, 5, logSigner(logKey.privateKey, '110000'), history, `${PREFIX}.journal.110000/0`), `${PREFIX}.journal.110000/0`);
    await publish(log, 'old 0\n\nnot a note');
    const last = await publish(log, addCheckpoint(history, 0, 3, signer));
    expect(await follower.reached(last)).toBe(true);
    expect(await records(log, 'cosignature')).toHaveLength(1);
    expect(counters.get('xr_checkpoint_refused_total', { reason: 'XR_CHECKPOINT_SIGNATURE_INVALID' })).toBe(1);
    expect(counters.total('xr_checkpoint_refused_total')).toBe(2);
  });
});

/** The registry's view of a partner that can be suspended and resumed (the Trust port over a KeyRing). */
function suspendable(): Trust & { suspended: boolean } {
  const ring = new KeyRing([logJwk.publicJwk, ownJwk.publicJwk]);
  const trust = {
    suspended: false,
    keyFor: (kid: string) => ring.keyFor(kid),
    regions: () => new Set([...ring.regions()].filter((r) => !(trust.suspended && r === LOG_REGION))),
    regionKeys: (region: string) => ring.regionKeys(region),
  };
  return trust;
}

/** The embedded log whose appends of cosignatures fail while `failing` is set (a full disk, a lost broker). */
function flaky(log: EventLog): EventLog & { failing: boolean } {
  const wrapped = Object.create(log) as EventLog & { failing: boolean };
  wrapped.failing = false;
  wrapped.append = async (topic, records) => {
    if (wrapped.failing && records.some((r) => r.headers?.['xr-kind'] === 'cosignature')) throw new Error('append failed');
    return log.append(topic, records);
  };
  return wrapped;
}

describe('WitnessFollower across refusals and failures', () => {
  it('keeps witnessing an origin after checkpoints it could not judge (partner suspended), through their proofs', async () => {
    const { log } = await openLog();
    const trust = suspendable();
    const { follower, witness, counters } = await startWitness(log, new Counters(), trust);
    expect(await follower.reached(await publish(log, addCheckpoint(history, 0, 5, signer)))).toBe(true);
    trust.suspended = true;
    expect(await follower.reached(await publish(log, addCheckpoint(history, 5, 9, signer)))).toBe(true);
    expect(await follower.reached(await publish(log, addCheckpoint(history, 9, 12, signer)))).toBe(true);
    expect(witness.sizes().get(ORIGIN)).toBe(5);
    trust.suspended = false;
    // old 12 is not the cosigned 5, but 5 → 9 → 12 → 20 is a chain of verified proofs.
    expect(await follower.reached(await publish(log, addCheckpoint(history, 12, 20, signer)))).toBe(true);
    expect(witness.sizes().get(ORIGIN)).toBe(20);
    // A chain through another history does not bridge: nothing of it is cosigned.
    trust.suspended = true;
    await publish(log, addCheckpoint(fork, 20, 25, signer, history));
    trust.suspended = false;
    expect(await follower.reached(await publish(log, addCheckpoint(fork, 25, 28, signer)))).toBe(true);
    expect(witness.sizes().get(ORIGIN)).toBe(20);
    expect(counters.total('xr_checkpoint_cosignatures_total')).toBe(2);
  });

  it('counts a cosignature only once it is on the log: a failed append is retried, never skipped', async () => {
    const { log } = await openLog();
    const unreliable = flaky(log);
    const { follower, witness } = await startWitness(unreliable);
    expect(await follower.reached(await publish(log, addCheckpoint(history, 0, 5, signer)))).toBe(true);
    unreliable.failing = true;
    const at = await publish(log, addCheckpoint(history, 5, 10, signer));
    expect(await follower.reached(at, 600)).toBe(false);
    expect(witness.sizes().get(ORIGIN)).toBe(5);
    expect(await records(log, 'cosignature')).toHaveLength(1);
    unreliable.failing = false;
    expect(await follower.reached(at, 10_000)).toBe(true);
    expect(witness.sizes().get(ORIGIN)).toBe(10);
    expect(await records(log, 'cosignature')).toHaveLength(2);
  });
});

function generateKeyPairAsKey() {
  return signingKeyFromJwk(generateKeyPair(`${LOG_REGION}.k9`).privateJwk).privateKey;
}

describe('WitnessFollower re-reading the topic', () => {
  it('writes no second cosignature when the same checkpoint record is published again', async () => {
    const { log } = await openLog();
    const { follower } = await startWitness(log);
    const body = addCheckpoint(history, 0, 6, signer);
    await publish(log, body);
    const again = await publish(log, body);
    const same = await publish(log, addCheckpoint(history, 6, 6, signer));
    expect(await follower.reached(Math.max(again, same))).toBe(true);
    expect(await records(log, 'cosignature')).toHaveLength(1);
  });
});
