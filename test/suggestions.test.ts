/**
 * Every suggestion, applied, yields code that still parses and differs from
 * the input. Checked for every rule of the plugin (taken at run time, so new
 * rules are covered) over:
 * - every case of the rule tests in test/rules/ (captured by replacing the
 *   shared RuleTester with a recorder; each case keeps its options, filename
 *   and settings),
 * - every file of the accuracy corpus (test/corpus/) and the torture set
 *   (test/fixtures/torture/), with default options.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { vi } from 'vitest';
import plugin, { PLUGIN_PREFIX } from '../src/index';

interface CaseObject {
  code: string;
  name?: string;
  filename?: string;
  options?: unknown[];
  settings?: Record<string, unknown>;
  languageOptions?: { sourceType?: Linter.SourceType; parserOptions?: Record<string, unknown> };
}
type Case = string | CaseObject;
interface Captured {
  module: unknown;
  cases: Case[];
}

const captured = vi.hoisted(() => [] as Captured[]);

vi.mock('./rule-tester', () => ({
  ruleTester: {
    run(_name: string, module: unknown, tests: { valid?: Case[]; invalid?: Case[] }) {
      captured.push({ module, cases: [...(tests.valid ?? []), ...(tests.invalid ?? [])] });
    },
  },
  RuleTester: class {},
}));

const root = path.resolve(__dirname, '..');
const ruleIds = Object.keys(plugin.rules).sort();

/**
 * Suggestions known to break the code (`file:line:column` of the report), each
 * an open bug reported to the rule's owner. They are left out of the per-rule
 * checks; the last test fails once one of them is fixed, so the entry goes.
 */
const KNOWN_BROKEN: Record<string, string> = {};
const seenBroken = new Set<string>();
const EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (EXTENSIONS.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/**
 * Load the rule tests with `describe` running its body at once and `it` doing
 * nothing, so that only their `ruleTester.run(...)` calls take effect (and are
 * recorded by the mock above).
 */
async function captureRuleTesterCases(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const saved = { describe: g.describe, it: g.it, test: g.test };
  const noop = Object.assign(() => undefined, { each: () => () => undefined, skip: () => undefined, only: () => undefined });
  g.describe = Object.assign((_name: string, body?: () => void) => body?.(), { each: () => () => undefined, skip: () => undefined });
  g.it = noop;
  g.test = noop;
  try {
    for (const file of sourceFiles(path.join(__dirname, 'rules'))) {
      if (!file.endsWith('.test.ts') || path.basename(file).startsWith('_')) continue;
      await import(file);
    }
  } finally {
    Object.assign(g, saved);
  }
}

beforeAll(captureRuleTesterCases);

function config(filename: string, rules: Linter.RulesRecord, c?: CaseObject): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      plugins: { [PLUGIN_PREFIX]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      languageOptions: {
        parser: parser as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: c?.languageOptions?.sourceType ?? (filename.endsWith('.cjs') ? 'commonjs' : 'module'),
        parserOptions: { ecmaFeatures: { jsx: true }, ...c?.languageOptions?.parserOptions },
      },
      ...(c?.settings ? { settings: c.settings } : {}),
      rules,
    },
  ];
}

interface Checked {
  suggestions: number;
  problems: string[];
}

/** Lints `code` with one rule, applies each suggestion on its own and re-parses. */
function checkSuggestions(label: string, filename: string, code: string, rule: string, c?: CaseObject): Checked {
  const linter = new Linter({ cwd: root });
  const entry = (c?.options?.length ? ['error', ...c.options] : 'error') as Linter.RuleEntry;
  const cfg = config(filename, { [`${PLUGIN_PREFIX}/${rule}`]: entry }, c);
  const messages = linter.verify(code, cfg, { filename });
  const problems: string[] = [];
  const stray = messages.filter((m) => m.ruleId === null);
  if (stray.length) return { suggestions: 0, problems: [`${label}: ${stray.map((m) => m.message).join('; ')}`] };
  let suggestions = 0;
  for (const m of messages) {
    for (const s of m.suggestions ?? []) {
      suggestions++;
      const [from, to] = s.fix.range;
      const output = code.slice(0, from) + s.fix.text + code.slice(to);
      const where = `${label}:${m.line}:${m.column} "${s.desc}"`;
      if (output === code) {
        problems.push(`${where}: the suggestion changes nothing`);
        continue;
      }
      const fatal = linter.verify(output, config(filename, {}, c), { filename }).find((x) => x.fatal);
      if (fatal) problems.push(`${where}: result does not parse: ${fatal.message} (line ${fatal.line})`);
    }
  }
  return { suggestions, problems };
}

describe('suggestions on the rule tests', () => {
  it('captured the rule tests', () => {
    expect(captured.length).toBeGreaterThan(0);
    const modules = new Set(Object.values(plugin.rules));
    for (const c of captured) expect(modules.has(c.module as never)).toBe(true);
  });

  let checked = 0;
  it.each(ruleIds)('%s', (rule) => {
    const problems: string[] = [];
    const cases = captured.filter((c) => c.module === plugin.rules[rule]).flatMap((c) => c.cases);
    expect(cases.length, `no RuleTester cases found for ${rule}`).toBeGreaterThan(0);
    cases.forEach((raw, i) => {
      const c: CaseObject = typeof raw === 'string' ? { code: raw } : raw;
      const filename = path.join(root, 'test', 'rules', '__cases__', c.filename ? path.basename(c.filename) : 'file.ts');
      const result = checkSuggestions(`${rule} case ${i}${c.name ? ` (${c.name})` : ''}`, filename, c.code, rule, c);
      checked += result.suggestions;
      problems.push(...result.problems);
    });
    expect(problems).toEqual([]);
  });

  it('checked at least one suggestion (runs after the per-rule tests)', () => {
    expect(checked).toBeGreaterThan(0);
  });
});

describe('suggestions on the accuracy corpus and the torture set', () => {
  const files = [...sourceFiles(path.join(__dirname, 'corpus')), ...sourceFiles(path.join(__dirname, 'fixtures', 'torture'))];

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  let checked = 0;
  it.each(ruleIds)('%s', (rule) => {
    const problems: string[] = [];
    for (const file of files) {
      const code = fs.readFileSync(file, 'utf8');
      let result: Checked;
      try {
        result = checkSuggestions(path.relative(root, file), file, code, rule);
      } catch {
        // Crashes are test/robustness.test.ts's and test/plugin.test.ts's business.
        continue;
      }
      checked += result.suggestions;
      for (const problem of result.problems) {
        const known = Object.keys(KNOWN_BROKEN).find((where) => KNOWN_BROKEN[where] === rule && problem.startsWith(`${where} `));
        if (known) seenBroken.add(known);
        else problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });

  it('checked at least one suggestion (runs after the per-rule tests)', () => {
    expect(checked).toBeGreaterThan(0);
  });

  it('every known broken suggestion is still broken (remove fixed ones from KNOWN_BROKEN)', () => {
    expect([...seenBroken].sort()).toEqual(Object.keys(KNOWN_BROKEN).sort());
  });
});
