// Lint, including the folder import rules of DESIGN.md: only main/electron and the preload import
// electron; core never imports the UI; the renderer never imports Node, electron or main/core;
// main/common is pure (no Node, no DOM) so both sides can share it; the contract imports nothing.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electron = { name: 'electron', allowTypeImports: true, message: 'Only main/electron and main/preload may import electron (in plain Node it tries to download the binary).' };
// Hosts never assemble a check's input themselves (DESIGN.md "The next shape"): they reach the checks
// through the check service (or CalqueApi), so the app, the article list and `calque check` agree.
const checkInternals = { group: ['**/core/checks/**', '!**/core/checks/service.js'], message: 'Hosts reach the checks through core/checks/service.ts (or CalqueApi), never their internals.' };
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'stream'], message: 'No Node built-ins here.' };

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp-*', 'samples/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.mjs', 'scripts/**', 'bin/**'], languageOptions: { globals: globals.node } },
  {
    files: ['main/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./[\\w-]+\\.js$)', message: 'The contract imports nothing outside itself.' }] }] },
  },
  {
    files: ['main/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [nodeBuiltins, { group: ['**/core/**', '**/renderer/**', '**/electron/**', '**/serve/**', '**/cli/**', 'react', 'monaco-editor*'], message: 'main/common is shared by both sides: pure code only.' }],
        },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [{ group: ['**/renderer/**', '**/electron/**', '**/serve/**', '**/cli/**', 'react', 'react-dom', 'monaco-editor*'], message: 'Core is plain Node product logic: it never imports a host or the UI.' }] },
      ],
    },
  },
  {
    files: ['main/serve/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'Hosts other than main/electron never import electron or the UI.' }, checkInternals] }],
    },
  },
  {
    files: ['main/electron/**/*.ts', 'main/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The shell never imports the UI.' }, checkInternals] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      // Document text and comments are rendered as text, never as HTML (DESIGN.md security table).
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never build HTML from strings.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Never build HTML from strings.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]", message: 'Never build HTML from strings.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [nodeBuiltins, { group: ['**/main/core/**', '**/main/electron/**', '**/main/serve/**', '**/main/cli/**', '**/main/preload/**'], message: 'The renderer talks only to the contract (renderer/api.ts).' }],
        },
      ],
    },
  },
  {
    // Issue 8: no component over 400 lines (ReviewView had 1,236); split by working copy, contributions and hooks.
    files: ['renderer/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'conformance/**/*.ts', 'stress/**/*.ts'],
    // Playwright fixtures call `use`, which is not React's hook.
    rules: { 'no-restricted-imports': ['error', { paths: [electron] }], 'react-hooks/rules-of-hooks': 'off' },
  },
);
