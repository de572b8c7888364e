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
 * merges the default options into the configured ones once per distinct options
 * array, instead of a deep merge on every file for every rule.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, HttpSemanticsDocs>>,
): ReturnType<typeof withDocsUrl<Options, MessageIds>> {
  const created = withDocsUrl<Options, MessageIds>(rule);
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  const merged = new WeakMap<readonly unknown[], Options>();
  created.create = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => {
    const configured = context.options as readonly unknown[];
    let options = merged.get(configured);
    if (!options) {
      options = ESLintUtils.applyDefault(defaults, configured as Options) as Options;
      merged.set(configured, options);
    }
    return rule.create(context, options);
  };
  return created;
}
