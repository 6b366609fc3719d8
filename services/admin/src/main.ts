/**
 * The admin service process. Only wires: configuration → logger → admin service → signals.
 *   pnpm admin --config admin.json      (or XR_CONFIG=admin.json)
 */
import { parseArgs } from 'node:util';
import { createLogger } from '@xr/observability';
import { startAdmin } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } } });
  const path = values.config ?? process.env['XR_CONFIG'];
  if (!path) throw new ConfigError('no configuration: pass --config <file> or set XR_CONFIG');
  const config = loadConfig(path, process.env);
  const logger = createLogger({ level: config.logLevel, name: 'xr-admin', base: { admin: config.adminKey.kid } });
  const running = await startAdmin(config, logger);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining');
    running.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`xr-admin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
