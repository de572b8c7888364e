/** Elysia: `set.status = N` (from the handler context), `error(N, body)` / `status(N, body)`. */
import { AST_NODE_TYPES } from '../node-types';
import { propertyName, unwrap } from '../ast';
import type { Adapter } from './types';

export const elysiaAdapter: Adapter = {
  onAssign(node, env) {
    if (node.operator !== '=') return;
    const left = unwrap(node.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || propertyName(left) !== 'status') return;
    const object = unwrap(left.object);
    const isSet =
      env.roleOf(object) === 'elysia-set' ||
      (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'set' && env.imports.has('elysia'));
    if (!isSet) return;
    env.add({ node, framework: 'elysia', form: 'set.status =', status: env.status(node.right) });
  },
  onCall(node, env) {
    // `error(500)` / `status(500)` come from Elysia: its import, or its handler context.
    if (!env.imports.has('elysia')) return;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return;
    const role = env.roleOf(callee);
    const ref = role === 'elysia-error' ? undefined : env.ref(callee);
    if (role !== 'elysia-error' && !(ref?.source === 'elysia' && (ref.path[0] === 'error' || ref.path[0] === 'status'))) return;
    const arg = node.arguments[0];
    if (arg) env.add({ node, framework: 'elysia', form: `${callee.name}()`, status: env.status(arg) });
  },
};
