/**
 * The C2SP tlog-witness HTTP interface: `POST /add-checkpoint` on node:http, judged by the same
 * witness (same queue, same state, same persistence) as the topic follower. 200 with the
 * cosignature line; 409 `text/x.tlog.size`; 422, 403, 404, 400 as the spec says; 405 for another
 * method, 404 for another path, 413 past the body limit.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@xr/observability';
import type { Witness } from './witness.js';

export interface WitnessServerOptions {
  readonly witness: Witness;
  /** `host:port`; port 0 picks a free one. */
  readonly address: string;
  /** Largest accepted body; default 64 KiB. */
  readonly maxBodyBytes?: number;
  readonly logger?: Logger;
  /** When a request arrived (ms), judging the log key; default the system clock. */
  readonly clock?: () => Date;
}

export interface RunningWitnessServer {
  readonly port: number;
  close(): Promise<void>;
}

export const ADD_CHECKPOINT_PATH = '/add-checkpoint';
const DEFAULT_MAX_BODY = 64 * 1024;

class TooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

export function parseHostPort(address: string): { host: string; port: number } {
  const m = /^(.*):(\d{1,5})$/.exec(address);
  if (!m || Number(m[2]) > 65535) throw new Error(`witness address ${address} is not host:port`);
  const host = m[1]!.replace(/^\[(.*)\]$/, '$1');
  return { host: host === '' ? '0.0.0.0' : host, port: Number(m[2]) };
}

export async function startWitnessServer(o: WitnessServerOptions): Promise<RunningWitnessServer> {
  const limit = o.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== ADD_CHECKPOINT_PATH) return send(res, 404, 'not found\n');
    if (req.method !== 'POST') return send(res, 405, 'method not allowed\n', undefined, { Allow: 'POST' });
    let body: Uint8Array;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      if (error instanceof TooLarge) return send(res, 413, `the body is larger than ${limit} bytes\n`, undefined, { Connection: 'close' });
      throw error;
    }
    const receivedAt = (o.clock?.() ?? new Date()).getTime();
    const verdict = await o.witness.submit({ body, receivedAt, source: 'http' });
    if (verdict.status === 200) return send(res, 200, verdict.cosignature);
    if (verdict.status === 409) return send(res, 409, `${verdict.size}\n`, 'text/x.tlog.size');
    o.logger?.info({ status: verdict.status, code: verdict.code, origin: verdict.origin }, 'add-checkpoint refused');
    return send(res, verdict.status, `${verdict.code}: ${verdict.message}\n`);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      o.logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'add-checkpoint failed');
      if (!res.headersSent) send(res, 503, 'the witness could not persist its answer; retry\n');
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  const { host, port } = parseHostPort(o.address);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  o.logger?.info({ port: bound, path: ADD_CHECKPOINT_PATH }, 'witness listening');
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
