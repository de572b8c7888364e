/**
 * The rule registry. Each rule lives in `rules/<rule-id>.ts`; this file is the
 * only place that lists them. `src/index.ts` derives the configs from each
 * rule's `meta.docs.recommended`.
 */
import type { TSESLint } from '@typescript-eslint/utils';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {};
