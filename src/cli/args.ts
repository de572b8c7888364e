/**
 * Command-line parsing for `http-semantics`. Pure: no file system access, so
 * every usage error is decided here from `argv` alone (except "no such path",
 * which `src/cli.ts` checks).
 */
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export type Concurrency = 'auto' | 'off' | number;

export interface CliOptions {
  /** Files, directories or glob patterns; `['.']` when none are given. */
  paths: string[];
  format: Format;
  outputFile: string | undefined;
  /** Enable every rule (`configs.all`) instead of `configs.recommended`. */
  all: boolean;
  /** Exit 1 when there are more warnings than this; `undefined` = no limit. */
  maxWarnings: number | undefined;
  cache: boolean;
  concurrency: Concurrency;
  help: boolean;
  version: boolean;
}

/** Bad usage: reported as one line on stderr with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP_TEXT = `Usage: http-semantics [options] [paths...]

Lints JavaScript and TypeScript files (js, jsx, mjs, cjs, ts, tsx, mts, cts)
under the given paths (default: the current directory) with the
eslint-plugin-http-semantics rules. The project's own ESLint config is not
used. Files matched by the .gitignore of the current directory (and of the
directories given as paths) are skipped, as are node_modules, dist, build,
.next, .nuxt, .svelte-kit, out and coverage.

Options:
  -f, --format <name>        Output format: stylish (default), json, sarif
  -o, --output-file <path>   Write the report to a file instead of stdout
      --all                  Enable every rule, not only the recommended ones
      --max-warnings <n>     Exit with code 1 when there are more than n warnings
      --cache                Only re-lint changed files (cache file:
                             .http-semantics-cache in the current directory)
      --concurrency <value>  Linting threads: auto (default), off, or a number
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings),
2 bad usage or a crash.
`;

function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UsageError(`--concurrency must be "auto", "off" or a positive integer, got "${value}"`);
}

function parseMaxWarnings(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(`--max-warnings must be a non-negative integer, got "${value}"`);
}

function parseFormat(value: string): Format {
  const format = FORMATS.find((name) => name === value);
  if (format) return format;
  throw new UsageError(`unknown format "${value}"; expected one of ${FORMATS.join(', ')}`);
}

/** Parses `argv` (without `node` and the script); throws `UsageError`. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        all: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        cache: { type: 'boolean' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs messages are one sentence plus a hint; keep the first line.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('\n')[0]?.split('. To specify')[0] ?? message);
  }
  const { values, positionals } = parsed;
  if (values['output-file'] === '') throw new UsageError('--output-file needs a path');
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format: values.format === undefined ? 'stylish' : parseFormat(values.format),
    outputFile: values['output-file'],
    all: values.all ?? false,
    maxWarnings:
      values['max-warnings'] === undefined ? undefined : parseMaxWarnings(values['max-warnings']),
    cache: values.cache ?? false,
    concurrency: values.concurrency === undefined ? 'auto' : parseConcurrency(values.concurrency),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
