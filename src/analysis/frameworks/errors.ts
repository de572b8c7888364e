/**
 * Error objects that carry a status: http-errors (`createError(502)`,
 * `createError.BadGateway()`), @hapi/boom (`Boom.badGateway()`,
 * `Boom.boomify(err, { statusCode })`), tRPC (`new TRPCError({ code })`), and
 * plain errors given a status (`err.status = 502` on a `new Error()`).
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import { objectProperty, propertyName, stringValue, unwrap, type Node } from '../ast';
import {
  BOOM_NAMES,
  BOOM_NAME_FOR,
  HTTP_ERRORS_NAMES,
  HTTP_ERRORS_NAME_FOR,
  TRPC_CODES,
  TRPC_CODE_FOR,
} from '../status-codes';
import type { StatusValue } from '../status';
import { namedHelperStatus } from './rename';
import type { Adapter, AdapterEnv } from './types';

const HTTP_ERRORS_SOURCES = new Set(['http-errors', 'createerror']);

function httpErrors(node: TSESTree.CallExpression | TSESTree.NewExpression, env: AdapterEnv): void {
  if (!env.imports.has('http-errors') && !env.imports.has('createerror')) return;
  const ref = env.ref(node.callee);
  if (!ref || !HTTP_ERRORS_SOURCES.has(ref.source)) return;
  if (ref.path.length === 0) {
    for (const arg of node.arguments) {
      const status = env.status(arg);
      if (status.code !== undefined) {
        env.add({ node, framework: 'http-errors', form: 'createError()', status });
        return;
      }
    }
    return;
  }
  if (ref.path.length !== 1) return;
  const name = ref.path[0]!;
  const code = HTTP_ERRORS_NAMES[name] ?? (/^\d{3}$/.test(name) ? Number(name) : undefined);
  if (code === undefined) return;
  env.add({
    node,
    framework: 'http-errors',
    form: `createError.${name}`,
    status: namedHelperStatus(node.callee, code, HTTP_ERRORS_NAME_FOR, env.resolver),
  });
}

function boom(node: TSESTree.CallExpression | TSESTree.NewExpression, env: AdapterEnv): void {
  if (!env.imports.has('@hapi/boom') && !env.imports.has('boom')) return;
  const ref = env.ref(node.callee);
  if (!ref || (ref.source !== '@hapi/boom' && ref.source !== 'boom') || ref.path.length !== 1) return;
  const name = ref.path[0]!;
  if (name === 'boomify' || name === 'Boom') {
    const options = node.arguments[1];
    const opts = options && unwrap(options);
    if (opts?.type !== AST_NODE_TYPES.ObjectExpression) return;
    const prop = objectProperty(opts, 'statusCode');
    if (prop) env.add({ node, framework: 'hapi', form: `Boom.${name}`, status: env.status(prop.value) });
    return;
  }
  const code = BOOM_NAMES[name];
  if (code === undefined) return;
  env.add({ node, framework: 'hapi', form: `Boom.${name}()`, status: namedHelperStatus(node.callee, code, BOOM_NAME_FOR, env.resolver) });
}

function trpcStatus(value: Node): StatusValue {
  const code = stringValue(value);
  const status = code !== undefined ? TRPC_CODES[code] : undefined;
  const literal = unwrap(value);
  return {
    code: status,
    node: value,
    rewrite: (next) => {
      const name = TRPC_CODE_FOR[next];
      if (!name || literal.type !== AST_NODE_TYPES.Literal) return undefined;
      const quote = literal.raw.startsWith('"') ? '"' : "'";
      return [{ range: literal.range, text: `${quote}${name}${quote}` }];
    },
  };
}

export const errorsAdapter: Adapter = {
  onCall(node, env) {
    httpErrors(node, env);
    boom(node, env);
  },
  onNew(node, env) {
    httpErrors(node, env);
    boom(node, env);
    const ref = env.ref(node.callee);
    if (ref?.source === '@trpc/server' && ref.path[ref.path.length - 1] === 'TRPCError') {
      const arg = node.arguments[0];
      const opts = arg && unwrap(arg);
      if (opts?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const prop = objectProperty(opts, 'code');
      if (prop) env.add({ node, framework: 'trpc', form: 'TRPCError', status: trpcStatus(prop.value) });
    }
  },
  onAssign(node, env) {
    // `const err = new Error('x'); err.status = 502;`
    if (node.operator !== '=') return;
    const left = unwrap(node.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression) return;
    const prop = propertyName(left);
    if (prop !== 'status' && prop !== 'statusCode') return;
    const object = unwrap(left.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return;
    const variable = env.resolver.variableOf(object);
    const def = variable?.defs[0];
    if (def?.type !== 'Variable') return;
    const init = (def.node as TSESTree.VariableDeclarator).init;
    const created = init && unwrap(init);
    if (created?.type !== AST_NODE_TYPES.NewExpression) return;
    const callee = unwrap(created.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || !/Error$/.test(callee.name)) return;
    env.add({ node, framework: 'error-object', form: `err.${prop} =`, status: env.status(node.right) });
  },
};
