/** Hono: `c.json(b, N)`, `c.text/html/body/newResponse(b, N)`, `c.json(b, { status })`, `c.status(N)`, `new HTTPException(N)`. */
import { AST_NODE_TYPES } from '../node-types';
import { objectProperty, propertyName, unwrap } from '../ast';
import type { Adapter } from './types';

const BODY_METHODS = new Set(['json', 'text', 'html', 'body', 'newResponse']);

export const honoAdapter: Adapter = {
  onCall(node, env) {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(callee);
    if (method === undefined) return;
    if (method !== 'status' && !BODY_METHODS.has(method)) return;
    if (env.roleOf(callee.object) !== 'hono-context') return;
    if (method === 'status') {
      const arg = node.arguments[0];
      if (arg) env.add({ node, framework: 'hono', form: 'c.status()', status: env.status(arg) });
      return;
    }
    const second = node.arguments[1];
    if (!second) return;
    const init = unwrap(second);
    if (init.type === AST_NODE_TYPES.ObjectExpression) {
      const prop = objectProperty(init, 'status');
      if (prop) env.add({ node, framework: 'hono', form: `c.${method}()`, status: env.status(prop.value) });
      return;
    }
    env.add({ node, framework: 'hono', form: `c.${method}()`, status: env.status(second) });
  },
  onNew(node, env) {
    const ref = env.ref(node.callee);
    if (!ref || !ref.source.startsWith('hono')) return;
    if (ref.path[ref.path.length - 1] !== 'HTTPException') return;
    const arg = node.arguments[0];
    if (arg) env.add({ node, framework: 'hono', form: 'HTTPException', status: env.status(arg) });
  },
};
