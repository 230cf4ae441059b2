import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import moduleBoundaries from './scripts/eslint-module-boundaries.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.test-results/**', 'packages/server/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Sealed server modules (scripts/eslint-module-boundaries.js): another module only through its
    // index.ts, never its repository; platform/ imports no module, nor app/, seed/ or cli/.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { yigong: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: { 'yigong/module-boundaries': 'error' },
  },
  {
    // One role check per service: requirePermission (platform/auth/authorize.ts), never a
    // hand-written `if (!hasPermission(…)) throw`.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/platform/auth/authorize.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "IfStatement[consequent.type='ThrowStatement'] CallExpression[callee.name='hasPermission']",
        message: 'Check the role with requirePermission(actor, action) from platform/auth/authorize.ts.',
      }],
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      // The domain is pure: no I/O, no framework, nothing of ours.
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'pg', '@electric-sql/*', 'fastify', '@yigong/*'] }],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['@yigong/server', '@yigong/server/*', '**/server/src/**'] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.int.test.ts', 'packages/server/test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
