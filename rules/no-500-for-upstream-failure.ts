import type { TSESLint } from '@typescript-eslint/utils';
import { getHttpModel } from '../src/analysis/model';
import { describeStatus } from '../src/analysis/status-codes';
import { upstreamFailureAt } from '../src/analysis/upstream-failure';
import { createRule } from '../src/util/create-rule';

export type Options = [{ reportMixedTry?: boolean }];
export type MessageIds = 'upstream500' | 'timeout500' | 'useStatus';

export default createRule<Options, MessageIds>({
  name: 'no-500-for-upstream-failure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow 500 responses when an upstream HTTP call failed; send 502 or 504',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      upstream500:
        '{{upstream}} failed here but the response is {{actual}}; send {{expected}} so clients, on-call and monitors see that the upstream failed, not this server.',
      timeout500:
        '{{upstream}} timed out here but the response is {{actual}}; send {{expected}} so clients, on-call and monitors see that the upstream did not answer in time, not that this server broke.',
      useStatus: 'Send {{expected}} instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportMixedTry: {
            type: 'boolean',
            description:
              'Also report a catch whose try mixes upstream calls with database, file-system, local or unknown work without singling out the upstream error.',
          },
        },
      },
    ],
    defaultOptions: [{ reportMixedTry: false }],
  },
  create(context, [options]) {
    const model = getHttpModel(context);
    if (model.emissions.length === 0) return {};
    const reportMixedTry = options.reportMixedTry ?? false;
    return {
      'Program:exit'() {
        for (const emission of model.emissions) {
          if (emission.code !== 500) continue;
          const failure = upstreamFailureAt(model, emission, { reportMixedTry });
          if (!failure) continue;
          const target = failure.timeout ? 504 : 502;
          const expected = describeStatus(target);
          const edits = emission.status.rewrite?.(target);
          context.report({
            node: emission.node,
            messageId: failure.timeout ? 'timeout500' : 'upstream500',
            data: { upstream: capitalise(failure.label), actual: describeStatus(emission.code), expected },
            suggest: edits
              ? [
                  {
                    messageId: 'useStatus',
                    data: { expected },
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
