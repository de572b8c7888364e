#!/usr/bin/env node
'use strict';
require('../dist/src/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`http-semantics: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  });
