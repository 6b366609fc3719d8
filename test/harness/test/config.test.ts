import { describe, expect, it } from 'vitest';
import { randomClusterId } from '../src/cluster-id.js';
import { kafkaEnvName } from '../src/docker-broker.js';
import { HarnessError } from '../src/errors.js';
import { renderBrokerConfig } from '../src/local-broker.js';
import { kafkaVersion } from '../src/paths.js';
import { parseProperties, renderProperties } from '../src/properties.js';

describe('server.properties template', () => {
  it('substitutes every placeholder and leaves no "${"', async () => {
    const text = await renderBrokerConfig({ port: 41001, controllerPort: 41002, logDirs: '/tmp/xr-kafka-test/kraft' });
    expect(text).not.toContain('${');
    const props = parseProperties(text);
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:41001,CONTROLLER://127.0.0.1:41002');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:41001');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:41002');
    expect(props.get('log.dirs')).toBe('/tmp/xr-kafka-test/kraft');
  });

  it('configures a KRaft single node with explicit topic creation', async () => {
    const props = parseProperties(await renderBrokerConfig({ port: 1, controllerPort: 2, logDirs: '/d' }));
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(props.get('num.partitions')).toBe('1');
    expect(props.get('auto.create.topics.enable')).toBe('false');
    expect(Number(props.get('log.segment.bytes'))).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});

describe('renderProperties', () => {
  it('replaces all occurrences', () => {
    expect(renderProperties('a=${X}\nb=${X}:${Y}\n', { X: '1', Y: '2' })).toBe('a=1\nb=1:2\n');
  });

  it('rejects a placeholder without value', () => {
    expect(() => renderProperties('a=${X}\nb=${MISSING}', { X: '1' })).toThrow(/\$\{MISSING\}/);
  });

  it('rejects a value without placeholder (template and caller drifted)', () => {
    expect(() => renderProperties('a=${X}', { X: '1', Y: '2' })).toThrow(HarnessError);
  });

  it('rejects a malformed placeholder', () => {
    expect(() => renderProperties('a=${lower}', {})).toThrow(/leftover/);
  });
});

describe('helpers', () => {
  it('reads the Kafka version from the pom', () => {
    expect(kafkaVersion()).toMatch(/^3\.9\.\d+$/);
  });

  it('makes 22-char base64url cluster ids that do not look like flags', () => {
    for (let i = 0; i < 200; i++) {
      const id = randomClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });

  it('maps property keys to apache/kafka image env names', () => {
    expect(kafkaEnvName('log.dirs')).toBe('KAFKA_LOG_DIRS');
    expect(kafkaEnvName('abc_def')).toBe('KAFKA_ABC__DEF');
    expect(kafkaEnvName('abc-def.x')).toBe('KAFKA_ABC___DEF_X');
  });
});
