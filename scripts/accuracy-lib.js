'use strict';
/**
 * Accuracy harness: lints the labelled corpus (test/corpus/) with every rule of
 * the built plugin on, and scores each report against the labels.
 *
 * Plain CommonJS so it runs without a build step of its own; it needs only the
 * plugin's dist/ (`npm run build`). Used by scripts/accuracy.js (CLI) and
 * test/accuracy.test.ts. Label syntax: test/corpus/README.md.
 */
const fs = require('node:fs');
const path = require('node:path');

const PLUGIN_PREFIX = 'http-semantics';
const CORPUS_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts']);
const DIRECTORY_CONFIG = 'corpus.config.json';
const THRESHOLDS = Object.freeze({ minCases: 10, precision: 0.95, recall: 0.9 });

// `// expect: ...` runs to the end of the line; `/* expect: ... */` ends at `*/`
// (for JSX: `{/* expect: rule-id */}`). `expect-next-line:` labels the next line.
const LINE_COMMENT_LABEL = /\/\/\s*expect(-next-line)?\s*:(.*)$/;
const BLOCK_COMMENT_LABEL = /\/\*\s*expect(-next-line)?\s*:(.*?)\*\//;
const LABEL_ITEM = /^(?:http-semantics\/)?([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:\s+([1-5]\d\d))?$/;

/**
 * Parses the text after `expect:`: comma-separated items `<rule-id> [<status>]`,
 * optionally followed by ` -- free-text note`.
 * @param {string} text
 * @returns {{ labels: { rule: string, status: number | null }[], errors: string[] }}
 */
function parseLabelText(text) {
  const labels = [];
  const errors = [];
  const noteAt = text.indexOf(' -- ');
  const body = (noteAt === -1 ? text : text.slice(0, noteAt)).trim();
  if (body === '') {
    errors.push('empty label: write `expect: <rule-id>` or `expect: <rule-id> <status>`');
    return { labels, errors };
  }
  for (const rawItem of body.split(',')) {
    const item = rawItem.trim().replace(/\s+/g, ' ');
    const match = LABEL_ITEM.exec(item);
    if (!match) {
      errors.push(`cannot read label item "${item}": expected "<rule-id>" or "<rule-id> <status>" (status 100-599)`);
      continue;
    }
    labels.push({ rule: match[1], status: match[2] ? Number(match[2]) : null });
  }
  return { labels, errors };
}

/**
 * Finds every label in a source file.
 * @param {string} source
 * @returns {{ labels: { line: number, rule: string, status: number | null }[], errors: { line: number, message: string }[] }}
 */
function parseLabels(source) {
  const labels = [];
  const errors = [];
  const lines = source.split(/\r\n|\r|\n/);
  lines.forEach((text, index) => {
    const match = LINE_COMMENT_LABEL.exec(text) || BLOCK_COMMENT_LABEL.exec(text);
    if (!match) return;
    const commentLine = index + 1;
    const nextLine = Boolean(match[1]);
    const target = nextLine ? commentLine + 1 : commentLine;
    if (nextLine && target > lines.length) {
      errors.push({ line: commentLine, message: '`expect-next-line:` on the last line labels nothing' });
      return;
    }
    const parsed = parseLabelText(match[2]);
    for (const message of parsed.errors) errors.push({ line: commentLine, message });
    for (const label of parsed.labels) labels.push({ line: target, rule: label.rule, status: label.status });
  });
  return { labels, errors };
}

/** Whether `message` mentions the status number as a whole number. */
function mentionsStatus(message, status) {
  return new RegExp(`(^|[^0-9])${status}([^0-9]|$)`).test(message);
}

function shortRuleId(ruleId) {
  return ruleId.startsWith(`${PLUGIN_PREFIX}/`) ? ruleId.slice(PLUGIN_PREFIX.length + 1) : ruleId;
}

/**
 * Scores one file's reports against its labels. A report matches a label on
 * the same line and rule; a label with a status also needs the report's
 * message to mention that status. Labels with a status are matched first.
 * @param {{ line: number, rule: string, status: number | null }[]} labels
 * @param {{ line: number, column?: number, rule: string, message: string }[]} reports
 */
function matchReports(labels, reports) {
  const key = (item) => `${item.line}\u0000${item.rule}`;
  const reportsByKey = new Map();
  for (const report of reports) {
    const list = reportsByKey.get(key(report)) ?? [];
    list.push(report);
    reportsByKey.set(key(report), list);
  }
  const tp = [];
  const fn = [];
  const ordered = [...labels].sort((a, b) => (b.status === null ? 0 : 1) - (a.status === null ? 0 : 1));
  for (const label of ordered) {
    const candidates = reportsByKey.get(key(label)) ?? [];
    const at = candidates.findIndex((report) => label.status === null || mentionsStatus(report.message, label.status));
    if (at === -1) {
      const note =
        candidates.length > 0 && label.status !== null
          ? `a report on this line does not mention ${label.status}`
          : 'no report of this rule on this line';
      fn.push({ ...label, note });
      continue;
    }
    const [report] = candidates.splice(at, 1);
    tp.push({ ...label, message: report.message, column: report.column });
  }
  const fp = [];
  for (const report of reports) {
    // Reports left in the buckets are the unmatched ones.
    const left = reportsByKey.get(key(report));
    if (left && left.includes(report)) {
      const statusLabels = labels.filter((label) => key(label) === key(report) && label.status !== null);
      const note =
        statusLabels.length > 0
          ? `labelled with status ${statusLabels.map((label) => label.status).join('/')}, message does not mention it`
          : 'no label for this rule on this line';
      fp.push({ ...report, note });
    }
  }
  return { tp, fp, fn };
}

function ratio(numerator, denominator) {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Per-rule totals.
 * @param {string[]} pluginRuleIds short rule ids registered in the plugin
 * @param {{ tp: object[], fp: object[], fn: object[] }} totals
 */
function summarize(pluginRuleIds, totals) {
  const rules = {};
  const ensure = (rule) => {
    rules[rule] ??= { rule, inPlugin: pluginRuleIds.includes(rule), labels: 0, tp: 0, fp: 0, fn: 0 };
    return rules[rule];
  };
  for (const rule of pluginRuleIds) ensure(rule);
  for (const item of totals.tp) ensure(item.rule).tp++;
  for (const item of totals.fp) ensure(item.rule).fp++;
  for (const item of totals.fn) ensure(item.rule).fn++;
  for (const stats of Object.values(rules)) {
    stats.labels = stats.tp + stats.fn;
    stats.precision = ratio(stats.tp, stats.tp + stats.fp);
    stats.recall = ratio(stats.tp, stats.labels);
  }
  return Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Rules with at least `minCases` labels that miss a threshold.
 * @returns {{ rule: string, reason: string }[]}
 */
function thresholdFailures(rules, thresholds = THRESHOLDS) {
  const failures = [];
  for (const stats of Object.values(rules)) {
    if (!stats.inPlugin || stats.labels < thresholds.minCases) continue;
    const precision = stats.precision ?? 0;
    const recall = stats.recall ?? 0;
    if (precision < thresholds.precision) {
      failures.push({ rule: stats.rule, reason: `precision ${percent(precision)} < ${percent(thresholds.precision)}` });
    }
    if (recall < thresholds.recall) {
      failures.push({ rule: stats.rule, reason: `recall ${percent(recall)} < ${percent(thresholds.recall)}` });
    }
  }
  return failures;
}

/** Every corpus source file under `dir`, sorted, recursively. */
function listCorpusFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && CORPUS_EXTENSIONS.has(path.extname(entry.name))) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Nearest `corpus.config.json` (`{ "settings": { ... } }`) between the file and the corpus root. */
function directorySettings(file, corpusDir, cache) {
  let dir = path.dirname(file);
  const root = path.resolve(corpusDir);
  for (;;) {
    if (!cache.has(dir)) {
      const configPath = path.join(dir, DIRECTORY_CONFIG);
      cache.set(dir, fs.existsSync(configPath) ? JSON.parse(fs.readFileSync(configPath, 'utf8')).settings ?? {} : null);
    }
    const settings = cache.get(dir);
    if (settings) return settings;
    if (path.resolve(dir) === root || path.dirname(dir) === dir) return {};
    dir = path.dirname(dir);
  }
}

function loadBuiltPlugin(root) {
  const entry = path.join(root, 'dist', 'index.cjs');
  if (!fs.existsSync(entry)) {
    throw new Error(`${path.relative(process.cwd(), entry) || entry} is missing: run \`npm run build\` first.`);
  }
  return require(entry);
}

/**
 * Lints the corpus and scores it.
 * @param {{ root?: string, corpusDir?: string, plugin?: any, thresholds?: typeof THRESHOLDS }} [options]
 */
async function runAccuracy(options = {}) {
  const root = path.resolve(options.root ?? path.join(__dirname, '..'));
  const corpusDir = path.resolve(options.corpusDir ?? path.join(root, 'test', 'corpus'));
  const thresholds = options.thresholds ?? THRESHOLDS;
  const plugin = options.plugin ?? loadBuiltPlugin(root);
  const { ESLint } = require(require.resolve('eslint', { paths: [root] }));
  const parser = require(require.resolve('@typescript-eslint/parser', { paths: [root] }));
  const pluginRuleIds = Object.keys(plugin.rules).sort();

  const linters = new Map();
  const linterFor = (settings) => {
    const cacheKey = JSON.stringify(settings);
    if (!linters.has(cacheKey)) {
      linters.set(
        cacheKey,
        new ESLint({
          // Files outside `cwd` would be ignored, so anchor it at the corpus.
          cwd: corpusDir,
          overrideConfigFile: true,
          ignore: false,
          overrideConfig: [
            {
              files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
              languageOptions: {
                parser,
                ecmaVersion: 'latest',
                sourceType: 'module',
                parserOptions: { ecmaFeatures: { jsx: true } },
              },
              linterOptions: { reportUnusedDisableDirectives: 'off' },
              settings,
            },
            { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
            // Every rule on, each with its default options: labels are the answers under the defaults
            // (configs.all may make a rule stricter, e.g. require-retry-backoff's requireJitter).
            { plugins: plugin.configs.all.plugins, rules: defaultOptionRules(plugin) },
          ],
        }),
      );
    }
    return linters.get(cacheKey);
  };

  const files = listCorpusFiles(corpusDir);
  const settingsCache = new Map();
  const totals = { tp: [], fp: [], fn: [] };
  const parseErrors = [];
  const crashes = [];
  const labelErrors = [];
  const otherMessages = [];

  for (const file of files) {
    const fromRoot = path.relative(root, file);
    const relative = fromRoot.startsWith('..') ? file : fromRoot.split(path.sep).join('/');
    const source = fs.readFileSync(file, 'utf8');
    const parsed = parseLabels(source);
    for (const error of parsed.errors) labelErrors.push({ file: relative, ...error });
    const labels = parsed.labels.map((label) => ({ file: relative, ...label }));

    let results;
    try {
      const settings = directorySettings(file, corpusDir, settingsCache);
      results = await linterFor(settings).lintText(source, { filePath: file });
    } catch (error) {
      crashes.push({ file: relative, message: error && error.message ? error.message.split('\n')[0] : String(error) });
      totals.fn.push(...labels.map((label) => ({ ...label, note: 'the linter crashed on this file' })));
      continue;
    }
    const reports = [];
    for (const message of results[0].messages) {
      if (message.fatal) {
        parseErrors.push({ file: relative, line: message.line, column: message.column, message: message.message });
      } else if (!message.ruleId) {
        otherMessages.push({ file: relative, line: message.line, message: message.message });
      } else {
        reports.push({
          file: relative,
          line: message.line,
          column: message.column,
          rule: shortRuleId(message.ruleId),
          message: message.message,
        });
      }
    }
    const scored = matchReports(labels, reports);
    totals.tp.push(...scored.tp);
    totals.fp.push(...scored.fp);
    totals.fn.push(...scored.fn);
  }

  const rules = summarize(pluginRuleIds, totals);
  const failures = thresholdFailures(rules, thresholds);
  const unknownRules = Object.values(rules)
    .filter((stats) => !stats.inPlugin)
    .map((stats) => stats.rule);
  const byPosition = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
  return {
    corpusDir: path.relative(root, corpusDir) || '.',
    files: files.length,
    thresholds,
    rules,
    truePositives: totals.tp.sort(byPosition),
    falsePositives: totals.fp.sort(byPosition),
    falseNegatives: totals.fn.sort(byPosition),
    parseErrors,
    crashes,
    labelErrors,
    otherMessages,
    unknownRules,
    thresholdFailures: failures,
    ok:
      failures.length === 0 &&
      parseErrors.length === 0 &&
      crashes.length === 0 &&
      labelErrors.length === 0 &&
      otherMessages.length === 0,
  };
}

function percent(value) {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) =>
    row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  return [line(rows[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Human-readable report. */
function formatReport(result, { verbose = false } = {}) {
  const out = [];
  const { minCases } = result.thresholds;
  out.push(`Corpus: ${result.corpusDir} (${result.files} file${result.files === 1 ? '' : 's'})`, '');
  const rows = [['rule', 'labels', 'TP', 'FP', 'FN', 'precision', 'recall', 'gate']];
  for (const stats of Object.values(result.rules)) {
    let gate;
    if (!stats.inPlugin) gate = 'not a rule of the plugin';
    else if (stats.labels < minCases) gate = `not gated (<${minCases} labels)`;
    else gate = result.thresholdFailures.some((failure) => failure.rule === stats.rule) ? 'FAIL' : 'ok';
    rows.push([stats.rule, stats.labels, stats.tp, stats.fp, stats.fn, percent(stats.precision), percent(stats.recall), gate]);
  }
  if (rows.length === 1) out.push('No rules registered and no labels found.');
  else out.push(table(rows));

  const section = (title, items, render) => {
    if (items.length === 0) return;
    out.push('', `${title} (${items.length}):`);
    for (const item of items) out.push(`  ${render(item)}`);
  };
  const where = (item) => `${item.file}:${item.line}${item.column ? `:${item.column}` : ''}`;
  section('False positives', result.falsePositives, (item) => `${where(item)}  ${item.rule}  "${item.message}"  [${item.note}]`);
  section('False negatives', result.falseNegatives, (item) => `${where(item)}  ${item.rule}${item.status ? ` ${item.status}` : ''}  [${item.note}]`);
  if (verbose) section('True positives', result.truePositives, (item) => `${where(item)}  ${item.rule}  "${item.message}"`);
  section('Parse errors', result.parseErrors, (item) => `${where(item)}  ${item.message}`);
  section('Crashes', result.crashes, (item) => `${item.file}  ${item.message}`);
  section('Label errors', result.labelErrors, (item) => `${where(item)}  ${item.message}`);
  section('Other messages', result.otherMessages, (item) => `${where(item)}  ${item.message}`);
  if (result.unknownRules.length > 0) {
    out.push('', `Warning: labels name rules the plugin does not have: ${result.unknownRules.join(', ')} (typo, or rule not registered in src/rules.ts yet).`);
  }
  section('Below threshold', result.thresholdFailures, (item) => `${item.rule}: ${item.reason}`);
  out.push('', result.ok ? 'Accuracy: OK' : 'Accuracy: FAILED');
  return out.join('\n');
}

module.exports = {
  THRESHOLDS,
  parseLabelText,
  parseLabels,
  mentionsStatus,
  matchReports,
  summarize,
  thresholdFailures,
  listCorpusFiles,
  runAccuracy,
  formatReport,
};

/** `{ 'http-semantics/<id>': 'error' }` for every rule: every rule on, with its default options. */
function defaultOptionRules(plugin) {
  const rules = {};
  for (const id of Object.keys(plugin.rules)) rules[`http-semantics/${id}`] = 'error';
  return rules;
}
