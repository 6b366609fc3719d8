/**
 * `GET /metrics` on node:http, the address from the process's `metrics.address`. Nothing else is
 * served; the endpoint carries counts and timings, no personal data and no case ids.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@xr/observability';
import { MetricsRegistry, type MetricsRegistryOptions } from './registry.js';

export interface RunningMetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(metrics: MetricsRegistry, address: string, logger: Logger): Promise<RunningMetricsServer> {
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at).replace(/^\[|\]$/g, '');
  const port = Number(address.slice(at + 1));
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    metrics.text().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      (error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'metrics scrape failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('scrape failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  logger.info({ address: `${host}:${bound}` }, 'metrics endpoint: GET /metrics');
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The registry and its endpoint together, when `address` is set (a process's `metrics.address`); undefined when off. */
export async function serveMetrics(address: string | undefined, options: MetricsRegistryOptions & { readonly logger: Logger }): Promise<RunningMetricsServer | undefined> {
  if (address === undefined) return undefined;
  const metrics = new MetricsRegistry(options);
  try {
    const running = await startMetricsServer(metrics, address, options.logger);
    return {
      port: running.port,
      close: async () => {
        metrics.close();
        await running.close();
      },
    };
  } catch (error) {
    metrics.close();
    throw error;
  }
}
