import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../src/analysis/node-types';
import { getRetryModel } from '../src/analysis/retry';
import { describeRetry } from '../src/analysis/retry/describe';
import { createRule } from '../src/util/create-rule';

export type Options = [{ allow?: number[] }];
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
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            items: { type: 'integer', minimum: 400, maximum: 499 },
            uniqueItems: true,
            description:
              'Client-error statuses your upstream uses for transient states and that you retry on purpose (e.g. 409 while a lock is held); status lists made only of these, 408, 413, 429 and 5xx are accepted.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [options]) {
    const allowed = new Set([408, 413, 429, ...(options.allow ?? [])]);

    /** A literal status list (`retryOn: [409, 503]`) whose 4xx are all allowed. */
    function onlyAllowed(node: TSESTree.Node | undefined): boolean {
      if (node?.type !== AST_NODE_TYPES.ArrayExpression) return false;
      return node.elements.every(
        (element) =>
          element?.type === AST_NODE_TYPES.Literal &&
          typeof element.value === 'number' &&
          (element.value >= 500 || element.value < 400 || allowed.has(element.value)),
      );
    }

    return {
      Program() {
        for (const logic of getRetryModel(context).retries) {
          if (logic.retriesOn.kind !== 'any-failure' || onlyAllowed(logic.retriesOn.node)) continue;
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
