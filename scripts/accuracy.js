#!/usr/bin/env node
'use strict';
// Usage: node scripts/accuracy.js [--verbose] [--json [file|-]] [--corpus <dir>]
// Lints test/corpus/ with every rule of the built plugin (dist/, so run
// `npm run build` first) and prints precision/recall per rule.
// Exit codes: 0 ok, 1 a gated rule is below threshold or the corpus has parse
// errors, crashes or malformed labels, 2 the harness could not run.
const fs = require('node:fs');
const path = require('node:path');
const { runAccuracy, formatReport } = require('./accuracy-lib.js');

function parseArgs(argv) {
  const args = { verbose: false, json: null, corpusDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose' || arg === '-v') args.verbose = true;
    else if (arg === '--json') {
      const next = argv[i + 1];
      args.json = next && !next.startsWith('-') ? argv[++i] : '-';
    } else if (arg.startsWith('--json=')) args.json = arg.slice('--json='.length) || '-';
    else if (arg === '--corpus') args.corpusDir = path.resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: node scripts/accuracy.js [--verbose] [--json [file|-]] [--corpus <dir>]\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const result = await runAccuracy({ corpusDir: args.corpusDir });
  if (args.json === '-') {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(result, { verbose: args.verbose })}\n`);
    if (args.json) {
      fs.writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(`Wrote ${args.json}\n`);
    }
  }
  return result.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`accuracy: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
