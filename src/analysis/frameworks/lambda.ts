/**
 * AWS Lambda (API Gateway / ALB / function URLs) and other serverless shapes:
 * a returned `{ statusCode: N, body }` object, or one passed to `callback(null, ...)`.
 *
 * A handler that reads its event as something other than an HTTP request
 * (`event.Records` from S3/SQS/Kinesis, `event.detail` from EventBridge,
 * `event.ResponseURL` from a CloudFormation custom resource, or the
 * `requestContext.connectionId`/`routeKey`/`eventType` of a WebSocket route,
 * whose return body API Gateway does not relay) answers no HTTP client: the
 * `{ statusCode }` it returns out of habit is not a response. A file that
 * builds the WebSocket management client (`ApiGatewayManagementApi`, to post
 * to connections) holds WebSocket route handlers too.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import { keyName, objectProperty, propertyName, unwrap, walkTree, type FunctionNode, type Node } from '../ast';
import type { Adapter, AdapterEnv } from './types';
import { isMockContext } from './web';

/** Event fields that only non-HTTP triggers carry. */
const NON_HTTP_EVENT_FIELDS = new Set(['Records', 'detail', 'detail-type', 'ResponseURL', 'RequestType']);
/** `requestContext` fields that only WebSocket routes carry. */
const WEBSOCKET_CONTEXT_FIELDS = new Set(['connectionId', 'routeKey', 'eventType']);

const nonHttpCache = new WeakMap<FunctionNode, boolean>();
/** Files (by their adapter env) that construct the API Gateway WebSocket management client. */
const websocketFiles = new WeakSet<AdapterEnv>();
const WEBSOCKET_CLIENTS = new Set(['ApiGatewayManagementApi', 'ApiGatewayManagementApiClient']);

export const lambdaAdapter: Adapter = {
  onNew(node, env) {
    const callee = unwrap(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    if (name !== undefined && WEBSOCKET_CLIENTS.has(name)) websocketFiles.add(env);
  },
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
    if (websocketFiles.has(env) || inNonHttpHandler(node)) return;
    env.add({ node, framework: 'lambda', form: '{ statusCode }', status: env.status(prop.value) });
  },
};

/** Is `node` inside a function whose first parameter is read as a non-HTTP event? */
function inNonHttpHandler(node: Node): boolean {
  for (let p: Node | undefined = node.parent; p; p = p.parent) {
    if (p.type !== AST_NODE_TYPES.FunctionDeclaration && p.type !== AST_NODE_TYPES.FunctionExpression && p.type !== AST_NODE_TYPES.ArrowFunctionExpression) continue;
    let result = nonHttpCache.get(p);
    if (result === undefined) {
      result = readsNonHttpEvent(p);
      nonHttpCache.set(p, result);
    }
    if (result) return true;
  }
  return false;
}

function readsNonHttpEvent(fn: FunctionNode): boolean {
  const param = fn.params[0];
  if (!param) return false;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (target.type === AST_NODE_TYPES.ObjectPattern) return destructuresNonHttp(target, NON_HTTP_EVENT_FIELDS);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const name = target.name;
  const isEvent = (n: Node) => {
    const u = unwrap(n);
    return u.type === AST_NODE_TYPES.Identifier && u.name === name;
  };
  let found = false;
  walkTree(fn.body, (n) => {
    if (found) return false;
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const field = propertyName(n);
      if (field === undefined) return;
      // event.Records, event.detail, event['detail-type']
      if (NON_HTTP_EVENT_FIELDS.has(field) && isEvent(n.object)) found = true;
      // event.requestContext.connectionId
      else if (WEBSOCKET_CONTEXT_FIELDS.has(field)) {
        const inner = unwrap(n.object);
        if (inner.type === AST_NODE_TYPES.MemberExpression && propertyName(inner) === 'requestContext' && isEvent(inner.object)) found = true;
      }
    } else if (n.type === AST_NODE_TYPES.VariableDeclarator && n.init && n.id.type === AST_NODE_TYPES.ObjectPattern) {
      const init = unwrap(n.init);
      // const { Records } = event; const { connectionId } = event.requestContext
      if (isEvent(init) && destructuresNonHttp(n.id, NON_HTTP_EVENT_FIELDS)) found = true;
      else if (init.type === AST_NODE_TYPES.MemberExpression && propertyName(init) === 'requestContext' && isEvent(init.object) && destructuresNonHttp(n.id, WEBSOCKET_CONTEXT_FIELDS)) found = true;
    }
  });
  return found;
}

function destructuresNonHttp(pattern: TSESTree.ObjectPattern, fields: ReadonlySet<string>): boolean {
  return pattern.properties.some((p) => p.type === AST_NODE_TYPES.Property && fields.has(keyName(p) ?? ''));
}
