import type { TSESLint } from '@typescript-eslint/utils';
import { getHttpModel } from '../src/analysis/model';
import { describeStatus } from '../src/analysis/status-codes';
import { internalFailureAt } from '../src/analysis/upstream-failure';
import { createRule } from '../src/util/create-rule';

export type Options = [];
export type MessageIds = 'internal502' | 'useStatus';

export default createRule<Options, MessageIds>({
  name: 'no-502-for-internal-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow 502 and 504 responses where no upstream HTTP call can have failed',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      internal502:
        'The response is {{actual}} but {{why}}; send 500 Internal Server Error so on-call looks at this server instead of blaming an upstream that was never called.',
      useStatus: 'Send 500 Internal Server Error instead.',
    },
    schema: [],
  },
  create(context) {
    const model = getHttpModel(context);
    if (model.emissions.length === 0) return {};
    return {
      'Program:exit'() {
        for (const emission of model.emissions) {
          if (emission.code !== 502 && emission.code !== 504) continue;
          const internal = internalFailureAt(model, emission);
          if (!internal) continue;
          const edits = emission.status.rewrite?.(500);
          context.report({
            node: emission.node,
            messageId: 'internal502',
            data: { actual: describeStatus(emission.code), why: internal.why },
            suggest: edits
              ? [
                  {
                    messageId: 'useStatus',
                    fix: (fixer) => edits.map((e) => fixer.replaceTextRange(e.range as [number, number], e.text)) as TSESLint.RuleFix[],
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});
