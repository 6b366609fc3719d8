/**
 * A service process's life: configuration → start → SIGTERM/SIGINT drain → exit 0. A bad
 * configuration exits 2 with its message; anything else that stops the start exits 1.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from '@xr/observability';
import { ConfigError } from './config.js';

export interface ServiceSpec<C> {
  /** The name in messages: `xr-gateway`, `xr-admin`. */
  readonly name: string;
  load(path: string, env: NodeJS.ProcessEnv): C;
  logger(config: C): Logger;
  start(config: C, logger: Logger): Promise<{ stop(): Promise<void> }>;
}

/**
 * The directory the user ran the command in. `pnpm <script>` (and `npm run`) start the script in the
 * workspace root and say where the caller was in `INIT_CWD`: relative paths are the caller's.
 */
export function callerCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env['INIT_CWD'] || process.cwd();
}

export function runService<C>(spec: ServiceSpec<C>): void {
  const main = async (): Promise<void> => {
    const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } } });
    const given = values.config ?? process.env['XR_CONFIG'];
    if (!given) throw new ConfigError('no configuration: pass --config <file> or set XR_CONFIG (see README, "Configuration")');
    const config = spec.load(resolve(callerCwd(), given), process.env);
    const logger = spec.logger(config);
    const running = await spec.start(config, logger);
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
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${spec.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
