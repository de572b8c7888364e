/**
 * What a response body carries of a caught error.
 *
 * `bodiesOf(emission)` finds the body expressions of a status emission: the
 * send call chained on it (`res.status(500).json(b)`), the next send on the
 * same response after a status-only statement (`res.status(500); res.send(b)`,
 * Koa `ctx.body = b`, `c.status(500); return c.json(b)`), the body argument of
 * a Response / `NextResponse.json` / Remix / SvelteKit `json(b, init)`,
 * SvelteKit `error(500, b)`, Hono `c.json(b, 500)`, a Lambda `body`, NestJS
 * exception bodies, h3 `createError({ message, statusMessage, data })`,
 * tRPC `message`, Fastify error helpers' message, Elysia `error(500, b)`.
 * http-errors, Koa `ctx.throw` and Boom hide 5xx messages themselves, so they
 * have no body here.
 *
 * `leaksIn(body, at)` finds the caught error's `stack`, its `message` (also
 * `String(err)`, `` `${err}` ``, `'x' + err`, `err.toString()`: an Error turns
 * into `Name: message`), or the raw error (`json(err)`, `{ error: err }`,
 * `{ ...err }`, `util.inspect(err)`), following local
 * consts (`const body = { ... }`, `body.stack = err.stack`), and drops those
 * guarded by a development-only check (`NODE_ENV`, `app.get('env')`, `isDev`,
 * `err.expose`) around the leak or the emission.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { alwaysExits, keyName, objectProperty, propertyName, unwrap, type FunctionNode, type Node, ownReturns } from './ast';
import { isStatusOnly, relate } from './headers';
import type { Resolver } from './imports';

type Variable = TSESLint.Scope.Variable;

export type LeakKind = 'stack' | 'message' | 'error';

export interface Leak {
  /** The leaked expression. */
  node: Node;
  kind: LeakKind;
}

export interface BodyEmission {
  node: Node;
  framework: string;
  form: string;
  fn: FunctionNode | undefined;
}

const SEND_METHODS = new Set(['json', 'send', 'end', 'jsonp', 'write', 'text', 'html', 'body']);
const RAW_WRAPPERS = /^(String|inspect|format|serializeError|stringify|toString|toJSON)$/;
/** A condition about the environment: only development builds take the guarded branch (or we cannot tell). */
const DEV_GUARD = /\b(NODE_ENV|process\.env|import\.meta\.(env|dev)|isDev\w*|isProd\w*|dev|DEV|development|production|prod|debug\w*|DEBUG\w*|__DEV__|expose\w*|showStack\w*|exposeErrors?|verbose|env|environment|ENV)\b/;
const MAX_HOPS = 3;

export class ErrorValues {
  private readonly caughtCache = new Map<Variable, LeakKind | null>();

  constructor(
    private readonly resolver: Resolver,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    /** Error parameters of the file's error handlers. */
    private readonly handlerErrors: () => ReadonlySet<Variable>,
  ) {}

  /** The body expressions of a status emission (empty when the framework hides 5xx bodies or none is found). */
  bodiesOf(e: BodyEmission): Node[] {
    const node = e.node;
    if (e.framework === 'http-errors' || e.form === 'ctx.throw()' || e.form === 'ctx.assert()' || /^Boom\./.test(e.form)) return [];
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const body = objectProperty(node, 'body');
      return body ? [body.value] : [];
    }
    if (node.type === AST_NODE_TYPES.NewExpression) {
      if (e.framework === 'trpc' || e.form === 'HTTPException') return propValues(node.arguments[e.form === 'HTTPException' ? 1 : 0], ['message']);
      return node.arguments[0] ? [node.arguments[0]] : [];
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      if (e.form === 'createError()') return propValues(node.arguments[0], ['message', 'statusMessage', 'data']);
      if (e.framework === 'sveltekit' && e.form === 'error()') return node.arguments[1] ? [node.arguments[1]] : [];
      if (e.framework === 'elysia' && callee.type === AST_NODE_TYPES.Identifier) return node.arguments[1] ? [node.arguments[1]] : [];
      if (/^(Response\.json|NextResponse\.json|json|data|text)\(\)$/.test(e.form) && callee.type !== AST_NODE_TYPES.MemberExpression) {
        return node.arguments[0] ? [node.arguments[0]] : [];
      }
      if (/^(Response\.json|NextResponse\.json)\(\)$/.test(e.form)) return node.arguments[0] ? [node.arguments[0]] : [];
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = propertyName(callee);
        // Hono `c.json(b, 500)`
        if (method && /^(json|text|html|body|newResponse)$/.test(method) && node.arguments.length >= 2) return [node.arguments[0]!];
        // Hapi `h.response(b).code(500)`
        const inner = unwrap(callee.object);
        if (e.form === 'h.response().code()' && inner.type === AST_NODE_TYPES.CallExpression) return inner.arguments[0] ? [inner.arguments[0]] : [];
        // Fastify error helpers: `reply.internalServerError(msg)`, `fastify.httpErrors.badGateway(msg)`
        if (e.framework === 'fastify' && method !== 'status' && method !== 'code' && method !== 'sendStatus' && method !== 'writeHead') {
          return node.arguments[0] && unwrap(node.arguments[0]).type !== AST_NODE_TYPES.Literal ? [node.arguments[0]] : [];
        }
        const chained = chainedBodies(node);
        if (chained.length > 0) return chained;
      }
    }
    if (isStatusOnly(node) || (node.type === AST_NODE_TYPES.CallExpression && /writeHead/.test(e.form))) return this.laterBodies(e);
    return [];
  }

  /** After a status-only statement: the next send on the same receiver, `ctx.body =`, or the next `return`. */
  private laterBodies(e: BodyEmission): Node[] {
    const fn = e.fn;
    if (!fn) return [];
    const node = e.node;
    let receiver: Node | undefined;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      receiver = callee.type === AST_NODE_TYPES.MemberExpression ? rootOf(callee.object) : node.arguments[0];
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      receiver = rootOf(node.left.object);
    }
    const recv = receiver && unwrap(receiver).type === AST_NODE_TYPES.Identifier ? this.resolver.variableOf(unwrap(receiver) as TSESTree.Identifier) : null;
    const out: Node[] = [];
    if (recv && e.framework !== 'elysia' && e.framework !== 'h3') {
      const koa = e.framework === 'koa';
      let first: { at: number; bodies: Node[] } | undefined;
      for (const ref of recv.references) {
        let member: Node | undefined = ref.identifier.parent;
        if (member?.type === AST_NODE_TYPES.MemberExpression && /^(response)$/.test(propertyName(member) ?? '') && member.parent?.type === AST_NODE_TYPES.MemberExpression) member = member.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression) continue;
        const name = propertyName(member);
        const parent = member.parent;
        let bodies: Node[] | undefined;
        if (koa && name === 'body' && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) {
          if (relate(parent, node, true) !== 'none') out.push(parent.right);
          continue;
        }
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === member && name && SEND_METHODS.has(name) && parent.range[0] > node.range[0]) {
          if (relate(parent, node, true) === 'none') continue;
          bodies = parent.arguments[0] ? [parent.arguments[0]] : [];
        } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === member && parent.range[0] > node.range[0]) {
          // `res.set(...).json(b)`: a send further down the chain
          const chained = chainedBodies(parent);
          if (chained.length > 0 && relate(parent, node, true) !== 'none') bodies = chained;
        }
        if (bodies && (!first || parent!.range[0] < first.at)) first = { at: parent!.range[0], bodies };
      }
      if (first) out.push(...first.bodies);
      if (out.length > 0) return out;
    }
    // Elysia `set.status = 500; return b`, h3 `setResponseStatus(event, 500); return b`, Hono `c.status(500); return c.json(b)`.
    for (const ret of returnsAfter(fn, node)) {
      if (relate(ret, node, true) === 'none') continue;
      if (ret.argument) out.push(ret.argument);
      break;
    }
    return out;
  }

  /** Leaks of a caught error in `body`, not guarded by a development-only check; `at` is the emission. */
  leaksIn(body: Node, at: Node): Leak[] {
    const out: Leak[] = [];
    this.walk(body, out, 0, new Set());
    return out.filter((l) => !isDevGuarded(l.node, this.sourceCode) && !isDevGuarded(at, this.sourceCode));
  }

  private walk(expr: Node, out: Leak[], hops: number, visited: Set<Node>): void {
    const n = unwrap(expr);
    if (visited.has(n)) return;
    visited.add(n);
    switch (n.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.walk(n.argument, out, hops, visited);
      case AST_NODE_TYPES.Identifier: {
        const caught = this.caughtKind(n);
        if (caught) {
          out.push({ node: n, kind: caught });
          return;
        }
        this.followLocal(n, out, hops, visited);
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const kind = this.memberLeak(n);
        if (kind) out.push({ node: n, kind });
        return;
      }
      case AST_NODE_TYPES.ObjectExpression:
        for (const p of n.properties) {
          if (p.type === AST_NODE_TYPES.SpreadElement) {
            const arg = unwrap(p.argument);
            if (arg.type === AST_NODE_TYPES.Identifier && this.caughtKind(arg) === 'error') out.push({ node: p, kind: 'error' });
            else this.walk(p.argument, out, hops, visited);
          } else if (p.type === AST_NODE_TYPES.Property) {
            this.walk(p.value, out, hops, visited);
          }
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const el of n.elements) if (el) this.walk(el.type === AST_NODE_TYPES.SpreadElement ? el.argument : el, out, hops, visited);
        return;
      case AST_NODE_TYPES.TemplateLiteral:
        for (const x of n.expressions) this.walkString(x, out, hops, visited);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') {
          this.walkString(n.left, out, hops, visited);
          this.walkString(n.right, out, hops, visited);
        }
        return;
      case AST_NODE_TYPES.LogicalExpression:
        // `x && y` yields `x` only when it is falsy: nothing of an error gets through that way.
        if (n.operator === '&&') this.walk(n.right, out, hops, visited);
        else this.walkAlternatives(n, [n.left, n.right], out, hops, visited);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        this.walkAlternatives(n, [n.consequent, n.alternate], out, hops, visited);
        return;
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(n.callee);
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
        if (name === undefined) return;
        // err.toString(), err.stack.split('\n'), err.message.slice(0, 100)
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const object = unwrap(callee.object);
          if (object.type === AST_NODE_TYPES.Identifier && this.caughtKind(object) === 'error' && /^(toString|toJSON)$/.test(name)) {
            // `err.toString()` is `Name: message`; `toJSON()` serialises the object.
            out.push({ node: n, kind: name === 'toString' ? 'message' : 'error' });
            return;
          }
          if (object.type === AST_NODE_TYPES.MemberExpression && /^(split|slice|substring|substr|trim|replace|replaceAll|toString|concat|join|map|filter)$/.test(name)) {
            const kind = this.memberLeak(object);
            if (kind) out.push({ node: n, kind });
            return;
          }
        }
        // String(err), util.inspect(err), JSON.stringify(err), serializeError(err), format(err)
        if (RAW_WRAPPERS.test(name) || name === 'assign') {
          for (const arg of n.arguments) {
            const a = unwrap(arg);
            if (a.type === AST_NODE_TYPES.Identifier && this.caughtKind(a) === 'error' && name !== 'assign') {
              out.push({ node: n, kind: name === 'String' || name === 'toString' ? 'message' : name === 'serializeError' || name === 'inspect' ? 'stack' : 'error' });
            } else if (a.type !== AST_NODE_TYPES.SpreadElement) {
              this.walk(a, out, hops, visited);
            }
          }
        }
        return;
      }
      default:
        return;
    }
  }

  /** An operand turned into a string (`${err}`, `'x' + err`): the caught error itself becomes `Name: message`. */
  private walkString(expr: Node, out: Leak[], hops: number, visited: Set<Node>): void {
    const n = unwrap(expr);
    if (n.type === AST_NODE_TYPES.Identifier && this.caughtKind(n) === 'error') {
      visited.add(n);
      out.push({ node: n, kind: 'message' });
      return;
    }
    this.walk(expr, out, hops, visited);
  }

  /**
   * `a ? x : y`, `x || y`: only one side ends up in the body. When every side that leaks leaks the same
   * kind (`err instanceof Error ? err.message : String(err)`), that is one leak, reported on the whole expression.
   */
  private walkAlternatives(n: Node, sides: readonly Node[], out: Leak[], hops: number, visited: Set<Node>): void {
    const found: Leak[][] = sides.map((side) => {
      const leaks: Leak[] = [];
      this.walk(side, leaks, hops, visited);
      return leaks.filter((l) => !isDevGuarded(l.node, this.sourceCode));
    });
    const all = found.flat();
    const kinds = new Set(all.map((l) => l.kind));
    if (found.every((leaks) => leaks.length > 0) && kinds.size === 1) out.push({ node: n, kind: all[0]!.kind });
    else out.push(...all);
  }

  /** `err.stack` -> stack, `err.message` -> message, `err.cause` -> error. */
  private memberLeak(n: TSESTree.MemberExpression): LeakKind | undefined {
    const object = unwrap(n.object);
    if (object.type !== AST_NODE_TYPES.Identifier || this.caughtKind(object) !== 'error') return undefined;
    const name = propertyName(n);
    if (name === 'stack') return 'stack';
    if (name === 'message') return 'message';
    return undefined;
  }

  /** A local const/let in the same function: walk its value and the properties written on it. */
  private followLocal(id: TSESTree.Identifier, out: Leak[], hops: number, visited: Set<Node>): void {
    if (hops >= MAX_HOPS) return;
    const variable = this.resolver.variableOf(id);
    const def = variable?.defs[0];
    if (!variable || def?.type !== 'Variable') return;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return;
    // `delete body.stack` (usually under a production check) removes what the init put there.
    const deleted = new Set<string>();
    for (const ref of variable.references) {
      const member = ref.identifier.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === ref.identifier && member.parent?.type === AST_NODE_TYPES.UnaryExpression && member.parent.operator === 'delete') {
        const name = propertyName(member);
        if (name !== undefined) deleted.add(name);
      }
    }
    const init = declarator.init && unwrap(declarator.init);
    if (init?.type === AST_NODE_TYPES.ObjectExpression && deleted.size > 0) {
      for (const p of init.properties) {
        if (p.type === AST_NODE_TYPES.Property) {
          if (!deleted.has(keyName(p) ?? '')) this.walk(p.value, out, hops + 1, visited);
          continue;
        }
        const arg = unwrap(p.argument);
        if (arg.type === AST_NODE_TYPES.Identifier && this.caughtKind(arg) === 'error') out.push({ node: p, kind: 'error' });
        else this.walk(p.argument, out, hops + 1, visited);
      }
    } else if (declarator.init) {
      this.walk(declarator.init, out, hops + 1, visited);
    }
    for (const ref of variable.references) {
      const parent = ref.identifier.parent;
      if (ref.isWrite() && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) {
        this.walk(parent.right, out, hops + 1, visited);
      } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier) {
        const assign = parent.parent;
        if (assign?.type === AST_NODE_TYPES.AssignmentExpression && assign.left === parent) this.walk(assign.right, out, hops + 1, visited);
      } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === ref.identifier && isAssignCall(parent)) {
        // `Object.assign(body, { stack: err.stack })`
        for (const arg of parent.arguments.slice(1)) this.walk(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, out, hops + 1, visited);
      }
    }
  }

  /** Is this identifier the caught error (or a destructured `stack`/`message` of it)? */
  caughtKind(id: TSESTree.Identifier): LeakKind | undefined {
    const variable = this.resolver.variableOf(id);
    if (!variable) return undefined;
    return this.variableKind(variable, 0) ?? undefined;
  }

  private variableKind(variable: Variable, depth: number): LeakKind | null {
    const cached = this.caughtCache.get(variable);
    if (cached !== undefined) return cached;
    this.caughtCache.set(variable, null);
    const result = this.computeKind(variable, depth);
    this.caughtCache.set(variable, result);
    return result;
  }

  private computeKind(variable: Variable, depth: number): LeakKind | null {
    const def = variable.defs[0];
    if (!def || depth > 4) return null;
    if (def.type === 'CatchClause') return def.node.param?.type === AST_NODE_TYPES.Identifier ? 'error' : destructuredKind(def.name as TSESTree.Identifier);
    if (def.type === 'Parameter') {
      if (this.handlerErrors().has(variable)) return 'error';
      const fn = def.node as FunctionNode;
      if (fn.params[0] !== def.name) return null;
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      const method = propertyName(callee);
      if ((method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn)) return 'error';
      return null;
    }
    if (def.type !== 'Variable') return null;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (!declarator.init) return null;
    const init = unwrap(declarator.init);
    const from = (node: Node): LeakKind | null => {
      const x = unwrap(node);
      if (x.type !== AST_NODE_TYPES.Identifier) return null;
      const v = this.resolver.variableOf(x);
      return v ? this.variableKind(v, depth + 1) : null;
    };
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      if (from(init) !== 'error') return null;
      return destructuredKind(def.name);
    }
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
    if (init.type === AST_NODE_TYPES.Identifier) return from(init) === 'error' ? 'error' : null;
    // `const error = err instanceof Error ? err : new Error(String(err))`
    if (init.type === AST_NODE_TYPES.ConditionalExpression && (from(init.consequent) === 'error' || from(init.alternate) === 'error')) return 'error';
    return null;
  }
}

/** `Object.assign(target, ...)` (a member callee named `assign`; a plain `assign(x)` is some other function). */
function isAssignCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'assign';
}

function destructuredKind(name: TSESTree.Identifier): LeakKind | null {
  const prop = name.parent;
  if (prop?.type !== AST_NODE_TYPES.Property) return null;
  const key = keyName(prop);
  return key === 'stack' ? 'stack' : key === 'message' ? 'message' : null;
}

function rootOf(node: Node): Node {
  let n = unwrap(node);
  while (n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) n = unwrap(n.type === AST_NODE_TYPES.MemberExpression ? n.object : n.callee);
  return n;
}

function propValues(arg: Node | undefined, keys: readonly string[]): Node[] {
  const obj = arg && unwrap(arg);
  if (obj?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const out: Node[] = [];
  for (const key of keys) {
    const p = objectProperty(obj, key);
    if (p) out.push(p.value);
  }
  return out;
}

/** Bodies sent by calls chained after the emission: `res.status(500).json(b)`, `.render(view, locals)`. */
function chainedBodies(node: Node): Node[] {
  let current: Node = node;
  for (;;) {
    const parent = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return [];
    const call = parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return [];
    const name = propertyName(parent);
    if (name && SEND_METHODS.has(name)) return call.arguments[0] ? [call.arguments[0]] : [];
    if (name === 'render') return call.arguments[1] ? [call.arguments[1]] : [];
    current = call;
  }
}

function returnsAfter(fn: FunctionNode, node: Node): TSESTree.ReturnStatement[] {
  return ownReturns(fn).filter((r) => r.range[0] > node.range[1]);
}

/** Does a development-only condition decide whether `node` runs (a branch, a `&&`, or an earlier guard clause)? */
export function isDevGuarded(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  // Up to the program: a handler registered only in development (`if (NODE_ENV !== 'production') app.use(...)`) counts.
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== child) {
      if (DEV_GUARD.test(sourceCode.getText(parent.test))) return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) {
      if (DEV_GUARD.test(sourceCode.getText(parent.left))) return true;
    } else if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.SwitchCase) {
      const body: readonly Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
      const index = body.indexOf(child);
      for (let i = index - 1; i >= 0; i--) {
        const stmt = body[i]!;
        if (stmt.type === AST_NODE_TYPES.IfStatement && !stmt.alternate && alwaysExits(stmt.consequent) && DEV_GUARD.test(sourceCode.getText(stmt.test))) return true;
      }
    }
  }
  return false;
}

/** The 5xx fallback of an error handler's status: `err.status || 500`, `err.statusCode ?? 500`, `cond ? x : 500`. */
export function fallbackCode(status: Node, resolve: (node: Node) => number | undefined): number | undefined {
  const n = unwrap(status);
  if (n.type === AST_NODE_TYPES.LogicalExpression && (n.operator === '||' || n.operator === '??')) return resolve(n.right) ?? fallbackCode(n.right, resolve);
  if (n.type === AST_NODE_TYPES.ConditionalExpression) {
    const a = resolve(n.consequent);
    const b = resolve(n.alternate);
    if (a !== undefined && a >= 500) return a;
    if (b !== undefined && b >= 500) return b;
  }
  return undefined;
}
