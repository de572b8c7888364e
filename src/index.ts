import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules';

import packageJson from '../package.json';

const { name, version } = packageJson;

export const PLUGIN_PREFIX = 'http-semantics';

type RuleModule = TSESLint.RuleModule<string, readonly unknown[]>;
type Severity = 'error' | 'warn';
type RuleEntry = Severity | [Severity, ...unknown[]];
type RulesRecord = Record<string, RuleEntry>;

interface FlatConfig {
  name: string;
  plugins: Record<string, Plugin>;
  rules: RulesRecord;
}

interface LegacyConfig {
  plugins: string[];
  rules: RulesRecord;
}

export interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, RuleModule>;
  configs: {
    recommended: FlatConfig;
    all: FlatConfig;
    'legacy-recommended': LegacyConfig;
    'legacy-all': LegacyConfig;
  };
}

function recommendedSeverity(rule: RuleModule): Severity | undefined {
  const docs = rule.meta.docs as { recommended?: unknown } | undefined;
  const level = docs?.recommended;
  return level === 'error' || level === 'warn' ? level : undefined;
}

function allOptions(rule: RuleModule): readonly unknown[] {
  const docs = rule.meta.docs as { allOptions?: unknown } | undefined;
  return Array.isArray(docs?.allOptions) ? docs.allOptions : [];
}

function ruleLevels(pick: (rule: RuleModule) => RuleEntry | undefined): RulesRecord {
  const out: RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const level = pick(rule);
    if (level) out[`${PLUGIN_PREFIX}/${id}`] = level;
  }
  return out;
}

const recommendedRules = ruleLevels(recommendedSeverity);
/** Every rule, at its recommended severity or `error`, with its stricter `allOptions` when it has some. */
const allRules = ruleLevels((rule) => {
  const level = recommendedSeverity(rule) ?? 'error';
  const options = allOptions(rule);
  return options.length > 0 ? [level, ...options] : level;
});

const plugin: Plugin = {
  meta: { name, version, namespace: PLUGIN_PREFIX },
  rules,
  configs: {} as Plugin['configs'],
};

plugin.configs.recommended = {
  name: `${PLUGIN_PREFIX}/recommended`,
  plugins: { [PLUGIN_PREFIX]: plugin },
  rules: recommendedRules,
};
plugin.configs.all = {
  name: `${PLUGIN_PREFIX}/all`,
  plugins: { [PLUGIN_PREFIX]: plugin },
  rules: allRules,
};
plugin.configs['legacy-recommended'] = { plugins: [PLUGIN_PREFIX], rules: recommendedRules };
plugin.configs['legacy-all'] = { plugins: [PLUGIN_PREFIX], rules: allRules };

export default plugin;
