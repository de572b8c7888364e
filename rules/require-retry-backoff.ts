import type { TSESTree } from '@typescript-eslint/utils';
import { getRetryModel, type RetryLogic } from '../src/analysis/retry';
import { describeRetry } from '../src/analysis/retry/describe';
import { createRule } from '../src/util/create-rule';

export type Options = [
  {
    allowLinear?: boolean;
    requireJitter?: boolean;
    honorRetryAfter?: boolean;
    backoffHelpers?: string[];
  },
];
export type MessageIds = 'noWait' | 'constantWait' | 'linearWait' | 'missingJitter' | 'ignoresRetryAfter';

const DEFAULT_BACKOFF_HELPERS = ['backoff', 'exponential'];

export default createRule<Options, MessageIds>({
  name: 'require-retry-backoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require exponentially growing waits between retries, and honouring Retry-After on 429 and 503',
      recommended: 'error',
      allOptions: [{ requireJitter: true }],
    },
    messages: {
      noWait:
        '{{what}} retries at once, with no wait between attempts; wait `base * 2 ** attempt` ms between attempts (capped, with jitter) so that a brief outage does not turn into a retry storm that keeps the upstream down.',
      constantWait:
        '{{what}} waits a constant {{delay}} between attempts; grow the wait exponentially (e.g. `base * 2 ** attempt`, capped, with jitter) so that a struggling upstream gets room to recover.',
      linearWait:
        '{{what}} grows its wait only linearly; grow it exponentially (e.g. `base * 2 ** attempt`, capped, with jitter) so that a lasting failure backs off fast enough for the upstream to recover.',
      missingJitter:
        '{{what}} backs off exponentially without jitter; randomise each wait (full jitter: `Math.random() * Math.min(cap, base * 2 ** attempt)`) so that clients that failed together do not retry in lockstep.',
      ignoresRetryAfter:
        'This retry logic singles out {{status}} but never reads the Retry-After header; wait as long as the server asked (RFC 9110 §10.2.3), falling back to exponential backoff, because the server has said when it can take the request again.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowLinear: {
            type: 'boolean',
            description: 'Accept waits that grow linearly (`attempt * 1000`).',
          },
          requireJitter: {
            type: 'boolean',
            description: 'Also report exponential backoff whose delay has no random component.',
          },
          honorRetryAfter: {
            type: 'boolean',
            description: 'Report retry logic that singles out 429 or 503 but never reads the Retry-After header.',
          },
          backoffHelpers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Words that mark a delay helper the rule cannot see into as backoff (matched case-insensitively against its name, e.g. `getBackoffDelay`).',
          },
        },
      },
    ],
    defaultOptions: [{ allowLinear: false, requireJitter: false, honorRetryAfter: true, backoffHelpers: DEFAULT_BACKOFF_HELPERS }],
  },
  create(context, [options]) {
    const allowLinear = options.allowLinear ?? false;
    const requireJitter = options.requireJitter ?? false;
    const honorRetryAfter = options.honorRetryAfter ?? true;
    const helpers = (options.backoffHelpers ?? DEFAULT_BACKOFF_HELPERS).map((word) => word.toLowerCase());

    function saysBackoff(name: string | undefined): boolean {
      const lower = name?.toLowerCase();
      return !!lower && helpers.some((word) => lower.includes(word));
    }

    /** Two attempts have one wait, with nothing to grow from; three have two, and k then 2k is exponential as well. */
    function atMostAttempts(logic: RetryLogic, most: number): boolean {
      return logic.bound.attempts !== undefined && logic.bound.attempts <= most;
    }

    function checkWait(logic: RetryLogic): void {
      const { wait } = logic;
      const what = logic.kind === 'library' && !wait.node ? `${describeRetry(logic)} (library default schedule)` : describeRetry(logic);
      let kind = wait.kind;
      if (kind === 'unknown' && saysBackoff(wait.helper)) kind = 'exponential';
      if (kind === 'none') {
        context.report({ node: logic.reportNode, messageId: 'noWait', data: { what } });
      } else if (atMostAttempts(logic, 2)) {
        // Two attempts at most: one wait, which has nothing to grow from.
        return;
      } else if (kind === 'constant') {
        const delay = wait.ms !== undefined ? `${wait.ms} ms` : 'delay';
        context.report({ node: logic.reportNode, messageId: 'constantWait', data: { what, delay } });
      } else if (kind === 'linear' && !allowLinear && !atMostAttempts(logic, 3)) {
        context.report({ node: logic.reportNode, messageId: 'linearWait', data: { what } });
      } else if (kind === 'exponential' && requireJitter && !wait.jitter && !/jitter|random/i.test(wait.helper ?? '')) {
        context.report({ node: logic.reportNode, messageId: 'missingJitter', data: { what } });
      }
    }

    // Nested retry loops can single out the same comparison: one report for it.
    const reported = new Set<TSESTree.Node>();

    function checkRetryAfter(logic: RetryLogic, node: TSESTree.Node): void {
      if (logic.readsRetryAfter || logic.wait.kind === 'retry-after' || reported.has(node)) return;
      reported.add(node);
      const text = context.sourceCode.getText(node);
      const status = /429/.test(text) && /503/.test(text) ? '429 and 503' : /429/.test(text) ? '429' : '503';
      context.report({ node, messageId: 'ignoresRetryAfter', data: { status } });
    }

    return {
      Program() {
        for (const logic of getRetryModel(context).retries) {
          checkWait(logic);
          if (honorRetryAfter && logic.singlesOut429or503) checkRetryAfter(logic, logic.singlesOut429or503);
        }
      },
    };
  },
});
