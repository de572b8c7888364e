/**
 * `http-semantics [paths...]`: lints a project with the plugin's rules and no
 * ESLint config of its own. `bin/http-semantics.js` calls `main` and uses the
 * resolved number as the exit code. Flags and exit codes: see `HELP_TEXT` in
 * `src/cli/args.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';

import defaultPlugin, { PLUGIN_PREFIX } from './index';
import { REPO_URL } from './util/create-rule';
import { HELP_TEXT, parseCliArgs, UsageError, type CliOptions } from './cli/args';
import {
  buildEslintOptions,
  optionsModuleUrl,
  type CliPlugin,
  type LintSetup,
} from './cli/eslint-options';
import { alwaysIgnoredPatterns, gitignorePatterns } from './cli/gitignore';
import { toSarif, type SarifRuleInfo } from './cli/sarif';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface MainOptions {
  /** The plugin to lint with; defaults to this package's plugin. */
  plugin?: CliPlugin;
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** Working directory: base of relative paths, ignores, SARIF URIs, cache. */
  cwd?: string;
  /** Delay before the TTY progress line appears (default 1000 ms). */
  progressDelayMs?: number;
}

const NAME = 'http-semantics';

function hasGlobCharacters(pattern: string): boolean {
  return /[*?[\]{}!]/.test(pattern);
}

/** Checks the paths; returns the absolute directories among them. */
function checkPaths(paths: readonly string[], cwd: string): string[] {
  const directories: string[] = [];
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) directories.push(absolute);
    else if (!stat && !hasGlobCharacters(p)) throw new UsageError(`no such file or directory: ${p}`);
  }
  return directories;
}

function enabledRules(plugin: CliPlugin, all: boolean): SarifRuleInfo[] {
  const preset = all ? plugin.configs.all : plugin.configs.recommended;
  const out: SarifRuleInfo[] = [];
  for (const [id, setting] of Object.entries(preset.rules)) {
    const level = Array.isArray(setting) ? setting[0] : setting;
    if (level === 'off' || level === 0) continue;
    const name = id.startsWith(`${PLUGIN_PREFIX}/`) ? id.slice(PLUGIN_PREFIX.length + 1) : id;
    const docs = plugin.rules[name]?.meta?.docs;
    out.push({
      id,
      description: docs?.description,
      url: docs?.url,
      severity: level === 'warn' || level === 1 ? 'warning' : 'error',
    });
  }
  return out;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Whether this ESLint supports the `concurrency` option (ESLint >= 9.34). */
function supportsConcurrency(): boolean {
  return typeof (ESLint as { fromOptionsModule?: unknown }).fromOptionsModule === 'function';
}

async function createEngine(
  setup: LintSetup,
  options: CliOptions,
  plugin: CliPlugin | undefined,
): Promise<ESLint> {
  // Workers rebuild the options from a module, so an injected plugin object
  // (tests) or a non-compiled build can only lint on one thread.
  const threaded = !plugin && options.concurrency !== 'off' && supportsConcurrency();
  const url = threaded ? optionsModuleUrl({ ...setup, concurrency: options.concurrency }) : undefined;
  if (url) return ESLint.fromOptionsModule(url);
  const eslintOptions = buildEslintOptions(setup, plugin ?? defaultPlugin);
  if (supportsConcurrency()) eslintOptions.concurrency = 'off';
  return new ESLint(eslintOptions);
}

async function format(
  engine: ESLint,
  results: ESLint.LintResult[],
  options: CliOptions,
  context: {
    cwd: string;
    plugin: CliPlugin;
    color: boolean;
    maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number };
  },
): Promise<string> {
  if (options.format === 'sarif') {
    const log = toSarif(results, {
      cwd: context.cwd,
      tool: {
        name: NAME,
        version: context.plugin.meta?.version ?? defaultPlugin.meta.version,
        informationUri: REPO_URL,
      },
      rules: enabledRules(context.plugin, options.all),
    });
    return `${JSON.stringify(log, null, 2)}\n`;
  }
  const formatter = await engine.loadFormatter(options.format);
  const output = await formatter.format(results, {
    color: context.color,
    ...(context.maxWarningsExceeded ? { maxWarningsExceeded: context.maxWarningsExceeded } : {}),
  });
  return output === '' || output.endsWith('\n') ? output : `${output}\n`;
}

export async function main(argv: readonly string[], mainOptions: MainOptions = {}): Promise<number> {
  const stdout = mainOptions.stdout ?? process.stdout;
  const stderr = mainOptions.stderr ?? process.stderr;
  const cwd = path.resolve(mainOptions.cwd ?? process.cwd());
  const plugin = mainOptions.plugin ?? defaultPlugin;

  let options: CliOptions;
  let targetDirectories: string[];
  try {
    options = parseCliArgs(argv);
    if (options.help) {
      stdout.write(HELP_TEXT);
      return 0;
    }
    if (options.version) {
      stdout.write(`${plugin.meta?.version ?? defaultPlugin.meta.version}\n`);
      return 0;
    }
    targetDirectories = checkPaths(options.paths, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`${NAME}: ${error.message} (see ${NAME} --help)\n`);
      return 2;
    }
    throw error;
  }

  const setup: LintSetup = {
    cwd,
    all: options.all,
    ignores: [...alwaysIgnoredPatterns(), ...gitignorePatterns(cwd, targetDirectories)],
    cache: options.cache,
  };

  const tty = stderr.isTTY === true;
  const started = Date.now();
  let progressShown = false;
  const showProgress = (): void => {
    progressShown = true;
    stderr.write(`${NAME}: linting ${options.paths.join(' ')}…\n`);
  };
  // Short runs finish before the timer fires and print nothing.
  const delay = mainOptions.progressDelayMs ?? 1000;
  if (tty && delay <= 0) showProgress();
  const timer = tty && delay > 0 ? setTimeout(showProgress, delay) : undefined;

  let results: ESLint.LintResult[];
  let engine: ESLint;
  try {
    engine = await createEngine(setup, options, mainOptions.plugin);
    results = await engine.lintFiles(options.paths);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`${NAME}: linting failed: ${message}\n`);
    return 2;
  } finally {
    if (timer) clearTimeout(timer);
  }

  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  const maxWarningsExceeded =
    options.maxWarnings !== undefined && warnings > options.maxWarnings
      ? { maxWarnings: options.maxWarnings, foundWarnings: warnings }
      : undefined;

  const output = await format(engine, results, options, {
    cwd,
    plugin,
    color: stdout.isTTY === true && options.outputFile === undefined,
    maxWarningsExceeded,
  });
  if (options.outputFile !== undefined) {
    const file = path.resolve(cwd, options.outputFile);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, output);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      stderr.write(`${NAME}: cannot write ${options.outputFile}: ${message}\n`);
      return 2;
    }
  } else if (output !== '') {
    stdout.write(output);
  }

  if (results.length === 0) {
    const where = options.paths.join(' ');
    stderr.write(`${NAME}: warning: no JavaScript or TypeScript files to lint under ${where}\n`);
  }
  if (maxWarningsExceeded) {
    stderr.write(
      `${NAME}: too many warnings (${warnings}); the maximum allowed is ${maxWarningsExceeded.maxWarnings}\n`,
    );
  }
  if (progressShown) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stderr.write(
      `${NAME}: ${plural(results.length, 'file')} linted in ${seconds} s: ` +
        `${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
    );
  }
  return errors > 0 || maxWarningsExceeded ? 1 : 0;
}
