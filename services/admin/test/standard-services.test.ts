/** The admin service's health, reflection and metrics over real sockets, from a generic client without a token. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIssuerKeyPair } from '@xr/auth';
import { generateKeyPair } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { checkHealth, listServices, watchHealth, type HealthStatus } from '@xr/grpc-kit';
import { createLogger } from '@xr/observability';
import { adminKid } from '@xr/registry';
import { parseConfig, startAdmin, type RunningAdmin } from '../src/index.js';

const issuer = generateIssuerKeyPair('admin-standard');
let dir: string;
let log: FileEventLog;
let admin: RunningAdmin;
let address: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-admin-standard-'));
  log = await FileEventLog.open({ dir });
  const config = parseConfig({
    adminKey: generateKeyPair(adminKid('ops', 1)).privateJwk,
    eventLog: { kind: 'file', dir },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    metrics: { address: '127.0.0.1:0' },
    auth: { issuers: [{ iss: 'admin-standard', keys: [issuer.publicJwk] }] },
    topicPrefix: 'std',
  });
  admin = await startAdmin(config, createLogger({ level: 'silent' }), { log });
  address = `127.0.0.1:${admin.port}`;
});

afterAll(async () => {
  await admin?.stop();
  await log?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('admin standard services', () => {
  it('lists AdminService and the standard services, and is SERVING once the registry is followed', async () => {
    expect(await listServices({ address, version: 'v1alpha' })).toEqual(['grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection', 'xr.admin.v1.AdminService']);
    expect(await checkHealth({ address })).toBe('SERVING');
    expect(await checkHealth({ address }, 'xr.admin.v1.AdminService')).toBe('SERVING');
  });

  it('exports its registry lag and gRPC timings', async () => {
    const text = await (await fetch(`http://127.0.0.1:${admin.metricsPort}/metrics`)).text();
    expect(text).toMatch(/^xr_registry_follower_lag_records 0$/m);
    expect(text).toMatch(/^xr_grpc_server_handling_seconds_count\{service="grpc.health.v1.Health",method="Check",code="OK"\} [1-9]/m);
  });

  it("passes the containers' HEALTHCHECK entry point (probe-main.ts), which fails on a closed port", async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const probe = (addr: string) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'packages/grpc-kit/src/probe-main.ts', '--addr', addr, '--timeout', '2000'], { cwd: root });
    expect((await probe(address)).stdout).toBe('status: SERVING\n');
    await expect(probe('127.0.0.1:1')).rejects.toMatchObject({ code: 2 });
  }, 20_000);

  it('goes NOT_SERVING when it drains', async () => {
    const seen: HealthStatus[] = [];
    const watch = await watchHealth({ address }, 'xr.admin.v1.AdminService', (s) => {
      seen.push(s);
      if (s === 'NOT_SERVING') watch.stop();
    });
    await expect.poll(() => seen).toContain('SERVING');
    const stopping = admin.stop();
    await expect.poll(() => seen).toContain('NOT_SERVING');
    await stopping;
    admin = { ...admin, stop: async () => undefined };
  });

  it('goes NOT_SERVING while its registry reads fail, SERVING again when they work', async () => {
    const other = await mkdtemp(join(tmpdir(), 'xr-admin-failing-'));
    const real = await FileEventLog.open({ dir: other });
    // The real embedded log, with its reads failing on demand (a broker that went away).
    let broken = false;
    const log = new Proxy(real, {
      get: (target, key) => {
        if (key === 'poll' && broken) return () => Promise.reject(new Error('broker unreachable'));
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const config = parseConfig({
      adminKey: generateKeyPair(adminKid('ops', 1)).privateJwk,
      eventLog: { kind: 'file', dir: other },
      grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
      auth: { issuers: [{ iss: 'admin-standard', keys: [issuer.publicJwk] }] },
      topicPrefix: 'std',
    });
    const second = await startAdmin(config, createLogger({ level: 'silent' }), { log });
    const at = { address: `127.0.0.1:${second.port}` };
    try {
      expect(await checkHealth(at)).toBe('SERVING');
      broken = true;
      await expect.poll(() => checkHealth(at), { timeout: 15_000, interval: 500 }).toBe('NOT_SERVING');
      broken = false;
      await expect.poll(() => checkHealth(at), { timeout: 15_000, interval: 500 }).toBe('SERVING');
    } finally {
      await second.stop();
      await real.close();
      await rm(other, { recursive: true, force: true });
    }
  }, 40_000);
});
