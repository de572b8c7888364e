/**
 * Response headers: which headers the response of a status emission carries,
 * as far as one file can tell.
 *
 * Three shapes of response:
 * - a response *receiver* set through calls: Express/Fastify/node `res.set`,
 *   `res.header`, `res.setHeader`, `res.append`, `reply.headers({...})`,
 *   `res.writeHead(N, {...})`, Koa `ctx.set`, Hono `c.header`, Hapi chains,
 *   Elysia `set.headers`, h3 `setResponseHeader(event, ...)`;
 * - a response *object*: the init of `new Response(b, init)`,
 *   `Response.json`/`NextResponse.json`/Remix `json`/SvelteKit `json`, Hono's
 *   `c.json(b, N, headers)`, a Lambda result `{ statusCode, headers }`, plus
 *   `response.headers.set(...)` on a variable that holds it;
 * - an *error object* that the framework turns into a response: http-errors
 *   `createError(503, msg, { headers })`, Koa `ctx.throw`, Boom
 *   (`err.output.headers`), NestJS exceptions (`@Header()` on the controller
 *   method), SvelteKit `error()` (`setHeaders`), h3 `createError`, Hono
 *   `HTTPException`; headers written in the same function count as "maybe".
 *
 * A write is *definite* when it runs on every path to the emission (before it
 * in the same or an enclosing block, or chained on the same call); otherwise
 * it is a *maybe*. When headers may be set where the analysis cannot see (the
 * response handed to an unknown function, an unresolvable headers object or
 * name, extra route middleware), the answer is *incomplete*. Headers written
 * by same-file middleware (`app.use((req, res, next) => { res.set(...) })`)
 * are reported as maybe-writes.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { getStaticValue } from '@eslint-community/eslint-utils';
import { alwaysExits, bindingName, chainRoot, enclosingFunction, isFunction, keyName, propertyName, stringValue, unwrap, type FunctionNode, type Node } from './ast';
import type { ParamRole } from './handlers';
import type { ModuleRef, Resolver } from './imports';

type Variable = TSESLint.Scope.Variable;

export interface HeaderWrite {
  /** Lower-case header name. */
  name: string;
  /** The value expression, when there is one. */
  value: Node | undefined;
  /** The call, property or assignment that sets it. */
  node: Node;
  /** True when the write runs on every path to the emission. */
  definite: boolean;
}

export interface ResponseHeaders {
  /** False when headers may also be set where the analysis cannot see. */
  readonly complete: boolean;
  readonly writes: readonly HeaderWrite[];
  /** Writes of one header (case-insensitive). */
  get(name: string): HeaderWrite[];
}

/** What the header index needs from the model (kept small so it can be tested alone). */
export interface HeaderEnv {
  resolver: Resolver;
  roleOf(node: Node): ParamRole;
  resolve(node: Node): ModuleRef | undefined;
  calls: readonly TSESTree.CallExpression[];
}

/** The parts of a status emission the index looks at. */
export interface EmissionLike {
  node: Node;
  framework: string;
  form: string;
  fn: FunctionNode | undefined;
  /** The resolved status, when known. */
  code?: number | undefined;
}

interface RawWrite {
  /** Lower-case name, or undefined when it cannot be resolved. */
  name: string | undefined;
  value: Node | undefined;
  node: Node;
  /** Written on the response value after it was created (`response.headers.set(...)`): counts although it comes later. */
  later?: boolean;
}

interface Collected {
  writes: RawWrite[];
  incomplete: boolean;
}

const RESPONSE_METHODS = new Set(['set', 'header', 'setHeader', 'append', 'headers', 'writeHead']);
const KOA_METHODS = new Set(['set', 'append']);
const H3_SINGLE = new Set(['setResponseHeader', 'setHeader', 'appendResponseHeader', 'appendHeader']);
const H3_MANY = new Set(['setResponseHeaders', 'setHeaders', 'appendResponseHeaders', 'appendHeaders']);
const H3_SOURCES = new Set(['h3', 'global', '#imports', 'nuxt/app']);
const LIMITER = /rate-?limit|ratelimit|slow-?down|throttl|limiter/i;
const SEND_METHODS = new Set(['json', 'send', 'end', 'sendFile', 'render', 'redirect', 'jsonp', 'download', 'sendStatus', 'text', 'html', 'body', 'write']);
const MIDDLEWARE_REGISTRARS = new Set(['use', 'addHook', 'onRequest', 'onSend', 'onResponse', 'preHandler', 'onAfterHandle', 'onBeforeHandle', 'mapResponse', 'ext', 'all']);
/** Calls a response may be passed to without anything setting headers on it. */
const HARMLESS_CALLEES = /^(next|resolve|reject|log|info|warn|error|debug|trace|fatal|setResponseStatus|setCookie|deleteCookie|createError|sendError|send|sendNoContent|sendStream|sendRedirect)$|^(get|read|is|has)[A-Z]|^(set|append)(Response)?Headers?$/;
/** Error-object forms: the framework builds the response from a thrown or returned error. */
const ERROR_FRAMEWORKS = new Set(['http-errors', 'nestjs', 'h3', 'sveltekit', 'hapi', 'hono', 'fastify', 'koa', 'elysia', 'trpc']);

export class HeaderIndex {
  private byReceiver: Map<Variable, RawWrite[]> | undefined;
  private byFunction: Map<FunctionNode | undefined, RawWrite[]> | undefined;
  private middleware: RawWrite[] | undefined;
  private readonly escapeCache = new Map<Variable, boolean>();
  private readonly results = new Map<Node, ResponseHeaders | undefined>();
  private limiterPlugin: boolean | undefined;
  private limiterHandlers: Set<string> | undefined;

  constructor(private readonly env: HeaderEnv) {}

  /** Headers of the response an emission belongs to; undefined when the form has no response of its own (tRPC, helpers). */
  of(emission: EmissionLike): ResponseHeaders | undefined {
    if (this.results.has(emission.node)) return this.results.get(emission.node);
    const result = this.compute(emission);
    this.results.set(emission.node, result);
    return result;
  }

  private compute(e: EmissionLike): ResponseHeaders | undefined {
    const collected = this.collect(e);
    if (!collected) return undefined;
    const writes: HeaderWrite[] = [];
    let complete = !collected.incomplete;
    const koa = e.framework === 'koa' && !/throw|assert/.test(e.form);
    const statusOnly = isStatusOnly(e.node);
    for (const raw of collected.writes) {
      const relation = relate(raw.node, e.node, koa || statusOnly || raw.later === true);
      if (relation === 'none') continue;
      if (raw.name === undefined) {
        complete = false;
        continue;
      }
      writes.push({ name: raw.name, value: raw.value, node: raw.node, definite: relation === 'definite' });
    }
    for (const raw of this.middlewareWrites()) {
      if (e.fn && contains(e.fn, raw.node)) continue;
      if (raw.name === undefined) complete = false;
      else writes.push({ name: raw.name, value: raw.value, node: raw.node, definite: false });
    }
    if (e.fn && (hasRouteMiddleware(e.fn) || this.isLimiterCallback(e.fn) || (e.code === 429 && this.isLimiterErrorHandler(e.fn)))) complete = false;
    return {
      complete,
      writes,
      get: (name) => writes.filter((w) => w.name === name.toLowerCase()),
    };
  }

  private collect(e: EmissionLike): Collected | undefined {
    const node = e.node;
    const out: Collected = { writes: [], incomplete: false };
    if (e.framework === 'lambda' && node.type === AST_NODE_TYPES.ObjectExpression) {
      this.fromObjectProps(node, ['headers', 'multivalueheaders'], out);
      this.fromResultVariable(node, out);
      return out;
    }
    if (e.framework === 'nestjs') return this.nest(e, out);
    if (e.framework === 'error-object' || e.framework === 'helper') return undefined;
    if (node.type === AST_NODE_TYPES.NewExpression && /Response/.test(e.form)) {
      this.fromInit(node.arguments[1], out);
      this.fromResultVariable(node, out);
      return out;
    }
    if (node.type === AST_NODE_TYPES.CallExpression && /^(Response\.json|NextResponse\.json|json|data|text)\(\)$/.test(e.form) && e.framework !== 'hono') {
      this.fromInit(node.arguments[1], out);
      this.fromResultVariable(node, out);
      return out;
    }
    // Receivers: res / reply / ctx / c / set / event / h chains.
    const receiver = this.receiverOf(e);
    if (receiver === 'chain') {
      this.chainWrites(node, out);
      return out;
    }
    if (receiver) {
      out.writes.push(...(this.receiverIndex().get(receiver) ?? []));
      if (this.escapes(receiver)) out.incomplete = true;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        // Hono `c.json(b, 503, { 'Retry-After': '30' })` / `c.json(b, { status: 503, headers })`.
        if (e.framework === 'hono' && /^c\./.test(e.form)) {
          const second = node.arguments[1];
          if (second && unwrap(second).type === AST_NODE_TYPES.ObjectExpression) this.fromInit(second, out);
          else if (node.arguments[2]) this.fromHeaders(node.arguments[2], out);
        }
        // Koa `ctx.throw(503, msg, { headers })`.
        if (e.form === 'ctx.throw()') this.fromErrorProps(node, out);
      }
      return out;
    }
    if (!ERROR_FRAMEWORKS.has(e.framework)) return undefined;
    // Error objects: writes anywhere in the same function, plus the error's own headers.
    out.writes.push(...(this.functionIndex().get(e.fn) ?? []));
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      this.fromErrorProps(node, out);
      if (e.framework === 'hono' && node.arguments[1]) {
        const opts = unwrap(node.arguments[1]);
        if (opts.type !== AST_NODE_TYPES.ObjectExpression || opts.properties.some((p) => p.type !== AST_NODE_TYPES.Property || keyName(p) === 'res')) out.incomplete = true;
      }
    }
    this.fromErrorVariable(node, out);
    return out;
  }

  /**
   * A callback a rate-limiting library calls after setting its own headers:
   * `rateLimit({ handler: (req, res) => res.status(429).json(...) })` (express-rate-limit and
   * hono-rate-limiter set Retry-After first), `fastify.register(rateLimit, { errorResponseBuilder })`.
   */
  private isLimiterCallback(fn: FunctionNode): boolean {
    const prop = fn.parent;
    if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== fn) {
      // `const onLimit = (req, res) => ...; rateLimit({ handler: onLimit })`
      const name = bindingName(fn);
      return name !== undefined && this.limiterHandlerNames().has(name);
    }
    const call = prop.parent?.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return false;
    if (call.type === AST_NODE_TYPES.CallExpression && this.isLimiterRegistration(call) && call.arguments[1] === prop.parent) return true;
    const ref = this.env.resolve(call.callee);
    const name = calleeText(call);
    return LIMITER.test(ref?.source ?? '') || LIMITER.test(name);
  }

  /** Names passed as option values to a rate limiter (`rateLimit({ handler: onLimit })`), once per file. */
  private limiterHandlerNames(): Set<string> {
    if (this.limiterHandlers) return this.limiterHandlers;
    const names = new Set<string>();
    for (const c of this.env.calls) {
      const options = c.arguments[0] && unwrap(c.arguments[0]);
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const passed = options.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && unwrap(p.value).type === AST_NODE_TYPES.Identifier ? [(unwrap(p.value) as TSESTree.Identifier).name] : []));
      if (passed.length === 0 || !(LIMITER.test(this.env.resolve(c.callee)?.source ?? '') || LIMITER.test(calleeText(c)))) continue;
      for (const name of passed) names.add(name);
    }
    this.limiterHandlers = names;
    return names;
  }

  /**
   * A Fastify error handler of a file that registers a rate-limit plugin: `@fastify/rate-limit` sets
   * Retry-After on the reply and then throws its 429 error, and Fastify keeps the reply's headers
   * (all but content-type/length) when the error handler answers it.
   */
  private isLimiterErrorHandler(fn: FunctionNode): boolean {
    const isSetErrorHandler = (call: TSESTree.CallExpression) => {
      const callee = unwrap(call.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'setErrorHandler';
    };
    const call = fn.parent;
    let registered = call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(fn as never) && isSetErrorHandler(call);
    // `fastify.setErrorHandler(errorHandler)` with `function errorHandler(error, request, reply) {}` elsewhere.
    const name = bindingName(fn);
    if (!registered && name !== undefined) {
      registered = this.env.calls.some((c) => isSetErrorHandler(c) && c.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === name));
    }
    if (!registered) return false;
    this.limiterPlugin ??= this.env.calls.some((c) => this.isLimiterRegistration(c));
    return this.limiterPlugin;
  }

  /** `fastify.register(rateLimit, opts)`, `register(require('@fastify/rate-limit'))`, `register(import('@fastify/rate-limit'))`. */
  private isLimiterRegistration(call: TSESTree.CallExpression): boolean {
    const plugin = call.arguments[0];
    if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement || calleeText(call) !== 'register') return false;
    return LIMITER.test(this.env.resolve(plugin)?.source ?? '');
  }

  /** The variable whose header writes belong to this emission's response, `'chain'` for Hapi chains. */
  private receiverOf(e: EmissionLike): Variable | 'chain' | undefined {
    const node = e.node;
    if (e.framework === 'hapi' && e.form === 'h.response().code()') return 'chain';
    let target: Node | undefined;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        if (e.framework === 'fastify' && /^httpErrors\./.test(e.form)) return undefined;
        target = chainRoot(callee.object);
      } else if (e.form === 'setResponseStatus()') {
        target = node.arguments[0];
      } else if (e.framework === 'elysia') {
        return this.elysiaSet(e.fn);
      }
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      target = chainRoot(node.left.object);
    }
    if (!target) return undefined;
    const t = unwrap(target);
    if (t.type !== AST_NODE_TYPES.Identifier) return undefined;
    // Only parameters playing a response role (not `Boom`, `createError`, `fastify.httpErrors`).
    if (this.env.roleOf(t) === 'none' && e.form !== 'setResponseStatus()') return undefined;
    return this.env.resolver.variableOf(t) ?? undefined;
  }

  private elysiaSet(fn: FunctionNode | undefined): Variable | undefined {
    const param = fn?.params[0];
    if (param?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    for (const p of param.properties) {
      if (p.type === AST_NODE_TYPES.Property && keyName(p) === 'set' && p.value.type === AST_NODE_TYPES.Identifier) {
        return this.env.resolver.variableOf(p.value) ?? undefined;
      }
    }
    return undefined;
  }

  // ---- file-wide write index ------------------------------------------------

  private receiverIndex(): Map<Variable, RawWrite[]> {
    if (!this.byReceiver) this.buildIndex();
    return this.byReceiver!;
  }

  private functionIndex(): Map<FunctionNode | undefined, RawWrite[]> {
    if (!this.byFunction) this.buildIndex();
    return this.byFunction!;
  }

  private middlewareWrites(): RawWrite[] {
    if (!this.middleware) this.buildIndex();
    return this.middleware!;
  }

  private buildIndex(): void {
    const byReceiver = new Map<Variable, RawWrite[]>();
    const byFunction = new Map<FunctionNode | undefined, RawWrite[]>();
    const middleware: RawWrite[] = [];
    const add = (receiver: Variable | undefined, writes: RawWrite[]) => {
      if (writes.length === 0) return;
      const fn = enclosingFunction(writes[0]!.node);
      if (receiver) push(byReceiver, receiver, writes);
      push(byFunction, fn, writes);
      if (fn && isMiddleware(fn)) middleware.push(...writes.filter((w) => passesOn(fn, w.node, this.env.resolver)));
    };
    for (const call of this.env.calls) {
      const found = this.writesOfCall(call);
      if (found) add(found.receiver, found.writes);
    }
    // Elysia `set.headers[...] = v` / `set.headers = {...}`: found from the `set` variables.
    this.byReceiver = byReceiver;
    this.byFunction = byFunction;
    this.middleware = middleware;
    this.addElysiaWrites(add);
  }

  private addElysiaWrites(add: (receiver: Variable | undefined, writes: RawWrite[]) => void): void {
    // Only when some function destructures `set`; cheap enough to check each function's first param.
    for (const call of this.env.calls) {
      for (const arg of call.arguments) {
        if (!isFunction(arg)) continue;
        const set = this.elysiaSet(arg);
        if (!set) continue;
        for (const ref of set.references) {
          const member = ref.identifier.parent;
          if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier || propertyName(member) !== 'headers') continue;
          const parent = member.parent;
          const writes: RawWrite[] = [];
          if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) {
            this.headerObject(parent.right, writes);
          } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === member) {
            const assign = parent.parent;
            if (assign?.type === AST_NODE_TYPES.AssignmentExpression && assign.left === parent) {
              const name = propertyName(parent);
              writes.push({ name: name?.toLowerCase(), value: assign.right, node: assign });
            }
          } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === member && parent.arguments[1]) {
            // Object.assign(set.headers, {...})
            this.headerObject(parent.arguments[1], writes);
          }
          add(set, writes);
        }
      }
    }
  }

  /** Header writes made by one call, with the receiver variable when there is one. */
  private writesOfCall(call: TSESTree.CallExpression): { receiver: Variable | undefined; writes: RawWrite[] } | undefined {
    const callee = unwrap(call.callee);
    const writes: RawWrite[] = [];
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (!H3_SINGLE.has(callee.name) && !H3_MANY.has(callee.name) && callee.name !== 'setHeaders') return undefined;
      if (callee.name === 'setHeaders' && call.arguments.length === 1) {
        // SvelteKit `setHeaders({...})` destructured from the request event.
        this.headerObject(call.arguments[0]!, writes);
        return { receiver: undefined, writes: writes.map((w) => ({ ...w, node: call })) };
      }
      const ref = this.env.resolve(callee);
      if (!ref || !H3_SOURCES.has(ref.source)) return undefined;
      const event = call.arguments[0];
      const receiver = event && unwrap(event).type === AST_NODE_TYPES.Identifier ? this.env.resolver.variableOf(unwrap(event) as TSESTree.Identifier) ?? undefined : undefined;
      if (H3_SINGLE.has(callee.name)) this.pair(call.arguments[1], call.arguments[2], call, writes);
      else if (call.arguments[1]) this.headerObject(call.arguments[1], writes);
      return { receiver, writes: writes.map((w) => ({ ...w, node: call })) };
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee);
    if (method === undefined) return undefined;
    const object = unwrap(callee.object);
    // `response.headers.set(name, v)`, `headers.set(...)` on a `new Headers()` variable.
    if ((method === 'set' || method === 'append') && this.isHeadersObject(object)) {
      this.pair(call.arguments[0], call.arguments[1], call, writes);
      const root = chainRoot(object);
      const receiver = root.type === AST_NODE_TYPES.Identifier ? this.env.resolver.variableOf(root) ?? undefined : undefined;
      return { receiver, writes };
    }
    if (method === 'setHeaders' && call.arguments.length === 1) {
      // SvelteKit `event.setHeaders({...})`
      this.headerObject(call.arguments[0]!, writes);
      return { receiver: undefined, writes: writes.map((w) => ({ ...w, node: call })) };
    }
    if (!RESPONSE_METHODS.has(method)) return undefined;
    // The receiver itself, a chain of calls on it (`res.status(503).set(...)`), or `ctx.response` / `ctx.res`;
    // not a property of it (`c.req.header(name)` reads a request header).
    let root: Node = object;
    while (root.type === AST_NODE_TYPES.CallExpression) {
      const inner = unwrap(root.callee);
      if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      root = unwrap(inner.object);
    }
    let viaRes = false;
    if (root.type === AST_NODE_TYPES.MemberExpression && /^(response|res)$/.test(propertyName(root) ?? '')) {
      root = unwrap(root.object);
      viaRes = true;
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    // `header(name)` with one plain argument is a getter.
    if (call.arguments.length === 1 && stringValue(call.arguments[0]!) !== undefined) return undefined;
    const role = this.env.roleOf(root);
    const ok =
      role === 'response' ||
      (role === 'none' && method !== 'writeHead' && isMiddlewareParam(root, this.env.resolver)) ||
      (viaRes && role === 'none' && (method === 'setHeader' || method === 'header')) ||
      (role === 'koa-context' && KOA_METHODS.has(method)) ||
      (role === 'hono-context' && method === 'header') ||
      (role === 'hapi-toolkit' && method === 'header');
    if (!ok) return undefined;
    const receiver = this.env.resolver.variableOf(root) ?? undefined;
    if (method === 'writeHead') {
      const last = call.arguments[call.arguments.length - 1];
      if (call.arguments.length >= 2 && last) this.headerObject(last, writes);
      return { receiver, writes: writes.map((w) => ({ ...w, node: call })) };
    }
    const first = call.arguments[0];
    if (!first) return undefined;
    if (call.arguments.length >= 2) this.pair(first, call.arguments[1], call, writes);
    else this.headerObject(first, writes);
    return { receiver, writes: writes.map((w) => ({ ...w, node: call })) };
  }

  private isHeadersObject(object: Node): boolean {
    if (object.type === AST_NODE_TYPES.MemberExpression && /^(headers|resHeaders)$/.test(propertyName(object) ?? '')) return true;
    if (object.type !== AST_NODE_TYPES.Identifier) return false;
    const init = constInit(object, this.env.resolver);
    return !!init && init.type === AST_NODE_TYPES.NewExpression && unwrap(init.callee).type === AST_NODE_TYPES.Identifier && (unwrap(init.callee) as TSESTree.Identifier).name === 'Headers';
  }

  private pair(name: Node | undefined, value: Node | undefined, node: Node, writes: RawWrite[]): void {
    if (!name) return;
    const n = staticString(name, this.env.resolver);
    if (n === undefined && unwrap(name).type === AST_NODE_TYPES.ObjectExpression) {
      this.headerObject(name, writes);
      return;
    }
    writes.push({ name: n?.toLowerCase(), value, node });
  }

  /** Writes of a headers object: `{ 'Retry-After': '30' }`, `new Headers({...})`, a const holding one, `[[name, value]]`. */
  private headerObject(expr: Node, writes: RawWrite[], depth = 0): void {
    const n = unwrap(expr);
    if (depth > 4) {
      writes.push({ name: undefined, value: undefined, node: expr });
      return;
    }
    switch (n.type) {
      case AST_NODE_TYPES.ObjectExpression:
        for (const p of n.properties) {
          if (p.type === AST_NODE_TYPES.SpreadElement) {
            this.headerObject(p.argument, writes, depth + 1);
            continue;
          }
          const name = p.computed ? staticString(p.key, this.env.resolver) : keyName(p);
          writes.push({ name: name?.toLowerCase(), value: p.value, node: p });
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const el of n.elements) {
          const pairNode = el && unwrap(el);
          if (pairNode?.type === AST_NODE_TYPES.ArrayExpression && pairNode.elements[0]) {
            const name = staticString(pairNode.elements[0], this.env.resolver);
            writes.push({ name: name?.toLowerCase(), value: pairNode.elements[1] ?? undefined, node: pairNode });
          } else writes.push({ name: undefined, value: undefined, node: n });
        }
        return;
      case AST_NODE_TYPES.NewExpression: {
        const callee = unwrap(n.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Headers') {
          if (n.arguments[0]) this.headerObject(n.arguments[0], writes, depth + 1);
          return;
        }
        writes.push({ name: undefined, value: undefined, node: n });
        return;
      }
      case AST_NODE_TYPES.Identifier: {
        if (n.name === 'undefined') return;
        const variable = this.env.resolver.variableOf(n);
        const init = constInit(n, this.env.resolver);
        if (!variable || !init) {
          writes.push({ name: undefined, value: undefined, node: n });
          return;
        }
        this.headerObject(init, writes, depth + 1);
        // `headers.set(...)` on a Headers variable is found by the call index; writes through
        // `headers['Retry-After'] = v` and hand-offs to other functions are handled here.
        for (const ref of variable.references) {
          const parent = ref.identifier.parent;
          if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier) {
            const grand = parent.parent;
            if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
              writes.push({ name: propertyName(parent)?.toLowerCase(), value: grand.right, node: grand });
            } else if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent && /^(set|append)$/.test(propertyName(parent) ?? '')) {
              this.pair(grand.arguments[0], grand.arguments[1], grand, writes);
            }
          } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref.identifier as never)) {
            // Handed to a function that may add to it (constructors and response builders only copy it).
            if (!/^(json|text|data|html|body|newResponse|stringify|freeze|entries|keys)$/.test(calleeText(parent))) {
              writes.push({ name: undefined, value: undefined, node: parent });
            }
          }
        }
        return;
      }
      default:
        writes.push({ name: undefined, value: undefined, node: n });
    }
  }

  /** `headers` in a Response init: `{ status, headers }`. */
  private fromInit(init: Node | undefined, out: Collected): void {
    if (!init) return;
    const n = unwrap(init);
    if (n.type === AST_NODE_TYPES.Literal || n.type === AST_NODE_TYPES.MemberExpression) return; // a bare status
    if (n.type === AST_NODE_TYPES.Identifier) {
      const value = constInit(n, this.env.resolver);
      if (value && unwrap(value).type === AST_NODE_TYPES.ObjectExpression) return this.fromInit(value, out);
      if (value && unwrap(value).type === AST_NODE_TYPES.Literal) return;
      out.incomplete = true;
      return;
    }
    if (n.type !== AST_NODE_TYPES.ObjectExpression) {
      out.incomplete = true;
      return;
    }
    this.fromObjectProps(n, ['headers'], out);
  }

  private fromObjectProps(obj: TSESTree.ObjectExpression, keys: readonly string[], out: Collected, depth = 0): void {
    for (const p of obj.properties) {
      if (p.type === AST_NODE_TYPES.SpreadElement) {
        const arg = unwrap(p.argument);
        const init = arg.type === AST_NODE_TYPES.Identifier ? constInit(arg, this.env.resolver) : undefined;
        const target = init && unwrap(init);
        if (target?.type === AST_NODE_TYPES.ObjectExpression && depth < 4) this.fromObjectProps(target, keys, out, depth + 1);
        else out.incomplete = true;
        continue;
      }
      const key = keyName(p)?.toLowerCase();
      if (key === undefined && p.computed) out.incomplete = true;
      if (key === undefined || !keys.includes(key)) continue;
      this.fromHeaders(p.value, out);
    }
  }

  private fromHeaders(value: Node, out: Collected): void {
    const writes: RawWrite[] = [];
    this.headerObject(value, writes);
    for (const w of writes) {
      if (w.name === undefined) out.incomplete = true;
      else out.writes.push(w);
    }
  }

  /** `const response = NextResponse.json(...); response.headers.set('Retry-After', '60'); return response;` */
  private fromResultVariable(node: Node, out: Collected): void {
    let child: Node = node;
    let parent = node.parent;
    while (parent && (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
      child = parent;
      parent = parent.parent;
    }
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.env.resolver.variableOf(parent.id);
    if (!variable) return;
    out.writes.push(...(this.receiverIndex().get(variable) ?? []).map((w) => ({ ...w, later: true })));
    for (const ref of variable.references) {
      const p = ref.identifier.parent;
      if ((p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) && p.arguments.includes(ref.identifier as never)) out.incomplete = true;
    }
  }

  /** http-errors / Koa props: `createError(503, 'x', { headers: {...} })`, `ctx.throw(503, { headers })`. */
  private fromErrorProps(node: TSESTree.CallExpression | TSESTree.NewExpression, out: Collected): void {
    for (const arg of node.arguments) {
      const a = unwrap(arg);
      if (a.type === AST_NODE_TYPES.ObjectExpression) this.fromObjectProps(a, ['headers'], out);
    }
  }

  /** `const err = createError(503); err.headers = {...}`, `err.output.headers['Retry-After'] = '30'` (Boom). */
  private fromErrorVariable(node: Node, out: Collected): void {
    const start = out.writes.length;
    this.errorVariableWrites(node, out);
    // Written on the error after it was created: they still travel with it.
    for (let i = start; i < out.writes.length; i++) out.writes[i] = { ...out.writes[i]!, later: true };
  }

  private errorVariableWrites(node: Node, out: Collected): void {
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.env.resolver.variableOf(parent.id);
    if (!variable) return;
    for (const ref of variable.references) {
      let current: Node = ref.identifier;
      const path: (string | undefined)[] = [];
      while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
        path.push(propertyName(current.parent));
        current = current.parent;
      }
      const holder = current.parent;
      const headersAt = path.indexOf('headers');
      if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left === current && headersAt >= 0) {
        if (headersAt === path.length - 1) this.fromHeaders(holder.right, out);
        else out.writes.push({ name: path[headersAt + 1]?.toLowerCase(), value: holder.right, node: holder });
      } else if (path.length === 0 && (holder?.type === AST_NODE_TYPES.CallExpression || holder?.type === AST_NODE_TYPES.NewExpression)) {
        const name = calleeText(holder);
        if (!HARMLESS_CALLEES.test(name) && !/throw$/.test(name)) out.incomplete = true;
      }
    }
  }

  /** NestJS: `@Header()` decorators of the controller method; a `@Res()` parameter makes it incomplete. */
  private nest(e: EmissionLike, out: Collected): Collected | undefined {
    let method: Node | undefined = e.node;
    while (method && method.type !== AST_NODE_TYPES.MethodDefinition) method = method.parent;
    if (!method || method.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
    const cls = method.parent?.parent;
    if (cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    if (!(cls.decorators ?? []).some((d) => this.nestDecorator(d) === 'Controller')) return undefined;
    for (const d of method.decorators ?? []) {
      const call = unwrap(d.expression);
      if (call.type !== AST_NODE_TYPES.CallExpression || this.nestDecorator(d) !== 'Header') continue;
      const name = call.arguments[0] && staticString(call.arguments[0], this.env.resolver);
      out.writes.push({ name: name?.toLowerCase(), value: call.arguments[1], node: d });
    }
    for (const param of method.value.params) {
      const decorators = param.type === AST_NODE_TYPES.TSParameterProperty ? param.decorators ?? [] : (param as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
      if (decorators.some((d) => /^(Res|Response|Next)$/.test(this.nestDecorator(d) ?? ''))) out.incomplete = true;
    }
    return out;
  }

  private nestDecorator(d: TSESTree.Decorator): string | undefined {
    const expr = unwrap(d.expression);
    const callee = expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr;
    const ref = this.env.resolve(callee);
    if (!ref || ref.source !== '@nestjs/common') return undefined;
    return ref.path[ref.path.length - 1];
  }

  /** Header calls chained on the emission itself: `h.response(x).code(503).header('Retry-After', '30')`. */
  private chainWrites(node: Node, out: Collected): void {
    let current: Node = node;
    for (;;) {
      const parent = current.parent;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) break;
      const call = parent.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) break;
      if (propertyName(parent) === 'header') this.pair(call.arguments[0], call.arguments[1], call, out.writes);
      current = call;
    }
    if (out.writes.some((w) => w.name === undefined)) out.incomplete = true;
  }

  /** Is the response variable handed to a function that might set headers on it? */
  private escapes(variable: Variable): boolean {
    const cached = this.escapeCache.get(variable);
    if (cached !== undefined) return cached;
    let result = false;
    for (const ref of variable.references) {
      const parent = ref.identifier.parent;
      if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(ref.identifier as never)) {
        if (!HARMLESS_CALLEES.test(calleeText(parent))) result = true;
      }
    }
    this.escapeCache.set(variable, result);
    return result;
  }
}

// ---- helpers -----------------------------------------------------------------

function push<K, V>(map: Map<K, V[]>, key: K, values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}

function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee) ?? '';
  return '';
}

function constInit(id: TSESTree.Identifier, resolver: Resolver): Node | undefined {
  const variable = resolver.variableOf(id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (!declarator.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if ((declarator.parent as TSESTree.VariableDeclaration).kind !== 'const' && variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
  return unwrap(declarator.init);
}

/** A string known statically: literals, constant templates, consts. */
export function staticString(node: Node, resolver: Resolver): string | undefined {
  const direct = stringValue(node);
  if (direct !== undefined) return direct;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(n, resolver);
    return init ? staticString(init, resolver) : undefined;
  }
  return undefined;
}

/** A status-only emission (`res.status(503)` as a statement, `ctx.status = 503`): headers written after it still go out. */
export function isStatusOnly(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'setResponseStatus';
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  if (method !== 'status' && method !== 'code') return false;
  let current: Node = node;
  for (;;) {
    const parent: Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return true;
    if (SEND_METHODS.has(propertyName(parent) ?? '')) return false;
    const call: Node | undefined = parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return true;
    current = call;
  }
}

/** Are `a` and `b` calls of one member chain (`reply.code(503).header(...)`)? */
function sameChain(a: Node, b: Node): boolean {
  const inChainOf = (outer: Node, inner: Node): boolean => {
    let current: Node = outer;
    for (;;) {
      if (current === inner) return true;
      if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
      else if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
      else return false;
    }
  };
  return inChainOf(a, b) || inChainOf(b, a);
}

const SEQUENTIAL = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.Decorator,
  AST_NODE_TYPES.ReturnStatement,
]);

/** How a header write relates to an emission: on every path, on some path, or on none. */
export function relate(write: Node, emission: Node, laterCounts: boolean): 'definite' | 'maybe' | 'none' {
  if (write.type === AST_NODE_TYPES.Decorator) return 'definite';
  if (sameChain(write, emission)) return 'definite';
  if (contains(emission, write) || contains(write, emission)) return 'definite';
  const ancestors = new Set<Node>();
  for (let n: Node | undefined = write; n; n = n.parent) ancestors.add(n);
  let childE: Node = emission;
  let lca: Node | undefined = emission.parent;
  while (lca && !ancestors.has(lca)) {
    childE = lca;
    lca = lca.parent;
  }
  if (!lca) return 'maybe';
  let childW: Node = write;
  while (childW.parent !== lca) childW = childW.parent!;
  switch (lca.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      if (childW !== lca.test && childE !== lca.test) return 'none';
      break;
    case AST_NODE_TYPES.SwitchStatement:
      if (childW !== lca.discriminant && childE !== lca.discriminant) return 'none';
      break;
    case AST_NODE_TYPES.TryStatement:
      if (childW === lca.handler && childE === lca.block) return 'none';
      break;
    default:
      break;
  }
  if (write.range[0] > emission.range[0]) return laterCounts && !leavesBefore(emission, childE, lca, write) ? 'maybe' : 'none';
  // A write on a path that has already left (`if (x) { res.set(...); return res.status(503).end(); }`) cannot reach.
  for (let n: Node = write; n !== childW && n.parent; n = n.parent) {
    if (n.type === AST_NODE_TYPES.ReturnStatement || n.type === AST_NODE_TYPES.ThrowStatement) return 'none';
    const p: Node = n.parent;
    if (p.type === AST_NODE_TYPES.BlockStatement && p !== lca) {
      const index = p.body.indexOf(n as TSESTree.Statement);
      if (p.body.slice(index).some((stmt: TSESTree.Statement) => alwaysExits(stmt))) return 'none';
    }
  }
  if (childW.type === AST_NODE_TYPES.ReturnStatement || childW.type === AST_NODE_TYPES.ThrowStatement) return 'none';
  // `try { ctx.set('Cache-Control', ...); ... } catch { ctx.status = 500 }`: nothing before the write can throw,
  // so the catch is only entered after it ran.
  if (lca.type === AST_NODE_TYPES.TryStatement && childW === lca.block && childE === lca.handler) {
    const stmt = topStatement(write, lca.block);
    if (stmt && sequentialUpTo(write, stmt)) {
      const index = lca.block.body.indexOf(stmt);
      if (lca.block.body.slice(0, index).every((s) => !mayThrow(s))) return 'definite';
    }
    return 'maybe';
  }
  if (lca.type !== AST_NODE_TYPES.BlockStatement && lca.type !== AST_NODE_TYPES.Program) return 'maybe';
  for (let n: Node = write; n !== childW; n = n.parent!) {
    if (!SEQUENTIAL.has(n.parent!.type)) return 'maybe';
  }
  return SEQUENTIAL.has(childW.type) || childW.type === AST_NODE_TYPES.ExpressionStatement ? 'definite' : 'maybe';
}

function topStatement(node: Node, block: TSESTree.BlockStatement): TSESTree.Statement | undefined {
  let n: Node = node;
  while (n.parent && n.parent !== block) n = n.parent;
  return n.parent === block ? (n as TSESTree.Statement) : undefined;
}

function sequentialUpTo(node: Node, stmt: Node): boolean {
  for (let n: Node = node; n !== stmt; n = n.parent!) if (!SEQUENTIAL.has(n.parent!.type)) return false;
  return true;
}

/** Could this statement throw (it calls, awaits, constructs or throws anything)? */
function mayThrow(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.ThrowStatement) {
    return true;
  }
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof (item as Node).type === 'string' && mayThrow(item as Node)) return true;
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string' && mayThrow(value as Node)) return true;
  }
  return false;
}

/** Does the path from `from` leave (return/throw) before control can reach `to`, a later node under the same `lca`? */
function leavesBefore(from: Node, childFrom: Node, lca: Node, to: Node): boolean {
  for (let n: Node = from; n !== lca && n.parent; n = n.parent) {
    if (n.type === AST_NODE_TYPES.ReturnStatement || n.type === AST_NODE_TYPES.ThrowStatement) return true;
    const p = n.parent;
    if (p.type === AST_NODE_TYPES.BlockStatement || p.type === AST_NODE_TYPES.Program) {
      const body = p.body as readonly Node[];
      const index = body.indexOf(n);
      for (let i = index; i < body.length; i++) {
        const stmt = body[i]!;
        if (p === lca && stmt.range[0] >= to.range[0]) break;
        if (alwaysExits(stmt as TSESTree.Statement)) return true;
      }
    }
    if (n === childFrom) break;
  }
  return false;
}

/**
 * Does a middleware write reach every later handler: registered with a hook
 * (`addHook('onSend', ...)`), or followed by the call to `next` on the same
 * path (`res.set(...); next()`, Koa/Hono `await next(); c.header(...)`)?
 * A middleware that sets the header only before answering itself does not.
 */
function passesOn(fn: FunctionNode, write: Node, resolver: Resolver): boolean {
  const last = fn.params[fn.params.length - 1];
  if (fn.params.length < 2 || last?.type !== AST_NODE_TYPES.Identifier || !/^next$/i.test(last.name)) return true;
  const next = resolver.variableOf(last);
  if (!next) return false;
  return next.references.some((ref) => {
    const call = ref.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier) return false;
    return call.range[0] > write.range[0] ? relate(write, call, false) !== 'none' : relate(write, call, true) !== 'none';
  });
}

/** `res` in `app.use((req, res, next) => { res.set(...); next(); })`, `ctx`/`c` in `(ctx, next) => ...`: a header-only middleware's response. */
function isMiddlewareParam(id: TSESTree.Identifier, resolver: Resolver): boolean {
  const def = resolver.variableOf(id)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const fn = def.node as FunctionNode;
  if (!isFunction(fn) || !isMiddleware(fn)) return false;
  const index = fn.params.indexOf(def.name as never);
  return index === fn.params.length - 2 && index <= 1;
}

/** A function registered as middleware (`app.use(fn)`, `addHook('onSend', fn)`) or one that calls its `next` parameter. */
function isMiddleware(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as never)) {
    const callee = unwrap(parent.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && MIDDLEWARE_REGISTRARS.has(propertyName(callee) ?? '')) return true;
  }
  const last = fn.params[fn.params.length - 1];
  if (fn.params.length >= 2 && last?.type === AST_NODE_TYPES.Identifier && /^next$/i.test(last.name)) return true;
  return false;
}

/** `app.get('/x', rateLimit, handler)`: route middleware before the handler may set headers. */
function hasRouteMiddleware(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const index = parent.arguments.indexOf(fn as never);
  if (index <= 0) return false;
  return parent.arguments.slice(0, index).some((a) => {
    const n = unwrap(a);
    return n.type !== AST_NODE_TYPES.Literal && n.type !== AST_NODE_TYPES.TemplateLiteral && n.type !== AST_NODE_TYPES.ObjectExpression;
  });
}

/** The static value of a header, as a string (`'public, max-age=60'`, a const, a constant template). */
export function headerValueText(node: Node | undefined, resolver: Resolver, scope?: TSESLint.Scope.Scope): string | undefined {
  if (!node) return undefined;
  const s = staticString(node, resolver);
  if (s !== undefined) return s;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number') return String(n.value);
  if (scope) {
    try {
      const value = getStaticValue(n as never, scope as never)?.value;
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Cache-Control directives that keep a response out of caches (or force revalidation before reuse). */
const NOT_STORED = /(^|,)\s*(no-store|no-cache)\s*(,|$|=)/i;
const CACHEABLE = /(^|,)\s*(public|immutable)\s*(,|$)|(^|,)\s*(s-maxage|max-age)\s*=\s*"?([1-9]\d*)/i;

/**
 * The write of `name` that decides the response's value: the last one in source order when
 * it runs on every path (null: a conditional write may win, so unknown; undefined: none).
 */
export function effectiveWrite(headers: ResponseHeaders, name: string): HeaderWrite | null | undefined {
  const own = headers.get(name).sort((a, b) => a.node.range[0] - b.node.range[0]);
  const last = own[own.length - 1];
  if (!last) return undefined;
  return last.definite ? last : null;
}

/**
 * Does this response's caching headers make it storable by caches: Cache-Control with
 * `public`, `immutable`, `max-age`/`s-maxage` above `allowMaxAge` and no `no-store`/`no-cache`,
 * or a future `Expires`? Returns the header as text for messages, or undefined (not
 * cacheable, or unknown).
 */
export function cacheableBy(
  headers: ResponseHeaders,
  resolver: Resolver,
  sourceCode: Readonly<TSESLint.SourceCode>,
  allowMaxAge: number,
): string | undefined {
  const cacheControl = effectiveWrite(headers, 'cache-control');
  const expires = effectiveWrite(headers, 'expires');
  if (cacheControl === null || expires === null) return undefined;
  if (cacheControl) {
    const text = headerValueText(cacheControl.value, resolver, sourceCode.getScope(cacheControl.node as TSESTree.Node));
    if (text === undefined || NOT_STORED.test(text)) return undefined;
    const freshness = /(?:^|,)\s*s-maxage\s*=\s*"?(\d+)/i.exec(text) ?? /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(text);
    if (freshness && Number(freshness[1]) <= allowMaxAge) return undefined;
    return CACHEABLE.test(text) ? `Cache-Control: ${text}` : undefined;
  }
  if (expires?.value && isFutureDate(expires.value, resolver, sourceCode)) return `Expires: ${sourceCode.getText(expires.value as TSESTree.Node)}`;
  return undefined;
}

/** `new Date(Date.now() + ms).toUTCString()` or a literal date in the future. */
function isFutureDate(node: Node, resolver: Resolver, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const text = headerValueText(node, resolver);
  if (text !== undefined) {
    const time = Date.parse(text);
    return !Number.isNaN(time) && time > Date.now();
  }
  return /Date\.now\(\)\s*\+\s*[\w(]/.test(sourceCode.getText(node as TSESTree.Node));
}
