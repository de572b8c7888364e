import { getRetryModel } from '../src/analysis/retry';
import { describeRetry } from '../src/analysis/retry/describe';
import { createRule } from '../src/util/create-rule';

export type Options = [];
export type MessageIds = 'retriesClientErrors';

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-client-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retrying 4xx responses other than 408 and 429',
      recommended: 'warn',
    },
    messages: {
      retriesClientErrors:
        '{{what}} retries every failed response, 4xx included; retry only network errors, 408, 429 and 5xx (e.g. `status >= 500 || status === 429`) because a 4xx fails the same way on every attempt and retrying it only adds load and delay.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const logic of getRetryModel(context).retries) {
          if (logic.retriesOn.kind !== 'any-failure') continue;
          context.report({
            node: logic.retriesOn.node ?? logic.reportNode,
            messageId: 'retriesClientErrors',
            data: { what: describeRetry(logic) },
          });
        }
      },
    };
  },
});
