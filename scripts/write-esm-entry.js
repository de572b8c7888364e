'use strict';
// Writes the ESM and CommonJS entry points around the compiled plugin, so that
// `import plugin from 'eslint-plugin-http-semantics'` and `require(...)` both
// return the plugin object itself (not `{ default }`).
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
fs.mkdirSync(path.join(dist, 'esm'), { recursive: true });
fs.writeFileSync(
  path.join(dist, 'esm', 'index.mjs'),
  "import mod from '../src/index.js';\nexport default mod.default;\n",
);
fs.writeFileSync(
  path.join(dist, 'esm', 'index.d.mts'),
  "import type { Plugin } from '../src/index.js';\ndeclare const plugin: Plugin;\nexport default plugin;\n",
);
fs.writeFileSync(
  path.join(dist, 'index.cjs'),
  "'use strict';\nmodule.exports = require('./src/index.js').default;\n",
);
fs.writeFileSync(
  path.join(dist, 'index.d.cts'),
  "import type { Plugin } from './src/index.js';\ndeclare const plugin: Plugin;\nexport = plugin;\n",
);
