/**
 * Express, Connect, node:http, Next.js pages/api and Fastify replies: a
 * response parameter (see handlers.ts) with `status(N)`, `sendStatus(N)`,
 * `code(N)`, `writeHead(N)` or `statusCode = N`; @fastify/sensible helpers
 * (`reply.badGateway()`, `fastify.httpErrors.badGateway()`).
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import { chainRoot, propertyName, unwrap } from '../ast';
import { SENSIBLE_NAMES, SENSIBLE_NAME_FOR } from '../status-codes';
import { namedHelperStatus } from './rename';
import type { Adapter, AdapterEnv, Framework } from './types';

const STATUS_METHODS = new Set(['status', 'sendStatus', 'code', 'writeHead']);

function frameworkOf(env: AdapterEnv, method: string): Framework {
  if (method === 'code' || env.imports.has('fastify') || env.imports.has('@fastify/sensible')) return 'fastify';
  if ([...env.imports].some((s) => s === 'next' || s.startsWith('next/'))) return 'nextjs';
  const nodeHttp = env.imports.has('http') || env.imports.has('https') || env.imports.has('http2');
  if (method === 'writeHead' && nodeHttp) return 'node-http';
  if (method === 'statusCode' && nodeHttp && !env.imports.has('express') && !env.imports.has('connect')) return 'node-http';
  return 'express';
}

export const expressAdapter: Adapter = {
  onCall(node, env) {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(callee);
    if (method === undefined) return;
    // `fastify.httpErrors.badGateway()`, `this.httpErrors.notFound()`
    const object = unwrap(callee.object);
    if (
      object.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(object) === 'httpErrors' &&
      SENSIBLE_NAMES[method] !== undefined
    ) {
      env.add({
        node,
        framework: 'fastify',
        form: `httpErrors.${method}()`,
        status: namedHelperStatus(callee, SENSIBLE_NAMES[method]!, SENSIBLE_NAME_FOR, env.resolver),
      });
      return;
    }
    if (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'httpErrors' && method === 'createError') {
      const arg = node.arguments[0];
      if (arg) env.add({ node, framework: 'fastify', form: 'httpErrors.createError()', status: env.status(arg) });
      return;
    }
    if (!STATUS_METHODS.has(method) && SENSIBLE_NAMES[method] === undefined) return;
    const root = chainRoot(callee.object);
    if (root !== object && !settersOnly(object, root)) {
      // Hapi: `h.response(x).code(500)`
      if (method === 'code' && env.roleOf(root) === 'hapi-toolkit') {
        const arg = node.arguments[0];
        if (arg) env.add({ node, framework: 'hapi', form: 'h.response().code()', status: env.status(arg) });
      }
      return;
    }
    const role = env.roleOf(root);
    if (role !== 'response') return;
    if (STATUS_METHODS.has(method)) {
      const arg = node.arguments[0];
      if (!arg) return;
      const fw = frameworkOf(env, method);
      env.add({ node, framework: fw, form: `${receiverName(root)}.${method}()`, status: env.status(arg) });
      return;
    }
    // @fastify/sensible: reply.internalServerError()
    env.add({
      node,
      framework: 'fastify',
      form: `${receiverName(object)}.${method}()`,
      status: namedHelperStatus(callee, SENSIBLE_NAMES[method]!, SENSIBLE_NAME_FOR, env.resolver),
    });
  },
  onAssign(node, env) {
    if (node.operator !== '=') return;
    const left = unwrap(node.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || propertyName(left) !== 'statusCode') return;
    const object = unwrap(left.object);
    if (env.roleOf(object) !== 'response') return;
    env.add({
      node,
      framework: frameworkOf(env, 'statusCode'),
      form: `${receiverName(object)}.statusCode =`,
      status: env.status(node.right),
    });
  },
};

/** `res.set('Cache-Control', 'no-store').status(500)`: only header setters between the response and the status call. */
const SETTERS = new Set(['set', 'header', 'setHeader', 'append', 'type', 'contentType', 'vary', 'cookie', 'clearCookie', 'location', 'links']);
function settersOnly(object: TSESTree.Node, root: TSESTree.Node): boolean {
  let current = object;
  while (current !== root) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !SETTERS.has(propertyName(callee) ?? '')) return false;
    current = unwrap(callee.object);
  }
  return true;
}

function receiverName(node: TSESTree.Node): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : 'res';
}
