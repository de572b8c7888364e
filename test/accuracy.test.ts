/**
 * The accuracy harness (scripts/accuracy-lib.js): its label parser and scoring
 * on small inputs, the whole pipeline on a temporary corpus with a probe
 * plugin, and finally the project's corpus (test/corpus/) with the built
 * plugin, gated per rule like `npm run accuracy`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Rule } from 'eslint';

interface Label {
  line: number;
  rule: string;
  status: number | null;
}
interface Report {
  file?: string;
  line: number;
  column?: number;
  rule: string;
  message: string;
}
interface RuleStats {
  rule: string;
  inPlugin: boolean;
  labels: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}
interface Located {
  file: string;
  line: number;
  rule: string;
  message?: string;
  note?: string;
  status?: number | null;
}
interface AccuracyResult {
  files: number;
  thresholds: { minCases: number; precision: number; recall: number };
  rules: Record<string, RuleStats>;
  truePositives: Located[];
  falsePositives: Located[];
  falseNegatives: Located[];
  parseErrors: { file: string; line: number; message: string }[];
  crashes: { file: string; message: string }[];
  labelErrors: { file: string; line: number; message: string }[];
  otherMessages: { file: string; line: number; message: string }[];
  unknownRules: string[];
  thresholdFailures: { rule: string; reason: string }[];
  ok: boolean;
}
interface AccuracyLib {
  THRESHOLDS: { minCases: number; precision: number; recall: number };
  parseLabelText(text: string): { labels: { rule: string; status: number | null }[]; errors: string[] };
  parseLabels(source: string): { labels: Label[]; errors: { line: number; message: string }[] };
  mentionsStatus(message: string, status: number): boolean;
  matchReports(labels: Label[], reports: Report[]): { tp: Label[]; fp: (Report & { note: string })[]; fn: (Label & { note: string })[] };
  summarize(ruleIds: string[], totals: { tp: { rule: string }[]; fp: { rule: string }[]; fn: { rule: string }[] }): Record<string, RuleStats>;
  thresholdFailures(rules: Record<string, RuleStats>): { rule: string; reason: string }[];
  runAccuracy(options?: { root?: string; corpusDir?: string; plugin?: unknown }): Promise<AccuracyResult>;
  formatReport(result: AccuracyResult, options?: { verbose?: boolean }): string;
}

const root = path.resolve(__dirname, '..');
const lib = createRequire(__filename)('../scripts/accuracy-lib.js') as AccuracyLib;

describe('label parser', () => {
  it('reads one rule on the line of the comment', () => {
    expect(lib.parseLabels("res.status(500).send('x'); // expect: no-500-for-validation").labels).toEqual([
      { line: 1, rule: 'no-500-for-validation', status: null },
    ]);
  });

  it('reads a status, several comma-separated labels, the plugin prefix and a trailing note', () => {
    const source = [
      'const a = 1;',
      'res.status(500); // expect: http-semantics/rule-a 502, rule-b, rule-a 504 -- upstream timed out',
    ].join('\n');
    expect(lib.parseLabels(source)).toEqual({
      labels: [
        { line: 2, rule: 'rule-a', status: 502 },
        { line: 2, rule: 'rule-b', status: null },
        { line: 2, rule: 'rule-a', status: 504 },
      ],
      errors: [],
    });
  });

  it('reads block-comment labels (JSX) and expect-next-line labels', () => {
    const source = [
      'const page = <p>{status}</p>; {/* expect: rule-jsx 400 */}',
      '// expect-next-line: rule-next',
      'const t = `${res.status(500)}`;',
      'x(); /* expect: rule-c */ // trailing',
    ].join('\n');
    expect(lib.parseLabels(source).labels).toEqual([
      { line: 1, rule: 'rule-jsx', status: 400 },
      { line: 3, rule: 'rule-next', status: null },
      { line: 4, rule: 'rule-c', status: null },
    ]);
  });

  it('keeps a repeated rule as two labels (two reports expected)', () => {
    expect(lib.parseLabelText(' rule-a, rule-a').labels).toHaveLength(2);
  });

  it('reports malformed labels instead of ignoring them', () => {
    expect(lib.parseLabels('x(); // expect:').errors).toHaveLength(1);
    expect(lib.parseLabels('x(); // expect: Rule_A').errors[0]?.message).toMatch(/cannot read label item "Rule_A"/);
    expect(lib.parseLabels('x(); // expect: rule-a 5000').errors).toHaveLength(1);
    expect(lib.parseLabels('x(); // expect: rule-a 502 504').errors).toHaveLength(1);
    expect(lib.parseLabels('x(); // expect: rule-a,').errors).toHaveLength(1);
    expect(lib.parseLabels('// expect-next-line: rule-a').errors).toHaveLength(1);
  });

  it('ignores ordinary comments and code', () => {
    expect(lib.parseLabels('// expected 500 here\nconst expect = 1; // see http://x/expect:y').labels).toEqual([]);
  });

  it('matches a status only as a whole number', () => {
    expect(lib.mentionsStatus('send 502 instead of 500', 502)).toBe(true);
    expect(lib.mentionsStatus('status 5020', 502)).toBe(false);
    expect(lib.mentionsStatus('1502', 502)).toBe(false);
  });
});

describe('scoring', () => {
  const report = (line: number, rule: string, message: string): Report => ({ line, rule, message });

  it('counts matches, unlabelled reports and unmatched labels', () => {
    const labels: Label[] = [
      { line: 1, rule: 'a', status: null },
      { line: 2, rule: 'a', status: null },
    ];
    const result = lib.matchReports(labels, [report(1, 'a', 'm'), report(1, 'b', 'm'), report(3, 'a', 'm')]);
    expect(result.tp.map((item) => `${item.line}:${item.rule}`)).toEqual(['1:a']);
    expect(result.fp.map((item) => `${item.line}:${item.rule}`)).toEqual(['1:b', '3:a']);
    expect(result.fn.map((item) => `${item.line}:${item.rule}`)).toEqual(['2:a']);
  });

  it('counts a report whose message lacks the labelled status as one FP and one FN', () => {
    const result = lib.matchReports([{ line: 5, rule: 'a', status: 502 }], [report(5, 'a', 'send 500')]);
    expect(result.tp).toEqual([]);
    expect(result.fp).toHaveLength(1);
    expect(result.fp[0]?.note).toMatch(/502/);
    expect(result.fn).toHaveLength(1);
    expect(result.fn[0]?.note).toMatch(/does not mention 502/);
  });

  it('gives status labels first pick of the reports on a line', () => {
    const labels: Label[] = [
      { line: 1, rule: 'a', status: null },
      { line: 1, rule: 'a', status: 504 },
    ];
    const result = lib.matchReports(labels, [report(1, 'a', 'send 504'), report(1, 'a', 'send 502')]);
    expect(result.tp).toHaveLength(2);
    expect(result.fp).toEqual([]);
    expect(result.fn).toEqual([]);
  });

  it('needs one label per report when a rule reports twice on a line', () => {
    const result = lib.matchReports([{ line: 1, rule: 'a', status: null }], [report(1, 'a', 'x'), report(1, 'a', 'y')]);
    expect(result.tp).toHaveLength(1);
    expect(result.fp).toHaveLength(1);
  });

  it('gates only rules with enough labels, on precision and on recall', () => {
    const many = (rule: string, count: number) => Array.from({ length: count }, () => ({ rule }));
    const rules = lib.summarize(['few', 'good', 'imprecise', 'forgetful', 'unlabelled'], {
      tp: [...many('few', 1), ...many('good', 10), ...many('imprecise', 10), ...many('forgetful', 8)],
      fp: [...many('few', 5), ...many('imprecise', 1), ...many('unlabelled', 3)],
      fn: [...many('few', 8), ...many('forgetful', 2), ...many('ghost', 12)],
    });
    expect(rules.good).toMatchObject({ labels: 10, tp: 10, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(rules.imprecise?.precision).toBeCloseTo(10 / 11);
    expect(rules.unlabelled).toMatchObject({ labels: 0, precision: 0, recall: null });
    expect(rules.ghost).toMatchObject({ inPlugin: false, labels: 12 });
    expect(lib.thresholdFailures(rules)).toEqual([
      { rule: 'forgetful', reason: 'recall 80.0% < 90.0%' },
      { rule: 'imprecise', reason: 'precision 90.9% < 95.0%' },
    ]);
  });
});

describe('harness on a temporary corpus with a probe plugin', () => {
  // The probe reports `status(<n>)` calls with a message that names <n>, and
  // throws on an identifier named `boom`.
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [], messages: { status: 'Status {{status}} sent here (mode {{mode}}).' } },
    create(context) {
      const mode = String((context.settings['http-semantics'] as { mode?: string } | undefined)?.mode ?? 'default');
      return {
        Identifier(node) {
          if (node.name === 'boom') throw new Error('probe exploded');
        },
        CallExpression(node) {
          const [arg] = node.arguments;
          if (node.callee.type === 'Identifier' && node.callee.name === 'status' && arg?.type === 'Literal') {
            context.report({ node, messageId: 'status', data: { status: String(arg.value), mode } });
          }
        },
      };
    },
  };
  const plugin: { rules: Record<string, Rule.RuleModule>; configs: Record<string, unknown> } = {
    rules: { probe },
    configs: {},
  };
  plugin.configs.all = { plugins: { 'http-semantics': plugin }, rules: { 'http-semantics/probe': 'error' } };

  let dir: string;
  let result: AccuracyResult;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-semantics-accuracy-'));
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };
    write(
      'express.ts',
      [
        'status(500); // expect: probe 500',
        'status(502); // expect: probe 504',
        'status(400);',
        'other(); // expect: probe',
        'const x = <T,>(v: T) => v as T;',
      ].join('\n'),
    );
    write('page.tsx', 'export const P = () => <div>{status(404)}</div>; {/* expect: probe 404 */}\n');
    write('nested/deeper/app.cjs', "const r = require('x');\nstatus(503); // expect: probe\n");
    write('nested/corpus.config.json', JSON.stringify({ settings: { 'http-semantics': { mode: 'nested' } } }));
    write('broken.js', 'const = ;\n');
    write('crash.js', 'boom(); // expect: probe\n');
    write('labels.js', 'status(201); // expect: probe 2011\n');
    write('typo.js', 'status(200); // expect: prob 200\n');
    write('README.md', '// expect: probe\n');
    result = await lib.runAccuracy({ root, corpusDir: dir, plugin });
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lints every source file recursively and nothing else', () => {
    expect(result.files).toBe(7);
  });

  it('scores reports against labels across JS, TS, TSX and CommonJS files', () => {
    expect(result.truePositives.map((item) => `${path.basename(item.file)}:${item.line}`)).toEqual([
      'express.ts:1',
      'app.cjs:2',
      'page.tsx:1',
    ]);
    expect(result.falsePositives.map((item) => `${path.basename(item.file)}:${item.line}`)).toEqual([
      'express.ts:2',
      'express.ts:3',
      'labels.js:1',
      'typo.js:1',
    ]);
    expect(result.falseNegatives.map((item) => `${path.basename(item.file)}:${item.line}:${item.rule}`)).toEqual([
      'crash.js:1:probe',
      'express.ts:2:probe',
      'express.ts:4:probe',
      'typo.js:1:prob',
    ]);
    expect(result.rules.probe).toMatchObject({ inPlugin: true, labels: 6, tp: 3, fp: 4, fn: 3 });
  });

  it('applies the nearest corpus.config.json settings', () => {
    expect(result.truePositives.find((item) => item.file.endsWith('app.cjs'))?.message).toMatch(/mode nested/);
    expect(result.truePositives.find((item) => item.file.endsWith('express.ts'))?.message).toMatch(/mode default/);
  });

  it('fails on parse errors, crashes, malformed labels, and warns on unknown rules', () => {
    expect(result.parseErrors.map((item) => path.basename(item.file))).toEqual(['broken.js']);
    expect(result.crashes).toEqual([{ file: expect.stringMatching(/crash\.js$/), message: expect.stringMatching(/probe exploded/) }]);
    expect(result.labelErrors.map((item) => path.basename(item.file))).toEqual(['labels.js']);
    expect(result.unknownRules).toEqual(['prob']);
    expect(result.thresholdFailures).toEqual([]); // 6 labels: below the gate
    expect(result.ok).toBe(false);
  });

  it('prints a table and every FP and FN with file:line', () => {
    const text = lib.formatReport(result);
    expect(text).toMatch(/^probe\s+6\s+3\s+4\s+3\s+42\.9%\s+50\.0%\s+not gated/m);
    expect(text).toMatch(/False positives \(4\):\n {2}\S*express\.ts:2:1 {2}probe {2}"Status 502 sent here/);
    expect(text).toMatch(/False negatives \(4\):/);
    expect(text).toMatch(/Accuracy: FAILED$/);
    expect(text).not.toMatch(/True positives/);
    expect(lib.formatReport(result, { verbose: true })).toMatch(/True positives \(3\):/);
  });
});

describe('project corpus (test/corpus/, built plugin)', async () => {
  const result = await lib.runAccuracy({ root });
  const { minCases, precision, recall } = result.thresholds;

  it('has no parse errors, crashes or malformed labels', () => {
    expect(result.parseErrors).toEqual([]);
    expect(result.crashes).toEqual([]);
    expect(result.labelErrors).toEqual([]);
    expect(result.otherMessages).toEqual([]);
  });

  it('scores every registered rule', () => {
    const plugin = createRequire(__filename)('../dist/index.cjs') as { rules: Record<string, unknown> };
    expect(Object.values(result.rules).filter((stats) => stats.inPlugin).map((stats) => stats.rule)).toEqual(
      Object.keys(plugin.rules).sort(),
    );
  });

  for (const stats of Object.values(result.rules).filter((item) => item.inPlugin)) {
    const gated = stats.labels >= minCases;
    it.skipIf(!gated)(`${stats.rule}: precision >= ${precision} and recall >= ${recall} (${stats.labels} labels)`, () => {
      const details = lib.formatReport({
        ...result,
        falsePositives: result.falsePositives.filter((item) => item.rule === stats.rule),
        falseNegatives: result.falseNegatives.filter((item) => item.rule === stats.rule),
      });
      expect(stats.precision ?? 0, details).toBeGreaterThanOrEqual(precision);
      expect(stats.recall ?? 0, details).toBeGreaterThanOrEqual(recall);
    });
  }
});
