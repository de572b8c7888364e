/**
 * The `http-semantics` command. Most tests call `main` in-process with a tiny
 * test plugin (so formats and exit codes do not depend on the real rules);
 * the last group spawns the built bin with the real plugin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from 'eslint';

import { main, type OutputStream } from '../src/cli';
import { convertGitignoreLine } from '../src/cli/gitignore';
import type { CliPlugin } from '../src/cli/eslint-options';
import plugin from '../src/index';

const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'test', 'fixtures', 'cli');
const bin = path.join(root, 'bin', 'http-semantics.js');

// ---------------------------------------------------------------------------
// A test plugin: `test-debugger` (error) reports every `debugger` statement,
// `test-console` (warn) every `console.log(...)`, and `test-all-only` (only in
// `configs.all`) every JSX element.
// ---------------------------------------------------------------------------

function reporter(message: string, selector: string): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description: `Disallow ${message}`, url: `https://example.test/${message}` },
      messages: { found: `Found ${message}.` },
      schema: [],
    },
    create(context) {
      return { [selector]: (node: Rule.Node) => context.report({ node, messageId: 'found' }) };
    },
  };
}

const testPlugin: CliPlugin = {
  meta: { name: 'test-plugin', version: '9.9.9' },
  rules: {
    'test-debugger': reporter('debugger', 'DebuggerStatement'),
    'test-console': reporter('console.log', "CallExpression[callee.object.name='console']"),
    'test-all-only': reporter('JSX', 'JSXElement'),
  },
  configs: {
    recommended: {
      rules: { 'http-semantics/test-debugger': 'error', 'http-semantics/test-console': 'warn' },
    },
    all: {
      rules: {
        'http-semantics/test-debugger': 'error',
        'http-semantics/test-console': 'warn',
        'http-semantics/test-all-only': 'error',
      },
    },
  },
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const tempDirs: string[] = [];

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/**
 * Copies `test/fixtures/cli/<name>` to a temporary directory. For `project`,
 * also renames `gitignore` to `.gitignore`, adds `src/broken.ts` (a syntax
 * error) and the files that must be skipped (they cannot live in the repository: its own .gitignore hides
 * node_modules/ and dist/). Each of them contains a `debugger` statement.
 */
function makeProject(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `http-semantics-cli-${name}-`));
  tempDirs.push(dir);
  fs.cpSync(path.join(fixtures, name), dir, { recursive: true });
  if (fs.existsSync(path.join(dir, 'gitignore'))) {
    fs.renameSync(path.join(dir, 'gitignore'), path.join(dir, '.gitignore'));
  }
  if (name === 'project') {
    // Not committed: a file that does not parse would break tools run on this repository.
    write(
      path.join(dir, 'src', 'broken.ts'),
      "export const handler = (req, res) => {\n  res.status(500.json({ error: 'oops' });\n};\n",
    );
    const skipped = 'debugger;\n';
    write(path.join(dir, 'generated', 'client.ts'), skipped);
    write(path.join(dir, 'src', 'token.secret.ts'), skipped);
    write(path.join(dir, 'node_modules', 'pkg', 'index.js'), skipped);
    write(path.join(dir, 'dist', 'server.js'), skipped);
    write(path.join(dir, '.next', 'server', 'page.js'), skipped);
    write(path.join(dir, 'coverage', 'lcov-report', 'sorter.js'), skipped);
  }
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

class Capture implements OutputStream {
  text = '';
  constructor(public isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function run(argv: string[], cwd: string, options: { tty?: boolean } = {}) {
  const stdout = new Capture();
  const stderr = new Capture(options.tty ?? false);
  const code = await main(argv, { plugin: testPlugin, stdout, stderr, cwd, progressDelayMs: 0 });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  fatal?: boolean;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

function byRelativePath(results: JsonResult[], cwd: string): Record<string, JsonResult> {
  return Object.fromEntries(
    results.map((result) => [path.relative(cwd, result.filePath).split(path.sep).join('/'), result]),
  );
}

// ---------------------------------------------------------------------------
// In-process tests with the test plugin
// ---------------------------------------------------------------------------

describe('http-semantics CLI (in-process, test plugin)', () => {
  let project: string;
  beforeAll(() => {
    project = makeProject('project');
  });

  it('exits 0 with no output on a clean directory', async () => {
    const result = await run([], makeProject('clean'));
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints stylish output and exits 1 when there are errors', async () => {
    const result = await run(['src'], project);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(path.join(project, 'src', 'handler.ts'));
    expect(result.stdout).toMatch(/7:3\s+error\s+Found debugger\s+http-semantics\/test-debugger/);
    expect(result.stdout).toMatch(/6:3\s+warning\s+Found console\.log\s+http-semantics\/test-console/);
    expect(result.stdout).toContain('Parsing error');
    expect(result.stderr).toBe('');
  });

  it('lints js/ts/tsx/cjs files, honours .gitignore (with negation) and skips build directories', async () => {
    const result = await run(['--format', 'json'], project);
    expect(result.code).toBe(1);
    const files = byRelativePath(JSON.parse(result.stdout) as JsonResult[], project);
    expect(Object.keys(files).sort()).toEqual([
      'src/broken.ts',
      'src/component.tsx',
      'src/handler.ts',
      'src/keep.secret.ts',
      'src/legacy.cjs',
    ]);
    // A top-level `return` parses only because .cjs files are CommonJS.
    expect(files['src/legacy.cjs']?.messages).toEqual([]);
    expect(files['src/component.tsx']?.messages.map((m) => m.ruleId)).toEqual(['http-semantics/test-console']);
    expect(files['src/keep.secret.ts']?.messages.map((m) => m.ruleId)).toEqual(['http-semantics/test-debugger']);
  });

  it('reports a syntax error as a fatal message without crashing', async () => {
    const result = await run(['--format', 'json', 'src/broken.ts'], project);
    expect(result.code).toBe(1);
    const [broken] = JSON.parse(result.stdout) as JsonResult[];
    expect(broken?.errorCount).toBe(1);
    expect(broken?.messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, severity: 2, line: 2 }),
    ]);
    expect(broken?.messages[0]?.message).toMatch(/^Parsing error:/);
  });

  it('writes ESLint json results', async () => {
    const result = await run(['-f', 'json', 'src/handler.ts'], project);
    const results = JSON.parse(result.stdout) as JsonResult[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      filePath: path.join(project, 'src', 'handler.ts'),
      errorCount: 1,
      warningCount: 1,
      messages: [
        { ruleId: 'http-semantics/test-console', severity: 1, line: 6, column: 3, message: 'Found console.log.' },
        { ruleId: 'http-semantics/test-debugger', severity: 2, line: 7, column: 3, message: 'Found debugger.' },
      ],
    });
  });

  it('writes SARIF 2.1.0', async () => {
    const result = await run(['--format', 'sarif'], project);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run0] = log.runs;
    expect(run0.tool.driver).toMatchObject({
      name: 'http-semantics',
      version: '9.9.9',
      informationUri: expect.stringMatching(/^https:\/\//),
    });
    expect(run0.tool.driver.rules).toEqual([
      {
        id: 'http-semantics/test-debugger',
        shortDescription: { text: 'Disallow debugger' },
        helpUri: 'https://example.test/debugger',
        defaultConfiguration: { level: 'error' },
      },
      {
        id: 'http-semantics/test-console',
        shortDescription: { text: 'Disallow console.log' },
        helpUri: 'https://example.test/console.log',
        defaultConfiguration: { level: 'warning' },
      },
    ]);
    const debuggerInHandler = run0.results.find(
      (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.ruleId === 'http-semantics/test-debugger' &&
        r.locations[0]?.physicalLocation.artifactLocation.uri === 'src/handler.ts',
    );
    expect(debuggerInHandler).toEqual({
      ruleId: 'http-semantics/test-debugger',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Found debugger.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'src/handler.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 12 },
          },
        },
      ],
    });
    const levels = run0.results.map((r: { level: string }) => r.level).sort();
    expect(levels).toEqual(['error', 'error', 'warning', 'warning']);
    // The parse error is a notification, not a result: it has no rule.
    expect(run0.invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'error',
        message: { text: expect.stringMatching(/^Parsing error:/) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/broken.ts', uriBaseId: '%SRCROOT%' },
              region: { startLine: 2, startColumn: expect.any(Number) },
            },
          },
        ],
      }),
    ]);
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${new URL(`file://${project}`).href}/`);
  });

  it('uses configs.all with --all', async () => {
    const recommended = await run(['-f', 'json', 'src/component.tsx'], project);
    const all = await run(['--all', '-f', 'json', 'src/component.tsx'], project);
    const ids = (out: string) => (JSON.parse(out) as JsonResult[])[0]?.messages.map((m) => m.ruleId);
    expect(ids(recommended.stdout)).toEqual(['http-semantics/test-console']);
    expect(ids(all.stdout)).toEqual(['http-semantics/test-console', 'http-semantics/test-all-only']);
    expect(all.code).toBe(1);
  });

  it('allows warnings unless --max-warnings is exceeded', async () => {
    const warningsOnly = ['src/component.tsx'];
    expect((await run(warningsOnly, project)).code).toBe(0);
    expect((await run(['--max-warnings', '1', ...warningsOnly], project)).code).toBe(0);
    const exceeded = await run(['--max-warnings', '0', ...warningsOnly], project);
    expect(exceeded.code).toBe(1);
    expect(exceeded.stderr).toBe('http-semantics: too many warnings (1); the maximum allowed is 0\n');
  });

  it('writes the report to --output-file', async () => {
    const result = await run(['--format', 'sarif', '--output-file', 'reports/out.sarif', 'src/handler.ts'], project);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const log = JSON.parse(fs.readFileSync(path.join(project, 'reports', 'out.sarif'), 'utf8'));
    expect(log.runs[0].results).toHaveLength(2);
  });

  it.each([
    [['--bogus'], /^http-semantics: Unknown option '--bogus' \(see http-semantics --help\)\n$/],
    [['--format', 'xml'], /^http-semantics: unknown format "xml"; expected one of stylish, json, sarif/],
    [['--format'], /^http-semantics: Option '-f, --format <value>' argument missing/],
    [['no/such/dir'], /^http-semantics: no such file or directory: no\/such\/dir/],
    [['--max-warnings', 'many'], /^http-semantics: --max-warnings must be a non-negative integer, got "many"/],
    [['--concurrency', '0'], /^http-semantics: --concurrency must be "auto", "off" or a positive integer/],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const result = await run(argv, project);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('warns on stderr and exits 0 when no files match', async () => {
    const result = await run(['src/notes.md', 'generated'], project);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'http-semantics: warning: no JavaScript or TypeScript files to lint under src/notes.md generated\n',
    );
  });

  it('shows progress and a summary on a TTY only', async () => {
    const tty = await run(['src/handler.ts'], project, { tty: true });
    expect(tty.stderr).toMatch(
      /^http-semantics: linting src\/handler\.ts…\nhttp-semantics: 1 file linted in \d+\.\d s: 1 error, 1 warning\n$/,
    );
    const pipe = await run(['src/handler.ts'], project, { tty: false });
    expect(pipe.stderr).toBe('');
  });

  it('uses ESLint cache in .http-semantics-cache with --cache', async () => {
    const dir = makeProject('clean');
    const first = await run(['--cache'], dir);
    expect(first.code).toBe(0);
    expect(fs.existsSync(path.join(dir, '.http-semantics-cache'))).toBe(true);
    const second = await run(['--cache'], dir);
    expect(second).toEqual(first);
  });

  it('prints --help and --version', async () => {
    const help = await run(['--help'], project);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: http-semantics \[options\] \[paths\.\.\.\]/);
    for (const flag of ['--format', '--output-file', '--all', '--max-warnings', '--cache', '--concurrency']) {
      expect(help.stdout).toContain(flag);
    }
    const version = await run(['--version'], project);
    expect(version).toEqual({ code: 0, stdout: '9.9.9\n', stderr: '' });
  });
});

describe('gitignore conversion', () => {
  it.each([
    ['# comment', undefined],
    ['   ', undefined],
    ['generated/', '**/generated/'],
    ['*.log', '**/*.log'],
    ['/build-output', 'build-output'],
    ['src/gen/*.ts', 'src/gen/*.ts'],
    ['!keep.ts', '!**/keep.ts'],
    ['logs/**', 'logs/**/*'],
    ['\\#file', '**/#file'],
    ['{a,b}.js', '**/\\{a,b}.js'],
    ['trailing.js   ', '**/trailing.js'],
  ])('%j -> %j', (line, expected) => {
    expect(convertGitignoreLine(line)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------
// End to end through the built bin, with the real plugin
// ---------------------------------------------------------------------------

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function spawnBin(args: string[], cwd: string) {
  const child = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('http-semantics bin (end to end, real plugin)', () => {
  beforeAll(() => {
    const built = path.join(root, 'dist', 'src', 'cli.js');
    const sources = Math.max(newestMtime(path.join(root, 'src', 'cli.ts')), newestMtime(path.join(root, 'src', 'cli')));
    if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
      try {
        // Type errors elsewhere in the tree still emit JavaScript; only a
        // missing output is fatal here.
        execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
          cwd: root,
          stdio: 'pipe',
        });
      } catch {
        // checked below
      }
    }
    expect(fs.existsSync(built)).toBe(true);
  });

  it('exits 0 on a clean project and 2 on bad usage', () => {
    expect(spawnBin([], makeProject('clean'))).toEqual({ code: 0, stdout: '', stderr: '' });
    const bad = spawnBin(['--format', 'xml'], makeProject('clean'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^http-semantics: unknown format "xml"/);
  });

  it('reports a parse error with exit 1 and valid SARIF, and lints the same with worker threads', () => {
    const dir = makeProject('project');
    const single = spawnBin(['-f', 'sarif', '--concurrency', 'off'], dir);
    expect(single.code).toBe(1);
    const log = JSON.parse(single.stdout);
    expect(log.runs[0].tool.driver.name).toBe('http-semantics');
    expect(log.runs[0].tool.driver.version).toBe(plugin.meta.version);
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', message: { text: expect.stringMatching(/^Parsing error:/) } }),
    ]);
    // --concurrency 2 lints in two worker threads (options rebuilt from a module).
    const threaded = spawnBin(['-f', 'sarif', '--concurrency', '2'], dir);
    expect(threaded.code).toBe(1);
    expect(JSON.parse(threaded.stdout)).toEqual(log);
  });

  it.skipIf(!('no-500-for-validation' in plugin.rules))(
    'reports a 500 sent for a failed validation (no-500-for-validation)',
    () => {
      const dir = makeProject('validation-500');
      const result = spawnBin(['--format', 'json'], dir);
      expect(result.code).toBe(1);
      const [users] = JSON.parse(result.stdout) as JsonResult[];
      expect(users?.messages).toContainEqual(
        expect.objectContaining({ ruleId: 'http-semantics/no-500-for-validation', line: 12 }),
      );
    },
  );
});
