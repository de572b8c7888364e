/**
 * Handlers and parameter roles.
 *
 * A route handler is recognised by the shape and use of its parameters, not
 * by names: a parameter used to set a status *and* send a body is a response
 * (`res.status(500).json(...)`, `reply.code(502).send()`), one used with
 * `ctx.body =` / `ctx.request` is a Koa context, one with `c.req` / `c.json(b, n)`
 * a Hono context, and so on. Type annotations (`res: Response`,
 * `reply: FastifyReply`, `ctx: Context`) are taken when present. This lets
 * per-file analysis find controllers exported from one file and registered in
 * another, while a local `res` that holds a fetch result never counts.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunction, propertyName, type FunctionNode, type Node } from './ast';
import { SENSIBLE_NAMES } from './status-codes';

type Variable = TSESLint.Scope.Variable;

export type ParamRole =
  | 'response' // Express/Connect/node:http/pages-api response, Fastify reply
  | 'koa-context'
  | 'hono-context'
  | 'hapi-toolkit'
  | 'request' // Express/Fastify/node request, web Request, Lambda event, h3 event
  | 'elysia-set'
  | 'elysia-error'
  | 'none';

export interface ParamUsage {
  /** Methods called on the parameter, directly or anywhere along a chain (`res.status(1).json()` -> status, json). */
  methods: Set<string>;
  /** Properties assigned (`ctx.body = ...` -> body). */
  assigned: Set<string>;
  /** Properties read (`req.body` -> body). */
  read: Set<string>;
  /** Calls like `c.json(x, 500)` with two or more arguments. */
  twoArgMethods: Set<string>;
}

const RESPONSE_STATUS = new Set(['status', 'sendStatus', 'writeHead', 'code']);
const RESPONSE_BODY = new Set([
  'json',
  'send',
  'end',
  'sendFile',
  'render',
  'redirect',
  'jsonp',
  'download',
  'write',
  'sendStatus',
  'writeHead',
  'setHeader',
  'header',
  'headers',
  'set',
  'type',
  'cookie',
  'clearCookie',
  'location',
  'attachment',
  'format',
  'vary',
  'append',
  'flushHeaders',
]);
const RESPONSE_TYPES = new Set([
  'Response',
  'NextApiResponse',
  'ServerResponse',
  'FastifyReply',
  'OutgoingMessage',
  'VercelResponse',
]);
const REQUEST_TYPES = new Set([
  'Request',
  'NextApiRequest',
  'NextRequest',
  'IncomingMessage',
  'FastifyRequest',
  'VercelRequest',
  'APIGatewayProxyEvent',
  'APIGatewayProxyEventV2',
  'APIGatewayEvent',
  'H3Event',
  'ALBEvent',
]);
const KOA_TYPES = new Set(['Context', 'ParameterizedContext', 'RouterContext', 'KoaContext', 'DefaultContext']);
const KOA_MARKERS = new Set(['body', 'type', 'status', 'message']);
const NODE_RESPONSE_ONLY = new Set(['send', 'sendStatus', 'sendFile', 'end', 'setHeader', 'writeHead', 'render', 'jsonp', 'download', 'type', 'cookie', 'clearCookie', 'location', 'attachment', 'format', 'vary', 'append', 'locals']);
const HONO_RESPONSE = new Set(['json', 'text', 'html', 'body', 'newResponse']);

export class ParamRoles {
  private readonly usage = new Map<Variable, ParamUsage>();
  private readonly roles = new Map<Variable, ParamRole>();

  constructor(private readonly imports: ReadonlySet<string>) {}

  /** `hono`, `hono/*` or `@hono/*` (zod-validator, node-server, ...) is imported. */
  private importsHono(): boolean {
    for (const s of this.imports) if (s === 'hono' || s.startsWith('hono/') || s.startsWith('@hono/')) return true;
    return false;
  }

  /** The role of a parameter variable (or `'none'`). */
  roleOf(variable: Variable): ParamRole {
    const cached = this.roles.get(variable);
    if (cached) return cached;
    const role = this.computeRole(variable);
    this.roles.set(variable, role);
    return role;
  }

  usageOf(variable: Variable): ParamUsage {
    let usage = this.usage.get(variable);
    if (usage) return usage;
    usage = { methods: new Set(), assigned: new Set(), read: new Set(), twoArgMethods: new Set() };
    for (const ref of variable.references) {
      let current: Node = ref.identifier;
      // Walk up a chain: id.a(...).b(...)...
      for (;;) {
        const parent: Node | undefined = current.parent;
        if (!parent) break;
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
          const name = propertyName(parent);
          if (name === undefined) break;
          const grand: Node | undefined = parent.parent;
          if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
            usage.methods.add(name);
            if (grand.arguments.length >= 2) usage.twoArgMethods.add(name);
            current = grand;
            continue;
          }
          if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
            usage.assigned.add(name);
            break;
          }
          usage.read.add(name);
          // Keep walking for `ctx.request.body`, `c.req.json()`: record the first hop only.
          break;
        }
        if (
          parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          parent.type === AST_NODE_TYPES.TSAsExpression ||
          parent.type === AST_NODE_TYPES.ChainExpression
        ) {
          current = parent;
          continue;
        }
        break;
      }
    }
    this.usage.set(variable, usage);
    return usage;
  }

  private computeRole(variable: Variable): ParamRole {
    const def = variable.defs[0];
    if (!def || def.type !== 'Parameter') return 'none';
    const fn = def.node as FunctionNode;
    if (!isFunction(fn)) return 'none';
    const id = def.name as TSESTree.Identifier;
    const destructuredKey = destructuredParamKey(id);
    if (destructuredKey !== undefined) {
      // Elysia: `({ body, set, error }) => ...`; Remix/SvelteKit: `({ request, params })`.
      if (destructuredKey === 'set') {
        const u = this.usageOf(variable);
        if (u.assigned.has('status') || u.read.has('headers')) return 'elysia-set';
      }
      if ((destructuredKey === 'error' || destructuredKey === 'status') && this.imports.has('elysia')) return 'elysia-error';
      if (destructuredKey === 'request' || destructuredKey === 'req' || destructuredKey === 'event') return 'request';
      return 'none';
    }
    const typeName = annotationName(id);
    const u = this.usageOf(variable);
    if (typeName && RESPONSE_TYPES.has(typeName) && typeName !== 'Response') return 'response';
    if (typeName === 'Response' && paramIndex(fn, id) >= 1) return 'response';
    if (typeName && KOA_TYPES.has(typeName) && (this.imports.has('koa') || hasKoaUse(u))) return 'koa-context';
    const hasStatus = [...RESPONSE_STATUS].some((m) => u.methods.has(m)) || u.assigned.has('statusCode');
    const hasBody = [...RESPONSE_BODY].some((m) => u.methods.has(m)) || u.assigned.has('statusCode');
    const index = paramIndex(fn, id);
    // Hono: `c.json(body, 500)`, `c.req.param()`; the context comes second in
    // `app.onError((err, c) => ...)` and validator hooks `(result, c) => ...`.
    // Methods only an Express/node response has (`res.send()`, `res.sendStatus()`, `res.set()`...):
    // a file may import both frameworks, and such a parameter is not a Hono context.
    const nodeResponseOnly = [...NODE_RESPONSE_ONLY].some((m) => u.methods.has(m)) || u.assigned.has('statusCode');
    if (
      !nodeResponseOnly &&
      (u.read.has('req') || u.read.has('env') || this.importsHono()) &&
      ([...HONO_RESPONSE].some((m) => u.twoArgMethods.has(m)) || u.methods.has('status') || u.methods.has('json')) &&
      (index === 0 || (index === 1 && this.importsHono()))
    ) {
      return 'hono-context';
    }
    // Hapi: `h.response(x).code(500)`
    if (u.methods.has('response') && u.methods.has('code') && index >= 1) return 'hapi-toolkit';
    if (hasStatus && hasBody && !(index === 0 && hasKoaUse(u) && !u.methods.has('status'))) return 'response';
    if (index >= 1 && (u.methods.has('sendStatus') || u.methods.has('writeHead'))) return 'response';
    // Fastify reply with only @fastify/sensible helpers (`reply.badGateway()`) or `reply.send()`
    if (
      index >= 1 &&
      (this.imports.has('fastify') || this.imports.has('@fastify/sensible')) &&
      (u.methods.has('send') || u.methods.has('code') || [...u.methods].some((m) => SENSIBLE_NAMES[m] !== undefined))
    ) {
      return 'response';
    }
    if (hasKoaUse(u) && (this.imports.has('koa') || this.imports.has('@koa/router') || this.imports.has('koa-router') || KOA_MARKERS_USED(u))) {
      return 'koa-context';
    }
    if (typeName && REQUEST_TYPES.has(typeName)) return 'request';
    return 'none';
  }
}

function KOA_MARKERS_USED(u: ParamUsage): boolean {
  let n = 0;
  for (const k of KOA_MARKERS) if (u.assigned.has(k)) n++;
  return n >= 1 && (u.read.has('request') || u.methods.has('throw') || u.methods.has('set') || u.read.has('params') || u.read.has('state') || n >= 2);
}

function hasKoaUse(u: ParamUsage): boolean {
  return (
    u.assigned.has('body') ||
    u.methods.has('throw') ||
    u.methods.has('assert') ||
    u.read.has('request') ||
    (u.assigned.has('status') && !u.assigned.has('statusCode'))
  );
}

/** For a parameter identifier inside `({ a, b: c })`, the key it was destructured from. */
export function destructuredParamKey(id: TSESTree.Identifier): string | undefined {
  let node: Node = id;
  if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern && node.parent.left === node) node = node.parent;
  const prop = node.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== node) return undefined;
  if (prop.parent?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  if (prop.computed) return undefined;
  return prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : String((prop.key as TSESTree.Literal).value);
}

export function paramIndex(fn: FunctionNode, id: TSESTree.Identifier): number {
  return fn.params.findIndex((p) => {
    let q: Node = p;
    if (q.type === AST_NODE_TYPES.TSParameterProperty) q = q.parameter;
    if (q.type === AST_NODE_TYPES.AssignmentPattern) q = q.left;
    return q === id;
  });
}

/** `res: express.Response` -> 'Response'; `reply: FastifyReply<...>` -> 'FastifyReply'. */
export function annotationName(id: TSESTree.Identifier): string | undefined {
  const type = id.typeAnnotation?.typeAnnotation;
  if (!type || type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return undefined;
}
