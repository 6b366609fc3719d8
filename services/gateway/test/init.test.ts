/**
 * A newcomer's first steps: `xr init --region R` (the CLI, as a child process) writes a directory
 * whose gateway.json this gateway loads as it is and starts with; keys are the owner's alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@xr/observability';
import { loadConfig, startGateway } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

const xr = (caller: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: caller }, encoding: 'utf8', timeout: 60_000 });

describe('xr init', () => {
  it('writes a gateway config the gateway starts with, a catalog template, and 0600 keys; never into an existing directory', async () => {
    const caller = mkdtempSync(join(tmpdir(), 'xr-init-'));
    try {
      const made = xr(caller, 'init', '--region', '371500');
      expect(made.status, made.stderr).toBe(0);
      const dir = join(caller, 'xr-371500');
      expect(made.stdout).toContain(`pnpm gateway --config ${join(dir, 'gateway.json')}`);
      for (const secret of ['gateway.json', '371500.k1.jwk.json', 'dev.issuer.jwk.json']) expect(statSync(join(dir, secret)).mode & 0o777, secret).toBe(0o600);
      const config = loadConfig(join(dir, 'gateway.json'), {});
      expect(config).toMatchObject({ region: '371500', eventLog: { kind: 'file' }, catalog: { region: '371500' } });
      const running = await startGateway({ ...config, grpc: { ...config.grpc, address: '127.0.0.1:0' } }, quiet);
      expect(running.gateway.region).toBe('371500');
      await running.stop();
      const token = xr(caller, 'keys', 'token', '--issuer-key', join('xr-371500', 'dev.issuer.jwk.json'), '--role', 'system', '--region', '371500');
      expect(token.status, token.stderr).toBe(0);
      expect(token.stdout.trim().split('.')).toHaveLength(3);
      const again = xr(caller, 'init', '--region', '371500');
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('(field --out)');
      expect(xr(caller, 'init', '--region', '12345').status).toBe(2);
    } finally {
      rmSync(caller, { recursive: true, force: true });
    }
  }, 120_000);
});
