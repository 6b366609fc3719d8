/**
 * The gateway's standard services and metrics over real sockets, seen by generic clients: a
 * reflection client that knows none of our stubs lists the services, resolves Health's descriptor
 * from the server and calls Check and Watch without a token; Prometheus text scraped over HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelCredentials, Metadata, loadPackageDefinition, status, type ServiceError } from '@grpc/grpc-js';
import { generateKeyPair } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { checkHealth, describeMessage, listServices, watchHealth, type HealthStatus } from '@xr/grpc-kit';
import { createLogger } from '@xr/observability';
import { LOADER_OPTIONS, PROTO_FILES, packageDefinitionOf } from '@xr/proto';
import { parseConfig, startGateway, type RunningGateway } from '../src/index.js';

const own = generateKeyPair('370200.k1');
const partner = generateKeyPair('371500.k1');
const prefix = `t${Math.random().toString(36).slice(2, 8)}`;

let dir: string;
let log: FileEventLog;
let gw: RunningGateway;
let address: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-gw-standard-'));
  log = await FileEventLog.open({ dir });
  const config = parseConfig({
    region: '370200',
    signingKey: own.privateJwk,
    partners: [{ region: '371500', keys: [partner.publicJwk] }],
    eventLog: { kind: 'file', dir },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    metrics: { address: '127.0.0.1:0' },
    auth: { issuers: [{ iss: 'test', keys: [partner.publicJwk] }] },
    topicPrefix: prefix,
    partitions: 2,
    logLevel: 'silent',
  });
  gw = await startGateway(config, createLogger({ level: 'silent' }), { log });
  address = `127.0.0.1:${gw.grpcPort}`;
});

afterAll(async () => {
  await gw.stop();
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

async function scrape(): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${gw.metricsPort}/metrics`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return r.text();
}

/** Sample lines as name → [labels text, value]; every line is a comment or a well-formed sample. */
function samples(text: string): Map<string, { labels: string; value: number }[]> {
  const out = new Map<string, { labels: string; value: number }[]>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (-?[0-9.e+-]+|NaN|Nan|[+-]Inf)$/.exec(line);
    expect(m, `malformed exposition line: ${line}`).not.toBeNull();
    const [, name = '', labels = '', value = ''] = m ?? [];
    out.set(name, [...(out.get(name) ?? []), { labels, value: Number(value.replace('Inf', 'Infinity')) }]);
  }
  return out;
}

describe('health and reflection, without a token, from a generic client', () => {
  it('lists the standard and our services through reflection v1 and v1alpha', async () => {
    for (const version of ['v1', 'v1alpha'] as const) {
      const names = await listServices({ address, version });
      expect(names).toEqual(expect.arrayContaining(['grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection', 'xr.gateway.v1.CaseService', 'xr.gateway.v1.OpsService', 'xr.gateway.v1.CertificateService']));
    }
  });

  it('describes our messages as the .proto writes them (case_id, not the camelCase caseId of the generated types), and the error details our errors carry', async () => {
    const fields = await describeMessage({ address }, 'xr.gateway.v1.GetCaseRequest');
    expect(fields.map((f) => [f.name, f.number])).toEqual([['case_id', 1]]);
    const badRequest = await describeMessage({ address }, 'google.rpc.BadRequest');
    expect(badRequest.map((f) => f.name)).toEqual(['field_violations']);
    expect((await describeMessage({ address }, 'google.rpc.ErrorInfo')).map((f) => f.name)).toEqual(['reason', 'domain', 'metadata']);
  });

  it('answers Check SERVING for the server and each service once the pipeline runs; an unknown name is NOT_FOUND', async () => {
    await expect.poll(() => checkHealth({ address }), { timeout: 15_000 }).toBe('SERVING');
    expect(await checkHealth({ address }, 'xr.gateway.v1.CaseService')).toBe('SERVING');
    expect(await checkHealth({ address }, 'xr.gateway.v1.OpsService')).toBe('SERVING');
    expect(await checkHealth({ address }, 'no.such.Service')).toBe('SERVICE_UNKNOWN');
  });

  it('still refuses our own services without a token (deny by default holds)', async () => {
    const pkg = loadPackageDefinition(packageDefinitionOf(PROTO_FILES.gateway)) as unknown as { xr: { gateway: { v1: { OpsService: new (a: string, c: ChannelCredentials) => { GetStats(r: object, m: Metadata, cb: (e: ServiceError | null) => void): void; close(): void } } } } };
    const client = new pkg.xr.gateway.v1.OpsService(address, ChannelCredentials.createInsecure());
    const error = await new Promise<ServiceError | null>((resolve) => client.GetStats({}, new Metadata(), resolve));
    client.close();
    expect(error?.code).toBe(status.UNAUTHENTICATED);
    expect(LOADER_OPTIONS.keepCase).toBeFalsy();
  });
});

describe('metrics over HTTP', () => {
  it('exports gRPC latency by method and code, gauges, process metrics, in valid exposition text', async () => {
    await checkHealth({ address });
    const text = await scrape();
    const s = samples(text);
    expect(text).toContain('# TYPE xr_grpc_server_handling_seconds histogram');
    expect(s.get('xr_grpc_server_handling_seconds_count')?.some((x) => x.labels.includes('method="Check"') && x.labels.includes('code="OK"') && x.labels.includes('service="grpc.health.v1.Health"'))).toBe(true);
    expect(s.get('xr_grpc_server_handling_seconds_count')?.some((x) => x.labels.includes('method="GetStats"') && x.labels.includes('code="UNAUTHENTICATED"'))).toBe(true);
    expect(s.get('xr_inbox_lag_records')?.map((x) => x.labels).sort()).toEqual(['{partition="0"}', '{partition="1"}']);
    expect(s.get('xr_projection_cases')).toEqual([{ labels: '', value: 0 }]);
    expect(s.get('xr_pipeline_running')).toEqual([{ labels: '', value: 1 }]);
    expect(s.get('process_cpu_seconds_total')?.[0]?.value).toBeGreaterThan(0);
    expect(text).toContain('# TYPE xr_pipeline_batch_seconds histogram');
    // No case ids or personal data in label values: only bounded names.
    expect(text).not.toMatch(/case_?id=/i);
  });

  it('moves counters, histograms and gauges after a hostile inbox record is quarantined', async () => {
    const before = samples(await scrape());
    expect(before.get('xr_quarantine_records')).toEqual([{ labels: '', value: 0 }]);
    await log.append(`${prefix}.inbox.370200`, [{ id: 'garbage-1', key: 'k', value: new TextEncoder().encode('{"not":"an envelope"'), partition: 0 }]);
    await expect.poll(async () => samples(await scrape()).get('xr_quarantine_records')?.[0]?.value, { timeout: 10_000 }).toBe(1);
    const after = samples(await scrape());
    expect(after.get('xr_quarantined_total')?.reduce((a, b) => a + b.value, 0)).toBe(1);
    expect(after.get('xr_inbox_records_total')).toEqual([{ labels: '{outcome="quarantined"}', value: 1 }]);
    expect(after.get('xr_pipeline_batch_records_count')?.[0]?.value).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => samples(await scrape()).get('xr_inbox_lag_records')?.find((x) => x.labels === '{partition="0"}')?.value, { timeout: 10_000 }).toBe(0);
  });

  it('answers 404 to anything but GET /metrics', async () => {
    expect((await fetch(`http://127.0.0.1:${gw.metricsPort}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${gw.metricsPort}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});

describe('drain', () => {
  it('turns NOT_SERVING for watchers before the server closes', async () => {
    const seen: HealthStatus[] = [];
    const watch = await watchHealth({ address }, '', (s) => {
      seen.push(s);
      if (s === 'NOT_SERVING') watch.stop();
    });
    await expect.poll(() => seen).toContain('SERVING');
    const stopping = gw.stop();
    await expect.poll(() => seen, { timeout: 5_000 }).toContain('NOT_SERVING');
    await stopping;
    gw = { ...gw, stop: async () => undefined };
  });
});
