#!/usr/bin/env node
'use strict';
// Lints directories of real code with every rule of the built plugin
// (`configs.all`, @typescript-eslint/parser with JSX) and reports what a
// reviewer needs: files, lines, parse failures (apart), rule crashes (file and
// rule, then it keeps going), findings per rule, and a markdown review sheet
// with each finding in context.
//
//   npm run realworld -- <dir>... [--out review.md] [--json result.json] [--context N]
//
// Each <dir> is one project; paths in the sheet are relative to it. Run
// `npm run build` first (the script reads dist/). Exit code 0 when nothing
// crashed, 1 when a rule crashed, 2 on bad usage.
const fs = require('node:fs');
const path = require('node:path');
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');

const ROOT = path.resolve(__dirname, '..');
const EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.next', '.nuxt', '.output', '.svelte-kit', '.vercel', '.netlify', 'coverage', '.git', 'out', 'vendor', '.turbo', '.cache']);
const MAX_BYTES = 1_000_000;

function usage() {
  return 'Usage: npm run realworld -- <dir>... [--out review.md] [--json result.json] [--context N]\n';
}

function parseArgs(argv) {
  const args = { dirs: [], out: null, json: null, context: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--out' || arg === '-o') args.out = path.resolve(value());
    else if (arg === '--json') args.json = path.resolve(value());
    else if (arg === '--context') args.context = Number(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage());
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option: ${arg}`);
    else args.dirs.push(path.resolve(arg));
  }
  if (args.dirs.length === 0) throw new Error(`no directory given\n${usage()}`);
  for (const dir of args.dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
  }
  if (!Number.isInteger(args.context) || args.context < 0) throw new Error('--context must be a non-negative integer');
  return args;
}

/** Minified or generated bundles: long lines, few of them. */
function looksMinified(name, code) {
  if (/\.min\.[cm]?js$/.test(name)) return true;
  const lines = code.split('\n');
  return code.length > 5000 && code.length / lines.length > 300;
}

function walk(dir, out = []) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && EXTENSIONS.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

function loadPlugin() {
  const entry = path.join(ROOT, 'dist', 'index.cjs');
  if (!fs.existsSync(entry)) throw new Error('dist/index.cjs is missing: run `npm run build` first');
  const mod = require(entry);
  return mod.default ?? mod;
}

/** The rule id ESLint attaches to errors thrown from a rule, or one named in the message. */
function crashedRule(error) {
  if (error && typeof error.ruleId === 'string') return error.ruleId;
  const match = /Rule: "([^"]+)"/.exec(error?.message ?? '');
  return match ? match[1] : '(unknown)';
}

function context(lines, line, n) {
  const from = Math.max(1, line - n);
  const to = Math.min(lines.length, line + n);
  const width = String(to).length;
  const out = [];
  for (let i = from; i <= to; i++) out.push(`${i === line ? '>' : ' '} ${String(i).padStart(width)} | ${lines[i - 1]}`);
  return out.join('\n');
}

function lintProject(dir, config, contextLines) {
  // Flat config only matches files under the Linter's cwd.
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const project = {
    name: path.basename(dir),
    dir,
    files: 0,
    lines: 0,
    skippedMinified: 0,
    skippedLarge: 0,
    parseFailures: [],
    crashes: [],
    findings: [],
  };
  for (const file of walk(dir).sort()) {
    const rel = path.relative(dir, file);
    let code;
    try {
      if (fs.statSync(file).size > MAX_BYTES) {
        project.skippedLarge++;
        continue;
      }
      code = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (looksMinified(file, code)) {
      project.skippedMinified++;
      continue;
    }
    project.files++;
    const lines = code.split('\n');
    project.lines += lines.length;
    let messages;
    try {
      messages = linter.verify(code, config, { filename: file });
    } catch (error) {
      project.crashes.push({
        file: rel,
        rule: crashedRule(error),
        message: String(error?.message ?? error).split('\n')[0],
        stack: String(error?.stack ?? '').split('\n').slice(0, 6).join('\n'),
      });
      continue;
    }
    for (const m of messages) {
      if (m.ruleId === null && m.message.startsWith('No matching configuration')) throw new Error(`${rel}: ${m.message}`);
      if (m.fatal) {
        project.parseFailures.push({ file: rel, line: m.line, message: m.message });
        continue;
      }
      if (!m.ruleId || !m.ruleId.startsWith('http-semantics/')) continue;
      project.findings.push({
        file: rel,
        line: m.line,
        column: m.column,
        rule: m.ruleId.slice('http-semantics/'.length),
        message: m.message,
        suggestions: (m.suggestions ?? []).map((s) => s.desc),
        context: context(lines, m.line, contextLines),
      });
    }
  }
  return project;
}

function perRule(findings) {
  const counts = {};
  for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

function summary(projects, ruleIds) {
  const rows = [];
  const header = ['project', 'files', 'lines', 'parse fail', 'crashes', 'findings', ...ruleIds];
  rows.push(header);
  for (const p of projects) {
    const counts = perRule(p.findings);
    rows.push([p.name, p.files, p.lines, p.parseFailures.length, p.crashes.length, p.findings.length, ...ruleIds.map((r) => counts[r] ?? 0)]);
  }
  const total = (i) => rows.slice(1).reduce((n, r) => n + r[i], 0);
  rows.push(['TOTAL', ...header.slice(1).map((_, i) => total(i + 1))]);
  return rows;
}

function textTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}

function markdownTable(rows) {
  const lines = [`| ${rows[0].join(' | ')} |`, `| ${rows[0].map((_, i) => (i === 0 ? ':--' : '--:')).join(' | ')} |`];
  for (const r of rows.slice(1)) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function reviewSheet(projects, ruleIds) {
  const out = ['# http-semantics real-project review sheet', '', `Generated ${new Date().toISOString()} with every rule on (configs.all).`, ''];
  out.push(markdownTable(summary(projects, ruleIds)), '');
  out.push('Verdict per finding: fill in `TP` (a real mistake by HTTP semantics) or `FP` with the reason.', '');
  for (const p of projects) {
    out.push(`## ${p.name}`, '', `\`${p.dir}\`: ${p.files} files, ${p.lines} lines.`, '');
    if (p.crashes.length) {
      out.push('### Rule crashes', '');
      for (const c of p.crashes) out.push(`- \`${c.file}\` — rule \`${c.rule}\`: ${c.message}`, '', '```', c.stack, '```', '');
    }
    if (p.parseFailures.length) {
      out.push('### Parse failures', '');
      for (const f of p.parseFailures) out.push(`- \`${f.file}:${f.line}\` ${f.message}`);
      out.push('');
    }
    if (p.findings.length) out.push('### Findings', '');
    p.findings.forEach((f, i) => {
      out.push(`#### ${p.name} #${i + 1} \`${f.file}:${f.line}:${f.column}\` — ${f.rule}`, '', f.message, '');
      if (f.suggestions.length) out.push(`Suggestions: ${f.suggestions.join('; ')}`, '');
      out.push('```', f.context, '```', '', 'Verdict: ', '');
    });
  }
  return `${out.join('\n')}\n`;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const plugin = loadPlugin();
  const ruleIds = Object.keys(plugin.rules).sort();
  const config = [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    },
    plugin.configs.all,
  ];
  const projects = args.dirs.map((dir) => lintProject(dir, config, args.context));

  const out = process.stdout;
  out.write(`${textTable(summary(projects, ruleIds))}\n`);
  const crashes = projects.flatMap((p) => p.crashes.map((c) => ({ project: p.name, ...c })));
  if (crashes.length) {
    out.write(`\nRule crashes (${crashes.length}):\n`);
    for (const c of crashes) out.write(`  ${c.project}/${c.file}: ${c.rule}: ${c.message}\n`);
  }
  const skipped = projects.reduce((n, p) => n + p.skippedMinified + p.skippedLarge, 0);
  if (skipped) out.write(`\nSkipped ${skipped} minified or oversized files.\n`);
  if (args.out) {
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, reviewSheet(projects, ruleIds));
    out.write(`Wrote review sheet ${path.relative(process.cwd(), args.out)}\n`);
  }
  if (args.json) {
    fs.mkdirSync(path.dirname(args.json), { recursive: true });
    fs.writeFileSync(args.json, `${JSON.stringify({ rules: ruleIds, projects }, null, 2)}\n`);
    out.write(`Wrote ${path.relative(process.cwd(), args.json)}\n`);
  }
  return crashes.length ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`realworld: ${error && error.message ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
