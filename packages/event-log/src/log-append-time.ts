/**
 * Topics whose record timestamps judge a key (a partner's inbox, the registry, any later topic
 * read the same way) must be stamped by the log, not by the producer: a producer holding a revoked
 * key could otherwise write an hour-old timestamp next to an hour-old signed time.
 */
import type { EventLog, TopicDescription } from './port.js';

/** An existing topic whose timestamps its producers choose: the process must not start on it. */
export class TopicTimestampError extends Error {
  override readonly name = 'TopicTimestampError';
  constructor(
    readonly topic: string,
    readonly found: string,
  ) {
    super(
      `topic ${topic} has message.timestamp.type=${found}: its record timestamps judge signing keys, so the log must stamp them ` +
        `(message.timestamp.type=LogAppendTime), else a producer can backdate a record past a key's revocation. ` +
        `Fix the topic, e.g. kafka-configs.sh --alter --entity-type topics --entity-name ${topic} --add-config message.timestamp.type=LogAppendTime`,
    );
  }
}

/** Creates the topic with LogAppendTime if it does not exist; refuses an existing one that is not. */
export async function ensureLogAppendTime(log: EventLog, topic: string, partitions: number): Promise<TopicDescription> {
  await log.createTopic(topic, { partitions, timestampType: 'LogAppendTime' });
  const described = await log.describeTopic(topic);
  if (described.timestampType !== 'LogAppendTime') throw new TopicTimestampError(topic, described.timestampType);
  return described;
}
