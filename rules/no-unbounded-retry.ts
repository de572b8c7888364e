import { getRetryModel, type RetryLogic } from '../src/analysis/retry';
import { describeRetry } from '../src/analysis/retry/describe';
import { createRule } from '../src/util/create-rule';

export type Options = [{ reportReconnects?: boolean }];
export type MessageIds = 'unbounded';

function how(logic: RetryLogic): string {
  switch (logic.kind) {
    case 'loop':
      return 'its only way out is success';
    case 'recursion':
      return 'no count or deadline stops the recursion';
    case 'timer':
      return 'nothing stops it from rescheduling itself';
    case 'library':
      return 'it is configured without an attempt limit';
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retry logic that can retry forever',
      recommended: 'error',
    },
    messages: {
      unbounded:
        '{{what}} can retry forever ({{how}}); cap the attempts (e.g. 5) or give it a deadline or an AbortSignal so that a lasting outage ends in an error the caller can handle instead of endless load on the upstream.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportReconnects: {
            type: 'boolean',
            description:
              'Also report reconnect timers of long-lived connections (WebSocket, Redis, AMQP, EventSource), which usually reconnect indefinitely on purpose.',
          },
        },
      },
    ],
    defaultOptions: [{ reportReconnects: false }],
  },
  create(context, [options]) {
    const reportReconnects = options.reportReconnects ?? false;
    return {
      Program() {
        for (const logic of getRetryModel(context).retries) {
          if (logic.bound.kind !== 'none') continue;
          if (logic.reconnect && !reportReconnects) continue;
          context.report({ node: logic.reportNode, messageId: 'unbounded', data: { what: describeRetry(logic), how: how(logic) } });
        }
      },
    };
  },
});
