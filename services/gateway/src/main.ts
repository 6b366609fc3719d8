/**
 * A region's gateway process. Only wires: configuration → logger → gateway → signals.
 *   pnpm gateway --config gateway.json      (or XR_CONFIG=gateway.json)
 */
import { createLogger } from '@xr/observability';
import { runService } from '@xr/service-kit';
import { startGateway } from './app.js';
import { loadConfig } from './config.js';

runService({
  name: 'xr-gateway',
  load: loadConfig,
  logger: (config) => createLogger({ level: config.logLevel, name: 'xr-gateway', base: { region: config.region } }),
  start: startGateway,
});
