// The project's own lint config (flat). ESM because eslint-plugin-eslint-plugin
// ships as ESM only.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  structuredClone: 'readonly',
};

// typescript-eslint applies to the code folders and the root config files.
const codeFiles = ['src/**', 'rules/**', 'test/**', 'bench/**', 'scripts/**', '*.{js,cjs,mjs,ts,mts,cts}'];

export default tseslint.config(
  {
    name: 'http-semantics/ignores',
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'examples/',
      'test/corpus/',
      'test/fixtures/',
      'bench/.corpus/',
      'bench/results/',
      'realworld/',
    ],
  },
  js.configs.recommended,
  {
    name: 'http-semantics/node-globals',
    languageOptions: { globals: nodeGlobals },
  },
  ...tseslint.configs.recommended.map((config) => ({
    ...config,
    files: config.files ?? codeFiles,
  })),
  {
    name: 'http-semantics/commonjs-scripts',
    files: codeFiles.map((glob) => (glob.endsWith('**') ? `${glob}/*.{js,cjs}` : '*.{js,cjs}')),
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'http-semantics/unused-vars',
    files: codeFiles,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    ...eslintPlugin.configs['rules-recommended'],
    name: 'http-semantics/eslint-plugin-rules',
    files: ['rules/**/*.ts'],
  },
  {
    name: 'http-semantics/rules-read-options-from-create',
    files: ['rules/**/*.ts'],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce|Prefer)\\b' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='context'][property.name='options']",
          message:
            'Read options from the second parameter of create(context, [options]); createRule applies defaultOptions there.',
        },
        {
          selector: "VariableDeclarator[init.name='context'] > ObjectPattern > Property[key.name='options']",
          message:
            'Read options from the second parameter of create(context, [options]); createRule applies defaultOptions there.',
        },
      ],
    },
  },
  {
    ...eslintPlugin.configs['tests-recommended'],
    name: 'http-semantics/eslint-plugin-tests',
    files: ['test/rules/**/*.ts'],
  },
);
