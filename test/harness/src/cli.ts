/**
 * `pnpm kafka [--port N] [--controller-port N]`: a local single-node Kafka broker in the
 * foreground, from the Apache Kafka jars (see deploy/kafka). Ctrl-C / SIGTERM stop it cleanly.
 */
import { parseArgs } from 'node:util';
import { startLocalBroker } from './local-broker.js';
import { kafkaVersion } from './paths.js';

function parsePort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${flag} must be a port number (1-65535), got "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'controller-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    process.stdout.write('usage: pnpm kafka [--port N] [--controller-port N]\n');
    return;
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const started = Date.now();
  log(`starting Kafka ${kafkaVersion()} (local jars, KRaft single node)...`);
  const broker = await startLocalBroker({
    port: parsePort(values.port, '--port'),
    controllerPort: parsePort(values['controller-port'], '--controller-port'),
    log,
  });
  log(`ready in ${Date.now() - started} ms; data and logs in ${broker.dataDir} (removed on exit)`);
  process.stdout.write(`KAFKA_BROKERS=${broker.brokers.join(',')}\n`);
  log('Ctrl-C to stop');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping broker...`);
    broker.stop().then(
      () => {
        log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log(`stop failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
