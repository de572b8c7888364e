/**
 * The built plugin (dist/, built by test/global-setup.ts) loads the way users
 * load it: ESLint 10 and ESLint 9 flat config through the Node API, ESLint 9
 * eslintrc (`legacy-recommended`) through LegacyESLint, and the CLI's
 * `--plugin http-semantics` resolving the package by name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { LegacyESLint } from 'eslint9/use-at-your-own-risk';
import type { Plugin } from '../src/index';

const root = path.resolve(__dirname, '..');
const requireHere = createRequire(__filename);
const builtPlugin = requireHere('../dist/index.cjs') as Plugin;
const tsParserPath = requireHere.resolve('@typescript-eslint/parser');
const tsParser = requireHere('@typescript-eslint/parser') as Linter.Parser;

const expressSnippet = `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ email: z.string().email() });

app.post('/users', (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) {
    return res.status(500).json({ error: 'invalid body' });
  }
  res.status(201).json({ id: 1 });
});

export default app;
`;

/** A temporary project whose node_modules links `eslint-plugin-http-semantics` to this repository. */
function makeConsumerProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-semantics-consumer-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(root, path.join(dir, 'node_modules', 'eslint-plugin-http-semantics'), 'junction');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  return dir;
}

describe('built entry points', () => {
  it('CommonJS and ESM entries return the same plugin object (checked in plain Node)', () => {
    // Plain Node, not vitest's module runner, so ESM/CJS interop is the real one.
    const script = `
      import { createRequire } from 'node:module';
      import esm from ${JSON.stringify(path.join(root, 'dist', 'esm', 'index.mjs'))};
      const cjs = createRequire(import.meta.url)(${JSON.stringify(path.join(root, 'dist', 'index.cjs'))});
      console.log(JSON.stringify({
        same: esm === cjs,
        rules: Object.keys(esm.rules),
        configs: Object.keys(esm.configs).sort(),
        selfReference: esm.configs.recommended.plugins['http-semantics'] === esm,
      }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      same: true,
      rules: Object.keys(builtPlugin.rules),
      configs: ['all', 'legacy-all', 'legacy-recommended', 'recommended'],
      selfReference: true,
    });
  });
});

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
] as const)('%s flat config (Node API)', (_name, ESLintClass) => {
  const makeEslint = () =>
    new ESLintClass({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
        builtPlugin.configs.recommended as unknown as Linter.Config,
      ],
    });

  it('loads configs.recommended and lints an Express handler without fatal errors', async () => {
    const eslint = makeEslint();
    const [result] = await eslint.lintText(expressSnippet, { filePath: path.join(root, 'server.ts') });
    expect(result!.fatalErrorCount).toBe(0);
    expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
    // Only our rules are on, so every message comes from the plugin.
    for (const message of result!.messages) expect(message.ruleId).toMatch(/^http-semantics\//);
  });

  it('resolves the recommended rules for a file', async () => {
    const config = (await makeEslint().calculateConfigForFile(path.join(root, 'server.ts'))) as {
      plugins: Record<string, unknown> | string[];
      rules?: Record<string, unknown>;
    };
    const rules = Object.keys(config.rules ?? {}).filter((id) => id.startsWith('http-semantics/'));
    expect(rules.sort()).toEqual(Object.keys(builtPlugin.configs.recommended.rules).sort());
    const pluginNames = Array.isArray(config.plugins) ? config.plugins : Object.keys(config.plugins);
    expect(pluginNames.some((name) => name.startsWith('http-semantics'))).toBe(true);
  });
});

describe('ESLint 9 eslintrc (LegacyESLint) with legacy-recommended', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeConsumerProject();
    fs.writeFileSync(
      path.join(dir, '.eslintrc.json'),
      JSON.stringify({
        root: true,
        parser: tsParserPath,
        parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        extends: ['plugin:http-semantics/legacy-recommended'],
      }),
    );
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves plugin:http-semantics/legacy-recommended from node_modules', async () => {
    const eslint = new LegacyESLint({ cwd: dir });
    const config = (await eslint.calculateConfigForFile(path.join(dir, 'server.ts'))) as {
      plugins: string[];
      rules: Record<string, unknown>;
    };
    expect(config.plugins).toContain('http-semantics');
    const rules = Object.keys(config.rules).filter((id) => id.startsWith('http-semantics/'));
    expect(rules.sort()).toEqual(Object.keys(builtPlugin.configs['legacy-recommended'].rules).sort());
  });

  it('lints an Express handler without fatal errors', async () => {
    const eslint = new LegacyESLint({ cwd: dir });
    const [result] = await eslint.lintText(expressSnippet, { filePath: path.join(dir, 'server.ts') });
    expect(result!.fatalErrorCount).toBe(0);
    for (const message of result!.messages) expect(message.ruleId).toMatch(/^http-semantics\//);
  });
});

describe.each([
  ['ESLint 10', 'eslint'],
  ['ESLint 9', 'eslint9'],
])('%s CLI resolves --plugin http-semantics by package name', (_name, pkg) => {
  let dir: string;
  beforeAll(() => {
    dir = makeConsumerProject();
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function run(args: string[]): { status: number; output: string } {
    const bin = path.join(path.dirname(requireHere.resolve(`${pkg}/package.json`)), 'bin', 'eslint.js');
    try {
      const output = execFileSync(process.execPath, [bin, ...args], {
        cwd: dir,
        input: 'export const ok = 1;\n',
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'true' },
      });
      return { status: 0, output };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, output: `${e.stdout}${e.stderr}` };
    }
  }

  it('loads the plugin (exit 0) and fails for a plugin that does not exist (exit 2)', () => {
    const base = ['--no-config-lookup', '--stdin', '--stdin-filename', 'x.js'];
    expect(run([...base, '--plugin', 'http-semantics'])).toEqual({ status: 0, output: '' });
    const missing = run([...base, '--plugin', 'http-semantics-does-not-exist']);
    expect(missing.status).toBe(2);
    expect(missing.output).toMatch(/eslint-plugin-http-semantics-does-not-exist/);
  });
});
