/**
 * Plugin-wide contract: every registered rule has the metadata, docs, schema
 * and config entries the project promises, and every rule runs without
 * throwing on an empty file, on JSX/TSX, and on every file of the accuracy
 * corpus and the examples.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import plugin, { PLUGIN_PREFIX } from '../src/index';
import { REPO_URL } from '../src/util/create-rule';
import packageJson from '../package.json';

const root = path.resolve(__dirname, '..');
const ruleEntries = Object.entries(plugin.rules);
const SOURCE_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts']);

/** Rule docs convention (also in README "Contributing"). */
const REQUIRED_DOC_SECTIONS = ['## Why', '## Examples', '## Options', '## When not to use it'];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE_EXTENSIONS.has(path.extname(entry.name))) out.push(full);
  }
  return out.sort();
}

function languageOptions(): Linter.LanguageOptions {
  return {
    parser: parser as Linter.Parser,
    ecmaVersion: 'latest',
    sourceType: 'module',
    parserOptions: { ecmaFeatures: { jsx: true } },
  };
}

function baseConfig(rules: Linter.RulesRecord, settings: Record<string, unknown> = {}): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
      languageOptions: languageOptions(),
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { [PLUGIN_PREFIX]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      settings,
      rules,
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
}

/** Every object schema (and nested object schema) must forbid unknown keys. */
function objectSchemasWithoutAdditionalPropertiesFalse(schema: unknown, where = 'schema'): string[] {
  if (Array.isArray(schema)) {
    return schema.flatMap((item, index) => objectSchemasWithoutAdditionalPropertiesFalse(item, `${where}[${index}]`));
  }
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as { type?: unknown; properties?: unknown; additionalProperties?: unknown };
  const problems: string[] = [];
  if ((node.type === 'object' || node.properties) && node.additionalProperties !== false) problems.push(where);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
    if (value && typeof value === 'object') {
      problems.push(...objectSchemasWithoutAdditionalPropertiesFalse(value, `${where}.${key}`));
    }
  }
  return problems;
}

/**
 * Checks the `## Examples` section: `### Wrong` / `### Right` headings (or the
 * same at `####` under per-framework `###` headings), each followed by at
 * least one fenced code block before the next heading.
 */
function exampleProblems(markdown: string): string[] {
  const start = markdown.search(/^## Examples\s*$/m);
  if (start === -1) return ['missing "## Examples"'];
  const rest = markdown.slice(start + 1);
  const next = rest.search(/^## /m);
  const section = next === -1 ? rest : rest.slice(0, next);
  const blocks = section.split(/^(?=#{3,4} )/m).slice(1);
  const problems: string[] = [];
  let wrong = 0;
  let right = 0;
  for (const block of blocks) {
    const heading = block.split('\n', 1)[0]!.replace(/^#+\s*/, '');
    const kind = /^(Wrong|Right)\b/.exec(heading)?.[1];
    if (!kind) continue;
    if (kind === 'Wrong') wrong++;
    else right++;
    if (!/^(```|~~~)[a-z]*\n[\s\S]*?^\1\s*$/m.test(block)) problems.push(`"${heading}" has no fenced code block`);
  }
  if (wrong === 0) problems.push('no "### Wrong" example');
  if (right === 0) problems.push('no "### Right" example');
  return problems;
}

describe('plugin object', () => {
  it('has meta from package.json and a namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'http-semantics' });
  });

  it('exports exactly the flat and legacy configs', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['all', 'legacy-all', 'legacy-recommended', 'recommended']);
  });

  it('flat configs are named and carry the plugin itself', () => {
    for (const name of ['recommended', 'all'] as const) {
      const config = plugin.configs[name];
      expect(config.name).toBe(`http-semantics/${name}`);
      expect(Object.keys(config.plugins)).toEqual(['http-semantics']);
      expect(config.plugins['http-semantics']).toBe(plugin);
      expect(Object.keys(config).sort()).toEqual(['name', 'plugins', 'rules']);
    }
  });

  it('legacy configs name the plugin and hold the same rules as their flat twins', () => {
    expect(plugin.configs['legacy-recommended']).toEqual({ plugins: ['http-semantics'], rules: plugin.configs.recommended.rules });
    expect(plugin.configs['legacy-all']).toEqual({ plugins: ['http-semantics'], rules: plugin.configs.all.rules });
  });

  it('configs.recommended holds exactly the rules with docs.recommended, at that severity', () => {
    const expected: Record<string, string> = {};
    for (const [id, rule] of ruleEntries) {
      const level = (rule.meta.docs as { recommended?: unknown } | undefined)?.recommended;
      if (level !== undefined) expected[`http-semantics/${id}`] = level as string;
    }
    expect(plugin.configs.recommended.rules).toEqual(expected);
  });

  it('configs.all holds every rule, at its recommended severity or error, with docs.allOptions when given', () => {
    const expected: Record<string, unknown> = {};
    for (const [id, rule] of ruleEntries) {
      const docs = rule.meta.docs as { recommended?: 'error' | 'warn'; allOptions?: unknown[] } | undefined;
      const level = docs?.recommended ?? 'error';
      expected[`http-semantics/${id}`] = docs?.allOptions?.length ? [level, ...docs.allOptions] : level;
    }
    expect(plugin.configs.all.rules).toEqual(expected);
  });

  it('require-retry-backoff demands jitter in configs.all but not in configs.recommended', () => {
    expect(plugin.configs.all.rules['http-semantics/require-retry-backoff']).toEqual(['error', { requireJitter: true }]);
    expect(plugin.configs.recommended.rules['http-semantics/require-retry-backoff']).toBe('error');
  });

  it('loads in ESLint with configs.all (config validation passes)', () => {
    const linter = new Linter();
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: languageOptions() },
      plugin.configs.all as unknown as Linter.Config,
    ];
    expect(linter.verify('export {};\n', config, { filename: 'file.ts' })).toEqual([]);
  });

  it('every rule id is kebab-case and has rules/<id>.ts', () => {
    for (const [id] of ruleEntries) {
      expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(fs.existsSync(path.join(root, 'rules', `${id}.ts`)), `rules/${id}.ts`).toBe(true);
    }
  });

  it('every file in docs/rules/ documents a registered rule', () => {
    const dir = path.join(root, 'docs', 'rules');
    const docs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.md')) : [];
    for (const doc of docs) expect(Object.keys(plugin.rules), `docs/rules/${doc}`).toContain(doc.slice(0, -3));
  });
});

describe('checking helpers (guard against vacuous rule checks)', () => {
  it('finds object schemas that allow unknown keys', () => {
    expect(
      objectSchemasWithoutAdditionalPropertiesFalse([
        { type: 'object', properties: { a: { type: 'object', properties: {} }, b: { type: 'string' } }, additionalProperties: false },
      ]),
    ).toEqual(['schema[0].properties.a']);
    expect(objectSchemasWithoutAdditionalPropertiesFalse([{ type: 'object', additionalProperties: false }])).toEqual([]);
  });

  it('finds missing or empty Wrong/Right examples', () => {
    const good = '## Examples\n\n### Express\n\n#### Wrong\n\n```ts\nx\n```\n\n#### Right\n\n```ts\ny\n```\n\n## Options\n';
    expect(exampleProblems(good)).toEqual([]);
    expect(exampleProblems('## Examples\n\n### Wrong\n\n```js\nx\n```\n')).toEqual(['no "### Right" example']);
    expect(exampleProblems('## Examples\n\n### Wrong\n\ntext\n\n### Right\n\n```js\ny\n```\n')).toEqual([
      '"Wrong" has no fenced code block',
    ]);
    expect(exampleProblems('## Why\n')).toEqual(['missing "## Examples"']);
  });

  it('Linter rejects options that do not match a rule schema', () => {
    const probe: Rule.RuleModule = {
      meta: {
        type: 'problem',
        schema: [{ type: 'object', properties: { n: { type: 'number' } }, additionalProperties: false }],
      },
      create: () => ({}),
    };
    const config = (options: unknown[]): Linter.Config[] => [
      { plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': ['error', ...options] } },
    ];
    expect(() => new Linter().verify('', config([{ n: 1 }]))).not.toThrow();
    expect(() => new Linter().verify('', config([{ n: 'x' }]))).toThrow(/probe\/probe[\s\S]*should be number/);
  });
});

describe.each(ruleEntries)('rule %s', (id, rule) => {
  const meta = rule.meta;
  const docsPath = path.join(root, 'docs', 'rules', `${id}.md`);

  it('is a problem rule with a Disallow/Require/Enforce/Prefer description', () => {
    expect(meta.type).toBe('problem');
    expect(meta.docs?.description).toMatch(/^(Disallow|Require|Enforce|Prefer) \S/);
  });

  it('links to docs/rules/<id>.md', () => {
    expect(meta.docs?.url).toBe(`${REPO_URL}/blob/main/docs/rules/${id}.md`);
  });

  it('has a rule doc with the required sections and Wrong/Right examples', () => {
    expect(fs.existsSync(docsPath), `docs/rules/${id}.md exists`).toBe(true);
    const markdown = fs.readFileSync(docsPath, 'utf8');
    expect(markdown).toContain('<!-- end auto-generated rule header -->');
    for (const section of REQUIRED_DOC_SECTIONS) {
      expect(markdown, `docs/rules/${id}.md has "${section}"`).toMatch(new RegExp(`^${section}\\s*$`, 'm'));
    }
    expect(exampleProblems(markdown)).toEqual([]);
  });

  it('has messages, and every object schema forbids unknown keys', () => {
    expect(Object.keys(meta.messages ?? {}).length).toBeGreaterThan(0);
    expect(meta.schema, 'meta.schema is declared').toBeDefined();
    expect(objectSchemasWithoutAdditionalPropertiesFalse(meta.schema)).toEqual([]);
  });

  it('default options validate against the schema', () => {
    const defaults = ((meta as { defaultOptions?: unknown[] }).defaultOptions ??
      (rule as { defaultOptions?: unknown[] }).defaultOptions ??
      []) as unknown[];
    const linter = new Linter();
    expect(() =>
      linter.verify('', baseConfig({ [`${PLUGIN_PREFIX}/${id}`]: ['error', ...defaults] as Linter.RuleEntry }), {
        filename: 'file.ts',
      }),
    ).not.toThrow();
  });

  it('runs on an empty file and on JSX/TSX without throwing', () => {
    const linter = new Linter();
    const config = baseConfig({ [`${PLUGIN_PREFIX}/${id}`]: 'error' });
    const snippets: [string, string][] = [
      ['empty.ts', ''],
      ['empty.js', ''],
      ['page.tsx', 'export default function Page({ n }: { n: number }) { return <main>{n}</main>; }\n'],
      ['page.jsx', "import React from 'react';\nexport const Page = () => <div className=\"x\">{[1, 2].map((i) => <b key={i}>{i}</b>)}</div>;\n"],
      [
        'route.ts',
        "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => { res.status(500).json({ error: 'x' }); });\n",
      ],
    ];
    for (const [filename, code] of snippets) {
      const messages = linter.verify(code, config, { filename });
      expect(messages.filter((message) => message.fatal), filename).toEqual([]);
    }
  });
});

describe('every rule runs on the corpus and the examples without throwing', () => {
  const files = [...sourceFiles(path.join(root, 'test', 'corpus')), ...sourceFiles(path.join(root, 'examples'))];
  const linter = new Linter();
  const config = baseConfig(plugin.configs.all.rules);

  it.each(files.map((file) => [path.relative(root, file)]))('%s', (relative) => {
    const code = fs.readFileSync(path.join(root, relative), 'utf8');
    const messages = linter.verify(code, config, { filename: path.join(root, relative) });
    expect(messages.filter((message) => message.fatal).map((message) => `${message.line}: ${message.message}`)).toEqual([]);
  });
});
