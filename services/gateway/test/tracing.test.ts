/**
 * OpenTelemetry over real sockets: two gateways (青岛 370200 and 聊城 371500, in-process on one
 * embedded log) export their spans over OTLP/HTTP (JSON) to a receiver in this test (node:http).
 * One SubmitCase at 青岛 with the caller's traceparent: the receiver gets spans from BOTH regions
 * sharing the caller's trace id, linked parent → child from the gRPC call through 青岛's inbox,
 * pipeline and outbox, across the log into 聊城's pipeline, and back. The same call's log lines all
 * carry its trace id and span id. The configuration takes the standard OTEL_ variables.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metadata, credentials, type ServiceError } from '@grpc/grpc-js';
import { bearerInterceptor, generateIssuerKeyPair, issueToken } from '@xr/auth';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { checkHealth } from '@xr/grpc-kit';
import { createLogger } from '@xr/observability';
import { loadServices, type Case__Output } from '@xr/proto';
import { ConfigError, parseConfig, startGateway, type RunningGateway } from '../src/index.js';

const QD = { code: '370200', key: generateKeyPair(makeKid('370200', 1)) };
const LC = { code: '371500', key: generateKeyPair(makeKid('371500', 1)) };
const issuer = generateIssuerKeyPair('xr-trace-test');
const prefix = `t${Math.random().toString(36).slice(2, 8)}`;

interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly region: string;
  readonly service: string;
}

/** The OTLP/HTTP receiver: every POST /v1/traces body (OTLP JSON), flattened to spans. */
const received: OtlpSpan[] = [];
const contentTypes = new Set<string>();
let receiver: Server;
let dir: string;
let log: FileEventLog;
const gw: RunningGateway[] = [];
const lines: Record<string, unknown>[] = [];

type KeyValue = { key: string; value: { stringValue?: string } };
const attr = (attrs: readonly KeyValue[] | undefined, key: string): string => attrs?.find((a) => a.key === key)?.value.stringValue ?? '';

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function gatewayConfig(own: typeof QD, partner: typeof QD, endpoint: string): ReturnType<typeof parseConfig> {
  return parseConfig(
    {
      region: own.code,
      signingKey: own.key.privateJwk,
      partners: [{ region: partner.code, keys: [partner.key.publicJwk] }],
      eventLog: { kind: 'file', dir: join(dir, 'log') },
      grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
      auth: { issuers: [{ iss: 'xr-trace-test', keys: [issuer.publicJwk] }] },
      topicPrefix: prefix,
      partitions: 1,
      logLevel: 'debug',
    },
    // The standard variables, as a container would set them.
    { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '50' },
  );
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    void body(req).then((text) => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      contentTypes.add(req.headers['content-type'] ?? '');
      const doc = JSON.parse(text) as { resourceSpans: { resource: { attributes: KeyValue[] }; scopeSpans: { spans: Omit<OtlpSpan, 'region' | 'service'>[] }[] }[] };
      for (const rs of doc.resourceSpans) {
        const region = attr(rs.resource.attributes, 'xr.region');
        const service = attr(rs.resource.attributes, 'service.name');
        for (const ss of rs.scopeSpans) for (const s of ss.spans) received.push({ traceId: s.traceId, spanId: s.spanId, ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}), name: s.name, kind: s.kind, region, service });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as { port: number };
  dir = await mkdtemp(join(tmpdir(), 'xr-gw-tracing-'));
  log = await FileEventLog.open({ dir: join(dir, 'log') });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const endpoint = `http://127.0.0.1:${port}`;
  gw.push(await startGateway(gatewayConfig(QD, LC, endpoint), createLogger({ level: 'debug', name: 'xr-gateway', base: { region: QD.code }, destination: sink }), { log }));
  gw.push(await startGateway(gatewayConfig(LC, QD, endpoint), createLogger({ level: 'silent' }), { log }));
}, 30_000);

afterAll(async () => {
  for (const g of gw) await g.stop();
  await log?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** SubmitCase at 青岛 with a traceparent; the response and the traceparent the gateway sent back. */
async function submit(traceparent: string): Promise<{ case: Case__Output; back: string }> {
  const token = await issueToken({ issuerKey: issuer.privateJwk, iss: 'xr-trace-test', sub: 'hall-370200', role: 'system', region: QD.code });
  const { cases } = loadServices();
  const client = new cases.CaseService(`127.0.0.1:${gw[0]!.grpcPort}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
  const metadata = new Metadata();
  metadata.set('traceparent', traceparent);
  try {
    return await new Promise((resolve, reject) => {
      let back = '';
      const call = client.SubmitCase(
        {
          requestId: 'trace-1',
          itemCode: `${LC.code}-SPJY-0001`,
          itemName: '食品经营许可证核发',
          applicant: { kind: 'organisation', name: '示例餐饮管理有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' },
          handlingRegion: LC.code,
          intake: { formCheckPassed: true, identityVerified: true },
        },
        metadata,
        (error: ServiceError | null, response) => (error || !response?.case ? reject(error ?? new Error('empty response')) : resolve({ case: response.case, back })),
      );
      call.on('metadata', (m: Metadata) => (back = String(m.get('traceparent')[0] ?? '')));
    });
  } finally {
    client.close();
  }
}

async function until<T>(what: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = what();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('OpenTelemetry across two regions', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpan = '00f067aa0ba902b7';
  let back = '';

  it('one SubmitCase: spans of both regions in the caller’s trace, parent → child across the log', async () => {
    // A probe's health check is no trace (below: nothing but the case's trace reaches the receiver).
    expect(await checkHealth({ address: `127.0.0.1:${gw[0]!.grpcPort}` }, '')).toBe('SERVING');
    const done = await submit(`00-${traceId}-${callerSpan}-01`);
    back = done.back;
    expect(done.case.status).toBe('received');
    // The caller gets the SERVER span's context back: its trace, a span of ours.
    const [, backTrace, serverSpan] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(back) ?? [];
    expect(backTrace).toBe(traceId);

    const inboxQD = `${prefix}.inbox.${QD.code}`;
    const inboxLC = `${prefix}.inbox.${LC.code}`;
    // 青岛: call → publish into its inbox → process (journal) → publish into 聊城's inbox;
    // 聊城: process (the case, and its 签收) → publish 签收 into 青岛's inbox; 青岛: process 签收.
    const spans = await until(() => {
      const mine = received.filter((s) => s.traceId === traceId);
      const backHome = mine.filter((s) => s.region === QD.code && s.name === `process ${inboxQD}`);
      return backHome.length >= 2 && mine.some((s) => s.region === LC.code && s.name === `publish ${inboxQD}`) ? mine : undefined;
    }, 8_000);
    expect(contentTypes).toEqual(new Set(['application/json']));
    expect(new Set(spans.map((s) => s.region))).toEqual(new Set([QD.code, LC.code]));
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['xr-gateway']));
    expect(received.filter((s) => s.traceId !== traceId)).toEqual([]); // no span of the health check

    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (s: OtlpSpan): OtlpSpan | undefined => (s.parentSpanId ? byId.get(s.parentSpanId) : undefined);
    const one = (region: string, name: string, parent?: OtlpSpan): OtlpSpan => {
      const found = spans.filter((s) => s.region === region && s.name === name && (!parent || s.parentSpanId === parent.spanId));
      expect(found.length, `${region} ${name}`).toBeGreaterThanOrEqual(1);
      return found[0]!;
    };

    const server = one(QD.code, 'xr.gateway.v1.CaseService/SubmitCase');
    expect(server.spanId).toBe(serverSpan);
    expect(server.parentSpanId).toBe(callerSpan);
    expect(server.kind).toBe(2); // SERVER
    const intake = one(QD.code, `publish ${inboxQD}`, server);
    expect(intake.kind).toBe(4); // PRODUCER
    const journaled = one(QD.code, `process ${inboxQD}`, intake);
    expect(journaled.kind).toBe(5); // CONSUMER
    const delivered = one(QD.code, `publish ${inboxLC}`, journaled);
    // The Kafka hop: 聊城's pipeline span is a child of 青岛's delivery span.
    const atLC = spans.filter((s) => s.region === LC.code && s.name === `process ${inboxLC}` && s.parentSpanId === delivered.spanId);
    expect(atLC.length).toBe(2); // case.submitted and 聊城's case.received, both made from the delivered record
    // And back: 聊城 delivers its 签收 to 青岛, whose pipeline continues the same trace.
    const answer = spans.find((s) => s.region === LC.code && s.name === `publish ${inboxQD}` && atLC.some((p) => p.spanId === s.parentSpanId));
    expect(answer).toBeDefined();
    one(QD.code, `process ${inboxQD}`, answer);
    // Every span hangs on the tree that starts at the caller's span.
    for (const s of spans) {
      let at: OtlpSpan | undefined = s;
      for (let hops = 0; at && hops < 20; hops++) {
        if (at.parentSpanId === callerSpan) break;
        at = parentOf(at);
      }
      expect(at?.parentSpanId, `${s.region} ${s.name} is linked to the call`).toBe(callerSpan);
    }
  });

  it('every log line of the call carries its trace id and span id', () => {
    const [, , serverSpan] = back.split('-');
    const ofCall = lines.filter((l) => l['traceId'] === traceId && l['spanId'] === serverSpan);
    expect(ofCall.map((l) => l['msg'])).toEqual(expect.arrayContaining(['SubmitCase received', 'case submitted']));
    expect(ofCall.length).toBeGreaterThanOrEqual(2);
    // No line of the gRPC edge about this request lacks them.
    for (const l of lines.filter((x) => x['msg'] === 'SubmitCase received' || x['msg'] === 'case submitted')) expect(l).toMatchObject({ traceId, spanId: serverSpan, region: QD.code });
  });
});

describe('tracing configuration', () => {
  const base = {
    region: QD.code,
    signingKey: QD.key.privateJwk,
    eventLog: { kind: 'file', dir: '/tmp/x' },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: 'x', keys: [issuer.publicJwk] }] },
  };

  it('is off unless an endpoint is configured, in the file or by the OTEL_ variables', () => {
    expect(parseConfig(base, {}).tracing).toBeUndefined();
    expect(parseConfig(base, { OTEL_SERVICE_NAME: 'gw' }).tracing).toBeUndefined();
    expect(parseConfig({ ...base, tracing: { endpoint: 'http://c:4318/v1/traces' } }, {}).tracing).toEqual({ endpoint: 'http://c:4318/v1/traces', protocol: 'http/json', sampleRatio: 1, exportDelayMs: 5000 });
    expect(parseConfig(base, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/', OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc,x-tenant=qd', OTEL_SERVICE_NAME: 'gw-qd' }).tracing).toEqual({
      endpoint: 'http://c:4318/v1/traces',
      protocol: 'http/json',
      headers: { authorization: 'Bearer abc', 'x-tenant': 'qd' },
      serviceName: 'gw-qd',
      sampleRatio: 1,
      exportDelayMs: 5000,
    });
    expect(parseConfig(base, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:9/x' }).tracing?.endpoint).toBe('http://t:9/x');
    expect(parseConfig({ ...base, tracing: { endpoint: 'http://c:4318/v1/traces' } }, { OTEL_SDK_DISABLED: 'true' }).tracing).toBeUndefined();
  });

  it('refuses what it cannot do, naming the key', () => {
    expect(() => parseConfig(base, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(ConfigError);
    expect(() => parseConfig(base, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/tracing\.protocol/);
    expect(() => parseConfig({ ...base, tracing: { endpoint: 'c:4318' } }, {})).toThrow(/tracing\.endpoint/);
    expect(() => parseConfig({ ...base, tracing: { endpoint: 'http://c:4318/v1/traces', sampleRatio: 2 } }, {})).toThrow(/tracing\.sampleRatio/);
  });
});
