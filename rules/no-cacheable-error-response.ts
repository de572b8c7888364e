import type { TSESTree } from '@typescript-eslint/utils';
import type { HeaderWrite } from '../src/analysis/headers';
import { headerValueText } from '../src/analysis/headers';
import { getHttpModel } from '../src/analysis/model';
import { describeStatus } from '../src/analysis/status-codes';
import { createRule } from '../src/util/create-rule';

export type Options = [{ allowMaxAge?: number }];
export type MessageIds = 'cacheableError';

/** Directives that keep a response out of caches (or force revalidation before reuse). */
const NOT_STORED = /(^|,)\s*(no-store|no-cache)\s*(,|$|=)/i;
const CACHEABLE = /(^|,)\s*(public|immutable)\s*(,|$)|(^|,)\s*(s-maxage|max-age)\s*=\s*"?([1-9]\d*)/i;

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
    const sourceCode = context.sourceCode;

    /** `Cache-Control: public, max-age=300` or a future `Expires`, as text for the message; undefined if not cacheable. */
    function cacheable(writes: readonly HeaderWrite[]): string | undefined {
      const cacheControl = effective(writes, 'cache-control');
      const expires = effective(writes, 'expires');
      if (cacheControl === null || expires === null) return undefined;
      const last = cacheControl;
      if (last) {
        const text = headerValueText(last.value, model.resolver, sourceCode.getScope(last.node as TSESTree.Node));
        if (text === undefined || NOT_STORED.test(text)) return undefined;
        const freshness = /(?:^|,)\s*s-maxage\s*=\s*"?(\d+)/i.exec(text) ?? /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(text);
        if (freshness && Number(freshness[1]) <= allowMaxAge) return undefined;
        if (CACHEABLE.test(text)) return `Cache-Control: ${text}`;
        return undefined;
      }
      const exp = expires;
      if (exp?.value && isFutureDate(exp.value as TSESTree.Node)) return `Expires: ${sourceCode.getText(exp.value as TSESTree.Node)}`;
      return undefined;
    }

    /**
     * The write of `name` that decides: the last one in source order when it runs on
     * every path (null: a conditional write may win, unknown; undefined: none).
     */
    function effective(writes: readonly HeaderWrite[], name: string): HeaderWrite | null | undefined {
      const own = writes.filter((w) => w.name === name).sort((a, b) => a.node.range[0] - b.node.range[0]);
      const last = own[own.length - 1];
      if (!last) return undefined;
      return last.definite ? last : null;
    }

    /** `new Date(Date.now() + ms).toUTCString()` or a literal date in the future. */
    function isFutureDate(node: TSESTree.Node): boolean {
      const text = headerValueText(node, model.resolver);
      if (text !== undefined) {
        const time = Date.parse(text);
        return !Number.isNaN(time) && time > Date.now();
      }
      return /Date\.now\(\)\s*\+\s*[\w(]/.test(sourceCode.getText(node));
    }

    return {
      'Program:exit'() {
        for (const emission of model.emissions) {
          if (emission.code === undefined || emission.code < 500 || emission.code > 599) continue;
          const headers = model.responseHeaders(emission);
          if (!headers || !headers.complete) continue;
          const header = cacheable(headers.writes);
          if (!header) continue;
          context.report({ node: emission.node, messageId: 'cacheableError', data: { status: describeStatus(emission.code), header } });
        }
      },
    };
  },
});
