#!/usr/bin/env node
'use strict';
// Benchmark: how much time the plugin's rules add to ESLint.
//
//   npm run bench                       # build, generate bench/.corpus/, measure
//   node bench/run.js --dir <path>      # measure a directory of your own instead
//   node bench/run.js --rounds 7 --files 600 --seed 1 --json bench/results/run.json
//
// Side by side, with @typescript-eslint/parser in every configuration:
//   parse-only          no rules (the cost of ESLint itself: parse, scope, traversal)
//   http-semantics/all  the built plugin's `configs.all`
//   eslint:recommended  @eslint/js recommended, for reference
//   one no-op rule      ESLint with a single rule that does nothing: the floor any rule pays
// Each configuration lints the same in-memory files with one `Linter`; a
// warm-up round, then N interleaved rounds, in CPU time (min, and the median
// of per-round ratios as a cross-check). Per-rule times come
// from ESLint's `stats` option (the first rule to ask for the shared HTTP model
// is charged for building it). The growth test lints one route-file unit
// repeated 1x, 4x and 16x (each copy in its own block) and compares ms per
// 1,000 lines. Exit code 1 when a target is missed, 2 when the bench cannot run.
const fs = require('node:fs');
const path = require('node:path');
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const js = require('@eslint/js');
const { generateCorpus, growthUnit } = require('./corpus.js');

const ROOT = path.resolve(__dirname, '..');
const EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.next', '.nuxt', '.svelte-kit', '.output', 'coverage', '.git', 'out']);
const TARGET_OVERHEAD = 0.1;
const TARGET_GROWTH = 1.5; // ms per 1k lines at 16x over 1x

function parseArgs(argv) {
  const args = { statRounds: 1, dir: null, rounds: 5, files: 300, seed: 20240607, json: null, growthRounds: 5 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--dir') args.dir = path.resolve(value());
    else if (arg === '--rounds') args.rounds = Number(value());
    else if (arg === '--files') args.files = Number(value());
    else if (arg === '--seed') args.seed = Number(value());
    else if (arg === '--growth-rounds') args.growthRounds = Number(value());
    else if (arg === '--stat-rounds') args.statRounds = Number(value());
    else if (arg === '--json') args.json = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: node bench/run.js [--dir <path>] [--rounds N] [--files N] [--seed N] [--growth-rounds N] [--stat-rounds N] [--json <file>]\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  for (const key of ['rounds', 'files', 'seed', 'growthRounds', 'statRounds']) {
    if (!Number.isInteger(args[key]) || args[key] < 1) throw new Error(`--${key} must be a positive integer`);
  }
  return args;
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), out);
    } else if (entry.isFile() && EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts') && !/\.min\.[cm]?js$/.test(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

const countLines = (code) => code.split('\n').length;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 1) => n.toFixed(digits);
const pct = (n) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)}%`;

function loadPlugin() {
  const entry = path.join(ROOT, 'dist', 'index.cjs');
  if (!fs.existsSync(entry)) throw new Error('dist/index.cjs is missing: run `npm run build` (or `npm run bench`, which builds first)');
  const mod = require(entry);
  return mod.default ?? mod;
}

/**
 * ESLint's CLI and Node API build one FlatConfigArray per run and reuse it for
 * every file (configs merged and rule options validated once, cached by file).
 * \`Linter#verify\` given a plain array instead normalises it and validates
 * every rule's options again on each call: a cost the real CLI never pays,
 * and one that grows with the number of configured rules. So build it once,
 * as the CLI does. (An ESLint-internal module; plain arrays if it moves.)
 */
function prepared(config, basePath) {
  let FlatConfigArray;
  try {
    ({ FlatConfigArray } = require(path.join(path.dirname(require.resolve('eslint/package.json')), 'lib', 'config', 'flat-config-array.js')));
  } catch {
    return config;
  }
  const array = new FlatConfigArray(config, { basePath });
  array.normalizeSync();
  return array;
}

function makeConfigs(plugin, basePath) {
  const base = {
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    languageOptions: { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  };
  return [
    { name: 'parse-only', config: [base] },
    { name: 'http-semantics/all', config: [base, plugin.configs.all] },
    { name: 'eslint:recommended', config: [base, { rules: js.configs.recommended.rules }] },
    // Any rule at all makes ESLint do work that a rule-less run skips; this row is that
    // floor, so the plugin's own cost can be read apart from it.
    { name: 'one no-op rule', config: [base, { plugins: { bench: NOOP_PLUGIN }, rules: { 'bench/noop': 'error' } }] },
  ].map((c) => ({ ...c, config: prepared(c.config, basePath) }));
}

const NOOP_PLUGIN = {
  rules: {
    noop: {
      meta: { type: 'problem', schema: [] },
      create() {
        return { 'Program:exit'() {} };
      },
    },
  },
};

/**
 * Lints every file once; returns the CPU ms this process spent (user +
 * system), which other work on a shared machine disturbs far less than wall
 * time. Throws on a rule crash.
 */
function lintAll(linter, config, files) {
  const start = process.cpuUsage();
  for (const f of files) linter.verify(f.code, config, { filename: f.filename });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Sums ESLint's per-rule `stats` times over the files. */
function ruleTimes(linter, config, files) {
  const times = {};
  let parse = 0;
  for (const f of files) {
    // `stats` is only reset per call by verifyAndFix (fix: false = one pass).
    linter.verifyAndFix(f.code, config, { filename: f.filename, stats: true, fix: false });
    for (const pass of linter.getTimes().passes) {
      parse += pass.parse?.total ?? 0;
      for (const [rule, t] of Object.entries(pass.rules ?? {})) times[rule] = (times[rule] ?? 0) + t.total;
    }
  }
  return { times, parse };
}

function loadFiles(args) {
  let filenames;
  if (args.dir) {
    filenames = walk(args.dir);
  } else {
    const dir = path.join(__dirname, '.corpus');
    filenames = generateCorpus(dir, { seed: args.seed, files: args.files }).map((f) => f.file);
  }
  return filenames.map((filename) => {
    const code = fs.readFileSync(filename, 'utf8');
    return { filename, code, lines: countLines(code) };
  });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const plugin = loadPlugin();
  const ruleIds = Object.keys(plugin.rules).map((id) => `http-semantics/${id}`);
  // Flat config only matches files under the Linter's cwd.
  const configs = makeConfigs(plugin, args.dir ?? ROOT);
  const linter = new Linter({ configType: 'flat', cwd: args.dir ?? ROOT });

  // Files, minus those the parser rejects and those a plugin rule crashes on
  // (both counted apart); this pass is also the warm-up.
  const all = loadFiles(args);
  const files = [];
  let parseFailures = 0;
  const crashes = [];
  for (const f of all) {
    const messages = linter.verify(f.code, configs[0].config, { filename: f.filename });
    const unmatched = messages.find((m) => m.message.startsWith('No matching configuration'));
    if (unmatched) throw new Error(unmatched.message);
    if (messages.some((m) => m.fatal)) {
      parseFailures++;
      continue;
    }
    try {
      linter.verify(f.code, configs[1].config, { filename: f.filename });
      files.push(f);
    } catch (error) {
      crashes.push(`${path.relative(args.dir ?? ROOT, f.filename)}: ${error && error.ruleId ? error.ruleId : 'unknown rule'}`);
    }
  }
  const lines = files.reduce((n, f) => n + f.lines, 0);
  const source = args.dir ?? `bench/.corpus (generated, seed ${args.seed})`;
  const out = process.stdout;
  out.write(`http-semantics bench: ${source}\n`);
  out.write(`${files.length} files, ${lines} lines (${parseFailures} parse failures and ${crashes.length} rule crashes skipped); ${ruleIds.length} plugin rules; ESLint ${require('eslint/package.json').version}, Node ${process.version}\n\n`);
  for (const c of crashes) out.write(`  rule crash, file skipped: ${c}\n`);
  if (crashes.length) out.write('\n');
  if (files.length === 0) throw new Error('no files to lint');

  // Whole-corpus timing: warm-up, then N rounds, configurations interleaved.
  const samples = configs.map(() => []);
  lintAll(linter, configs[2].config, files.slice(0, 60));
  for (let round = 0; round < args.rounds; round++) {
    for (let k = 0; k < configs.length; k++) {
      const idx = (k + round) % configs.length;
      samples[idx].push(lintAll(linter, configs[idx].config, files));
    }
  }
  // CPU time only grows under interference, so the minimum is the best
  // estimate of the intrinsic cost; the median of the per-round ratios (each
  // round runs the configurations back to back) is shown as a cross-check.
  const totals = samples.map((s) => Math.min(...s));
  const parseMs = totals[0];
  const pairedRatio = (i) => median(samples[i].map((ms, r) => ms / samples[0][r]));
  out.write(`Whole corpus (CPU ms: min and median of ${args.rounds} interleaved rounds after a warm-up)\n`);
  out.write(`${'config'.padEnd(22)}${'min ms'.padStart(9)}${'median ms'.padStart(11)}${'ms/1k lines'.padStart(13)}${'vs parse-only'.padStart(16)}${'per-round ratio'.padStart(17)}\n`);
  configs.forEach((c, i) => {
    const ratio = i === 0 ? '1.000' : `${fmt(totals[i] / parseMs, 3)} (${pct(totals[i] / parseMs - 1)})`;
    out.write(
      `${c.name.padEnd(22)}${fmt(totals[i], 0).padStart(9)}${fmt(median(samples[i]), 0).padStart(11)}${fmt((totals[i] / lines) * 1000, 2).padStart(13)}${ratio.padStart(16)}${fmt(pairedRatio(i), 3).padStart(17)}\n`,
    );
  });
  // The targets are judged on the larger of the two estimates (min over min,
  // and the median of per-round ratios): on a shared machine either can be the
  // lucky one, and a target should not be met by luck.
  const overhead = Math.max(totals[1] / parseMs, pairedRatio(1)) - 1;
  const floorMs = totals[3];
  const floorPaired = median(samples[1].map((ms, r) => ms / samples[3][r]));
  const overFloor = Math.max(totals[1] / floorMs, floorPaired) - 1;
  out.write(
    `http-semantics/all over ESLint with one no-op rule: ${pct(totals[1] / floorMs - 1)} (per-round ratio ${fmt(floorPaired, 3)}); a single no-op rule costs ${pct(floorMs / parseMs - 1)} over parse-only\n`,
  );

  // Per-rule times (ESLint stats), median over --stat-rounds rounds.
  const statRounds = args.statRounds;
  const statsFor = (config) => {
    const runs = Array.from({ length: statRounds }, () => ruleTimes(linter, config, files));
    const rules = new Set(runs.flatMap((r) => Object.keys(r.times)));
    const times = {};
    for (const rule of rules) times[rule] = median(runs.map((r) => r.times[rule] ?? 0));
    return { times, parse: median(runs.map((r) => r.parse)) };
  };
  const pluginStats = statsFor(configs[1].config);
  const recStats = statsFor(configs[2].config);
  const recSorted = Object.entries(recStats.times).sort((a, b) => b[1] - a[1]);
  const [slowestRecRule, slowestRecMs] = recSorted[0] ?? ['(none)', 0];
  const pluginRuleSum = ruleIds.reduce((n, id) => n + (pluginStats.times[id] ?? 0), 0);
  out.write(`\nPer-rule time (ESLint stats, median of ${statRounds} round(s); the first rule to build the shared model pays for it)\n`);
  out.write(`${'rule'.padEnd(46)}${'ms'.padStart(9)}${'% of parse'.padStart(12)}\n`);
  for (const id of [...ruleIds].sort((a, b) => (pluginStats.times[b] ?? 0) - (pluginStats.times[a] ?? 0))) {
    const t = pluginStats.times[id] ?? 0;
    out.write(`${id.padEnd(46)}${fmt(t).padStart(9)}${pct(t / pluginStats.parse).padStart(12)}\n`);
  }
  out.write(`${'(all plugin rules)'.padEnd(46)}${fmt(pluginRuleSum).padStart(9)}${pct(pluginRuleSum / pluginStats.parse).padStart(12)}\n`);
  out.write(`eslint:recommended, slowest 3: ${recSorted
    .slice(0, 3)
    .map(([id, t]) => `${id} ${fmt(t)} ms`)
    .join(', ')}\n`);

  // Growth: one route-file unit at 1x, 4x, 16x, each copy in a fresh block
  // (files under the repository, so a Linter rooted there).
  const growthLinter = new Linter({ configType: 'flat', cwd: ROOT });
  const growthConfigs = args.dir ? makeConfigs(plugin, ROOT) : configs;
  const unit = growthUnit();
  const sizes = [1, 4, 16];
  const growthFiles = sizes.map((k) => {
    const blocks = [];
    for (let i = 0; i < k; i++) blocks.push('{', ...unit.body.map((l) => `  ${l}`), '}');
    const code = `${[...unit.head, '', ...blocks].join('\n')}\n`;
    return { k, filename: path.join(__dirname, '.corpus', `growth-${k}x.ts`), code, lines: countLines(code) };
  });
  const growth = growthFiles.map((g) => {
    const reps = 16 / g.k; // the same number of lines per sample at every size
    const batch = Array.from({ length: reps }, () => g);
    const bad = growthLinter.verify(g.code, growthConfigs[0].config, { filename: g.filename }).find((m) => m.fatal || m.ruleId === null);
    if (bad) throw new Error(`growth file ${g.k}x was not linted: ${bad.message} (line ${bad.line})`);
    for (const c of growthConfigs.slice(0, 2)) lintAll(growthLinter, c.config, batch);
    const parse = [];
    const full = [];
    const rules = [];
    for (let r = 0; r < args.growthRounds; r++) {
      parse.push(lintAll(growthLinter, growthConfigs[0].config, batch));
      full.push(lintAll(growthLinter, growthConfigs[1].config, batch));
      rules.push(ruleIds.reduce((n, id) => n + (ruleTimes(growthLinter, growthConfigs[1].config, batch).times[id] ?? 0), 0));
    }
    const perK = (ms) => (ms / (g.lines * reps)) * 1000;
    return { k: g.k, lines: g.lines, parse: perK(Math.min(...parse)), full: perK(Math.min(...full)), rules: perK(Math.min(...rules)) };
  });
  out.write(`\nGrowth (one ${growthFiles[0].lines}-line route unit repeated; ms per 1k lines, min of ${args.growthRounds} rounds)\n`);
  out.write(`${'size'.padEnd(6)}${'lines'.padStart(7)}${'parse-only'.padStart(12)}${'with plugin'.padStart(13)}${'plugin rules'.padStart(14)}\n`);
  for (const g of growth) {
    out.write(`${`${g.k}x`.padEnd(6)}${String(g.lines).padStart(7)}${fmt(g.parse, 3).padStart(12)}${fmt(g.full, 3).padStart(13)}${fmt(g.rules, 3).padStart(14)}\n`);
  }
  const growthRatio = growth[2].rules / growth[0].rules;
  const fullGrowthRatio = growth[2].full / growth[0].full;

  // Targets.
  const slowestPlugin = ruleIds.map((id) => [id, pluginStats.times[id] ?? 0]).sort((a, b) => b[1] - a[1])[0] ?? ['(none)', 0];
  const checks = [
    { name: `plugin overhead over parse-only < ${TARGET_OVERHEAD * 100}% (larger of min and per-round estimates)`, ok: overhead < TARGET_OVERHEAD, detail: pct(overhead) },
    { name: `plugin overhead over ESLint with one no-op rule < ${TARGET_OVERHEAD * 100}% (larger estimate)`, ok: overFloor < TARGET_OVERHEAD, detail: pct(overFloor) },
    {
      name: `linear growth: plugin rules ms/1k lines at 16x <= ${TARGET_GROWTH}x of 1x`,
      ok: growthRatio <= TARGET_GROWTH,
      detail: `${fmt(growthRatio, 2)}x (whole lint ${fmt(fullGrowthRatio, 2)}x)`,
    },
    {
      name: 'slowest plugin rule <= slowest eslint:recommended rule',
      ok: slowestPlugin[1] <= slowestRecMs,
      detail: `${slowestPlugin[0]} ${fmt(slowestPlugin[1])} ms vs ${slowestRecRule} ${fmt(slowestRecMs)} ms`,
    },
  ];
  out.write('\nTargets\n');
  for (const c of checks) out.write(`  ${c.ok ? 'MET   ' : 'MISSED'} ${c.name}: ${c.detail}\n`);

  if (args.json) {
    fs.mkdirSync(path.dirname(args.json), { recursive: true });
    const result = {
      source,
      files: files.length,
      lines,
      parseFailures,
      crashes,
      configs: configs.map((c, i) => ({ name: c.name, minMs: totals[i], samples: samples[i] })),
      overhead,
      pluginRules: Object.fromEntries(ruleIds.map((id) => [id, pluginStats.times[id] ?? 0])),
      recommendedRules: recStats.times,
      growth,
      checks,
    };
    fs.writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
    out.write(`\nWrote ${path.relative(process.cwd(), args.json)}\n`);
  }
  return checks.every((c) => c.ok) ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`bench: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
