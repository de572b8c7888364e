/**
 * The ESLint options the command lints with. Kept in a module of its own,
 * with only JSON-serialisable input, because multithread linting rebuilds
 * the options inside every worker from an options module (see
 * `optionsModuleUrl`): plugin objects and parsers cannot be sent to a worker.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import defaultPlugin, { PLUGIN_PREFIX } from '../index';

/** Extensions the command lints. */
export const EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'] as const;

export const CACHE_FILE = '.http-semantics-cache';

/**
 * Globals of Node.js and of the fetch API that server code uses. Declared so
 * that `require`, `fetch`, `Response`, ... are resolvable globals: the
 * analysis tracks them with `ReferenceTracker`, which only follows declared
 * globals.
 */
const SERVER_GLOBALS: Record<string, 'readonly' | 'writable'> = {
  AbortController: 'readonly',
  AbortSignal: 'readonly',
  Blob: 'readonly',
  Buffer: 'readonly',
  FormData: 'readonly',
  Headers: 'readonly',
  ReadableStream: 'readonly',
  Request: 'readonly',
  Response: 'readonly',
  TextDecoder: 'readonly',
  TextEncoder: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
  clearInterval: 'readonly',
  clearTimeout: 'readonly',
  console: 'readonly',
  crypto: 'readonly',
  exports: 'writable',
  fetch: 'readonly',
  global: 'readonly',
  module: 'readonly',
  process: 'readonly',
  queueMicrotask: 'readonly',
  require: 'readonly',
  setImmediate: 'readonly',
  setInterval: 'readonly',
  setTimeout: 'readonly',
  structuredClone: 'readonly',
};

/** JSON-serialisable description of a run. */
export interface LintSetup {
  /** Absolute working directory; ESLint's base path for patterns and ignores. */
  cwd: string;
  /** `configs.all` instead of `configs.recommended`. */
  all: boolean;
  /** Flat-config ignore patterns relative to `cwd`. */
  ignores: string[];
  cache: boolean;
  concurrency?: 'auto' | 'off' | number;
}

/** The subset of the plugin the command needs; tests pass their own. */
export interface CliPlugin {
  meta?: { name?: string; version?: string };
  rules: Record<string, { meta?: { type?: string; docs?: { description?: string; url?: string } } }>;
  configs: {
    recommended: { rules: Record<string, unknown> };
    all: { rules: Record<string, unknown> };
  };
}

export function buildConfig(setup: LintSetup, plugin: CliPlugin = defaultPlugin): Linter.Config[] {
  const preset = setup.all ? plugin.configs.all : plugin.configs.recommended;
  const eslintPlugin = plugin as unknown as ESLint.Plugin;
  return [
    { name: 'http-semantics/cli/ignores', ignores: setup.ignores },
    {
      name: 'http-semantics/cli/files',
      files: EXTENSIONS.map((ext) => `**/*.${ext}`),
      plugins: { [PLUGIN_PREFIX]: eslintPlugin },
      languageOptions: {
        parser: tsParser as Linter.Parser,
        sourceType: 'module',
        ecmaVersion: 'latest',
        globals: SERVER_GLOBALS,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      // The target's disable comments name rules of its own config, which are
      // not loaded here; do not report them as unused.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: preset.rules as Linter.RulesRecord,
    },
    {
      name: 'http-semantics/cli/commonjs',
      files: ['**/*.cjs'],
      languageOptions: { sourceType: 'commonjs' },
    },
  ];
}

/** Options for `new ESLint(...)`; `concurrency` is left to the caller. */
export function buildEslintOptions(setup: LintSetup, plugin: CliPlugin = defaultPlugin): ESLint.Options {
  const options: ESLint.Options = {
    cwd: setup.cwd,
    overrideConfigFile: true,
    overrideConfig: buildConfig(setup, plugin),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  };
  if (setup.cache) {
    options.cache = true;
    options.cacheLocation = path.join(setup.cwd, CACHE_FILE);
    options.cacheStrategy = 'content';
  }
  if (setup.concurrency !== undefined) options.concurrency = setup.concurrency;
  return options;
}

/**
 * A `data:` URL module for `ESLint.fromOptionsModule`, which workers import
 * to rebuild the options with the real plugin. `undefined` when this module
 * is not running from compiled JavaScript (under vitest, for instance), in
 * which case the caller lints on one thread.
 */
export function optionsModuleUrl(setup: LintSetup): URL | undefined {
  if (typeof __filename !== 'string' || !__filename.endsWith('.js')) return undefined;
  const self = pathToFileURL(__filename).href;
  const source =
    `import mod from ${JSON.stringify(self)};\n` +
    `export default mod.buildEslintOptions(${JSON.stringify(setup)});\n`;
  return new URL(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}
