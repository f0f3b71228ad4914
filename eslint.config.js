import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NO_ELECTRON = { name: 'electron', message: 'src/core, src/shared, src/node and src/cli must not import electron.' };
/** An archive's store and index are the core's: outside it, `Archive`'s named methods (services/context.ts holds the core's way in). */
const NO_ARCHIVE_INSIDE = { group: ['**/core/services/context', '**/core/services/context.ts'], message: "Outside src/core an archive is used through Archive's methods, never its context (store, index)." };
const NO_CARRIERS = { group: ['**/node/**', '**/main/**', '**/cli/**', '**/renderer/**'], message: 'The core is carried by src/node, src/main and src/cli; it never imports them.' };

/** A layer of the core: files matching `files` may not import `banned` (nor electron, nor a carrier). */
function layer(files, banned, message) {
  return { files: [files], rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [NO_CARRIERS, { group: banned, message }] }] } };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/screenshots/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'bin/**', 'test/**', 'bench/**', 'src/node/**', 'src/cli/**', 'src/core/**', 'src/main/**'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The domain must not depend on a runtime: nothing in core or shared may import electron.
    files: ['src/node/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [NO_ARCHIVE_INSIDE] }] },
  },
  {
    files: ['src/eval/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_ARCHIVE_INSIDE] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [NO_CARRIERS] }] },
  },
  // Layers inside the core, lowest first (VS Code's layering rule, kept by lint rather than hoped for):
  // text ← ingest ← store; text ← search; text ← export; service.ts composes them all.
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [{ group: ['**/core/**', '**/node/**', '**/main/**', '**/cli/**', '**/renderer/**'], message: 'src/shared is the contract: it imports nothing of the app.' }] }] },
  },
  layer('src/core/text/**/*.ts', ['../ingest/**', '../store/**', '../search/**', '../export/**', '../service'], 'core/text is the lowest layer: it imports no other core folder.'),
  layer('src/core/ingest/**/*.ts', ['../store/**', '../search/**', '../export/**', '../service'], 'core/ingest reads pages; it never reaches the store, the index or exports.'),
  layer('src/core/store/**/*.ts', ['../search/**', '../export/**', '../sync/**', '../service'], 'core/store is the source of truth; the search index is derived from it, never the other way.'),
  layer('src/core/sync/**/*.ts', ['../search/**', '../export/**', '../ingest/**', '../text/**'], 'core/sync moves operations between the store and PostgreSQL; it changes the archive only through the store and the Archive.'),
  layer('src/core/search/**/*.ts', ['../store/**', '../ingest/**', '../export/**', '../service'], 'core/search gets stored text through callbacks from the service, not from the store.'),
  layer('src/core/export/**/*.ts', ['../store/**', '../search/**', '../ingest/**', '../service'], 'core/export renders what it is given.'),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', '**/core/**', '**/node/**'], message: 'The renderer knows only src/shared.' }] }],
    },
  },
);
