import { cacheableBy } from '../src/analysis/headers';
import { getHttpModel } from '../src/analysis/model';
import { describeStatus } from '../src/analysis/status-codes';
import { createRule } from '../src/util/create-rule';

export type Options = [{ allowMaxAge?: number }];
export type MessageIds = 'cacheableError';

export default createRule<Options, MessageIds>({
  name: 'no-cacheable-error-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow cache headers that make 5xx responses cacheable',
      recommended: 'warn',
    },
    messages: {
      cacheableError:
        'This {{status}} response is cacheable ({{header}}); send `Cache-Control: no-store` on error responses so caches do not keep serving the outage after the server has recovered.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowMaxAge: {
            type: 'integer',
            minimum: 0,
            description: 'Largest `max-age` / `s-maxage` (seconds) allowed on a 5xx, for deliberate short negative caching (default 0).',
          },
        },
      },
    ],
    defaultOptions: [{ allowMaxAge: 0 }],
  },
  create(context, [options]) {
    const allowMaxAge = options.allowMaxAge ?? 0;
    const model = getHttpModel(context);
    if (model.emissions.length === 0) return {};
    return {
      'Program:exit'() {
        for (const emission of model.emissions) {
          if (emission.code === undefined || emission.code < 500 || emission.code > 599) continue;
          const headers = model.responseHeaders(emission);
          if (!headers || !headers.complete) continue;
          const header = cacheableBy(headers, model.resolver, context.sourceCode, allowMaxAge);
          if (!header) continue;
          context.report({ node: emission.node, messageId: 'cacheableError', data: { status: describeStatus(emission.code), header } });
        }
      },
    };
  },
});
