/**
 * The package table of docs/ARCHITECTURE.md against the repository: a row for every workspace
 * package, every package.json dependency on a workspace package allowed by its row, and the lint
 * rules eslint.config.js makes from the table refusing what the table does not allow.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { parseArchitecture, readArchitecture, type ArchitectureRow } from '../tools/architecture.js';

const root = new URL('../', import.meta.url);
const table = readArchitecture(root);

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')) as Manifest;
}

/** The directories pnpm-workspace.yaml names (`dir/*` expanded to its subdirectories with a package.json). */
function workspaceDirs(): string[] {
  const yaml = readFileSync(new URL('pnpm-workspace.yaml', root), 'utf8');
  const block = /^packages:\n((?:[ \t]+-[^\n]*\n?)+)/m.exec(yaml);
  if (!block) throw new Error('pnpm-workspace.yaml: no packages list');
  const globs = [...block[1]!.matchAll(/-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1]!);
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    return readdirSync(new URL(`${parent}/`, root), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`${parent}/${d.name}/package.json`, root)))
      .map((d) => `${parent}/${d.name}`);
  });
}

function row(name: string): ArchitectureRow {
  const found = table.find((r) => r.name === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

describe('the package table of docs/ARCHITECTURE.md', () => {
  it('has one row for every workspace package, under its directory and npm name, and no other', () => {
    const dirs = workspaceDirs();
    expect(dirs.length).toBeGreaterThan(10);
    const actual = dirs.map((dir) => `${dir} ${manifest(dir).name}`).sort();
    expect(table.map((r) => `${r.path} ${r.name}`).sort()).toEqual(actual);
    expect(new Set(table.map((r) => r.name)).size).toBe(table.length);
  });

  it('allows every dependency on a workspace package that a package.json declares', () => {
    const names = new Set(table.map((r) => r.name));
    const refused: string[] = [];
    for (const r of table) {
      const m = manifest(r.path);
      for (const dep of Object.keys(m.dependencies ?? {})) {
        if (names.has(dep) && dep !== r.name && !r.imports.includes(dep)) refused.push(`${r.path}: dependency ${dep}`);
      }
      for (const dep of Object.keys(m.devDependencies ?? {})) {
        if (names.has(dep) && dep !== r.name && !r.imports.includes(dep) && !r.testImports.includes(dep)) refused.push(`${r.path}: devDependency ${dep}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('keeps the boundaries of issue #8: the admin service without the gateway edge, the domain without I/O', () => {
    expect(row('@xr/admin').imports).not.toContain('@xr/grpc-edge');
    expect(row('@xr/admin').imports).toContain('@xr/grpc-kit');
    expect(row('@xr/grpc-edge').imports).not.toContain('@xr/service-kit');
    expect(row('@xr/domain')).toMatchObject({ imports: [], pure: true });
    expect(row('@xr/exchange').imports).not.toContain('@xr/registry');
  });
});

describe('parseArchitecture', () => {
  const doc = (cells: string): string => `# x\n\n| package | role | may import |\n|---|---|---|\n| \`packages/a\` (\`@xr/a\`) | a | none; no I/O |\n| \`packages/b\` (\`@xr/b\`) | b | ${cells} |\n\nafter\n`;

  it('reads names, test-only entries, none and no I/O', () => {
    expect(parseArchitecture(doc('`@xr/a`, `@xr/b` (tests)'))).toEqual([
      { path: 'packages/a', name: '@xr/a', imports: [], testImports: [], pure: true },
      { path: 'packages/b', name: '@xr/b', imports: ['@xr/a'], testImports: ['@xr/b'], pure: false },
    ]);
  });

  it('refuses a cell it cannot read exactly, and a name without a row', () => {
    expect(() => parseArchitecture(doc('all above but adapters'))).toThrow(/line 6: may-import entry/);
    expect(() => parseArchitecture(doc('everything'))).toThrow(/may-import entry/);
    expect(() => parseArchitecture(doc('—'))).toThrow(/may-import entry/);
    expect(() => parseArchitecture(doc('`@xr/a`; no network'))).toThrow(/unknown note/);
    expect(() => parseArchitecture(doc('`@xr/zz`'))).toThrow(/@xr\/zz, which has no row/);
    expect(() => parseArchitecture('# no table\n')).toThrow(/no table/);
  });
});

describe('eslint.config.js', () => {
  const eslint = new ESLint({ cwd: fileURLToPath(root) });
  const linter = new Linter({ configType: 'flat' });

  /** The messages of the no-restricted-imports rule the configuration gives `file`, for `code`. */
  async function restricted(file: string, code: string): Promise<string[]> {
    const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, Linter.RuleEntry> };
    const rule = config.rules?.['no-restricted-imports'];
    if (rule === undefined) return [];
    return linter.verify(code, [{ languageOptions: { sourceType: 'module' }, rules: { 'no-restricted-imports': rule } }]).map((m) => `${m.line}: ${m.message}`);
  }

  it('refuses the admin service an import of the gateway edge, and allows it the kit', async () => {
    const messages = await restricted('services/admin/src/problems.ts', "import { toServiceError } from '@xr/grpc-edge';\nimport { drain } from '@xr/grpc-kit';\nexport { x } from '@xr/gateway';\n");
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^1: .*services\/admin may import only .*@xr\/grpc-kit/);
    expect(messages[1]).toMatch(/^3: /);
  });

  it('allows a test-only entry in tests and not in sources, subpaths included', async () => {
    const code = "import { FileEventLog } from '@xr/event-log-file';\nimport { x } from '@xr/event-log-file/anything';\n";
    expect(await restricted('packages/grpc-edge/test/authorization.test.ts', code)).toEqual([]);
    expect(await restricted('packages/grpc-edge/src/server.ts', code)).toHaveLength(2);
  });

  it('keeps the pure packages free of I/O and of other workspace packages', async () => {
    expect(await restricted('packages/domain/src/index.ts', "import { readFileSync } from 'node:fs';\nimport { x } from '@xr/crypto';\nimport { y } from 'lunar-typescript';\n")).toHaveLength(2);
    expect(await restricted('packages/tlog/src/index.ts', "import pino from 'pino';\nimport { fail } from '@xr/domain';\n")).toHaveLength(1);
  });

  it('lets a package import itself and leaves files outside any package alone', async () => {
    expect(await restricted('packages/tlog/test/checkpoint.test.ts', "import { x } from '@xr/tlog';\n")).toEqual([]);
    expect(await restricted('vitest.config.ts', "import { x } from '@xr/gateway';\n")).toEqual([]);
  });
});
