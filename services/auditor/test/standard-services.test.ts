/** The auditor's health, reflection and metrics over real sockets, from a generic client without a token. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIssuerKeyPair } from '@xr/auth';
import { generateKeyPair } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { checkHealth, listServices, resolveService } from '@xr/grpc-kit';
import { createLogger } from '@xr/observability';
import { parseConfig, startAuditor, type RunningAuditor } from '../src/index.js';

const issuer = generateIssuerKeyPair('auditor-standard');
let dir: string;
let log: FileEventLog;
let auditor: RunningAuditor;
let address: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-auditor-standard-'));
  log = await FileEventLog.open({ dir });
  const config = parseConfig({
    trustAnchors: [generateKeyPair('admin-ops.k1').publicJwk],
    eventLog: { kind: 'file', dir },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    metrics: { address: '127.0.0.1:0' },
    auth: { issuers: [{ iss: 'auditor-standard', keys: [issuer.publicJwk] }] },
    topicPrefix: 'std',
  });
  auditor = await startAuditor(config, createLogger({ level: 'silent' }), { log });
  address = `127.0.0.1:${auditor.port}`;
}, 60_000);

afterAll(async () => {
  await auditor?.stop();
  await log?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('auditor standard services', () => {
  it('lists AuditService, resolves its descriptor by reflection, and is SERVING', async () => {
    expect(await listServices({ address })).toContain('xr.audit.v1.AuditService');
    expect(typeof (await resolveService({ address }, 'xr.audit.v1.AuditService'))).toBe('function');
    expect(await checkHealth({ address }, 'xr.audit.v1.AuditService')).toBe('SERVING');
  });

  it('serves /metrics with process metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${auditor.metricsPort}/metrics`)).text();
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(text).toMatch(/^xr_audit_regions 0$/m);
  });
});
