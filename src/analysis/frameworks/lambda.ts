/**
 * AWS Lambda (API Gateway / ALB / function URLs) and other serverless shapes:
 * a returned `{ statusCode: N, body }` object, or one passed to `callback(null, ...)`.
 */
import { AST_NODE_TYPES } from '../node-types';
import { objectProperty, unwrap } from '../ast';
import type { Adapter } from './types';
import { isMockContext } from './web';

export const lambdaAdapter: Adapter = {
  onObject(node, env) {
    const prop = objectProperty(node, 'statusCode');
    if (!prop) return;
    if (!objectProperty(node, 'body') && !objectProperty(node, 'headers') && !objectProperty(node, 'isBase64Encoded')) return;
    const parent = node.parent;
    const passedToCallback =
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[1] === node &&
      unwrap(parent.arguments[0]!).type === AST_NODE_TYPES.Literal &&
      unwrap(parent.callee).type === AST_NODE_TYPES.Identifier;
    if (!passedToCallback && !env.isReturnedOrThrown(node)) return;
    // `vi.fn(async () => ({ statusCode: 502, body }))` is a test double, not this server's response.
    if (isMockContext(node)) return;
    env.add({ node, framework: 'lambda', form: '{ statusCode }', status: env.status(prop.value) });
  },
};
