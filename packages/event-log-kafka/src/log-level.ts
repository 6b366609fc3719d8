/**
 * kafkajs logs a broker's answer to a request it will retry, or that means nothing is wrong, at
 * error level ("Connection: Response CreateTopics" for a topic that already exists, "Response
 * InitProducerId" while the transaction coordinator is still loading at start). Operators then see
 * errors at every start. Their true level: these are expected and retried, so `info`; everything
 * else keeps kafkajs's level.
 */
const EXPECTED = [
  /already exists/i, // createTopic is idempotent: another process (or an earlier start) made it
  /coordinator (?:is )?(?:not available|load in progress)|COORDINATOR_(?:NOT_AVAILABLE|LOAD_IN_PROGRESS)|not the correct coordinator|NOT_COORDINATOR/i,
  /leadership election|LEADER_NOT_AVAILABLE|There is no leader for this topic-partition/i,
  /does not host this topic-partition|UNKNOWN_TOPIC_OR_PARTITION/i, // a topic just created, metadata catching up
];

export type KafkaLogLevel = 'error' | 'warn' | 'info';

export function trueLevel(level: 'error' | 'warn', namespace: string, message: string, error: string | undefined): KafkaLogLevel {
  if (namespace === 'Connection' && message.startsWith('Response ') && error !== undefined && EXPECTED.some((re) => re.test(error))) return 'info';
  return level;
}
