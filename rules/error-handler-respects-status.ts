import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorHandler, HandlerEmission } from '../src/analysis/error-handlers';
import { getHttpModel } from '../src/analysis/model';
import { describeStatus } from '../src/analysis/status-codes';
import { createRule } from '../src/util/create-rule';

export type Options = [];
export type MessageIds = 'ignoresErrorStatus' | 'useErrorStatus';

/** How each kind of handler reads the status an error carries. */
const STATUS_READ: Readonly<Record<ErrorHandler['kind'], string>> = {
  express: '`err.status ?? err.statusCode`',
  koa: '`err.status` (with `err.expose`)',
  fastify: '`error.statusCode` (and `error.validation`)',
  hono: '`err instanceof HTTPException` and `err.getResponse()`',
  elysia: 'the `code` of the error (`VALIDATION`, `PARSE`, `NOT_FOUND`)',
  nestjs: '`exception instanceof HttpException` and `exception.getStatus()`',
  h3: '`error.statusCode`',
};

export default createRule<Options, MessageIds>({
  name: 'error-handler-respects-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require error handlers to keep the status an error carries instead of answering every error with 5xx',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      ignoresErrorStatus:
        'This error handler answers every error with {{status}} without looking at the error; use {{read}} when it is set and fall back to 500 only for unknown errors, so malformed JSON (400), oversized bodies (413) and other client errors do not reach clients as server failures.',
      useErrorStatus: 'Use the status the error carries, falling back to {{status}}.',
    },
    schema: [],
  },
  create(context) {
    const model = getHttpModel(context);
    if (!/catch|onError|setErrorHandler|Catch|next/.test(context.sourceCode.text)) return {};

    /** `res.status(500)` -> `res.status(err.status ?? err.statusCode ?? 500)` for untyped JS-style error parameters. */
    function suggestion(handler: ErrorHandler, e: HandlerEmission, code: number): TSESLint.ReportSuggestionArray<MessageIds> {
      const error = handler.errors[0];
      const id = error?.defs[0]?.name as TSESTree.Identifier | undefined;
      if (!id || id.type !== 'Identifier' || !['express', 'koa', 'fastify', 'h3'].includes(handler.kind)) return [];
      const annotation = id.typeAnnotation?.typeAnnotation.type;
      if (annotation && annotation !== 'TSAnyKeyword') return [];
      const status = e.status.node;
      if (status.type !== 'Literal' || status.value !== code) return [];
      const prop = handler.kind === 'fastify' || handler.kind === 'h3' ? 'statusCode' : 'status';
      const other = prop === 'status' ? 'statusCode' : 'status';
      return [
        {
          messageId: 'useErrorStatus',
          data: { status: String(code) },
          fix: (fixer) => fixer.replaceText(status, `${id.name}.${prop} ?? ${id.name}.${other} ?? ${code}`),
        },
      ];
    }

    return {
      'Program:exit'() {
        for (const handler of model.errorHandlers.all) {
          for (const e of handler.emissions) {
            if (e.code === undefined || e.code < 500 || e.code > 599) continue;
            if (model.errorHandlers.consultedBefore(handler, e.node)) continue;
            context.report({
              node: e.node,
              messageId: 'ignoresErrorStatus',
              data: { status: describeStatus(e.code), read: STATUS_READ[handler.kind] },
              suggest: suggestion(handler, e, e.code),
            });
          }
        }
      },
    };
  },
});
