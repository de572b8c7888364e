import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

export interface HttpSemanticsDocs {
  /** Included in `configs.recommended` at this severity. */
  recommended?: 'error' | 'warn';
  /** Options the rule gets in `configs.all` (stricter than its defaults), e.g. `[{ requireJitter: true }]`. */
  allOptions?: readonly unknown[];
}

export const REPO_URL = 'https://github.com/http-semantics/eslint-plugin-http-semantics';

const withDocsUrl = ESLintUtils.RuleCreator<HttpSemanticsDocs>((name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`);

/**
 * `ESLintUtils.RuleCreator` with the docs URL of this plugin, whose `create`
 * merges the default options into the configured ones once per distinct
 * configuration, instead of a deep merge on every file for every rule.
 * ESLint hands each file a fresh options array (it merges `meta.defaultOptions`
 * per file itself), so the cache is keyed by the options' JSON text, not by
 * the array.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, HttpSemanticsDocs>>,
): ReturnType<typeof withDocsUrl<Options, MessageIds>> {
  const created = withDocsUrl<Options, MessageIds>(rule);
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  created.create = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => {
    const configured = context.options as readonly unknown[];
    const key = configured.length === 0 ? '' : JSON.stringify(configured);
    let options = merged.get(key);
    if (!options) {
      options = ESLintUtils.applyDefault(defaults, configured as Options) as Options;
      merged.set(key, options);
    }
    return rule.create(context, options);
  };
  return created;
}
