import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTO_ROOT } from '../src/index.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('generated TypeScript types', () => {
  it('match the .proto files (run `pnpm gen` after changing a contract)', () => {
    const out = mkdtempSync(join(tmpdir(), 'xr-gen-'));
    try {
      execFileSync(process.execPath, [join(PROTO_ROOT, 'scripts', 'gen.mjs'), out], { cwd: PROTO_ROOT, stdio: 'pipe' });
      const fresh = files(out).map((f) => relative(out, f)).sort();
      const committed = files(join(PROTO_ROOT, 'gen')).map((f) => relative(join(PROTO_ROOT, 'gen'), f)).sort();
      expect(committed).toEqual(fresh);
      for (const f of fresh) expect(readFileSync(join(PROTO_ROOT, 'gen', f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
