/**
 * Error handlers: the functions a framework calls with an error it caught,
 * and whether they look at the error before answering.
 *
 * Forms: Express 4-parameter middleware `(err, req, res, next)`; Koa
 * `async (ctx, next) => { try { await next() } catch (err) { ... } }` (the
 * catch clause is the handler); Fastify `setErrorHandler((error, request,
 * reply) => ...)`; Hono `app.onError((err, c) => ...)`; Elysia
 * `.onError(({ code, error, set }) => ...)`; NestJS `@Catch()` /
 * `@Catch(HttpException)` filters' `catch(exception, host)`; h3
 * `createApp({ onError })` and Nitro `defineNitroErrorHandler`.
 *
 * *Consulting* the error means reading what it says about the status or its
 * type: `err.status`, `statusCode`, `expose`, `output` (Boom), `code`,
 * `name`, `type`, `validation` (Fastify), `getStatus()` (NestJS), any
 * `instanceof` test, `isHttpError(err)`/`isBoom(err)`, any property of the
 * error read in a condition, destructuring those properties, or passing the
 * error to a helper that may map it (not to a logger or `next`).
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunction, keyName, propertyName, unwrap, type FunctionNode, type Node } from './ast';
import type { ParamRole } from './handlers';
import type { ModuleRef, Resolver } from './imports';
import { resolveStatus, type StatusValue } from './status';

type Variable = TSESLint.Scope.Variable;

export type ErrorHandlerKind = 'express' | 'koa' | 'fastify' | 'hono' | 'elysia' | 'nestjs' | 'h3';

/** A status set inside an error handler (from the model, or found here when the model cannot see it). */
export interface HandlerEmission {
  node: Node;
  code: number | undefined;
  status: StatusValue;
  framework: string;
  form: string;
  fn: FunctionNode | undefined;
}

export interface ErrorHandler {
  kind: ErrorHandlerKind;
  fn: FunctionNode;
  /** Where the answer is produced: the function, or Koa's catch clause. */
  region: Node;
  /** The caught error's variables (the parameter or catch binding, and aliases). */
  errors: readonly Variable[];
  /** Status emissions in the region, in source order. */
  emissions: readonly HandlerEmission[];
  /** Start offsets of the places that consult the error, in source order. */
  consults: readonly number[];
}

export interface ErrorHandlerEnv {
  resolver: Resolver;
  roleOf(node: Node): ParamRole;
  resolve(node: Node): ModuleRef | undefined;
  functions: readonly FunctionNode[];
  calls: readonly TSESTree.CallExpression[];
  emissions: readonly HandlerEmission[];
}

/** Error properties that tell the status or the kind of error. */
const CONSULT_PROPS = new Set([
  'status', 'statusCode', 'status_code', 'httpStatus', 'httpStatusCode', 'expose', 'output', 'isBoom', 'code', 'name', 'type',
  'validation', 'validationContext', 'getStatus', 'getResponse', 'constructor', 'errors', 'issues', 'details', 'isJoi', 'response',
  'isAxiosError', 'statusMessage', 'kind',
]);
/** Callees that receive the error without deciding anything about the answer. */
const NON_CONSULTING_CALLEES = /^(next|log|info|warn|error|debug|trace|fatal|emit|captureException|captureError|report|reportError|notify|track|String|stringify|inspect|format|serializeError|setTag|setContext|push|resolve|reject)$/;
const LOGGER_ROOTS = /^(console|logger|log|Sentry|sentry|bugsnag|Bugsnag|rollbar|newrelic)$/;

export class ErrorHandlers {
  private list: ErrorHandler[] | undefined;
  private readonly aliasCache = new Map<Variable, Variable[]>();

  constructor(private readonly env: ErrorHandlerEnv) {}

  get all(): readonly ErrorHandler[] {
    return (this.list ??= this.find());
  }

  /** The error handler whose region holds `node`, if any. */
  handlerOf(node: Node): ErrorHandler | undefined {
    let best: ErrorHandler | undefined;
    for (const h of this.all) {
      if (node.range[0] >= h.region.range[0] && node.range[1] <= h.region.range[1] && (!best || h.region.range[0] >= best.region.range[0])) best = h;
    }
    return best;
  }

  /** Was the error consulted before `node` (or anywhere, for a status-only statement)? */
  consultedBefore(handler: ErrorHandler, node: Node, anywhere = false): boolean {
    if (anywhere) return handler.consults.length > 0;
    return handler.consults.some((start) => start < node.range[0]);
  }

  private find(): ErrorHandler[] {
    const out: ErrorHandler[] = [];
    const seen = new Set<Node>();
    const add = (kind: ErrorHandlerKind, fn: FunctionNode, region: Node, errorIds: (Node | undefined)[], response: Node | undefined, extra: Variable[] = []) => {
      if (seen.has(region)) return;
      seen.add(region);
      const errors: Variable[] = [];
      for (const id of errorIds) {
        if (id?.type !== AST_NODE_TYPES.Identifier) continue;
        const v = this.env.resolver.variableOf(id);
        if (v) errors.push(...this.aliases(v));
      }
      const responseVar = response?.type === AST_NODE_TYPES.Identifier ? this.env.resolver.variableOf(response) ?? undefined : undefined;
      const emissions = this.emissionsIn(region, fn, responseVar, kind === 'nestjs');
      const consults = this.consultsIn(region, [...errors, ...extra]);
      out.push({ kind, fn, region, errors, emissions, consults });
    };
    for (const fn of this.env.functions) {
      const params = fn.params.map(paramId);
      // Express: (err, req, res, next)
      if (params.length === 4 && params.every((p) => p?.type === AST_NODE_TYPES.Identifier)) {
        const res = params[2]!;
        if (this.env.roleOf(res) === 'response' || (isRegisteredWith(fn, 'use') && /^(res|response)$/.test((res as TSESTree.Identifier).name))) {
          add('express', fn, fn, [params[0]], res);
          continue;
        }
      }
      // Koa: (ctx, next) => { try { await next() } catch (err) { ... } }
      if (params.length >= 2 && params[1]?.type === AST_NODE_TYPES.Identifier && fn.body.type === AST_NODE_TYPES.BlockStatement) {
        const next = this.env.resolver.variableOf(params[1] as TSESTree.Identifier);
        if (next) {
          for (const stmt of fn.body.body) {
            if (stmt.type !== AST_NODE_TYPES.TryStatement || !stmt.handler) continue;
            if (!callsVariableIn(stmt.block, next)) continue;
            add('koa', fn, stmt.handler.body, [stmt.handler.param ?? undefined], params[0]);
          }
        }
      }
      // NestJS: @Catch() class { catch(exception, host) {...} }
      if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.parent?.type === AST_NODE_TYPES.MethodDefinition && keyName(fn.parent) === 'catch') {
        const cls = fn.parent.parent?.parent;
        if ((cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression) && this.isCatchAll(cls)) {
          add('nestjs', fn, fn, [params[0]], undefined);
        }
      }
    }
    for (const call of this.env.calls) {
      const callee = unwrap(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
      const fnArg = call.arguments.find((a) => isFunction(a)) as FunctionNode | undefined;
      if (method === 'setErrorHandler' && fnArg) {
        add('fastify', fnArg, fnArg, [paramId(fnArg.params[0])], paramId(fnArg.params[2]));
      } else if (method === 'onError' && fnArg && callee.type === AST_NODE_TYPES.MemberExpression) {
        const first = fnArg.params[0];
        if (first?.type === AST_NODE_TYPES.ObjectPattern) {
          const error = destructured(first, 'error');
          const code = destructured(first, 'code');
          const codeVar = code?.type === AST_NODE_TYPES.Identifier ? this.env.resolver.variableOf(code) : null;
          add('elysia', fnArg, fnArg, [error], destructured(first, 'set'), codeVar ? [codeVar] : []);
        } else {
          add('hono', fnArg, fnArg, [paramId(first)], paramId(fnArg.params[1]));
        }
      } else if (method === 'defineNitroErrorHandler' && fnArg) {
        add('h3', fnArg, fnArg, [paramId(fnArg.params[0])], paramId(fnArg.params[1]));
      } else if ((method === 'createApp' || method === 'createH3' || method === 'H3') && call.arguments[0]) {
        const opts = unwrap(call.arguments[0]);
        if (opts.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const p of opts.properties) {
          if (p.type !== AST_NODE_TYPES.Property || keyName(p) !== 'onError') continue;
          const value = p.value as Node;
          if (isFunction(value)) add('h3', value, value, [paramId(value.params[0])], paramId(value.params[1]));
        }
      }
    }
    return out;
  }

  /** `@Catch()` (everything) or `@Catch(HttpException)`; filters for specific error classes decide by type already. */
  private isCatchAll(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
    for (const d of cls.decorators ?? []) {
      const expr = unwrap(d.expression);
      if (expr.type !== AST_NODE_TYPES.CallExpression) continue;
      const ref = this.env.resolve(expr.callee);
      if (ref?.source !== '@nestjs/common' || ref.path[ref.path.length - 1] !== 'Catch') continue;
      if (expr.arguments.length === 0) return true;
      return expr.arguments.every((a) => {
        const r = this.env.resolve(a);
        return r?.source === '@nestjs/common' && r.path[r.path.length - 1] === 'HttpException';
      });
    }
    return false;
  }

  /** The error variable and consts derived from it (`const e = err as HttpError`). */
  aliases(variable: Variable): Variable[] {
    const cached = this.aliasCache.get(variable);
    if (cached) return cached;
    const out = [variable];
    this.aliasCache.set(variable, out);
    for (const ref of variable.references) {
      let child: Node = ref.identifier;
      let parent = child.parent;
      while (parent && (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSTypeAssertion)) {
        child = parent;
        parent = parent.parent;
      }
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) {
        const alias = this.env.resolver.variableOf(parent.id);
        if (alias && !out.includes(alias)) out.push(...this.aliases(alias).filter((a) => !out.includes(a)));
      }
    }
    return out;
  }

  private consultsIn(region: Node, errors: readonly Variable[]): number[] {
    const starts: number[] = [];
    for (const variable of errors) {
      for (const ref of variable.references) {
        const id = ref.identifier;
        if (id.range[0] < region.range[0] || id.range[1] > region.range[1]) continue;
        if (ref.isWrite()) continue;
        if (this.isConsult(id as TSESTree.Identifier, variable)) starts.push(id.range[0]);
      }
    }
    return starts.sort((a, b) => a - b);
  }

  private isConsult(id: TSESTree.Identifier, variable: Variable): boolean {
    // Elysia's destructured `code`: any use is a branch on the error type.
    const def = variable.defs[0];
    if (def?.type === 'Parameter' && def.name.parent?.type === AST_NODE_TYPES.Property && keyName(def.name.parent as TSESTree.Property) === 'code') return true;
    let child: Node = id;
    let parent = child.parent;
    while (parent && (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSTypeAssertion)) {
      child = parent;
      parent = parent.parent;
    }
    if (!parent || insideLoggingCall(parent)) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== child) return false;
        const name = propertyName(parent);
        if (name !== undefined && CONSULT_PROPS.has(name)) return true;
        return inTest(parent);
      }
      case AST_NODE_TYPES.BinaryExpression:
        // `err instanceof Error` says nothing about the status.
        if (parent.operator === 'instanceof') return !(parent.right.type === AST_NODE_TYPES.Identifier && /^(Error|Object)$/.test(parent.right.name));
        return parent.operator === 'in' || inTest(parent);
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
          return parent.id.properties.some((p) => p.type === AST_NODE_TYPES.Property && CONSULT_PROPS.has(keyName(p) ?? ''));
        }
        return false;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (parent.callee === child) return false;
        const callee = unwrap(parent.callee);
        if (callee.type === AST_NODE_TYPES.Super) return true;
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) ?? '' : '';
        if (/^is[A-Z]/.test(name)) return true;
        if (NON_CONSULTING_CALLEES.test(name)) return false;
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const root = unwrap(callee.object);
          const rootName = root.type === AST_NODE_TYPES.Identifier ? root.name : root.type === AST_NODE_TYPES.MemberExpression ? propertyName(root) ?? '' : '';
          if (LOGGER_ROOTS.test(rootName)) return false;
        }
        // A helper that may map the error to a status. (Building the body after the
        // status, `res.status(500).json(serialize(err))`, is excluded by position.)
        return true;
      }
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.type === AST_NODE_TYPES.SwitchStatement ? parent.discriminant === child : parent.test === child;
      default:
        return false;
    }
  }

  /** Status emissions inside the region: the model's, plus shapes the model cannot see here. */
  private emissionsIn(region: Node, fn: FunctionNode, response: Variable | undefined, nest: boolean): HandlerEmission[] {
    const out: HandlerEmission[] = [];
    const seen = new Set<Node>();
    for (const e of this.env.emissions) {
      if (e.node.range[0] >= region.range[0] && e.node.range[1] <= region.range[1]) {
        out.push(e);
        seen.add(e.node);
      }
    }
    const resolver = this.env.resolver;
    const addCall = (call: TSESTree.CallExpression, arg: Node | undefined, form: string) => {
      if (!arg || seen.has(call)) return;
      seen.add(call);
      const status = resolveStatus(arg, resolver);
      out.push({ node: call, code: status.code, status, framework: 'handler', form, fn });
    };
    // Hono `c.json(b, 500)` with `c` as the second parameter; Express/Fastify responses the model missed.
    if (response) {
      for (const ref of response.references) {
        const member = ref.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
        const name = propertyName(member);
        const call = member.parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
          if (name && /^(json|text|html|body|newResponse)$/.test(name) && call.arguments.length >= 2) {
            const second = unwrap(call.arguments[1]!);
            const statusArg = second.type === AST_NODE_TYPES.ObjectExpression ? (second.properties.find((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'status') as TSESTree.Property | undefined)?.value : second;
            addCall(call, statusArg, `c.${name}()`);
          } else if (name === 'status' || name === 'code' || name === 'sendStatus') {
            addCall(call, call.arguments[0], `${ref.identifier.name}.${name}()`);
          }
        } else if (member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member && (name === 'status' || name === 'statusCode')) {
          const assign = member.parent;
          if (!seen.has(assign)) {
            seen.add(assign);
            const status = resolveStatus(assign.right, resolver);
            out.push({ node: assign, code: status.code, status, framework: 'handler', form: `${ref.identifier.name}.${name} =`, fn });
          }
        }
      }
    }
    // NestJS filters: `host.switchToHttp().getResponse().status(500).json(...)`, `httpAdapter.reply(res, body, 500)`.
    for (const call of nest ? this.env.calls : []) {
      if (call.range[0] < region.range[0] || call.range[1] > region.range[1] || seen.has(call)) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const name = propertyName(callee);
      if ((name === 'status' || name === 'code') && this.isNestResponse(callee.object)) addCall(call, call.arguments[0], `response.${name}()`);
      else if (name === 'reply' && call.arguments.length >= 3) addCall(call, call.arguments[2], 'httpAdapter.reply()');
    }
    return out.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /** `ctx.getResponse()` or a const holding it. */
  private isNestResponse(node: Node): boolean {
    let n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      const def = this.env.resolver.variableOf(n)?.defs[0];
      if (def?.type !== 'Variable') return false;
      const init = (def.node as TSESTree.VariableDeclarator).init;
      if (!init) return false;
      n = unwrap(init);
    }
    if (n.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(n.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'getResponse';
  }
}

function paramId(p: Node | undefined): Node | undefined {
  if (!p) return undefined;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) return p.left;
  if (p.type === AST_NODE_TYPES.TSParameterProperty) return p.parameter;
  return p;
}

function destructured(pattern: TSESTree.ObjectPattern, key: string): Node | undefined {
  for (const p of pattern.properties) {
    if (p.type === AST_NODE_TYPES.Property && keyName(p) === key) return p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
  }
  return undefined;
}

function isRegisteredWith(fn: FunctionNode, method: string): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as never)) return false;
  const callee = unwrap(parent.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === method;
}

function callsVariableIn(block: Node, variable: Variable): boolean {
  return variable.references.some((ref) => {
    const id = ref.identifier;
    const parent = id.parent;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === id && id.range[0] >= block.range[0] && id.range[1] <= block.range[1];
  });
}

/** Is `node` an argument (or inside one) of a logging call: `console.error(...)`, `this.logger.error(...)`, `Sentry.captureException(...)`? */
function insideLoggingCall(node: Node): boolean {
  for (let n: Node | undefined = node; n && !isFunction(n); n = n.parent) {
    if (n.type.endsWith('Statement') || n.type === AST_NODE_TYPES.VariableDeclarator) return false;
    const parent: Node | undefined = n.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== n) {
      const callee = unwrap(parent.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = propertyName(callee) ?? '';
        const root = unwrap(callee.object);
        const rootName = root.type === AST_NODE_TYPES.Identifier ? root.name : root.type === AST_NODE_TYPES.MemberExpression ? propertyName(root) ?? '' : '';
        if (/^(log|info|warn|error|debug|trace|fatal|captureException|captureError|notify)$/.test(method) && /log|console|sentry|bugsnag|rollbar/i.test(rootName)) return true;
      }
    }
  }
  return false;
}

/** Is `node` (an expression on the error) part of a branch condition? */
function inTest(node: Node): boolean {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.test === child;
      case AST_NODE_TYPES.SwitchStatement:
        return parent.discriminant === child;
      case AST_NODE_TYPES.SwitchCase:
        return parent.test === child;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.left === child) return true;
        continue;
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        continue;
      default:
        return false;
    }
  }
  return false;
}
