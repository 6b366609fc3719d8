/**
 * Every AdminService RPC × role × region over a real socket: admins (for all regions) change the
 * registry, auditors and admins read it, nobody else does anything, and a call without a token is
 * UNAUTHENTICATED. Expectations written out from issue #4, not taken from the policy code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerInterceptor, generateIssuerKeyPair, issueToken, type Role } from '@xr/auth';
import { generateKeyPair } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { createLogger } from '@xr/observability';
import { adminKid } from '@xr/registry';
import { ADMIN_RPCS, MUTATING_RPCS, loadAdminService, parseConfig, startAdmin, type RunningAdmin } from '../src/index.js';

const issuer = generateIssuerKeyPair('admin-authz');
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
let dir: string;
let log: FileEventLog;
let admin: RunningAdmin;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-admin-authz-'));
  log = await FileEventLog.open({ dir });
  const config = parseConfig({
    adminKey: generateKeyPair(adminKid('ops', 1)).privateJwk,
    eventLog: { kind: 'file', dir },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: 'admin-authz', keys: [issuer.publicJwk] }] },
    topicPrefix: 'authz',
  });
  admin = await startAdmin(config, quiet, { log });
});

afterAll(async () => {
  await admin?.stop();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const CALLERS: readonly (readonly [Role, string] | readonly ['none', ''])[] = [
  ['admin', '*'],
  ['admin', '371500'],
  ['auditor', '*'],
  ['auditor', '371500'],
  ['system', '371500'],
  ['none', ''],
];

function expected(rpc: string, role: Role | 'none', region: string): 'allow' | 'deny' | 'unauthenticated' {
  if (role === 'none') return 'unauthenticated';
  if (region !== '*') return 'deny';
  if (role === 'admin') return 'allow';
  return role === 'auditor' && !MUTATING_RPCS.has(rpc as never) ? 'allow' : 'deny';
}

describe('admin service authorization over a real socket', () => {
  it('every RPC × role × region gets exactly what the rules give', async () => {
    const { AdminService } = loadAdminService();
    const mismatches: string[] = [];
    for (const [role, region] of CALLERS) {
      const token = role === 'none' ? undefined : await issueToken({ issuerKey: issuer.privateJwk, iss: 'admin-authz', sub: `${role}-${region}`, role, region });
      const client = new AdminService(`127.0.0.1:${admin.port}`, credentials.createInsecure(), token ? { interceptors: [bearerInterceptor(token)] } : {});
      for (const rpc of ADMIN_RPCS) {
        const fn = (client as unknown as Record<string, (r: object, m: Metadata, cb: (e: ServiceError | null) => void) => void>)[rpc]!.bind(client);
        const code = await new Promise<status>((resolve) => fn({ requestId: `authz-${rpc}-${role}`, region: '999999' }, new Metadata(), (e) => resolve(e ? e.code : status.OK)));
        const want = expected(rpc, role, region);
        const ok = want === 'unauthenticated' ? code === status.UNAUTHENTICATED : want === 'deny' ? code === status.PERMISSION_DENIED : code !== status.PERMISSION_DENIED && code !== status.UNAUTHENTICATED;
        if (!ok) mismatches.push(`${rpc} ${role}/${region}: want ${want}, got ${status[code]}`);
      }
      client.close();
    }
    expect(mismatches).toEqual([]);
    expect(ADMIN_RPCS).toHaveLength(12);
  });
});
