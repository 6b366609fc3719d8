// Type-checked lint. The domain and packages/tlog may not import I/O; library code logs through pino, never console.
import tseslint from 'typescript-eslint';

const IO_MODULES = ['kafkajs', '@grpc/*', 'pino', 'node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:http2', 'node:child_process', 'node:dgram', 'fs', 'net', 'http', 'child_process'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'proto/gen/**', '.cache/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'proto/scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: IO_MODULES, message: 'The domain is pure: no I/O. Take what you need through a port.' }] }],
    },
  },
  {
    // The transparency-log package is pure too: bytes in, bytes and results out (node:crypto only).
    files: ['packages/tlog/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: IO_MODULES, message: 'packages/tlog is pure: no I/O. Storage and transport belong in an adapter.' }] }],
    },
  },
  {
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['eslint.config.js', 'proto/scripts/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
