/** Koa: `ctx.status = N`, `ctx.response.status = N`, `ctx.throw(N)`, `ctx.assert(cond, N)`. */
import { AST_NODE_TYPES } from '../node-types';
import { propertyName, unwrap } from '../ast';
import type { Adapter } from './types';

export const koaAdapter: Adapter = {
  onCall(node, env) {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(callee);
    if (method !== 'throw' && method !== 'assert') return;
    if (env.roleOf(callee.object) !== 'koa-context') return;
    if (method === 'throw') {
      for (const arg of node.arguments) {
        const status = env.status(arg);
        if (status.code !== undefined) {
          env.add({ node, framework: 'koa', form: 'ctx.throw()', status });
          return;
        }
      }
      const first = node.arguments[0];
      if (first) env.add({ node, framework: 'koa', form: 'ctx.throw()', status: env.status(first) });
      return;
    }
    const [condition, status] = node.arguments;
    if (!condition || !status) return;
    env.add({ node, framework: 'koa', form: 'ctx.assert()', status: env.status(status), assertion: condition });
  },
  onAssign(node, env) {
    if (node.operator !== '=') return;
    const left = unwrap(node.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || propertyName(left) !== 'status') return;
    let object = unwrap(left.object);
    if (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'response') object = unwrap(object.object);
    if (env.roleOf(object) !== 'koa-context') return;
    env.add({ node, framework: 'koa', form: 'ctx.status =', status: env.status(node.right) });
  },
};
