import { randomClusterId } from './cluster-id.js';
import { freePort } from './free-port.js';
import { renderBrokerConfig } from './local-broker.js';
import { kafkaVersion } from './paths.js';
import { parseProperties } from './properties.js';

const CONTROLLER_PORT = 9093;

export interface DockerBrokerHandle {
  readonly source: 'testcontainers';
  readonly brokers: string[];
  stop(): Promise<void>;
}

/**
 * True when testcontainers finds a working Docker (or compatible) engine within `timeoutMs`.
 * Never throws and prints nothing; testcontainers is loaded only here.
 */
export async function dockerAvailable(timeoutMs = 5_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const probe = (async (): Promise<boolean> => {
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      await getContainerRuntimeClient();
      return true;
    } catch {
      return false;
    }
  })();
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** server.properties key to the apache/kafka image's env name: . -> _, _ -> __, - -> ___. */
export function kafkaEnvName(key: string): string {
  return 'KAFKA_' + key.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase();
}

/**
 * apache/kafka:<pom version> through testcontainers, configured from the same
 * deploy/kafka/server.properties template as the local broker.
 *
 * The client port is mapped 1:1 (host port = container port, picked free on this machine) so
 * the advertised listener can be known before the container starts. `@testcontainers/kafka`'s
 * KafkaContainer is not used: in 11.x it only drives Confluent cp-kafka images.
 */
export async function startDockerBroker(opts: { log?: (line: string) => void } = {}): Promise<DockerBrokerHandle> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  const host = client.info.containerRuntime.host;
  const port = await freePort();
  const image = `apache/kafka:${kafkaVersion()}`;

  const config = parseProperties(await renderBrokerConfig({ port, controllerPort: CONTROLLER_PORT, logDirs: '/tmp/kraft-combined-logs' }));
  config.set('listeners', `PLAINTEXT://0.0.0.0:${port},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}`);
  config.set('advertised.listeners', `PLAINTEXT://${host}:${port}`);
  const environment: Record<string, string> = { CLUSTER_ID: randomClusterId() };
  for (const [key, value] of config) environment[kafkaEnvName(key)] = value;

  opts.log?.(`starting ${image} with testcontainers`);
  const container = await new GenericContainer(image)
    .withEnvironment(environment)
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage('Kafka Server started'))
    .withStartupTimeout(180_000)
    .start();

  return {
    source: 'testcontainers',
    brokers: [`${host}:${port}`],
    async stop(): Promise<void> {
      await container.stop();
    },
  };
}
