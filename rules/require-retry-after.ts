import { getHttpModel } from '../src/analysis/model';
import { answersMissingConfiguration } from '../src/analysis/queries';
import { describeStatus } from '../src/analysis/status-codes';
import { createRule } from '../src/util/create-rule';

export type Options = [{ statuses?: number[] }];
export type MessageIds = 'missingRetryAfter';

const EXAMPLE: Readonly<Record<number, string>> = { 429: '60', 503: '120' };

export default createRule<Options, MessageIds>({
  name: 'require-retry-after',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a Retry-After header on 503 and 429 responses',
      recommended: 'warn',
    },
    messages: {
      missingRetryAfter:
        'This {{status}} response has no Retry-After header; set one (e.g. `Retry-After: {{example}}`) so clients and crawlers know when to come back instead of guessing.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          statuses: {
            type: 'array',
            items: { type: 'integer', minimum: 300, maximum: 599 },
            uniqueItems: true,
            description: 'Statuses that must carry Retry-After (default: [503, 429]).',
          },
        },
      },
    ],
    defaultOptions: [{ statuses: [503, 429] }],
  },
  create(context, [options]) {
    const model = getHttpModel(context);
    if (model.emissions.length === 0) return {};
    const statuses = new Set(options.statuses ?? [503, 429]);
    return {
      'Program:exit'() {
        for (const emission of model.emissions) {
          if (emission.code === undefined || !statuses.has(emission.code)) continue;
          const headers = model.responseHeaders(emission);
          // Unknown forms, or headers that may be set where we cannot see: never report.
          if (!headers || !headers.complete || headers.get('retry-after').length > 0) continue;
          // "Not configured" lasts until a deploy: no Retry-After value could be right.
          if (answersMissingConfiguration(model, emission)) continue;
          context.report({
            node: emission.node,
            messageId: 'missingRetryAfter',
            data: { status: describeStatus(emission.code), example: EXAMPLE[emission.code] ?? '120' },
          });
        }
      },
    };
  },
});
