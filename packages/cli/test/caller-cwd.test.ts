/**
 * `pnpm xr …` runs in the workspace root; the user ran it somewhere else. Relative paths are the
 * user's (pnpm passes it in INIT_CWD), so `xr keys new --out k` never writes a private key into the
 * repository, and the private key file is readable by its owner only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('xr from where the user stands', () => {
  it('writes `keys new --out k` under the caller’s directory, the private key with mode 0600', () => {
    const caller = mkdtempSync(join(tmpdir(), 'xr-caller-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'keys', 'new', '--region', '371500', '--out', 'k'], { cwd: ROOT, env: { ...process.env, INIT_CWD: caller }, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      const privateKey = join(caller, 'k', '371500.k1.jwk.json');
      expect(statSync(privateKey).mode & 0o777).toBe(0o600);
      expect(existsSync(join(caller, 'k', '371500.k1.pub.jwk.json'))).toBe(true);
      expect(existsSync(join(ROOT, 'k'))).toBe(false);
      // And git would not offer to commit it.
      const ignored = spawnSync('git', ['check-ignore', '-q', '--no-index', 'some/dir/371500.k1.jwk.json'], { cwd: ROOT });
      const publicKept = spawnSync('git', ['check-ignore', '-q', '--no-index', 'some/dir/371500.k1.pub.jwk.json'], { cwd: ROOT });
      expect([ignored.status, publicKept.status]).toEqual([0, 1]);
    } finally {
      rmSync(caller, { recursive: true, force: true });
    }
  }, 90_000);
});
