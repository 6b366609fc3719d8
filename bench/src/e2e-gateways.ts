/**
 * Two gateway processes for the end-to-end benchmark, as operators run them
 * (`node --import tsx services/gateway/src/main.ts --config <file>`), with generated configs, a
 * development token issuer they trust, and promisified gRPC clients over real sockets.
 * Modelled on test/e2e/support, standing alone (a benchmark imports no test folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { bearerInterceptor, generateIssuerKeyPair, issueToken, type Role } from '@xr/auth';
import { generateKeyPair, makeKid, type PublicJwk } from '@xr/crypto';
import { loadAdminService, loadServices, type AdminServiceClient, type Case__Output, type CaseServiceClient, type SubmitCaseRequest } from '@xr/proto';
import type { SigningMode } from '@xr/exchange';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ISSUER = 'xr-bench-issuer';

export interface E2eRegion {
  readonly code: string;
  readonly keys: ReturnType<typeof generateKeyPair>;
}

export function e2eRegion(code: string): E2eRegion {
  return { code, keys: generateKeyPair(makeKid(code, 1)) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface GatewayProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly grpcPort: number;
  /** Lines the process logged at warn or above (kafkajs's own and the insecure-listener notice excepted). */
  readonly warnings: string[];
  stop(): Promise<number | null>;
}

export interface Issuer {
  readonly publicJwk: object;
  token(region: string, role?: Role): Promise<string>;
}

export function devIssuer(): Issuer {
  const pair = generateIssuerKeyPair(ISSUER);
  return {
    publicJwk: pair.publicJwk,
    token: (region, role = 'system') => issueToken({ issuerKey: pair.privateJwk, iss: ISSUER, sub: `bench-${role}-${region}`, role, region }),
  };
}

/**
 * A gateway's configuration. With `registryAnchor` (the admin's public key) its partners, their
 * keys and suspensions come from the admin-signed registry, live, as operators run it; without,
 * from a static `partners` list.
 */
export function gatewayConfig(self: E2eRegion, partner: E2eRegion, brokers: readonly string[], prefix: string, port: number, issuer: Issuer, signing: SigningMode = 'sealed', registryAnchor?: PublicJwk): Record<string, unknown> {
  return {
    region: self.code,
    signingKey: self.keys.privateJwk,
    ...(registryAnchor ? { registry: { trustAnchors: [registryAnchor] } } : { partners: [{ region: partner.code, keys: [partner.keys.publicJwk] }] }),
    eventLog: { kind: 'kafka', brokers: [...brokers] },
    auth: { issuers: [{ iss: ISSUER, keys: [issuer.publicJwk] }] },
    grpc: { address: `127.0.0.1:${port}`, tls: { mode: 'insecure' } },
    topicPrefix: prefix,
    partitions: 3,
    signing,
    // As operators run it: info logs one line per submitted case.
    logLevel: 'info',
  };
}

/** The admin service's configuration: its signing key, the broker, the bench's token issuer. */
export function adminConfig(adminKey: object, brokers: readonly string[], prefix: string, issuer: Issuer): Record<string, unknown> {
  return {
    adminKey,
    eventLog: { kind: 'kafka', brokers: [...brokers] },
    auth: { issuers: [{ iss: ISSUER, keys: [issuer.publicJwk] }] },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    topicPrefix: prefix,
    inboxPartitions: 3,
    logLevel: 'info',
  };
}

/** Starts one gateway process; resolves once it logs "gateway ready". `nodeArgs` go before the script (e.g. --cpu-prof). */
export function startGateway(name: string, config: Record<string, unknown>, dir: string, nodeArgs: readonly string[] = [], timeoutMs = 90_000): Promise<GatewayProcess> {
  return startService(name, 'services/gateway/src/main.ts', '"gateway ready"', config, dir, nodeArgs, timeoutMs);
}

/** Starts the admin service process (`services/admin`); resolves once it logs "admin ready". */
export function startAdminProcess(config: Record<string, unknown>, dir: string, timeoutMs = 90_000): Promise<GatewayProcess> {
  return startService('admin', 'services/admin/src/main.ts', '"admin ready"', config, dir, [], timeoutMs);
}

async function startService(name: string, script: string, readyLine: string, config: Record<string, unknown>, dir: string, nodeArgs: readonly string[], timeoutMs: number): Promise<GatewayProcess> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, '--config', file], {
    cwd: REPO_ROOT,
    env: { ...process.env, KAFKA_BROKERS: '', XR_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reap = (): void => void child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const warnings: string[] = [];
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} not ready in ${timeoutMs} ms:\n${output.slice(-20).join('')}`));
    }, timeoutMs);
    const onChunk = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (line === '') continue;
        if (output.length < 200) output.push(`${line}\n`);
        if (/"level":(4|5|6)0/.test(line) && !line.includes('kafkajs') && !line.includes('without TLS')) warnings.push(line);
        if (line.includes(readyLine)) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      }
    };
    child.stdout?.on('data', onChunk);
    child.stderr?.on('data', onChunk);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output.slice(-20).join('')}`));
    });
  });
  return {
    name,
    child,
    grpcPort: port,
    warnings,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export interface CaseClient {
  submit(request: SubmitCaseRequest, deadlineMs?: number): Promise<Case__Output>;
  get(caseId: string): Promise<Case__Output>;
  close(): void;
}

export function caseClient(port: number, token: string): CaseClient {
  const client: CaseServiceClient = new (loadServices().cases.CaseService)(`127.0.0.1:${port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
  return {
    submit: (request, deadlineMs = 60_000) =>
      new Promise((resolve, reject) =>
        client.SubmitCase(request, new Metadata(), { deadline: Date.now() + deadlineMs }, (e: ServiceError | null, r) => (e || !r?.case ? reject(e ?? new Error('empty answer')) : resolve(r.case))),
      ),
    get: (caseId) => new Promise((resolve, reject) => client.GetCase({ caseId }, (e: ServiceError | null, r) => (e || !r ? reject(e ?? new Error('empty answer')) : resolve(r)))),
    close: () => client.close(),
  };
}

export interface AdminClient {
  /** One unary AdminService call; rejects with the ServiceError. */
  call<Res = unknown>(method: 'RegisterPartner' | 'SuspendPartner' | 'ResumePartner', request: object): Promise<Res>;
  close(): void;
}

export function adminClient(port: number, token: string): AdminClient {
  const client: AdminServiceClient = new (loadAdminService().AdminService)(`127.0.0.1:${port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
  return {
    call: <Res>(method: string, request: object) =>
      new Promise<Res>((resolve, reject) => {
        const fn = (client as unknown as Record<string, (r: object, m: Metadata, o: object, cb: (e: ServiceError | null, v?: Res) => void) => void>)[method]!.bind(client);
        fn(request, new Metadata(), { deadline: Date.now() + 30_000 }, (e, v) => (e ? reject(e) : resolve(v as Res)));
      }),
    close: () => client.close(),
  };
}

/** A 食品经营许可证核发 submission at 聊城 for 青岛, with a fresh request id. */
export function submission(handlingRegion: string): SubmitCaseRequest {
  return {
    requestId: randomUUID(),
    itemCode: `${handlingRegion}-SPJY-0001`,
    itemName: '食品经营许可证核发',
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
    materials: [
      { name: '食品经营许可申请书', sha256: 'a'.repeat(64), size: 184_320, mediaType: 'application/pdf' },
      { name: '营业执照', sha256: 'b'.repeat(64), size: 1_048_576, mediaType: 'image/jpeg' },
      { name: '法定代表人身份证明', sha256: 'c'.repeat(64), size: 524_288, mediaType: 'application/pdf' },
    ],
    handlingRegion,
    intake: { formCheckPassed: true, identityVerified: true },
  };
}
