'use strict';
// eslint-doc-generator loads the built plugin (package.json `exports` ->
// dist/index.cjs), so `npm run docs` / `npm run docs:check` build first.

/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['all', '🌐'],
  ],
  // The eslintrc configs hold the same rules as their flat twins.
  ignoreConfig: ['legacy-recommended', 'legacy-all'],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocNotices: ['configs', 'deprecated', 'fixableAndHasSuggestions', 'options', 'description'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options', 'deprecated'],
  // Every rule doc must have these `## ` sections (test/plugin.test.ts checks
  // them too, plus `## Examples` with `### Wrong` / `### Right` code blocks).
  ruleDocSectionInclude: ['Why', 'Options', 'When not to use it'],
  // false: every rule doc has `## Options` (test/plugin.test.ts requires it, with "None." for
  // rules without options); `true` would forbid that section on option-less rules.
  ruleDocSectionOptions: false,
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: 'README.md',
};
