import { describe, expect, it } from 'vitest';
import { trueLevel } from '../src/log-level.js';

describe('kafkajs log lines at their true level', () => {
  it.each([
    ['Connection', 'Response CreateTopics(key: 19, version: 3)', 'Topic with this name already exists'],
    ['Connection', 'Response InitProducerId(key: 22, version: 1)', 'The coordinator is not available'],
    ['Connection', 'Response Metadata(key: 3, version: 6)', 'There is no leader for this topic-partition as we are in the middle of a leadership election'],
    ['Connection', 'Response Produce(key: 0, version: 7)', 'This server does not host this topic-partition'],
  ])('%s "%s" (%s), expected and retried, is info', (namespace, message, error) => {
    expect(trueLevel('error', namespace, message, error)).toBe('info');
  });

  it('keeps everything else at kafkajs’s level', () => {
    expect(trueLevel('error', 'Connection', 'Response Produce(key: 0, version: 7)', 'Not authorized to access topics: [Topic authorization failed]')).toBe('error');
    expect(trueLevel('error', 'Connection', 'Connection error: connect ECONNREFUSED 127.0.0.1:9092', undefined)).toBe('error');
    expect(trueLevel('warn', 'Producer', 'something already exists', 'already exists')).toBe('warn');
  });
});
