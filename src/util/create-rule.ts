import { ESLintUtils } from '@typescript-eslint/utils';

export interface HttpSemanticsDocs {
  /** Included in `configs.recommended` at this severity. */
  recommended?: 'error' | 'warn';
  /** Options the rule gets in `configs.all` (stricter than its defaults), e.g. `[{ requireJitter: true }]`. */
  allOptions?: readonly unknown[];
}

export const REPO_URL = 'https://github.com/http-semantics/eslint-plugin-http-semantics';

export const createRule = ESLintUtils.RuleCreator<HttpSemanticsDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
