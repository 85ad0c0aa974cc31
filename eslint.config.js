// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const fence = (message, patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'scratch/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  // shared/ is isomorphic: no node:*, no server, no web.
  {
    files: ['shared/**/*.ts'],
    rules: fence('shared/ must stay isomorphic: no node built-ins, server or web code', [['node:*', '**/server/**', '**/web/**', 'pg', '@electric-sql/*']]),
  },
  // The web app never imports server code or database drivers.
  {
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/vite.config.ts'],
    rules: fence('web/ talks to the server over HTTP only', [['**/server/**', 'node:*', 'pg', '@electric-sql/*']]),
  },
  // Only server/db talks to a database driver.
  {
    files: ['server/**/*.ts'],
    ignores: ['server/db/**', 'server/test/**', 'server/**/*.test.ts', 'server/backup/**', 'server/cli/**'],
    rules: fence('only server/db imports a database driver', [['pg', '@electric-sql/*']]),
  },
  // Features get scoped(): the unscoped systemDb is for sign-in, sessions, jobs, the CLI and tests.
  {
    files: ['server/features/**/*.ts'],
    ignores: ['server/features/session/**', 'server/features/me/**', 'server/features/health.ts', 'server/features/linkage/**', 'server/features/partners/public.ts', 'server/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='systemDb']", message: 'features use scoped(c, …), never the unscoped systemDb' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
