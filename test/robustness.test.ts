/**
 * Robustness: every rule of the plugin runs without throwing over a syntax
 * torture set (test/fixtures/torture/), bad rule options and bad settings fail
 * with a clear message, and the false positives found on real projects
 * (test/fixtures/realworld-fp/) stay fixed.
 *
 * Rules are taken from the plugin at run time, so rules added later are
 * covered without editing this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin, { PLUGIN_PREFIX } from '../src/index';

const root = path.resolve(__dirname, '..');
const tortureDir = path.join(__dirname, 'fixtures', 'torture');
const fpDir = path.join(__dirname, 'fixtures', 'realworld-fp');
const ruleIds = Object.keys(plugin.rules).sort();

/**
 * Known crashes, `file -> rule ids`, each an open bug reported to the rule's
 * owner. These run as `it.fails`: when the crash is fixed the test fails and
 * the entry must be removed.
 */
const KNOWN_CRASHES: Record<string, readonly string[]> = {};

/**
 * Real-project false positives still open (fixture file -> reason). Each runs
 * as `it.fails` until the owner's fix lands; then the entry must be removed.
 */
const OPEN_FALSE_POSITIVES: Record<string, string> = {
};

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(?:[cm]?[jt]s|[jt]sx)$/.test(name))
    .sort();
}

function config(file: string, rules: Linter.RulesRecord, settings?: Record<string, unknown>): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      plugins: { [PLUGIN_PREFIX]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      languageOptions: {
        parser: parser as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      ...(settings ? { settings } : {}),
      rules,
    },
  ];
}

/** Lints and fails on anything but rule messages: no parse error, no unmatched file. */
function lint(file: string, code: string, rules: Linter.RulesRecord, settings?: Record<string, unknown>): Linter.LintMessage[] {
  const linter = new Linter({ cwd: root });
  const messages = linter.verify(code, config(file, rules, settings), { filename: file });
  const stray = messages.filter((m) => m.ruleId === null);
  expect(stray.map((m) => m.message)).toEqual([]);
  return messages;
}

const ruleKey = (id: string) => `${PLUGIN_PREFIX}/${id}`;

describe('torture set', () => {
  const torture = files(tortureDir);

  it('has files covering the syntax the plugin must survive', () => {
    expect(torture.length).toBeGreaterThanOrEqual(8);
    expect(ruleIds.length).toBeGreaterThan(0);
  });

  describe.each(torture)('%s', (name) => {
    const file = path.join(tortureDir, name);
    const code = fs.readFileSync(file, 'utf8');

    it('parses with @typescript-eslint/parser', () => {
      lint(file, code, {});
    });

    for (const id of ruleIds) {
      const known = KNOWN_CRASHES[name]?.includes(id) ?? false;
      (known ? it.fails : it)(`${id} runs without throwing${known ? ' (known crash)' : ''}`, () => {
        const messages = lint(file, code, { [ruleKey(id)]: 'error' });
        for (const m of messages) expect(m.ruleId).toBe(ruleKey(id));
      });
    }

    it('configs.all runs without throwing', () => {
      const crashes = KNOWN_CRASHES[name] ?? [];
      const rules = Object.fromEntries(Object.entries(plugin.configs.all.rules).filter(([key]) => !crashes.some((id) => key === ruleKey(id))));
      const messages = lint(file, code, rules);
      for (const m of messages) expect(m.ruleId?.startsWith(`${PLUGIN_PREFIX}/`)).toBe(true);
    });
  });
});

/** A value of the wrong type for a JSON-schema property. */
function wrongValue(schema: Record<string, unknown>): unknown {
  if (Array.isArray(schema.enum)) return schema.type === 'string' ? 12345 : 'not-in-enum';
  switch (schema.type) {
    case 'boolean':
      return 'yes';
    case 'integer':
    case 'number':
      return 'many';
    case 'string':
      return 42;
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      return Symbol.for('unserialisable') as unknown;
  }
}

describe('bad rule options fail schema validation', () => {
  const file = path.join(root, 'options-check.ts');

  function configError(id: string, options: unknown[]): string {
    try {
      lint(file, 'export {};\n', { [ruleKey(id)]: ['error', ...options] as Linter.RuleEntry });
    } catch (error) {
      return String((error as Error).message);
    }
    return '';
  }

  it.each(ruleIds)('%s rejects an unknown property', (id) => {
    const message = configError(id, [{ bogus: true }]);
    expect(message).toContain(`Key "${ruleKey(id)}"`);
    expect(message).toMatch(/additional properties|more than 0 items/);
  });

  it.each(ruleIds)('%s rejects options of the wrong type', (id) => {
    const schema = plugin.rules[id]!.meta.schema;
    const first = Array.isArray(schema) ? (schema[0] as Record<string, unknown> | undefined) : undefined;
    const props = (first?.properties ?? {}) as Record<string, Record<string, unknown>>;
    if (Object.keys(props).length === 0) {
      const message = configError(id, ['not-an-object']);
      expect(message).toContain(`Key "${ruleKey(id)}"`);
      return;
    }
    for (const [prop, propSchema] of Object.entries(props)) {
      const bad = wrongValue(propSchema);
      const message = configError(id, [{ [prop]: bad }]);
      expect(message, `${id}.${prop} = ${String(bad)}`).toContain(`Key "${ruleKey(id)}"`);
      expect(message, `${id}.${prop} = ${String(bad)}`).toMatch(/should be|must be|allowed values/);
    }
  });
});

describe('bad settings fail with a clear message', () => {
  const file = path.join(root, 'settings-check.ts');
  const code = [
    "import express from 'express';",
    'const app = express();',
    "app.get('/', async (req, res) => {",
    '  try {',
    "    await fetch('https://example.com');",
    '  } catch {',
    '    res.status(500).end();',
    '  }',
    '});',
  ].join('\n');

  it.each([
    ['a string instead of an array', { upstreamCalls: 'stripe' }, /upstreamCalls must be an array of non-empty strings/],
    ['an array with an empty pattern', { upstreamCalls: [''] }, /upstreamCalls must be an array of non-empty strings/],
    ['an unknown key', { upstreamCall: ['stripe.*'] }, /unknown setting settings\['http-semantics'\]\.upstreamCall/],
    ['a number instead of an object', 5, /settings\['http-semantics'\] must be an object/],
  ])('%s', (_what, value, pattern) => {
    expect(() => lint(file, code, plugin.configs.all.rules, { 'http-semantics': value })).toThrow(pattern);
  });

  it('good settings are accepted', () => {
    const messages = lint(file, code, plugin.configs.all.rules, { 'http-semantics': { upstreamCalls: ['stripe.*', 's3Client.send'] } });
    expect(messages.every((m) => m.ruleId?.startsWith(`${PLUGIN_PREFIX}/`))).toBe(true);
  });
});

describe('real-project false positives stay fixed', () => {
  for (const name of files(fpDir)) {
    const open = name in OPEN_FALSE_POSITIVES;
    (open ? it.fails : it)(`${name}: its rule does not report${open ? ` (open: ${OPEN_FALSE_POSITIVES[name]})` : ''}`, () => {
      const file = path.join(fpDir, name);
      const code = fs.readFileSync(file, 'utf8');
      const rule = /^\/\/ rule: ([\w-]+)/m.exec(code)?.[1];
      expect(ruleIds, `${name} must name its rule in a "// rule: <id>" line (and may give "// options: <json>")`).toContain(rule);
      const options = /^\/\/ options: (.+)$/m.exec(code)?.[1];
      const entry = (options ? ['error', JSON.parse(options)] : 'error') as Linter.RuleEntry;
      const messages = lint(file, code, { [ruleKey(rule!)]: entry });
      expect(messages.map((m) => `${m.line}: ${m.message}`)).toEqual([]);
    });
  }
});
