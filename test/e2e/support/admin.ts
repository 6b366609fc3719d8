/**
 * The admin service in-process on Kafka, a promisified AdminService client, and the `xr` CLI as a
 * child process (`node --import tsx packages/cli/src/main.ts`), as operators run it.
 * The admin, registry and observability packages are imported by path until test/e2e's
 * package.json lists @xr/admin, @xr/registry and @xr/observability.
 */
import { spawn } from 'node:child_process';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { createLogger } from '@xr/observability';
import { loadAdminService, parseConfig, startAdmin, type AdminServiceClient, type RunningAdmin } from '@xr/admin';
import { REPO_ROOT } from './gateway-process.js';
import { bearerInterceptor } from '@xr/auth';
import { authConfig, tokenFor } from './identity.js';

export interface AdminUnderTest {
  readonly running: RunningAdmin;
  readonly client: AdminServiceClient;
  readonly address: string;
  /** Calls one unary RPC; rejects with the ServiceError. */
  call<Res>(method: string, request: object): Promise<Res>;
  stop(): Promise<void>;
}

export async function startAdminInProcess(adminKey: object, brokers: string, topicPrefix: string): Promise<AdminUnderTest> {
  const config = parseConfig({ adminKey, eventLog: { kind: 'kafka', brokers: brokers.split(',') }, ...authConfig('127.0.0.1:0'), topicPrefix, logLevel: 'warn' });
  const running = await startAdmin(config, createLogger({ level: 'warn', name: 'xr-admin-e2e' }));
  const address = `127.0.0.1:${running.port}`;
  const client = new (loadAdminService().AdminService)(address, credentials.createInsecure(), { interceptors: [bearerInterceptor(await tokenFor('*', 'admin', 'admin-ops'))] });
  return {
    running,
    client,
    address,
    call: <Res>(method: string, request: object) =>
      new Promise<Res>((resolve, reject) => {
        const fn = (client as unknown as Record<string, (r: object, m: Metadata, cb: (e: ServiceError | null, v?: Res) => void) => void>)[method]!.bind(client);
        fn(request, new Metadata(), (e, v) => (e ? reject(e) : resolve(v as Res)));
      }),
    stop: async () => {
      client.close();
      await running.stop();
    },
  };
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`xr ${args.join(' ')} did not finish in ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
