import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '**/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The web app runs in the browser and reaches the server only through @parley/contracts' typed client.
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        HTMLElement: 'readonly',
        HTMLInputElement: 'readonly',
        HTMLAnchorElement: 'readonly',
      },
    },
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**', '@parley/server', 'node:*'] }] },
  },
  {
    // The layering of docs/architecture.md: domain and policies stay free of I/O and outer layers.
    files: ['packages/server/src/domain/**/*.ts', 'packages/server/src/policies/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/db/**', '**/http/**', '**/use-cases/**', '**/cli/**', 'node:fs', 'node:net', 'kysely', 'fastify', 'pg', '@electric-sql/*'] },
      ],
    },
  },
  {
    files: ['packages/server/src/use-cases/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/http/**', '**/cli/**', 'kysely', 'fastify', 'pg', '@electric-sql/*'] }] },
  },
  {
    files: ['packages/server/src/http/**/*.ts', 'packages/server/src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/db/**', 'kysely', 'pg'] }] },
  },
  {
    files: ['packages/contracts/**/*.ts', 'packages/tlog/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**'] }] },
  },
);
