// Type-checked lint. Which workspace package may import which (and which may not import I/O) is
// the package table of docs/ARCHITECTURE.md, read here at load time; library code logs through
// pino, never console.
import tseslint from 'typescript-eslint';
import { readArchitecture } from './tools/architecture.js';

const SOURCES = '**/*.{ts,mts,cts,js,mjs}';
const TESTS = ['test/**/*.{ts,mts,cts,js,mjs}', '**/*.test.ts'];
const IO_MODULES = ['kafkajs', '@grpc/*', 'pino', 'node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:http2', 'node:child_process', 'node:dgram', 'fs', 'net', 'http', 'child_process'];

/** `no-restricted-imports` for one row: every other workspace package it is not allowed, and I/O when pure. */
function restriction(row, allowed, names) {
  const forbidden = names.filter((name) => name !== row.name && !allowed.includes(name));
  const patterns = [];
  if (forbidden.length > 0) {
    const may = allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no other workspace package';
    patterns.push({ group: forbidden.flatMap((name) => [name, `${name}/*`]), message: `${row.path} may import ${may} (the package table of docs/ARCHITECTURE.md).` });
  }
  if (row.pure) patterns.push({ group: IO_MODULES, message: `${row.path} is pure: no I/O (docs/ARCHITECTURE.md). Take what you need through a port.` });
  return patterns.length > 0 ? { 'no-restricted-imports': ['error', { patterns }] } : {};
}

/** Per package directory: its sources may import its row's list; its tests also the `(tests)` entries. */
function packageBoundaries(rows) {
  const names = rows.map((row) => row.name);
  return rows.flatMap((row) => {
    const tests = TESTS.map((glob) => `${row.path}/${glob}`);
    return [
      { files: [`${row.path}/${SOURCES}`], ignores: tests, rules: restriction(row, row.imports, names) },
      { files: tests, rules: restriction(row, [...row.imports, ...row.testImports], names) },
    ];
  });
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'proto/gen/**', '.cache/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'tools/*.js', 'proto/scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  ...packageBoundaries(readArchitecture(new URL('./', import.meta.url))),
  {
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['eslint.config.js', 'tools/*.js', 'proto/scripts/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
