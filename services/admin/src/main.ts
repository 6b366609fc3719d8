/**
 * The admin service process. Only wires: configuration → logger → admin service → signals.
 *   pnpm admin --config admin.json      (or XR_CONFIG=admin.json)
 */
import { createLogger } from '@xr/observability';
import { runService } from '@xr/service-kit';
import { startAdmin } from './app.js';
import { loadConfig } from './config.js';

runService({
  name: 'xr-admin',
  load: loadConfig,
  logger: (config) => createLogger({ level: config.logLevel, name: 'xr-admin', base: { admin: config.adminKey.kid } }),
  start: (config, logger) => startAdmin(config, logger),
});
