/**
 * Timeout facts for upstream calls: does each call made while handling a
 * request give up on a hung upstream in time?
 *
 * Per client, checked against each library's documented defaults:
 * - fetch (global, node-fetch, undici's fetch, cross-fetch): no total timeout;
 *   set by `signal: AbortSignal.timeout(ms)`, `AbortSignal.any([..., timeout])`,
 *   or an AbortController aborted by a `setTimeout` (node-fetch v2 also takes
 *   `timeout`; undici's fetch also a `dispatcher` with `headersTimeout`/`bodyTimeout`).
 * - axios: `timeout` defaults to 0 (none); set per call, on the `axios.create()`
 *   config, or by assigning `instance.defaults.timeout` (or `axios.defaults.timeout`).
 * - got: no timeout by default; `timeout: { request }` (or a number), per call or
 *   on a `got.extend()` instance.
 * - ky: a 10 s default `timeout`; only `timeout: false` removes it.
 * - undici `request`/`stream`/`pipeline`: `headersTimeout` and `bodyTimeout`
 *   default to 300 s each. They are inactivity limits far beyond what clients and
 *   load balancers wait, so they are not counted: set them (or a `signal`).
 * - superagent: no timeout unless `.timeout(ms)` is chained.
 * - http(s).request / get: none unless the `timeout` option, `signal`, or
 *   `req.setTimeout()`.
 * - ofetch / `$fetch`: none unless `timeout` or `signal` (per call or `create()`).
 * Other clients (SDKs with their own defaults, settings-declared callees, wretch,
 * needle, graphql-request, NestJS HttpService) are `unknown`: never reported.
 *
 * "While handling a request": the call sits in a route handler, or in a
 * same-file function a handler calls (transitively). Handlers are functions
 * that set a status, have a request/response/context parameter, are passed to
 * a route registration (`app.get('/x', fn)`, `defineEventHandler(fn)`, a tRPC
 * `.query(fn)`), or are exported route functions (Next.js `GET`/`POST`,
 * SvelteKit `+server` exports and `load`/`actions` in `+page.server`, Remix
 * `loader`/`action`, `getServerSideProps`, a Lambda `handler`, NestJS controller
 * methods). Test files, scripts and configs are never request code.
 */
import { servesRequests } from './files';
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunction, objectProperty, outerParent, propertyName, unwrap, unwrapAwait, type FunctionNode, type Node } from './ast';
import { getHttpModel, type HttpModel } from './model';
import { urlHead, type UpstreamCall } from './upstream';

type Variable = TSESLint.Scope.Variable;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type TimeoutState = 'set' | 'missing' | 'unknown';

export interface UpstreamTimeout {
  call: UpstreamCall;
  state: TimeoutState;
  /** When missing: why, for messages ("no `signal`", "axios's default `timeout` is 0"). */
  reason?: string;
  /** When missing: how to set one, for messages. */
  fix?: string;
}

export interface TimeoutFacts {
  /** Direct upstream calls (not same-file wrappers) made while handling a request, with their timeout state. */
  readonly inRequest: readonly UpstreamTimeout[];
  /** The timeout state of any upstream call; for a wrapper call, that of the call it wraps. */
  timeoutOf(call: UpstreamCall): UpstreamTimeout;
  /** Is this node inside a route handler or a same-file function one calls? */
  isRequestCode(node: Node): boolean;
}

const cache = new WeakMap<TSESTree.Program, TimeoutFacts>();

export function getTimeoutFacts(context: Context): TimeoutFacts {
  const ast = context.sourceCode.ast as TSESTree.Program;
  const cached = cache.get(ast);
  if (cached) return cached;
  const facts = buildFacts(getHttpModel(context), context.filename);
  cache.set(ast, facts);
  return facts;
}


function buildFacts(model: HttpModel, filename: string): TimeoutFacts {
  const results = new Map<UpstreamCall, UpstreamTimeout>();
  const timeoutOf = (call: UpstreamCall): UpstreamTimeout => {
    let result = results.get(call);
    if (!result) {
      result = call.via ? { ...timeoutOf(call.via), call } : evaluate(model, call);
      results.set(call, result);
    }
    return result;
  };
  if (model.upstreamCalls.length === 0 || !servesRequests(filename)) {
    return { inRequest: [], timeoutOf, isRequestCode: () => false };
  }
  const reachable = requestFunctions(model, filename);
  const isRequestCode = (node: Node): boolean => {
    for (let p: Node | undefined = node.parent; p; p = p.parent) if (isFunction(p) && reachable.has(p)) return true;
    return false;
  };
  const inRequest = model.upstreamCalls.filter((c) => !c.via && isRequestCode(c.node)).map(timeoutOf);
  return { inRequest, timeoutOf, isRequestCode };
}

// ---------------------------------------------------------------------------
// Request code: handlers and the same-file functions they call.

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use', 'route', 'on', 'any']);
const HANDLER_WRAPPERS = new Set(['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'defineWebSocketHandler', 'createServer', 'defineHandler', 'createRequestHandler']);
const ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ALL', 'loader', 'action', 'getServerSideProps', 'handler', 'fallback']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All', 'Query', 'Mutation', 'MessagePattern', 'EventPattern', 'Sse']);
const FRAMEWORK_MODULES = new Set(['express', 'fastify', 'koa', '@koa/router', 'koa-router', 'hono', 'elysia', '@hapi/hapi', 'restify', 'polka', 'h3']);

function requestFunctions(model: HttpModel, filename: string): Set<FunctionNode> {
  const handlers = new Set<FunctionNode>();
  for (const e of model.emissions) if (e.fn) handlers.add(e.fn);
  const svelteServer = /\+(page|layout)\.server\.[cm]?[jt]s$|\+server\.[cm]?[jt]s$/.test(filename);
  const pagesApi = /(^|[\\/])pages[\\/]api[\\/]/.test(filename);
  const trpc = model.imports.has('@trpc/server');
  for (const fn of model.functions) {
    if (handlers.has(fn)) continue;
    if (isHandler(model, fn, { svelteServer, pagesApi, trpc })) handlers.add(fn);
  }
  // Same-file functions called from request code, transitively.
  const reachable = new Set(handlers);
  for (let round = 0; round < 5; round++) {
    let added = 0;
    for (const call of model.calls) {
      const target = model.calledFunction(call);
      if (!target || reachable.has(target)) continue;
      let inside = false;
      for (let p: Node | undefined = call.parent; p; p = p.parent) {
        if (isFunction(p) && reachable.has(p)) {
          inside = true;
          break;
        }
      }
      if (inside) {
        reachable.add(target);
        added++;
      }
    }
    if (added === 0) break;
  }
  return reachable;
}

function isHandler(model: HttpModel, fn: FunctionNode, file: { svelteServer: boolean; pagesApi: boolean; trpc: boolean }): boolean {
  for (const p of fn.params) {
    const id = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
    if (id.type === AST_NODE_TYPES.Identifier && model.roleOf(id) !== 'none') return true;
    if (id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const prop of id.properties) {
        if (prop.type === AST_NODE_TYPES.Property && prop.value.type === AST_NODE_TYPES.Identifier && model.roleOf(prop.value) !== 'none') return true;
      }
    }
  }
  const parent = fn.parent;
  // `app.get('/x', fn)`, `router.post('/x', auth, fn)`, `app.use(fn)` on a framework app, `defineEventHandler(fn)`, tRPC `.query(fn)`.
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as never)) {
    const callee = unwrap(parent.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && HANDLER_WRAPPERS.has(callee.name)) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(callee);
      if (name && HANDLER_WRAPPERS.has(name)) return true;
      if (name && ROUTE_METHODS.has(name)) {
        const first = parent.arguments[0] && unwrap(parent.arguments[0]);
        const path = first && (first.type === AST_NODE_TYPES.Literal ? first.value : first.type === AST_NODE_TYPES.TemplateLiteral ? first.quasis[0]?.value.cooked : undefined);
        if (typeof path === 'string' && (path.startsWith('/') || path === '*')) return true;
        if (name === 'on' && typeof path === 'string' && /^[A-Z]+$/.test(path)) return true; // Hono app.on('GET', '/x', fn)
        const ref = model.resolve(callee.object);
        if (ref && FRAMEWORK_MODULES.has(ref.source)) return true;
        // app.route('/x').get(fn)
        const object = unwrap(callee.object);
        if (object.type === AST_NODE_TYPES.CallExpression && unwrap(object.callee).type === AST_NODE_TYPES.MemberExpression && propertyName(unwrap(object.callee) as TSESTree.MemberExpression) === 'route') return true;
      }
      if (file.trpc && (name === 'query' || name === 'mutation' || name === 'subscription')) return true;
    }
  }
  // Fastify `{ method, url, handler }`, Hapi `{ method, path, handler }`, SvelteKit `actions = { default: fn }`.
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const key = !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    const keys = new Set(parent.parent.properties.map((p) => (p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : '')));
    if (key === 'handler' && (keys.has('url') || keys.has('path') || keys.has('method'))) return true;
    const holder = parent.parent.parent;
    if (file.svelteServer && holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && holder.id.name === 'actions') return true;
  }
  // Exported route functions.
  const name = exportedName(fn);
  if (name !== undefined) {
    if (ROUTE_EXPORTS.has(name)) return true;
    if (file.svelteServer && name === 'load') return true;
    if (file.pagesApi && name === 'default') return true;
  }
  // `exports.handler = async (event) => ...`
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression && propertyName(parent.left) === 'handler') return true;
  // NestJS controller methods.
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.decorators.some((d) => NEST_ROUTE_DECORATORS.has(decoratorName(d) ?? ''))) return true;
  return false;
}

function exportedName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return fn.id?.name;
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
    return undefined;
  }
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return parent.id.name;
  }
  return undefined;
}

function decoratorName(d: TSESTree.Decorator): string | undefined {
  const e = unwrap(d.expression);
  const callee = e.type === AST_NODE_TYPES.CallExpression ? unwrap(e.callee) : e;
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
}

// ---------------------------------------------------------------------------
// Per-call timeout state.

interface Props {
  props: Map<string, Node>;
  /** False when a spread or an unresolvable value may hide more properties. */
  complete: boolean;
}

const UNKNOWN = (call: UpstreamCall): UpstreamTimeout => ({ call, state: 'unknown' });
const SET = (call: UpstreamCall): UpstreamTimeout => ({ call, state: 'set' });

const FIX: Record<string, string> = {
  fetch: 'pass `signal: AbortSignal.timeout(ms)`',
  ofetch: 'set its `timeout` option',
  axios: 'set `timeout` in the config or on the `axios.create()` instance',
  got: 'set `timeout: { request: ms }`',
  ky: 'remove `timeout: false` or set a number',
  undici: 'set `headersTimeout` and `bodyTimeout` (or a `signal`)',
  superagent: 'chain `.timeout(ms)`',
  'http.request': 'set the `timeout` option or call `req.setTimeout(ms)`',
};

function missing(call: UpstreamCall, reason: string, fixKey = call.client): UpstreamTimeout {
  return { call, state: 'missing', reason, fix: FIX[fixKey] ?? FIX['http.request'] };
}

function evaluate(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  switch (call.client) {
    case 'fetch':
      return fetchTimeout(model, call);
    case 'ofetch':
      return ofetchTimeout(model, call);
    case 'axios':
      return axiosTimeout(model, call);
    case 'got':
      return gotTimeout(model, call);
    case 'ky':
      return kyTimeout(model, call);
    case 'undici':
      return undiciTimeout(model, call);
    case 'superagent':
      return superagentTimeout(model, call);
    case 'http.request':
    case 'https.request':
      return nodeHttpTimeout(model, call);
    default:
      return UNKNOWN(call);
  }
}

/** Properties of an options argument: an object literal (spreads of same-file const objects followed), or a const holding one. */
function propsOf(model: HttpModel, node: Node | undefined, depth = 0): Props {
  if (!node) return { props: new Map(), complete: true };
  if (depth > 4 || node.type === AST_NODE_TYPES.SpreadElement) return { props: new Map(), complete: false };
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    const props = new Map<string, Node>();
    let complete = true;
    for (const p of n.properties) {
      if (p.type === AST_NODE_TYPES.SpreadElement) {
        const inner = propsOf(model, p.argument, depth + 1);
        for (const [k, v] of inner.props) props.set(k, v);
        complete &&= inner.complete;
        continue;
      }
      if (p.computed) {
        complete = false;
        continue;
      }
      const key = p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : p.key.type === AST_NODE_TYPES.Literal ? String(p.key.value) : undefined;
      if (key !== undefined) props.set(key, p.value);
    }
    return { props, complete };
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    if (n.name === 'undefined') return { props: new Map(), complete: true };
    const init = constInit(model, n);
    if (init) return propsOf(model, init, depth + 1);
  }
  return { props: new Map(), complete: false };
}

/** The initialiser of a never-reassigned variable declared with an identifier pattern. */
function constInit(model: HttpModel, id: TSESTree.Identifier): Node | undefined {
  const variable = model.resolver.variableOf(id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  if (variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
  return declarator.init;
}

function isFalse(node: Node | undefined): boolean {
  const n = node && unwrap(node);
  return n?.type === AST_NODE_TYPES.Literal && (n.value === false || n.value === 0);
}

/** A path on this server (`'/api/x'`, or a const holding one): an in-process route, not another service. */
function isRelativeUrl(model: HttpModel, node: Node | undefined): boolean {
  const text = node && urlHead(model.resolver, node)?.text;
  return typeof text === 'string' && text.startsWith('/') && !text.startsWith('//');
}

/** The state a `signal` value gives. */
function signalState(model: HttpModel, call: UpstreamCall, value: Node, depth = 0): UpstreamTimeout {
  if (depth > 4) return UNKNOWN(call);
  const n = unwrapAwait(value);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && isAbortSignal(model, callee.object)) {
      const method = propertyName(callee);
      if (method === 'timeout') return SET(call);
      if (method === 'any') {
        const list = n.arguments[0] && unwrap(n.arguments[0]);
        if (list?.type !== AST_NODE_TYPES.ArrayExpression) return UNKNOWN(call);
        const states = list.elements.map((e) => (e && e.type !== AST_NODE_TYPES.SpreadElement ? signalState(model, call, e, depth + 1).state : 'unknown'));
        if (states.includes('set')) return SET(call);
        if (states.length > 0 && states.every((s) => s === 'missing')) return missing(call, 'its `AbortSignal.any()` combines no timeout signal', 'fetch');
      }
    }
    return UNKNOWN(call);
  }
  if (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === 'signal') {
    const object = unwrap(n.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const controller = controllerVariable(model, object);
      if (controller) return controllerState(call, controller);
    }
    if (isIncoming(model, object)) return missing(call, INCOMING_SIGNAL, 'fetch');
    return UNKNOWN(call);
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = model.resolver.variableOf(n);
    const def = variable?.defs[0];
    if (!variable || def?.type !== 'Variable') return UNKNOWN(call);
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (!declarator.init || variable.references.some((r) => r.isWrite() && !r.init)) return UNKNOWN(call);
    // `const { signal } = controller` / `= new AbortController()`
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      const init = unwrap(declarator.init);
      if (init.type === AST_NODE_TYPES.Identifier) {
        const controller = controllerVariable(model, init);
        if (controller) return controllerState(call, controller);
      }
      return UNKNOWN(call);
    }
    return signalState(model, call, declarator.init, depth + 1);
  }
  return UNKNOWN(call);
}

function isAbortSignal(model: HttpModel, node: Node): boolean {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.Identifier && n.name === 'AbortSignal' && !model.resolver.variableOf(n);
}

/** `controller` in `const controller = new AbortController()`. */
function controllerVariable(model: HttpModel, id: TSESTree.Identifier): Variable | undefined {
  const variable = model.resolver.variableOf(id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable') return undefined;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  const n = init && unwrap(init);
  if (n?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = unwrap(n.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'AbortController' ? variable : undefined;
}

/** A controller counts when a `setTimeout` (or `setInterval`) aborts it. */
function controllerState(call: UpstreamCall, controller: Variable): UpstreamTimeout {
  let passedAway = false;
  for (const ref of controller.references) {
    if (ref.init) continue;
    const id = ref.identifier;
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
      const name = propertyName(parent);
      if (name === 'abort' && insideTimer(parent)) return SET(call);
      continue;
    }
    // Handed to something else (`withDeadline(controller, 5000)`, `controllers.push(controller)`): cannot tell.
    passedAway = true;
  }
  if (passedAway) return UNKNOWN(call);
  return missing(call, 'its AbortController is never aborted by a timer', 'fetch');
}

function insideTimer(node: Node): boolean {
  for (let p: Node | undefined = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(p.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
      if (name === 'setTimeout' || name === 'setInterval') return true;
    }
    if (p.type === AST_NODE_TYPES.Program) break;
  }
  return false;
}

/** The incoming request: a request parameter (`req`, `request`, `event.request`, `c.req.raw`). */
function isIncomingRequest(model: HttpModel, node: Node): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return model.roleOf(n) === 'request';
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n);
    if (name === 'request' || name === 'raw' || name === 'req') {
      const inner = unwrap(n.object);
      return inner.type === AST_NODE_TYPES.Identifier ? model.roleOf(inner) !== 'none' : isIncomingRequest(model, inner);
    }
  }
  return false;
}

const HTTP_METHOD_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ALL']);

/**
 * The incoming request, also where no framework names it: the first parameter
 * of a fetch-style handler, i.e. the `fetch` method of the default-exported
 * object (Cloudflare Workers and Snippets, Bun, Deno) or an exported
 * HTTP-method function (`export async function GET(request)`), never replaced.
 */
function isIncoming(model: HttpModel, node: Node): boolean {
  if (isIncomingRequest(model, node)) return true;
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = model.resolver.variableOf(n);
  const def = variable?.defs[0];
  if (def?.type !== 'Parameter' || !isFunction(def.node as Node) || variable!.references.some((r) => r.isWrite())) return false;
  const fn = def.node as FunctionNode;
  if (fn.params[0] !== def.name) return false;
  const name = exportedName(fn);
  if (name !== undefined && HTTP_METHOD_EXPORTS.has(name)) return true;
  let holder: Node | undefined = fn.parent;
  if (holder?.type === AST_NODE_TYPES.MethodDefinition) return false;
  if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== fn || holder.computed || holder.key.type !== AST_NODE_TYPES.Identifier || holder.key.name !== 'fetch') return false;
  holder = outerParent(holder.parent).parent;
  return holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

function fileCalls(model: HttpModel, name: string): boolean {
  return model.calls.some((c) => {
    const callee = unwrap(c.callee);
    return (callee.type === AST_NODE_TYPES.Identifier && callee.name === name) || (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === name);
  });
}

const INCOMING_SIGNAL = "its `signal` is the incoming request's, which aborts only when the client disconnects";

/** A RequestInit's properties; `incomingSignal` when the incoming request is the init or the input, so its `signal` carries over. */
interface Init extends Props {
  incomingSignal: boolean;
}

/** `fetch(url, request)`, `new Request(url, request)`: the incoming request read as a RequestInit brings its own `signal`. */
function initOf(model: HttpModel, node: Node | undefined): Init {
  if (node && isIncoming(model, node)) return { props: new Map(), complete: true, incomingSignal: true };
  return { ...propsOf(model, node), incomingSignal: false };
}

function fetchTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  const args = call.node.arguments;
  if (isRelativeUrl(model, args[0])) return UNKNOWN(call); // an in-process route (Nitro, SvelteKit, Remix)
  if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return UNKNOWN(call);
  const first = args[0] && unwrap(args[0]);
  // `return fetch(request)`: a transparent pass-through of the client's own request, which its own timeout governs.
  if (args.length === 1 && first && forwardsIncomingRequest(model, call.node, first)) return UNKNOWN(call);
  // `return fetch(new Request(request, { headers }))`: the same request to the same URL with headers
  // changed (a cookie added) is still a pass-through; `new Request(otherUrl, request)` is not.
  if (args.length === 1 && first?.type === AST_NODE_TYPES.NewExpression && isRequestConstructor(first) && first.arguments[0]) {
    const init = first.arguments[1] && unwrap(first.arguments[1]);
    const keepsSignal = !init || (init.type === AST_NODE_TYPES.ObjectExpression && !objectProperty(init, 'signal'));
    if (keepsSignal && forwardsIncomingRequest(model, call.node, unwrap(first.arguments[0]))) return UNKNOWN(call);
  }
  const source = model.resolve(call.node.callee)?.source;
  const init = initOf(model, args[1]);
  // `fetch(new Request(url, init))` / `fetch(request)` where `const request = new Request(url, init)`.
  let request: Node | undefined = first;
  if (request?.type === AST_NODE_TYPES.Identifier) request = constInit(model, request) ?? request;
  request = request && unwrap(request);
  if (request?.type === AST_NODE_TYPES.NewExpression && unwrap(request.callee).type === AST_NODE_TYPES.Identifier && (unwrap(request.callee) as TSESTree.Identifier).name === 'Request') {
    const fromRequest = initOf(model, request.arguments[1]);
    for (const [k, v] of fromRequest.props) if (!init.props.has(k)) init.props.set(k, v);
    init.complete &&= fromRequest.complete;
    init.incomingSignal ||= fromRequest.incomingSignal;
    const inner = request.arguments[0] && unwrap(request.arguments[0]);
    if (inner && isIncoming(model, inner)) init.incomingSignal = true;
    else if (inner && inner.type !== AST_NODE_TYPES.Literal && inner.type !== AST_NODE_TYPES.TemplateLiteral && !init.props.has('signal') && !init.incomingSignal) init.complete = false;
  } else if (first && isIncoming(model, first)) {
    init.incomingSignal = true; // `fetch(request, init)`: a new request from the incoming one, with its signal unless init sets one
  }
  const signal = init.props.get('signal');
  if (signal) return signalState(model, call, signal);
  if (source === 'node-fetch' && init.props.has('timeout') && !isFalse(init.props.get('timeout'))) return SET(call);
  const dispatcher = init.props.get('dispatcher');
  if (dispatcher) return dispatcherState(model, call, dispatcher);
  if (init.incomingSignal) return missing(call, INCOMING_SIGNAL, 'fetch');
  if (!init.complete) return UNKNOWN(call);
  if (fileCalls(model, 'setGlobalDispatcher')) return UNKNOWN(call);
  return missing(call, 'no `signal`, and fetch has no total timeout of its own', 'fetch');
}

/**
 * `return fetch(request)` (or `const res = await fetch(request); ... return res`) where
 * `request` is the handler's own incoming Request, never replaced: the client's request
 * goes on to the origin unchanged and the answer comes back, so the client's own
 * timeout governs and the proxy adds no wait of its own.
 */
function forwardsIncomingRequest(model: HttpModel, node: TSESTree.CallExpression, arg: Node): boolean {
  if (!isIncoming(model, arg)) return false;
  let root: Node = arg;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = model.resolver.variableOf(root);
  if (!variable || variable.references.some((r) => r.isWrite())) return false;
  const { parent, child } = outerParent(node);
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === child) return true;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) {
    const held = model.resolver.variableOf(parent.id);
    return !!held?.references.some((r) => {
      const up = outerParent(r.identifier);
      return up.parent?.type === AST_NODE_TYPES.ReturnStatement;
    });
  }
  return false;
}

function isRequestConstructor(node: TSESTree.NewExpression): boolean {
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Request';
}

/** undici `dispatcher: new Agent({ headersTimeout, bodyTimeout })`. */
function dispatcherState(model: HttpModel, call: UpstreamCall, value: Node): UpstreamTimeout {
  let n = unwrap(value);
  if (n.type === AST_NODE_TYPES.Identifier) n = unwrap(constInit(model, n) ?? n);
  if (n.type !== AST_NODE_TYPES.NewExpression) return UNKNOWN(call);
  const opts = propsOf(model, n.arguments[n.arguments.length - 1]);
  if (hasUndiciTimeout(opts)) return SET(call);
  return UNKNOWN(call);
}

function hasUndiciTimeout(opts: Props): boolean {
  return ['headersTimeout', 'bodyTimeout'].some((k) => opts.props.has(k) && !isFalse(opts.props.get(k)));
}

function ofetchTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  // A relative URL on the global `$fetch` is an in-process route; on an instance it is relative to its baseURL.
  if (!call.instance && isRelativeUrl(model, call.node.arguments[0])) return UNKNOWN(call);
  const opts = propsOf(model, call.node.arguments[1]);
  if (opts.props.has('timeout') && !isFalse(opts.props.get('timeout'))) return SET(call);
  const signal = opts.props.get('signal');
  if (signal) return signalState(model, call, signal);
  if (!opts.complete) return UNKNOWN(call);
  if (call.instance) {
    const base = propsOf(model, call.instance.arguments[0]);
    if (base.props.has('timeout') && !isFalse(base.props.get('timeout'))) return SET(call);
    if (!base.complete || base.props.has('signal')) return UNKNOWN(call);
  }
  return missing(call, 'no `timeout` or `signal`, and ofetch has no timeout by default');
}

/** axios: the config argument by method. */
function axiosConfig(call: UpstreamCall): Node | undefined | null {
  const args = call.node.arguments;
  const callee = unwrap(call.node.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  if (!method || (!call.instance && callee.type === AST_NODE_TYPES.Identifier)) {
    // axios(config) / axios(url, config)
    const first = args[0] && unwrap(args[0]);
    return first?.type === AST_NODE_TYPES.ObjectExpression ? args[0] : args[1];
  }
  if (method === 'request') return args[0];
  if (/^(post|put|patch)(Form)?$/.test(method)) return args[2];
  if (/^(get|delete|head|options)$/.test(method)) return args[1];
  return null; // cannot tell
}

function axiosTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  const configArg = axiosConfig(call);
  if (configArg === null) return UNKNOWN(call);
  const config = propsOf(model, configArg);
  const timeout = config.props.get('timeout');
  if (timeout) return isFalse(timeout) ? missing(call, '`timeout: 0` means no timeout in axios') : SET(call);
  const signal = config.props.get('signal');
  if (signal) return signalState(model, call, signal);
  if (!config.complete) return UNKNOWN(call);
  if (call.instance) {
    const base = propsOf(model, call.instance.arguments[0]);
    const baseTimeout = base.props.get('timeout');
    if (baseTimeout) return isFalse(baseTimeout) ? missing(call, 'its `axios.create()` config sets `timeout: 0`, which means none') : SET(call);
    if (!base.complete || base.props.has('signal')) return UNKNOWN(call);
    const holder = instanceVariable(model, call.instance);
    if (!holder) return UNKNOWN(call);
    const defaults = defaultsState(holder);
    if (defaults !== 'missing') return defaults === 'set' ? SET(call) : UNKNOWN(call);
    return missing(call, 'neither the call nor its `axios.create()` config sets `timeout`, and axios defaults to none');
  }
  // The axios module itself: `axios.defaults.timeout = 5000` in this file counts.
  const root = rootIdentifier(call.node.callee);
  const variable = root && model.resolver.variableOf(root);
  if (variable) {
    const defaults = defaultsState(variable);
    if (defaults !== 'missing') return defaults === 'set' ? SET(call) : UNKNOWN(call);
  }
  return missing(call, "no `timeout`, and axios's default is 0 (none)");
}

function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let n = unwrap(node);
  while (n.type === AST_NODE_TYPES.MemberExpression) n = unwrap(n.object);
  return n.type === AST_NODE_TYPES.Identifier ? n : undefined;
}

/** The variable an instance is stored in: `api` in `const api = axios.create(...)`. */
function instanceVariable(model: HttpModel, creator: TSESTree.CallExpression | TSESTree.NewExpression): Variable | undefined {
  let node: Node = creator;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    return model.resolver.variableOf(parent.id) ?? undefined;
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property) return undefined;
  return undefined;
}

/** `x.defaults.timeout = n` -> set; `x.interceptors...` / `Object.assign(x.defaults, ...)` -> unknown. */
function defaultsState(variable: Variable): TimeoutState {
  let state: TimeoutState = 'missing';
  for (const ref of variable.references) {
    const parent = ref.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) continue;
    const name = propertyName(parent);
    if (name === 'interceptors') state = 'unknown';
    if (name !== 'defaults') continue;
    const outer = parent.parent;
    if (outer?.type === AST_NODE_TYPES.MemberExpression && outer.object === parent) {
      const key = propertyName(outer);
      if ((key === 'timeout' || key === 'signal') && outer.parent?.type === AST_NODE_TYPES.AssignmentExpression && outer.parent.left === outer) {
        return isFalse(outer.parent.right) ? 'missing' : 'set';
      }
      continue;
    }
    if (outer?.type === AST_NODE_TYPES.AssignmentExpression || outer?.type === AST_NODE_TYPES.CallExpression) state = 'unknown';
  }
  return state;
}

function gotTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  const args = call.node.arguments;
  const first = args[0] && unwrap(args[0]);
  const opts = propsOf(model, first?.type === AST_NODE_TYPES.ObjectExpression ? args[0] : args[1]);
  if (opts.props.has('timeout') && !isFalse(opts.props.get('timeout'))) return SET(call);
  const signal = opts.props.get('signal');
  if (signal) return signalState(model, call, signal);
  if (!opts.complete) return UNKNOWN(call);
  if (call.instance) {
    const base = propsOf(model, call.instance.arguments[0]);
    if (base.props.has('timeout') && !isFalse(base.props.get('timeout'))) return SET(call);
    if (!base.complete || call.instance.arguments.length > 1 || base.props.has('signal')) return UNKNOWN(call);
    return missing(call, 'neither the call nor its `got.extend()` options set `timeout`, and got has none by default');
  }
  return missing(call, 'no `timeout`, and got has none by default');
}

function kyTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  const opts = propsOf(model, call.node.arguments[1]);
  if (opts.props.has('timeout')) {
    return isFalse(opts.props.get('timeout')) ? missing(call, '`timeout: false` turns off the 10 s default of ky') : SET(call);
  }
  if (call.instance) {
    const base = propsOf(model, call.instance.arguments[0]);
    if (isFalse(base.props.get('timeout')) && base.props.has('timeout') && opts.complete) {
      return missing(call, 'its ky instance sets `timeout: false`, turning off the 10 s default');
    }
  }
  return SET(call); // ky times out after 10 s by default
}

function undiciTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  const args = call.node.arguments;
  const first = args[0] && unwrap(args[0]);
  const opts = propsOf(model, first?.type === AST_NODE_TYPES.ObjectExpression || call.instance ? args[0] : args[1]);
  if (hasUndiciTimeout(opts)) return SET(call);
  const signal = opts.props.get('signal');
  if (signal) return signalState(model, call, signal);
  const dispatcher = opts.props.get('dispatcher');
  if (dispatcher) return dispatcherState(model, call, dispatcher);
  if (!opts.complete) return UNKNOWN(call);
  if (call.instance) {
    const base = propsOf(model, call.instance.arguments[call.instance.arguments.length - 1]);
    if (hasUndiciTimeout(base)) return SET(call);
    if (!base.complete) return UNKNOWN(call);
  }
  if (fileCalls(model, 'setGlobalDispatcher')) return UNKNOWN(call);
  return missing(call, "undici's defaults wait 300 s for headers and 300 s between body chunks, longer than any client waits", 'undici');
}

/** superagent: a `.timeout()` in the chain (or on the variable holding the request). */
function superagentTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  let current: Node = call.node;
  for (;;) {
    const parent: Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
      const name = propertyName(parent);
      if (name === 'timeout') return SET(call);
      if (name === 'use') return UNKNOWN(call);
      current = parent.parent;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = model.resolver.variableOf(parent.id);
      for (const ref of variable?.references ?? []) {
        const p = ref.identifier.parent;
        if (p?.type === AST_NODE_TYPES.MemberExpression && p.object === ref.identifier) {
          const name = propertyName(p);
          if (name === 'timeout') return SET(call);
          if (name === 'use') return UNKNOWN(call);
        } else if (!ref.init && p?.type === AST_NODE_TYPES.CallExpression) {
          return UNKNOWN(call);
        }
      }
    }
    break;
  }
  return missing(call, 'no `.timeout()`, and superagent has none by default');
}

function nodeHttpTimeout(model: HttpModel, call: UpstreamCall): UpstreamTimeout {
  const args = call.node.arguments.filter((a) => {
    const n = unwrap(a);
    return !isFunction(n);
  });
  let opts: Props = { props: new Map(), complete: true };
  for (const arg of args) {
    let n = unwrap(arg);
    if (n.type === AST_NODE_TYPES.Identifier) n = unwrap(constInit(model, n) ?? n);
    if (n.type === AST_NODE_TYPES.Literal || n.type === AST_NODE_TYPES.TemplateLiteral) continue;
    if (n.type === AST_NODE_TYPES.NewExpression) continue; // new URL(...)
    const p = propsOf(model, arg);
    for (const [k, v] of p.props) opts.props.set(k, v);
    // An identifier that is not a const object could be a URL string or an options object: unknown.
    opts = { props: opts.props, complete: opts.complete && p.complete };
  }
  if (opts.props.has('timeout') && !isFalse(opts.props.get('timeout'))) return SET(call);
  const signal = opts.props.get('signal');
  if (signal) return signalState(model, call, signal);
  if (setsTimeoutLater(model, call.node)) return SET(call);
  if (!opts.complete) return UNKNOWN(call);
  return missing(call, 'no `timeout` option and no `req.setTimeout()`, and node:http has none by default', 'http.request');
}

/** `http.get(url).setTimeout(5000)` or `const req = http.request(...); req.setTimeout(5000)`. */
function setsTimeoutLater(model: HttpModel, node: TSESTree.CallExpression): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && propertyName(parent) === 'setTimeout') return true;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = model.resolver.variableOf(parent.id);
    return !!variable?.references.some((ref) => {
      const p = ref.identifier.parent;
      return p?.type === AST_NODE_TYPES.MemberExpression && p.object === ref.identifier && propertyName(p) === 'setTimeout';
    });
  }
  return false;
}
