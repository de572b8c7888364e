import type { TSESLint } from '@typescript-eslint/utils';
import { getHttpModel } from '../src/analysis/model';
import { validationFailureAt } from '../src/analysis/queries';
import { describeStatus } from '../src/analysis/status-codes';
import { createRule } from '../src/util/create-rule';

export type Options = [{ status?: 400 | 422; reportMixedTry?: boolean }];
export type MessageIds = 'validation5xx' | 'useStatus';

export default createRule<Options, MessageIds>({
  name: 'no-500-for-validation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow 5xx responses when request input failed validation',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      validation5xx:
        'Request validation failed here ({{what}}) but the response is {{actual}}; send {{expected}} so the client knows to fix its input instead of retrying.',
      useStatus: 'Send {{expected}} instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          status: {
            type: 'integer',
            enum: [400, 422],
            description: 'The 4xx status to suggest for a validation failure: 400 Bad Request (default) or 422 Unprocessable Content.',
          },
          reportMixedTry: {
            type: 'boolean',
            description: 'Also report a catch whose try mixes validation with other failable work (database, upstream, local calls) without singling out the validation error.',
          },
        },
      },
    ],
    defaultOptions: [{ status: 400, reportMixedTry: false }],
  },
  create(context, [options]) {
    const model = getHttpModel(context);
    if (model.emissions.length === 0) return {};
    const target = options.status ?? 400;
    const reportMixedTry = options.reportMixedTry ?? false;
    return {
      'Program:exit'() {
        for (const emission of model.emissions) {
          if (emission.code === undefined || emission.code < 500 || emission.code > 599) continue;
          const failure = validationFailureAt(model, emission, { reportMixedTry });
          if (!failure) continue;
          const edits = emission.status.rewrite?.(target);
          const expected = describeStatus(target);
          context.report({
            node: emission.node,
            messageId: 'validation5xx',
            data: { what: failure.what, actual: describeStatus(emission.code), expected },
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
