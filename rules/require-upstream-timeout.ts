import { createRule } from '../src/util/create-rule';
import { getTimeoutFacts } from '../src/analysis/timeouts';

export type Options = [];
export type MessageIds = 'missingTimeout';

export default createRule<Options, MessageIds>({
  name: 'require-upstream-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a timeout on upstream HTTP calls made while handling a request',
      recommended: 'warn',
    },
    messages: {
      missingTimeout:
        '{{upstream}} has no timeout ({{reason}}); {{fix}} so a hung upstream fails fast and the handler can still answer 504 Gateway Timeout instead of holding the request open.',
    },
    schema: [],
  },
  create(context) {
    const facts = getTimeoutFacts(context);
    if (facts.inRequest.length === 0) return {};
    return {
      'Program:exit'() {
        for (const fact of facts.inRequest) {
          if (fact.state !== 'missing') continue;
          context.report({
            node: fact.call.node,
            messageId: 'missingTimeout',
            data: { upstream: capitalise(fact.call.label), reason: fact.reason ?? 'none is set', fix: fact.fix ?? 'set one' },
          });
        }
      },
    };
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
