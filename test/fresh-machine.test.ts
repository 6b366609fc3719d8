/**
 * The README's promise to a newcomer: its first code block holds exactly two commands (the demo,
 * then the tests), `.ci/run` runs exactly the second, and the pnpm they name comes from npm with
 * nothing on the machine but Node and npm — an empty HOME and a PATH without pnpm — whatever pnpm
 * 10.x is newest that day (a pinned version through npx, never `npm install -g pnpm@10`, which
 * installs the newest 10.x and then refuses to switch to the `packageManager` pin).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const firstBlock = /```(?:sh|bash)?\n([\s\S]*?)```/.exec(readme)![1]!;
const commands = firstBlock
  .split('\n')
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l !== '');
const pin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string }).packageManager;

describe('a fresh machine', () => {
  it('the README’s first code block is exactly two commands: the demo, then the tests, with the pinned pnpm', () => {
    expect(commands).toEqual([`npx --yes ${pin} demo`, `npx --yes ${pin} test`]);
  });

  it('.ci/run runs exactly the README’s test command', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    expect(ci.at(-1)!.trim()).toBe(commands[1]);
  });

  it('npx fetches and runs the pinned pnpm with an empty HOME and no pnpm on PATH', () => {
    const home = mkdtempSync(join(tmpdir(), 'xr-fresh-home-'));
    try {
      // Only the directory that holds node and npx: no global pnpm, no corepack shims of the host.
      const path = dirname(process.execPath);
      const run = spawnSync('npx', ['--yes', pin, '--version'], { cwd: home, encoding: 'utf8', timeout: 120_000, env: { HOME: home, PATH: [path, '/usr/bin', '/bin'].join(delimiter), npm_config_cache: join(home, '.npm') } });
      expect(spawnSync('sh', ['-c', 'command -v pnpm'], { env: { PATH: [path, '/usr/bin', '/bin'].join(delimiter) } }).status, 'pnpm must not be on this PATH').not.toBe(0);
      expect(run.stderr).not.toMatch(/ERR_PNPM|signature/i);
      expect(run.stdout.trim()).toBe(pin.replace('pnpm@', ''));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 150_000);
});
