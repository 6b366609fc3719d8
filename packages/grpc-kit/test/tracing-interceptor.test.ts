/**
 * The tracing interceptor without an OpenTelemetry SDK, over a real socket: a call continues the
 * caller's trace with a span id of its own (or starts a trace), the handler reads that traceparent
 * from its metadata, the caller gets it back (in the headers, or in the trailers of a call that
 * fails before any header), and the call's log lines carry the trace id and span id.
 */
import { Writable } from 'node:stream';
import { Client, Metadata, Server, ServerCredentials, credentials, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@xr/observability';
import { callLogger, callTrace, drain, listen, tracingInterceptor } from '../src/index.js';

const raw = { requestStream: false, responseStream: false, requestSerialize: (b: Buffer) => b, requestDeserialize: (b: Buffer) => b, responseSerialize: (b: Buffer) => b, responseDeserialize: (b: Buffer) => b } as const;
const lines: Record<string, unknown>[] = [];
const seen: string[] = [];
const logger = createLogger({
  level: 'info',
  destination: new Writable({
    write(chunk: Buffer, _e, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  }),
});
let server: Server;
let client: Client;

beforeAll(async () => {
  server = new Server({ interceptors: [tracingInterceptor()] });
  server.addService(
    { Echo: { path: '/t.Test/Echo', ...raw }, Fail: { path: '/t.Test/Fail', ...raw } },
    {
      Echo: (call: { metadata: Metadata; request: Buffer }, callback: (e: null, r: Buffer) => void) => {
        seen.push(callTrace(call.metadata)?.traceparent ?? '');
        const log = callLogger(logger, call.metadata);
        log.info('first');
        log.info('second');
        callback(null, call.request);
      },
      Fail: (call: { metadata: Metadata }, callback: (e: Partial<ServiceError>) => void) => {
        seen.push(callTrace(call.metadata)?.traceparent ?? '');
        callback({ code: status.NOT_FOUND, details: 'nothing' });
      },
    },
  );
  const port = await listen(server, '127.0.0.1:0', ServerCredentials.createInsecure());
  client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
});

afterAll(async () => {
  client.close();
  await drain(server, 1_000);
});

function call(path: string, traceparent?: string): Promise<{ headers?: string; trailers?: string; code: number }> {
  const md = new Metadata();
  if (traceparent) md.set('traceparent', traceparent);
  return new Promise((resolve) => {
    let headers: string | undefined;
    const c = client.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, Buffer.from('x'), md, () => undefined);
    c.on('metadata', (m: Metadata) => (headers = m.get('traceparent')[0] as string | undefined));
    c.on('status', (s: StatusObject) => resolve({ ...(headers ? { headers } : {}), trailers: s.metadata.get('traceparent')[0] as string, code: s.code }));
  });
}

it('continues the caller’s trace with a span of its own, the same in the handler and back at the caller', async () => {
  const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  const r = await call('/t.Test/Echo', parent);
  expect(r.code).toBe(status.OK);
  expect(r.headers).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
  expect(r.headers).not.toBe(parent);
  expect(seen.at(-1)).toBe(r.headers);
  const [, traceId, spanId] = r.headers!.split('-');
  expect(lines.filter((l) => l['msg'] === 'first' || l['msg'] === 'second').map((l) => [l['msg'], l['traceId'], l['spanId']])).toEqual([
    ['first', traceId, spanId],
    ['second', traceId, spanId],
  ]);
});

it('starts a trace for a caller without one (or with a malformed one)', async () => {
  for (const given of [undefined, '00-zz-00f067aa0ba902b7-01']) {
    const r = await call('/t.Test/Echo', given);
    expect(r.headers).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(seen.at(-1)).toBe(r.headers);
  }
});

it('sends the traceparent in the trailers of a call that fails before any header', async () => {
  const r = await call('/t.Test/Fail', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  expect(r.code).toBe(status.NOT_FOUND);
  expect(r.trailers ?? r.headers).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
  expect(seen.at(-1)).toBe(r.trailers ?? r.headers);
});
