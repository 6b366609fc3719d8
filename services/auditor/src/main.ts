/**
 * The auditor service process. Only wires: configuration → logger → auditor service → signals.
 *   pnpm auditor --config auditor.json      (or XR_CONFIG=auditor.json)
 */
import { createLogger } from '@xr/observability';
import { runService } from '@xr/service-kit';
import { startAuditor } from './app.js';
import { loadConfig } from './config.js';

runService({
  name: 'xr-auditor',
  load: loadConfig,
  logger: (config) => createLogger({ level: config.logLevel, name: 'xr-auditor' }),
  start: (config, logger) => startAuditor(config, logger),
});
