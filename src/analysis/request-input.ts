/**
 * Request input: values that come from the client, and the names derived from
 * them through destructuring and assignment. Also tells upstream data and
 * configuration apart, so that rules never mistake them for request input.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { chainRoot, propertyName, unwrap, unwrapAwait, type FunctionNode, type Node, stringValue } from './ast';
import { annotationName, destructuredParamKey, paramIndex, type ParamRole } from './handlers';
import type { Resolver } from './imports';
import type { UpstreamDetector } from './upstream';

export type Origin = 'request' | 'upstream' | 'env' | 'unknown';

type Variable = TSESLint.Scope.Variable;

/** Properties of a request object that carry client input. */
const REQUEST_PROPS = new Set([
  'body',
  'query',
  'params',
  'headers',
  'cookies',
  'files',
  'file',
  'rawBody',
  'searchParams',
  'nextUrl',
  'queryStringParameters',
  'pathParameters',
  'multiValueQueryStringParameters',
  'url',
  'signedCookies',
  'form',
  'fields',
  'payload',
]);
const REQUEST_METHODS = new Set(['json', 'formData', 'text', 'param', 'query', 'header', 'valid', 'parseBody', 'get', 'getAll', 'arrayBuffer', 'blob']);
/** Destructured handler-context keys that are client input (Elysia, tRPC, SvelteKit, Remix, Next). */
const INPUT_KEYS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'input', 'searchParams', 'request', 'req', 'url', 'rawInput', 'formData']);
/** h3 / Nuxt readers. */
const H3_READERS = new Set([
  'readBody',
  'readRawBody',
  'readFormData',
  'readMultipartFormData',
  'readValidatedBody',
  'getQuery',
  'getValidatedQuery',
  'getRouterParam',
  'getRouterParams',
  'getValidatedRouterParams',
  'getHeader',
  'getHeaders',
  'getRequestHeader',
  'getRequestHeaders',
  'getCookie',
  'parseCookies',
  'getRequestURL',
]);
/** Nuxt readers of the server's configuration (they take the event only to scope it). */
const CONFIG_READERS = new Set(['useRuntimeConfig', 'useAppConfig']);
/** Helpers that take the request to look up or write the server's own state (`getSession(req)`, `createOrder(tx, input)`): what they return is not client input. */
const SERVER_STATE_WORDS = new Set(['config', 'env', 'session', 'auth', 'user', 'storage', 'db', 'database', 'drizzle', 'prisma', 'cache', 'kv', 'logger', 'locale', 'i18n']);
const WRITE_VERBS = new Set(['create', 'insert', 'update', 'upsert', 'delete', 'remove', 'save', 'store', 'write', 'send', 'publish', 'enqueue']);

/** By the words of its camelCase or snake_case name: `getUserSession`, `use_db`, `createOrder`; not `readBody`. */
function readsServerState(name: string): boolean {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|[_$-]+/).map((w) => w.toLowerCase());
  return WRITE_VERBS.has(words[0] ?? '') || words.some((w) => SERVER_STATE_WORDS.has(w));
}
/** Modules and imported names that hold the server's configuration. */
const CONFIG_MODULE = /^\$env\/|(^|[/.])(config|env|settings)(\.[cm]?[jt]s)?$/;
const CONFIG_NAME = /^(config|env|settings|runtimeConfig|appConfig)$/i;
const CONFIG_TYPE = /(Config|Configuration|Settings)$/;
const CONFIG_KEY = /^(config|settings)$|[a-z](Config|Settings)$/;
/** Wrappers that keep the origin of their (first) argument. */
const TRANSPARENT_CALLS = new Set([
  'Number',
  'String',
  'Boolean',
  'parseInt',
  'parseFloat',
  'BigInt',
  'decodeURIComponent',
  'structuredClone',
]);
const TRANSPARENT_METHODS = new Set(['catch', 'finally', 'trim', 'toLowerCase', 'toUpperCase', 'normalize', 'split', 'slice', 'at', 'toString', 'valueOf', 'get', 'getAll']);
const NEST_INPUT_DECORATORS = new Set(['Body', 'Query', 'Param', 'Headers', 'Req', 'Request', 'UploadedFile', 'UploadedFiles']);
const UPSTREAM_BODY_METHODS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData']);
const BODY_READERS = new Set(['json', 'formData', 'text', 'arrayBuffer', 'blob']);
/** class-transformer: `plainToInstance(Dto, value)` keeps the origin of `value`. */
const INSTANCE_MAPPERS = new Set(['plainToInstance', 'plainToClass', 'plainToClassFromExist']);

export class RequestInput {
  private readonly origins = new Map<Variable, Origin>();
  private readonly visiting = new Set<Variable>();

  constructor(
    private readonly resolver: Resolver,
    private readonly upstream: UpstreamDetector,
    /** Same-file call sites of a function, for following parameters back to their arguments. */
    private readonly callSites?: (fn: FunctionNode) => readonly TSESTree.CallExpression[],
    private readonly roleOf?: (node: Node) => ParamRole,
  ) {}

  private readonly handlerShape = new Map<FunctionNode, boolean>();

  /** `(req, res)`, `(request)`, `(event)`: the whole request object of a handler-shaped function. */
  private isHandlerRequestParam(fn: FunctionNode, id: TSESTree.Identifier): boolean {
    // A Koa/Hono context carries server state too (`ctx.state`, `c.get('user')`): as a whole
    // value it is not client input; only its request parts are (`ctx.request`, `c.req`, `ctx.query`).
    const role = this.roleOf?.(id);
    if (role === 'koa-context' || role === 'hono-context') return false;
    return paramIndex(fn, id) === this.requestIndex(fn) && this.looksLikeHandler(fn, id);
  }

  /**
   * Where the request sits: just before the response (`(req, res)`, and in error handlers
   * `(err, req, res, next)` / Fastify `(error, request, reply)`, whose first parameter is
   * the caught error), else first.
   */
  private requestIndex(fn: FunctionNode): number {
    if (!this.roleOf) return 0;
    const response = fn.params.findIndex((p) => {
      const target = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
      return target.type === AST_NODE_TYPES.Identifier && this.roleOf!(target) === 'response';
    });
    return response >= 1 ? response - 1 : 0;
  }

  /**
   * Is `fn` shaped like a request handler, so that its first parameter is the request?
   * A parameter with a response/context role, a request type annotation, an exported
   * function, or a callback handed to a registration call (`app.post(path, fn)`,
   * `defineEventHandler(fn)`, `http.createServer(fn)`) — but not to array or promise
   * methods (`messages.forEach((message) => ...)`).
   */
  private looksLikeHandler(fn: FunctionNode, id: TSESTree.Identifier): boolean {
    const cached = this.handlerShape.get(fn);
    if (cached !== undefined) return cached;
    let result = false;
    const type = annotationName(id);
    if (type && REQUEST_TYPES.has(type)) result = true;
    if (!result && this.roleOf) {
      result = fn.params.some((p) => {
        const target = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
        return target.type === AST_NODE_TYPES.Identifier && HANDLER_ROLES.has(this.roleOf!(target));
      });
    }
    if (!result) result = isExported(fn) || isRegisteredCallback(fn) || isRouteConfigHandler(fn);
    this.handlerShape.set(fn, result);
    return result;
  }

  isRequestInput(node: Node): boolean {
    return this.originOf(node) === 'request';
  }

  /** Where a value comes from, following consts, destructuring and simple wrappers. */
  originOf(expr: Node, depth = 0): Origin {
    if (depth > 8) return 'unknown';
    const node = unwrapAwait(expr);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierOrigin(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node);
        const object = unwrapAwait(node.object);
        // process.env.X, import.meta.env.X
        if (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'env') {
          const base = unwrap(object.object);
          if (base.type === AST_NODE_TYPES.Identifier && base.name === 'process') return 'env';
          if (base.type === AST_NODE_TYPES.MetaProperty) return 'env';
        }
        if (object.type === AST_NODE_TYPES.Identifier && object.name === 'process' && name === 'env') return 'env';
        // `config.signingSecret` where `config` holds the server's configuration.
        if (object.type === AST_NODE_TYPES.Identifier && this.identifierOrigin(object, depth + 1) === 'env') return 'env';
        if (this.isRequestObject(object)) {
          // Only the client-controlled parts: `req.user`, `ctx.state`, `req.log` are the server's own.
          return name !== undefined && REQUEST_PROPS.has(name) ? 'request' : 'unknown';
        }
        // ctx.request.body.email, c.req.*, event.node.req.*
        return this.originOf(object, depth + 1);
      }
      case AST_NODE_TYPES.CallExpression: {
        const up = this.upstream.get(node);
        if (up) return 'upstream';
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (TRANSPARENT_CALLS.has(callee.name) && node.arguments[0]) return this.originOf(node.arguments[0], depth + 1);
          if (INSTANCE_MAPPERS.has(callee.name) && node.arguments[1]) return this.originOf(node.arguments[1], depth + 1);
          const ref = this.resolver.resolve(callee);
          const nuxt = ref && (ref.source === 'h3' || ref.source === 'global' || ref.source === '#imports' || ref.source === 'nuxt/app');
          if (nuxt && H3_READERS.has(ref.path[0] ?? '')) return 'request';
          // `useRuntimeConfig(event)`: the server's configuration, read per request (imported, or a Nuxt auto-import).
          if (nuxt ? CONFIG_READERS.has(ref.path[0] ?? '') : CONFIG_READERS.has(callee.name) && !this.resolver.variableOf(callee)) return 'env';
          // A helper handed the whole request (`parseBody(event)`, `readJson(req)`) returns request data,
          // unless its name says it reads the server's own state (`getSession(req)`, `useDb(event)`).
          if (node.arguments.some((a) => this.isRequestObject(a))) return readsServerState(callee.name) ? 'unknown' : 'request';
          return 'unknown';
        }
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return 'unknown';
        const method = propertyName(callee);
        const object = unwrapAwait(callee.object);
        if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'JSON' || object.name === 'Date') && method === 'parse' && node.arguments[0]) {
          return this.originOf(node.arguments[0], depth + 1);
        }
        if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Object' && node.arguments[0]) {
          return this.originOf(node.arguments[0], depth + 1);
        }
        if (method && REQUEST_METHODS.has(method) && this.isRequestObject(object)) {
          // On a bare parameter only the Fetch API body readers (`request.json()`); `c.get('user')` is
          // Hono's context, `ctx.get()` Koa's header reader: both ambiguous, so only through `c.req`/`ctx.request`.
          if (object.type !== AST_NODE_TYPES.Identifier || BODY_READERS.has(method)) return 'request';
        }
        if (method && UPSTREAM_BODY_METHODS.has(method)) {
          const base = this.originOf(object, depth + 1);
          if (base !== 'unknown') return base;
        }
        // Hono `c.get('slackConfig')`: a context value set by the server under a configuration key.
        if (method === 'get' && node.arguments[0] !== undefined && CONFIG_KEY.test(stringValue(node.arguments[0]) ?? '')) return 'env';
        // `c.get('fileId')` on the handler's own context reads a value middleware stored there, not
        // client input (Koa's `ctx.get('x-id')` reads a request header).
        if ((method === 'get' || method === 'getAll') && object.type === AST_NODE_TYPES.Identifier && this.isRequestObject(object)) {
          return this.roleOf?.(object) === 'koa-context' ? 'request' : 'unknown';
        }
        if (method && TRANSPARENT_METHODS.has(method)) return this.originOf(object, depth + 1);
        // c.req.json(), ctx.request.body chains: the root decides.
        const root = chainRoot(object);
        if (root.type === AST_NODE_TYPES.Identifier && method && REQUEST_METHODS.has(method)) {
          const rootOrigin = this.originOf(object, depth + 1);
          if (rootOrigin === 'request') return 'request';
        }
        return 'unknown';
      }
      case AST_NODE_TYPES.NewExpression: {
        // new URL(request.url).searchParams
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'URL' && node.arguments[0]) {
          return this.originOf(node.arguments[0], depth + 1);
        }
        return 'unknown';
      }
      case AST_NODE_TYPES.LogicalExpression:
        return this.originOf(node.left, depth + 1);
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression: {
        // `{ pageSize: Number(query.pageSize) }` built from request input is request input.
        const parts = node.type === AST_NODE_TYPES.ObjectExpression ? node.properties : node.elements;
        for (const part of parts) {
          if (!part) continue;
          const value = part.type === AST_NODE_TYPES.Property ? part.value : part.type === AST_NODE_TYPES.SpreadElement ? part.argument : part;
          if (this.originOf(value, depth + 1) === 'request') return 'request';
        }
        return 'unknown';
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const first = this.originOf(node.consequent, depth + 1);
        return first !== 'unknown' ? first : this.originOf(node.alternate, depth + 1);
      }
      case AST_NODE_TYPES.TemplateLiteral:
        for (const e of node.expressions) {
          const o = this.originOf(e, depth + 1);
          if (o !== 'unknown') return o;
        }
        return 'unknown';
      default:
        return 'unknown';
    }
  }

  /** Is `node` a request object: a handler's request parameter, `ctx.request`, `c.req`, `event`? */
  private isRequestObject(node: Node): boolean {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n);
      // ctx.request, c.req, event.node.req
      return name === 'request' || name === 'req';
    }
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.resolver.variableOf(n);
    const def = variable?.defs[0];
    if (!def) return false;
    if (def.type === 'Parameter') {
      const id = def.name as TSESTree.Identifier;
      const key = destructuredParamKey(id);
      if (key !== undefined) return key === 'request' || key === 'req' || key === 'event';
      // NestJS `@Body() dto` is request *data*; `@Req() req` is the request object.
      const decorators = parameterDecorators(id);
      if (decorators.length > 0) return decorators.some((d) => d === 'Req' || d === 'Request');
      const fn = def.node as FunctionNode;
      // (req, res), (request), (ctx) for Koa (ctx.query/ctx.params), (event) for Lambda/h3.
      return paramIndex(fn, id) === this.requestIndex(fn) && this.looksLikeHandler(fn, id);
    }
    if (def.type === 'Variable') {
      const init = (def.node as TSESTree.VariableDeclarator).init;
      // `const r = req` aliases the request object; `const body = await req.json()` is request *data*.
      return !!init && this.isRequestObject(unwrapAwait(init));
    }
    return false;
  }

  private identifierOrigin(node: TSESTree.Identifier, depth: number): Origin {
    const variable = this.resolver.variableOf(node);
    if (!variable) return 'unknown';
    const cached = this.origins.get(variable);
    if (cached) return cached;
    if (this.visiting.has(variable)) return 'unknown';
    this.visiting.add(variable);
    const origin = this.variableOrigin(variable, depth);
    this.visiting.delete(variable);
    this.origins.set(variable, origin);
    return origin;
  }

  private variableOrigin(variable: Variable, depth: number): Origin {
    const def = variable.defs[0];
    if (!def) return 'unknown';
    if (def.type === 'Parameter') {
      const id = def.name as TSESTree.Identifier;
      const key = destructuredParamKey(id);
      if (key !== undefined && INPUT_KEYS.has(key)) return 'request';
      // `createRoute(config: SlackConfig)`: a parameter that carries the server's configuration.
      if (key === undefined && (CONFIG_NAME.test(id.name) || CONFIG_TYPE.test(annotationName(id) ?? ''))) return 'env';
      if (key === undefined && this.isRequestObject(id) && this.isHandlerRequestParam(def.node as Parameters<typeof paramIndex>[0], id)) {
        return 'request';
      }
      // NestJS: @Body() dto, @Query('id') id, @Param() params
      if (parameterDecorators(id).some((d) => NEST_INPUT_DECORATORS.has(d))) return 'request';
      // A same-file function called with request input: `this.usersService.create(body)`.
      const fn = def.node as Parameters<typeof paramIndex>[0];
      const index = paramIndex(fn, id);
      if (index >= 0 && this.callSites) {
        for (const call of this.callSites(fn)) {
          const arg = call.arguments[index];
          if (arg && arg.type !== AST_NODE_TYPES.SpreadElement && this.originOf(arg, depth + 1) === 'request') return 'request';
        }
      }
      // Destructured from a request-ish object parameter: ({ body: { email } })
      if (key !== undefined) {
        let p: Node | undefined = id.parent;
        while (p && p.type !== AST_NODE_TYPES.ObjectPattern) p = p.parent;
        const outer = p?.parent;
        if (outer?.type === AST_NODE_TYPES.Property && outer.parent?.type === AST_NODE_TYPES.ObjectPattern) {
          const outerKey = outer.key.type === AST_NODE_TYPES.Identifier ? outer.key.name : undefined;
          if (outerKey && INPUT_KEYS.has(outerKey)) return 'request';
        }
      }
      return 'unknown';
    }
    if (def.type === 'ImportBinding') {
      // `import { env } from '$env/dynamic/private'`, `import config from './config'`
      const source = String((def.parent as TSESTree.ImportDeclaration).source.value);
      return CONFIG_MODULE.test(source) || CONFIG_NAME.test((def.name as TSESTree.Identifier).name) ? 'env' : 'unknown';
    }
    if (def.type !== 'Variable') return 'unknown';
    const declarator = def.node as TSESTree.VariableDeclarator;
    let origin: Origin = 'unknown';
    // `for (const row of input.rows)`: the element comes from the iterated value.
    const loop = declarator.parent?.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent) return this.originOf(loop.right, depth + 1);
    if (declarator.init) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        origin = this.originOf(declarator.init, depth + 1);
      } else {
        // Destructuring takes the origin of the whole value; `const { email } = req.body`.
        origin = this.originOf(declarator.init, depth + 1);
        if (origin === 'unknown' && declarator.init) {
          const init = unwrapAwait(declarator.init);
          if (this.isRequestObject(init)) {
            const id = def.name as TSESTree.Identifier;
            const key = destructuredKey(id);
            if (key && REQUEST_PROPS.has(key)) origin = 'request';
          }
        }
      }
    }
    // `const config = c.get('slackConfig')`: a local named as configuration holds it, unless its value says otherwise.
    if (origin === 'unknown' && declarator.id.type === AST_NODE_TYPES.Identifier && CONFIG_NAME.test(declarator.id.name)) return 'env';
    if (origin === 'unknown') {
      // `let body; body = await req.json();`
      for (const ref of variable.references) {
        if (!ref.isWrite() || ref.init) continue;
        const parent = ref.identifier.parent;
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) {
          const o = this.originOf(parent.right, depth + 1);
          if (o !== 'unknown') return o;
        }
      }
    }
    return origin;
  }
}

function destructuredKey(id: TSESTree.Identifier): string | undefined {
  let node: Node = id;
  if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern) node = node.parent;
  const prop = node.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.computed) return undefined;
  return prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : undefined;
}

const HANDLER_ROLES = new Set<ParamRole>(['response', 'koa-context', 'hono-context', 'hapi-toolkit', 'request']);
const REQUEST_TYPES = new Set([
  'Request',
  'NextRequest',
  'NextApiRequest',
  'IncomingMessage',
  'FastifyRequest',
  'APIGatewayProxyEvent',
  'APIGatewayProxyEventV2',
  'APIGatewayEvent',
  'ALBEvent',
  'LambdaFunctionURLEvent',
  'H3Event',
  'Context',
  'ParameterizedContext',
  'RouterContext',
  'VercelRequest',
]);
const NON_REGISTRATION_METHODS = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'find', 'findIndex', 'findLast', 'some', 'every', 'flatMap', 'sort',
  'then', 'catch', 'finally', 'on', 'once', 'addListener', 'subscribe', 'setTimeout', 'setInterval', 'process', 'each',
]);

function parameterDecorators(id: TSESTree.Identifier): string[] {
  const param = id.parent?.type === AST_NODE_TYPES.TSParameterProperty ? id.parent : id;
  const decorators = (param as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  const names: string[] = [];
  for (const d of decorators) {
    const expr = unwrap(d.expression);
    const callee = expr.type === AST_NODE_TYPES.CallExpression ? unwrap(expr.callee) : expr;
    if (callee.type === AST_NODE_TYPES.Identifier) names.push(callee.name);
  }
  return names;
}

function isExported(fn: FunctionNode): boolean {
  let node: Node = fn;
  let parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
    node = parent.parent!;
    parent = node.parent;
  }
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  // module.exports = fn, exports.handler = fn, module.exports.handler = fn
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
    const left = unwrap(parent.left);
    const root = chainRoot(left);
    return root.type === AST_NODE_TYPES.Identifier && (root.name === 'module' || root.name === 'exports');
  }
  return false;
}

function isRegisteredCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as never)) return false;
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  return name !== undefined && !NON_REGISTRATION_METHODS.has(name);
}

/** `server.route({ method, path, handler: async (request, h) => ... })` (Hapi, Fastify `route()`). */
function isRouteConfigHandler(fn: FunctionNode): boolean {
  const prop = fn.parent;
  return (
    prop?.type === AST_NODE_TYPES.Property &&
    prop.value === fn &&
    !prop.computed &&
    prop.key.type === AST_NODE_TYPES.Identifier &&
    prop.key.name === 'handler'
  );
}
