/** The witness follower on real Kafka: cosigns a partner's checkpoints, restarts, refuses a fork made after the restart. */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPair, sha256Hex, signingKeyFromJwk } from '@xr/crypto';
import type { EventLog, LogRecord } from '@xr/event-log';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { KeyRing } from '@xr/exchange';
import { Counters } from '@xr/observability';
import { Witness, WitnessFollower } from '@xr/witness';
import { LOG_REGION, WITNESS_REGION, addCheckpoint, logSigner, tree } from './fixtures.js';

const prefix = `wit${randomUUID().slice(0, 8)}`;
const topic = `${prefix}.checkpoints`;
const origin = `${prefix}.journal.${LOG_REGION}/2`;
const logJwk = generateKeyPair(`${LOG_REGION}.k1`);
const ownJwk = generateKeyPair(`${WITNESS_REGION}.k1`);
const logSign = logSigner(signingKeyFromJwk(logJwk.privateJwk).privateKey, LOG_REGION, prefix);
const history = tree(50);
const fork = tree(50, 'fork');

const log: EventLog = new KafkaEventLog({ brokers: inject('kafkaBrokers').split(','), clientId: 'witness-int' });
afterAll(() => log.close());

async function startFollower(counters: Counters): Promise<{ witness: Witness; follower: WitnessFollower }> {
  const trust = new KeyRing([logJwk.publicJwk, ownJwk.publicJwk]);
  const witness = new Witness({ log, topic, prefix, region: WITNESS_REGION, privateKey: signingKeyFromJwk(ownJwk.privateJwk).privateKey, trust, counters });
  const follower = new WitnessFollower({ log, topic, prefix, region: WITNESS_REGION, witness, counters });
  await follower.start();
  return { witness, follower };
}

async function publish(body: string): Promise<number> {
  const value = new TextEncoder().encode(body);
  const [at] = await log.append(topic, [{ id: sha256Hex(value), key: origin, value, partition: 0, headers: { 'xr-kind': 'checkpoint' } }]);
  return at!.offset;
}

const kind = (records: LogRecord[], k: string): LogRecord[] => records.filter((r) => r.headers['xr-kind'] === k);

describe('WitnessFollower on Kafka', () => {
  it('cosigns, restarts from its own cosignatures, and writes fork evidence instead of cosigning a fork', async () => {
    const counters = new Counters();
    const first = await startFollower(counters);
    await publish(addCheckpoint(history, 0, 7, logSign, history, origin));
    const at = await publish(addCheckpoint(history, 7, 20, logSign, history, origin));
    expect(await first.follower.reached(at, 30_000)).toBe(true);
    await first.follower.stop();
    expect(counters.total('xr_checkpoint_cosignatures_total')).toBe(2);
    expect((await log.describeTopic(topic)).timestampType).toBe('LogAppendTime');

    const again = new Counters();
    const second = await startFollower(again);
    expect(second.follower.stats.restored).toBe(2);
    expect(second.witness.sizes().get(origin)).toBe(20);
    await publish(addCheckpoint(fork, 20, 20, logSign, fork, origin));
    const last = await publish(addCheckpoint(history, 20, 33, logSign, history, origin));
    expect(await second.follower.reached(last, 30_000)).toBe(true);
    await second.follower.stop();

    const records = await log.read(topic, 0, 0);
    expect(kind(records, 'cosignature')).toHaveLength(3);
    expect(kind(records, 'fork')).toHaveLength(1);
    expect(again.total('xr_checkpoint_forks_total')).toBe(1);
    expect(again.total('xr_checkpoint_cosignatures_total')).toBe(1);
    expect(second.witness.sizes().get(origin)).toBe(33);
  });
});
