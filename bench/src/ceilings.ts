/**
 * The machine's own ceilings, measured in the same run as the end-to-end figures so the ratios
 * compare like with like on a shared box: Ed25519 sign and verify on one core (node:crypto,
 * synchronous, cached KeyObjects, over the same signing input a JWS of the envelope covers), and
 * raw kafkajs produce and consume on the same broker with records of the journal record's size.
 */
import { createPublicKey, randomUUID, sign, verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { canonicalBytes, signDetached } from '@xr/crypto';
import { GENESIS_HASH } from '@xr/domain';
import { journalRecord, regionPair, submittedEnvelope } from './fixtures.js';
import { rateResult, rateSync, roundRate, type BenchResult, type Budget, type Progress } from './measure.js';

/** `ed25519_sign_per_s_1core` and `ed25519_verify_per_s_1core`. */
export async function ed25519Ceilings(budget: Budget): Promise<BenchResult[]> {
  const { sender } = regionPair();
  const payload = canonicalBytes(submittedEnvelope());
  const jws = await signDetached(payload, sender.signer);
  const [protectedHeader, , signature] = jws.split('.');
  // The JWS signing input with b64:false: ASCII(protected) || '.' || payload bytes.
  const input = Buffer.concat([Buffer.from(`${protectedHeader ?? ''}.`, 'ascii'), payload]);
  const sig = Buffer.from(signature ?? '', 'base64url');
  const publicKey = createPublicKey(sender.signer.privateKey);
  if (!verify(null, input, publicKey, sig)) throw new Error('ceiling: the JWS signature does not verify over its signing input');
  return [
    rateResult('ed25519_sign_per_s_1core', 'ops/s', rateSync(() => sign(null, input, sender.signer.privateKey), budget, 16), `node:crypto sign(null, …) on one thread, ${input.byteLength}-byte JWS signing input of the case.submitted envelope`),
    rateResult('ed25519_verify_per_s_1core', 'ops/s', rateSync(() => verify(null, input, publicKey, sig), budget, 16), 'node:crypto verify(null, …) on one thread, same input'),
  ];
}

export interface KafkaCeilingOptions {
  readonly brokers: readonly string[];
  readonly seconds: number;
  readonly progress: Progress;
}

/** `kafka_produce_msgs_per_s` and `kafka_consume_msgs_per_s`: raw kafkajs, acks=all, fresh topic with 3 partitions. */
export async function kafkaCeilings(o: KafkaCeilingOptions): Promise<BenchResult[]> {
  const { sender } = regionPair();
  const event = submittedEnvelope();
  const jws = await signDetached(canonicalBytes(event), sender.signer);
  const value = Buffer.from(canonicalBytes(journalRecord(event, jws, GENESIS_HASH, 0)));
  const kafka = new Kafka({ clientId: 'xr-bench-ceiling', brokers: [...o.brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const topic = `bench-ceiling-${randomUUID().slice(0, 8)}`;
  const BATCH = 200;
  const SENDERS = 4;
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${topic}.reader`, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  try {
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: -1 }] });
    await producer.connect();
    const messages = Array.from({ length: BATCH }, (_, i) => ({ key: `case-${i}`, value, headers: { 'xr-id': randomUUID() } }));
    await producer.send({ topic, acks: -1, messages: messages.slice(0, 10) });
    let produced = 10;
    const start = performance.now();
    const end = start + o.seconds * 1000;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (performance.now() < end) {
          await producer.send({ topic, acks: -1, messages });
          produced += BATCH;
        }
      }),
    );
    const produceS = (performance.now() - start) / 1000;
    o.progress(`ceiling: produced ${produced} records of ${value.byteLength} bytes in ${produceS.toFixed(1)} s`);

    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let consumed = 0;
    let first = 0;
    let last = 0;
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachBatch: async ({ batch }) => {
          if (first === 0) first = performance.now();
          consumed += batch.messages.length;
          last = performance.now();
          if (consumed >= produced) resolve();
        },
      });
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, Math.max(30_000, o.seconds * 4_000)));
    await Promise.race([done, timeout]);
    const consumeS = (last - first) / 1000;
    return [
      { name: 'kafka_produce_msgs_per_s', unit: 'msgs/s', value: roundRate(produced / produceS), n: produced, notes: `raw kafkajs producer (not idempotent), acks=all, ${SENDERS} concurrent sends of ${BATCH} records, ${value.byteLength}-byte values, 3 partitions, ${produceS.toFixed(1)} s` },
      { name: 'kafka_consume_msgs_per_s', unit: 'msgs/s', value: consumed > 0 && consumeS > 0 ? roundRate(consumed / consumeS) : null, n: consumed, notes: `raw kafkajs consumer group (eachBatch, fromBeginning) over those records, first batch to last; group join not counted` },
    ];
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
