import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LeakKind } from '../src/analysis/error-values';
import { fallbackCode } from '../src/analysis/error-values';
import { getHttpModel } from '../src/analysis/model';
import { resolveStatus } from '../src/analysis/status';
import { describeStatus } from '../src/analysis/status-codes';
import { createRule } from '../src/util/create-rule';

export type Options = [{ allowMessage?: boolean }];
export type MessageIds = 'leakedStack' | 'leakedMessage' | 'leakedError' | 'useGenericMessage' | 'guardStack';

const MESSAGE_FOR: Readonly<Record<LeakKind, 'leakedStack' | 'leakedMessage' | 'leakedError'>> = {
  stack: 'leakedStack',
  message: 'leakedMessage',
  error: 'leakedError',
};

export default createRule<Options, MessageIds>({
  name: 'no-leaked-error-details',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow sending a caught error's stack, message or raw object in 5xx response bodies",
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      leakedStack:
        "This {{status}} response body carries the caught error's stack trace; log it on the server and send a generic message instead, because stack traces expose file paths, dependencies and code to clients (CWE-209).",
      leakedMessage:
        "This {{status}} response body carries the caught error's message; log it on the server and send a generic message instead, because internal messages can expose queries, hostnames and paths to clients (CWE-209).",
      leakedError:
        'This {{status}} response body carries the raw caught error; log it on the server and send a generic message instead, because the serialised error can expose its stack, message and internal fields to clients (CWE-209).',
      useGenericMessage: "Send the generic message 'Internal Server Error' instead.",
      guardStack: 'Send the stack trace only outside production.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowMessage: {
            type: 'boolean',
            description: "Allow the caught error's `message` in 5xx bodies (stacks and raw errors are still reported).",
          },
        },
      },
    ],
    defaultOptions: [{ allowMessage: false }],
  },
  create(context, [options]) {
    const model = getHttpModel(context);
    if (model.emissions.length === 0 && !/catch|onError|setErrorHandler|Catch/.test(context.sourceCode.text)) return {};
    const allowMessage = options.allowMessage ?? false;
    const sourceCode = context.sourceCode;

    /** Known 5xx, or the 5xx fallback of an error handler (`err.status || 500`). */
    function serverErrorCode(e: { node: TSESTree.Node; code: number | undefined; status: { node: TSESTree.Node } }): number | undefined {
      if (e.code !== undefined) return e.code >= 500 && e.code <= 599 ? e.code : undefined;
      if (!model.errorHandlers.handlerOf(e.node)) return undefined;
      const code = fallbackCode(e.status.node, (n) => resolveStatus(n, model.resolver).code);
      return code !== undefined && code >= 500 && code <= 599 ? code : undefined;
    }

    /** Replace the leaked value by `text`, keeping the code valid where a bare value cannot stand alone. */
    function replaceValue(node: TSESTree.Node, text: string): TSESLint.ReportFixFunction {
      const parent = node.parent;
      // `{ error }` -> `{ error: text }`
      if (parent?.type === 'Property' && parent.shorthand && parent.value === node) return (fixer) => fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${text}`);
      // `{ ...err }` -> `{ error: text }` (a key the object does not have yet)
      if (node.type === 'SpreadElement' && parent?.type === 'ObjectExpression') {
        const taken = new Set(parent.properties.map((p) => (p.type === 'Property' && p.key.type === 'Identifier' && !p.computed ? p.key.name : '')));
        const key = ['error', 'message'].find((k) => !taken.has(k)) ?? 'error';
        return (fixer) => fixer.replaceText(node, `${key}: ${text}`);
      }
      return (fixer) => fixer.replaceText(node, text);
    }

    function suggestions(node: TSESTree.Node, kind: LeakKind): TSESLint.ReportSuggestionArray<MessageIds> {
      if (kind === 'stack') {
        if (node.type !== 'MemberExpression' && !(node.type === 'Identifier' && node.parent?.type === 'Property')) return [];
        const text = sourceCode.getText(node);
        return [{ messageId: 'guardStack', fix: replaceValue(node, `(process.env.NODE_ENV === 'production' ? undefined : ${text})`) }];
      }
      return [{ messageId: 'useGenericMessage', fix: replaceValue(node, "'Internal Server Error'") }];
    }

    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        const emissions = [...model.emissions, ...model.errorHandlers.all.flatMap((h) => h.emissions)];
        const seen = new Set<TSESTree.Node>();
        for (const emission of emissions) {
          if (seen.has(emission.node)) continue;
          seen.add(emission.node);
          const code = serverErrorCode(emission);
          if (code === undefined) continue;
          for (const body of model.errorValues.bodiesOf(emission)) {
            for (const leak of model.errorValues.leaksIn(body, emission.node)) {
              if (leak.kind === 'message' && allowMessage) continue;
              if (reported.has(leak.node)) continue;
              reported.add(leak.node);
              context.report({
                node: leak.node,
                messageId: MESSAGE_FOR[leak.kind],
                data: { status: describeStatus(code) },
                suggest: suggestions(leak.node, leak.kind),
              });
            }
          }
        }
      },
    };
  },
});
