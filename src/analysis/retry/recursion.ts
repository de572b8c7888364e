/**
 * Recursive retries (a function that calls itself from its catch or failure
 * branch) and timer retries (`setTimeout(reconnect, 5000)` from an error or
 * close handler, or a catch).
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import type { BoundKind, RetryLogic } from './types';
import { classifyGuard, findSinglesOut, isHttpCheck, reachedOnlyOnConflict, retriesOnOf } from './conditions';
import {
  collectVarying,
  createEnv,
  evaluate,
  findWaits,
  foldWaits,
  selfStep,
  type Growth,
  type GrowthEnv,
} from './growth';
import {
  RETRY_AFTER_TEXT,
  alwaysExits,
  calleeName,
  findVariableFor,
  isFunction,
  memberName,
  someNode,
  staticNumber,
  unwrap,
  walkOwn,
  type FunctionNode,
  type Node,
  type SourceCode,
} from './util';

const T = AST_NODE_TYPES;

export interface RecursionContext {
  sourceCode: SourceCode;
  throwingCalls: Set<Node>;
  /** Values written anywhere in the file (fields, closure state), for timer delays. */
  fileEnv: () => GrowthEnv;
  /** The names the file's functions are called by: a call by any other name cannot be a self-call. */
  functionNames: Set<string>;
  /** Functions already found to retry themselves: later self-calls add nothing. */
  done: Set<Node>;
}

/** The name a function is called by: declaration, `const f = () => {}`, method key. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) {
    if (fn.id) return fn.id.name;
  }
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if ((parent?.type === T.MethodDefinition || parent?.type === T.Property || parent?.type === T.PropertyDefinition) && !parent.computed) {
    return parent.key.type === T.Identifier ? parent.key.name : undefined;
  }
  return undefined;
}

function isMethod(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition || (parent?.type === T.Property && parent.method);
}

/** The function `call` calls itself through, if it is one of its ancestors. */
function selfTarget(call: TSESTree.CallExpression, sourceCode: SourceCode): FunctionNode | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const variable = findVariableFor(sourceCode, callee);
    const def = variable?.defs[0];
    if (!def) return undefined;
    let fn: Node | undefined;
    if (def.type === 'FunctionName') fn = def.node as Node;
    else if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init) fn = unwrap(def.node.init);
    if (!isFunction(fn)) return undefined;
    return call.range[0] >= fn.range[0] && call.range[1] <= fn.range[1] ? fn : undefined;
  }
  if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression) {
    const name = memberName(callee);
    let current: Node | undefined = call.parent;
    while (current) {
      if (isFunction(current)) {
        if (current.type !== T.ArrowFunctionExpression) {
          return isMethod(current) && functionName(current) === name ? current : undefined;
        }
      }
      current = current.parent;
    }
  }
  return undefined;
}

const FAILURE_EVENT = /error|close|end|disconnect|exit|fail|timeout|lost/i;
const ERROR_NAME = /^(err|error|e|ex|reason|cause)$/;

interface FailureContext {
  /** catch clause / if branch / callback holding the retry. */
  region: Node;
  tries: TSESTree.TryStatement[];
  failureTests: Node[];
  guards: Node[];
  /** A failure handler function (`.catch(cb)`, `on('close', cb)`, `ws.onclose = cb`). */
  handler?: FunctionNode;
  event?: string;
}

function handlerEvent(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if (parent?.type === T.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const name = calleeName(parent);
    if (name === 'catch') return 'error';
    if (name === 'then' && parent.arguments[1] === fn) return 'error';
    if (name && /^(on|once|addListener|addEventListener|prependListener)$/.test(name)) {
      const event = parent.arguments[0];
      if (event?.type === T.Literal && typeof event.value === 'string' && FAILURE_EVENT.test(event.value)) return event.value;
    }
  }
  if (parent?.type === T.AssignmentExpression && parent.right === fn) {
    const target = unwrap(parent.left);
    if (target.type === T.MemberExpression) {
      const name = memberName(target) ?? '';
      if (/^on(error|close|end|disconnect)$/i.test(name)) return name.slice(2).toLowerCase();
    }
  }
  const name = functionName(fn);
  if (name && /^(on|handle)(Error|Close|Disconnect|End|Failure|Fail)|scheduleReconnect|reconnect$/i.test(name)) return 'error';
  return undefined;
}

/**
 * Walks from `node` up to `stop` and says whether `node` runs on failure:
 * in a catch clause, an `if (!res.ok)` / `if (err)` branch, or a failure
 * handler callback.
 */
function failureContext(node: Node, stop: FunctionNode | undefined, sourceCode: SourceCode): FailureContext | undefined {
  const tries: TSESTree.TryStatement[] = [];
  const failureTests: Node[] = [];
  const guards: Node[] = [];
  let region: Node | undefined;
  let handler: FunctionNode | undefined;
  let event: string | undefined;
  let child: Node = node;
  let current = node.parent;
  while (current && current !== stop) {
    if (current.type === T.CatchClause) {
      region ??= current.body;
      if (current.parent?.type === T.TryStatement) tries.push(current.parent);
    } else if ((current.type === T.IfStatement || current.type === T.ConditionalExpression) && child !== current.test) {
      guards.unshift(current.test);
      const test = unwrap(current.test);
      const errorTest =
        (test.type === T.Identifier && ERROR_NAME.test(test.name)) ||
        (test.type === T.MemberExpression && /^(error|err)$/.test(memberName(test) ?? ''));
      if ((isHttpCheck(current.test, sourceCode) && child === current.consequent) || (errorTest && child === current.consequent)) {
        region ??= current.consequent;
        failureTests.push(current.test);
      } else if (isHttpCheck(current.test, sourceCode) && child === current.alternate) {
        region ??= current.alternate;
        failureTests.push(current.test);
      }
    } else if (isFunction(current)) {
      const evt = handlerEvent(current);
      if (evt) {
        handler = current;
        event = evt;
        region ??= current.body;
        break;
      }
      if (!stop) break;
      // Only `.then` / `.finally` style callbacks may sit between the call and the retried function.
      if (current.type !== T.ArrowFunctionExpression && current.type !== T.FunctionExpression) return undefined;
    }
    child = current;
    current = current.parent;
  }
  if (!region) return undefined;
  return { region, tries, failureTests, guards, ...(handler ? { handler } : {}), ...(event ? { event } : {}) };
}

/** Early exits in `fn` (`if (retries <= 0) throw err`) and guards on the path: what bounds the retry. */
function boundFrom(fn: FunctionNode | undefined, guards: Node[], env: GrowthEnv, paramCounts: boolean, sourceCode: SourceCode): RetryLogic['bound'] {
  if (paramCounts) return { kind: 'count' };
  const tests: Node[] = [...guards];
  if (fn) {
    walkOwn(fn.body, sourceCode.visitorKeys, (node) => {
      if (node.type === T.IfStatement && alwaysExits(node.consequent)) tests.push(node.test);
      return undefined;
    });
  }
  let unknown = false;
  for (const test of tests) {
    const kind = classifyGuard(test, env);
    if (kind === 'count' || kind === 'deadline' || kind === 'signal') return { kind: kind as BoundKind, node: test };
    if (kind === 'unknown' && guards.includes(test)) unknown = true;
  }
  if (fn && /throwIfAborted|\.aborted\b/.test(sourceCode.getText(fn))) return { kind: 'signal' };
  return { kind: unknown ? 'unknown' : 'none' };
}

/** Binds each parameter of `fn` to how the self-call changes it (`retries - 1`, `delay * 2`). */
function paramSteps(fn: FunctionNode, call: TSESTree.CallExpression, env: GrowthEnv): boolean {
  const scope = env.sourceCode.scopeManager?.acquire(fn);
  let counts = false;
  fn.params.forEach((param, index) => {
    const target = param.type === T.AssignmentPattern ? param.left : param;
    if (target.type !== T.Identifier || !scope) return;
    const variable = scope.set.get(target.name);
    if (!variable) return;
    const arg = call.arguments[index];
    let step: Growth | 'reset' | 'deferred';
    if (!arg || arg.type === T.SpreadElement) step = 'reset';
    else step = selfStep(arg, target, env.sourceCode);
    if (step === 'reset') {
      env.varying.set(variable, { kind: 'constant', jitter: false, capped: false });
      return;
    }
    if (step === 'deferred') {
      const inner = unwrap(arg!);
      if (inner.type === T.Identifier && inner.name === target.name) {
        env.varying.set(variable, { kind: 'constant', jitter: false, capped: false });
      } else {
        env.varying.set(variable, evaluate(arg!, env));
      }
      return;
    }
    if (step.kind === 'linear') counts = true;
    env.varying.set(variable, step);
  });
  return counts;
}

function readsRetryAfter(node: Node, sourceCode: SourceCode): boolean {
  return RETRY_AFTER_TEXT.test(sourceCode.getText(node));
}

export function analyseRecursion(call: TSESTree.CallExpression, ctx: RecursionContext): RetryLogic | undefined {
  const { sourceCode } = ctx;
  // Cheap filter before any scope lookup: the callee must be named like an enclosing function.
  const name = calleeName(call);
  if (!name || !ctx.functionNames.has(name) || !enclosingNames(call).has(name)) return undefined;
  const fn = selfTarget(call, sourceCode);
  if (!fn || ctx.done.has(fn)) return undefined;
  // A self-call scheduled by a timer is a timer retry.
  const direct = enclosingFunctionOf(call);
  if (direct && direct !== fn && direct.parent?.type === T.CallExpression && calleeName(direct.parent) === 'setTimeout') return undefined;
  const context = failureContext(call, fn, sourceCode);
  if (!context) return undefined;
  if (!context.tries.length && !context.failureTests.length && !context.handler) return undefined;
  // Re-authenticating once on 401/403 is not a retry of a failing upstream.
  if (context.guards.some((g) => /\b40[137]\b/.test(sourceCode.getText(g)))) return undefined;
  // Calling again only on a conflict (duplicate key, 409, a port in use) re-runs with a fresh value: regeneration, not a retry.
  if (reachedOnlyOnConflict(call, fn.body, sourceCode)) return undefined;
  // Calling again with the response's Location follows a redirect.
  if (call.arguments.some((arg) => readsLocation(arg, sourceCode))) return undefined;
  if (isSynchronousRecomputation(fn, call, context, sourceCode)) return undefined;

  const env = createEnv(sourceCode);
  collectVarying(fn.body, env);
  // Locals of the function restart on each call.
  for (const key of [...env.varying.keys()]) {
    if (typeof key !== 'string') {
      const def = key.defs[0];
      if (def && def.node.range[0] >= fn.range[0] && def.node.range[1] <= fn.range[1] && def.type !== 'Parameter') env.varying.delete(key);
    }
  }
  const paramCounts = paramSteps(fn, call, env);
  const waits = [...findWaits(fn.body, env), ...(context.handler ? findWaits(context.handler.body, env) : [])];
  if (waits.length === 0 && context.region) waits.push(...findWaits(context.region, env));
  const folded = foldWaits(waits, sourceCode);
  const wait: RetryLogic['wait'] =
    waits.length > 0
      ? {
          kind: folded.kind,
          jitter: folded.jitter,
          capped: folded.capped,
          ...(folded.ms !== undefined ? { ms: folded.ms } : {}),
          ...(folded.helper ? { helper: folded.helper } : {}),
          ...(folded.node ? { node: folded.node } : {}),
        }
      : hiddenWait(context.region, call, sourceCode)
        ? { kind: 'unknown', jitter: false, capped: false }
        : { kind: 'none', jitter: false, capped: false };
  const bound = shrinkingBound(fn, call, sourceCode) ?? boundFrom(fn, context.guards, env, paramCounts, sourceCode);
  const retriesOn = retriesOnOf(fn.body, context.tries, context.failureTests, ctx.throwingCalls, sourceCode);
  const singlesOut = findSinglesOut(fn.body, sourceCode);
  return {
    kind: 'recursion',
    node: fn,
    reportNode: call,
    wait,
    bound,
    retriesOn,
    ...(singlesOut ? { singlesOut429or503: singlesOut } : {}),
    readsRetryAfter: wait.kind === 'retry-after' || readsRetryAfter(fn, sourceCode),
  };
}

/**
 * A synchronous function (not async, no await, no promise chain) that calls
 * itself, directly in its own body, from a catch on input it derived
 * (`parse(text.slice(start, end))`) computes recursively, like a parser
 * falling back to a part of its input: no remote operation is retried.
 */
function isSynchronousRecomputation(fn: FunctionNode, call: TSESTree.CallExpression, context: FailureContext, sourceCode: SourceCode): boolean {
  if (fn.async || fn.generator || context.handler || context.tries.length === 0) return false;
  if (enclosingFunctionOf(call) !== fn) return false;
  const asynchronous = someNode(
    fn.body,
    sourceCode.visitorKeys,
    (node) => node.type === T.AwaitExpression || (node.type === T.CallExpression && /^(then|catch|finally)$/.test(calleeName(node) ?? '')),
  );
  if (asynchronous) return false;
  return call.arguments.some((arg, index) => derivesInput(arg, fn.params[index], sourceCode));
}

/**
 * An argument computed from something (`text.slice(a, b)`, `JSON.parse(raw)`),
 * not the parameter passed on as it is or stepped by a number (`retries - 1`),
 * and not a constant.
 */
function derivesInput(arg: TSESTree.CallExpressionArgument, param: TSESTree.Parameter | undefined, sourceCode: SourceCode): boolean {
  if (arg.type === T.SpreadElement) return false;
  const inner = unwrap(arg);
  const target = param?.type === T.AssignmentPattern ? param.left : param;
  const paramName = target?.type === T.Identifier ? target.name : undefined;
  const isParam = (node: Node): boolean => {
    const value = unwrap(node);
    return value.type === T.Identifier && value.name === paramName;
  };
  if (inner.type === T.Literal || staticNumber(sourceCode, inner) !== undefined || isParam(inner)) return false;
  if (inner.type === T.BinaryExpression && (inner.operator === '+' || inner.operator === '-')) {
    const left = inner.left as Node;
    if ((isParam(left) && staticNumber(sourceCode, inner.right) !== undefined) || (isParam(inner.right) && staticNumber(sourceCode, left) !== undefined)) return false;
  }
  return true;
}

/** `res.headers.location`, `res.headers['location']`, `response.headers.get('Location')`. */
function readsLocation(arg: Node, sourceCode: SourceCode): boolean {
  return !!someNode(
    arg,
    sourceCode.visitorKeys,
    (node) => {
      if (node.type === T.MemberExpression) return /^location$/i.test(memberName(node) ?? '') && /headers/i.test(sourceCode.getText(node.object));
      if (node.type === T.CallExpression && calleeName(node) === 'get') {
        const first = node.arguments[0];
        return first?.type === T.Literal && typeof first.value === 'string' && /^location$/i.test(first.value);
      }
      return false;
    },
    false,
  );
}

const SHRINK = /^(slice|subarray|substring|substr)$/;

/** `items`, `opts.items`: an identifier or a chain of plain property reads, as a dotted path. */
function pathOf(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return inner.name;
  if (inner.type === T.MemberExpression && !inner.computed && inner.property.type === T.Identifier) {
    const object = pathOf(inner.object);
    return object === undefined ? undefined : `${object}.${inner.property.name}`;
  }
  return undefined;
}

/** The path `value` takes a strict part of: `items` for `items.slice(0, mid)`. */
function shrinks(value: Node): string | undefined {
  const inner = unwrap(value);
  if (inner.type !== T.CallExpression || !SHRINK.test(calleeName(inner) ?? '') || inner.arguments.length === 0) return undefined;
  const callee = unwrap(inner.callee);
  return callee.type === T.MemberExpression ? pathOf(callee.object) : undefined;
}

function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === T.Identifier) return property.key.name;
  return property.key.type === T.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/**
 * The properties an object argument of the self-call sets last (no spread after
 * them can override), by key: `{ ...opts, items: items.slice(0, mid) }`.
 */
function finalProperties(arg: Node): Map<string, Node> {
  const properties = new Map<string, Node>();
  const inner = unwrap(arg);
  if (inner.type !== T.ObjectExpression) return properties;
  for (const property of inner.properties) {
    if (property.type === T.SpreadElement) {
      properties.clear();
      continue;
    }
    const key = propertyKey(property);
    if (key !== undefined) properties.set(key, property.value as Node);
  }
  return properties;
}

/**
 * The paths a self-call passes a strict part of, as the function reads them:
 * `items` for `f(items.slice(0, mid))`; for an object argument, `items` when
 * the parameter is destructured (`f({ items }) ... f({ ...o, items: items.slice(0, mid) })`)
 * and `opts.items` when it is not (`f(opts) ... f({ ...opts, items: opts.items.slice(0, mid) })`).
 */
function shrunkPaths(fn: FunctionNode, call: TSESTree.CallExpression): Set<string> {
  const params = new Set<string>();
  for (const param of fn.params) {
    const target = param.type === T.AssignmentPattern ? param.left : param;
    if (target.type === T.Identifier) params.add(target.name);
  }
  const shrunk = new Set<string>();
  call.arguments.forEach((arg, index) => {
    const direct = shrinks(arg);
    if (direct !== undefined && params.has(direct)) shrunk.add(direct);
    const properties = finalProperties(arg);
    if (properties.size === 0) return;
    const param = fn.params[index];
    const target = param?.type === T.AssignmentPattern ? param.left : param;
    if (target?.type === T.Identifier) {
      for (const [key, value] of properties) {
        const path = `${target.name}.${key}`;
        if (shrinks(value) === path) shrunk.add(path);
      }
    } else if (target?.type === T.ObjectPattern) {
      for (const property of target.properties) {
        if (property.type !== T.Property) continue;
        const key = propertyKey(property);
        const binding = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
        if (key === undefined || binding.type !== T.Identifier) continue;
        const value = properties.get(key);
        if (value && shrinks(value) === binding.name) shrunk.add(binding.name);
      }
    }
  });
  return shrunk;
}

/**
 * A self-call on a strictly smaller part of a parameter (`items.slice(0, mid)`,
 * directly or as a property of an options object) below a size check that
 * stops it (`if (items.length <= 1) return []`): a bisection, which ends after
 * at most 2n calls.
 */
function shrinkingBound(fn: FunctionNode, call: TSESTree.CallExpression, sourceCode: SourceCode): RetryLogic['bound'] | undefined {
  const shrunk = shrunkPaths(fn, call);
  if (shrunk.size === 0) return undefined;
  let check: Node | undefined;
  walkOwn(fn.body, sourceCode.visitorKeys, (node) => {
    if (check) return false;
    if (node.type === T.IfStatement && node.range[1] <= call.range[0] && alwaysExits(node.consequent) && isSizeCheck(node.test, shrunk, sourceCode)) check = node.test;
    return undefined;
  });
  return check ? { kind: 'size', node: check } : undefined;
}

/** `items.length <= 1`, `items.length < 2`, `!items.length`, `opts.items.length === 1`. */
function isSizeCheck(test: Node, paths: Set<string>, sourceCode: SourceCode): boolean {
  return !!someNode(
    test,
    sourceCode.visitorKeys,
    (node) => {
      if (node.type !== T.MemberExpression || memberName(node) !== 'length') return false;
      const object = pathOf(node.object);
      if (object === undefined || !paths.has(object)) return false;
      const parent = node.parent;
      if (parent?.type === T.UnaryExpression && parent.operator === '!') return true;
      if (parent?.type !== T.BinaryExpression) return false;
      const other = parent.left === node ? parent.right : parent.left;
      const value = staticNumber(sourceCode, other as Node);
      if (value === undefined) return false;
      const op = parent.left === node ? parent.operator : ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[parent.operator] ?? parent.operator;
      return (op === '<=' && value <= 1) || (op === '<' && value <= 2) || ((op === '===' || op === '==') && value <= 1);
    },
    false,
  );
}

const LOGGING = /^(log|info|warn|error|debug|trace|fatal|emit|increment|inc|observe|record|captureException)$/;

/** An awaited call on the failure path (`await getRetryConfig(err)`) may wait inside. */
function hiddenWait(region: Node, call: Node, sourceCode: SourceCode): boolean {
  let found = false;
  walkOwn(region, sourceCode.visitorKeys, (node) => {
    if (found || node.range[0] >= call.range[0]) return false;
    if (node.type === T.AwaitExpression) {
      const arg = unwrap(node.argument);
      if (arg.type !== T.CallExpression || !LOGGING.test(calleeName(arg) ?? '')) found = true;
    }
    return undefined;
  });
  return found;
}

function enclosingFunctionOf(node: Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return undefined;
}

const RECONNECT_TARGET = /^(re)?(connect|open|subscribe|start|init|listen|attach|establish|dial|login)|connect|reconnect|retry|resend|restart|resubscribe/i;
const CONNECTION_TARGET = /connect|subscribe|open|socket|listen|dial|attach|stream|channel|session|consumer/i;

/** The function a timer callback runs: `reconnect`, `this.connect`, `() => this.connect()`. */
function timerTarget(callback: Node): { name: string; call?: TSESTree.CallExpression } | undefined {
  const inner = unwrap(callback);
  if (inner.type === T.Identifier) return { name: inner.name };
  if (inner.type === T.MemberExpression) {
    const name = memberName(inner);
    return name ? { name } : undefined;
  }
  if (inner.type === T.CallExpression && calleeName(inner) === 'bind') {
    const callee = unwrap(inner.callee);
    if (callee.type === T.MemberExpression) return timerTarget(callee.object);
  }
  if (isFunction(inner)) {
    let found: { name: string; call: TSESTree.CallExpression } | undefined;
    const visit = (node: Node): void => {
      if (found || node.type !== T.CallExpression) return;
      const name = calleeName(node);
      if (name && RECONNECT_TARGET.test(name)) found = { name, call: node };
    };
    const body = inner.body;
    if (body.type === T.BlockStatement) {
      for (const statement of body.body) {
        if (statement.type === T.ExpressionStatement) visit(unwrapAwait(statement.expression));
        if (statement.type === T.ReturnStatement && statement.argument) visit(unwrapAwait(statement.argument));
      }
    } else visit(unwrapAwait(body));
    if (found) return found;
    // Any single call: `() => run()`.
    const single = body.type === T.BlockStatement ? body.body[0] : undefined;
    const expr = body.type === T.BlockStatement ? (single?.type === T.ExpressionStatement ? single.expression : undefined) : body;
    const call = expr ? unwrapAwait(expr) : undefined;
    if (call?.type === T.CallExpression) {
      const name = calleeName(call);
      if (name) return { name, call };
    }
  }
  return undefined;
}

function unwrapAwait(node: Node): Node {
  let inner = unwrap(node);
  while (inner.type === T.AwaitExpression || inner.type === T.UnaryExpression) inner = unwrap(inner.argument);
  if (inner.type === T.CallExpression) {
    // `connect().catch(noop)`
    const callee = unwrap(inner.callee);
    if (callee.type === T.MemberExpression && /^(catch|then|finally)$/.test(memberName(callee) ?? '')) {
      const object = unwrap(callee.object);
      if (object.type === T.CallExpression) return object;
    }
  }
  return inner;
}

function enclosingNames(node: Node): Set<string> {
  const names = new Set<string>();
  let current = node.parent;
  while (current) {
    if (isFunction(current)) {
      const name = functionName(current);
      if (name) names.add(name);
    }
    current = current.parent;
  }
  return names;
}

function isGlobalSetTimeout(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    if (callee.name !== 'setTimeout') return false;
    const variable = findVariableFor(sourceCode, callee);
    return !variable || variable.defs.length === 0;
  }
  if (callee.type === T.MemberExpression) {
    const object = unwrap(callee.object);
    return memberName(callee) === 'setTimeout' && object.type === T.Identifier && /^(window|globalThis|global|self)$/.test(object.name);
  }
  return false;
}

export function analyseTimer(call: TSESTree.CallExpression, ctx: RecursionContext): RetryLogic | undefined {
  const { sourceCode } = ctx;
  if (!isGlobalSetTimeout(call, sourceCode)) return undefined;
  const [callback, ms] = call.arguments;
  if (!callback || callback.type === T.SpreadElement) return undefined;
  const target = timerTarget(callback);
  if (!target) return undefined;
  const names = enclosingNames(call);
  const self = names.has(target.name);
  if (!self && !RECONNECT_TARGET.test(target.name)) return undefined;
  const context = failureContext(call, undefined, sourceCode);
  if (!context) return undefined;

  const base = ctx.fileEnv();
  const env: GrowthEnv = { ...base, varying: new Map(base.varying), paramsUnknown: true };
  let paramCounts = false;
  if (target.call) {
    const fn = selfTarget(target.call, sourceCode);
    if (fn) {
      env.paramsUnknown = false;
      paramCounts = paramSteps(fn, target.call, env);
    }
  }
  let wait: RetryLogic['wait'];
  if (!ms || ms.type === T.SpreadElement) wait = { kind: 'none', jitter: false, capped: false };
  else {
    const growth = evaluate(ms, env);
    const folded = foldWaits([{ node: call, growth }], sourceCode);
    wait = {
      kind: growth.kind,
      jitter: growth.jitter,
      capped: growth.capped,
      ...(folded.ms !== undefined && growth.kind === 'constant' ? { ms: folded.ms } : {}),
      ...(growth.helper ? { helper: growth.helper } : {}),
      node: ms,
    };
  }
  const stop = context.handler ?? enclosingFunctionOf(call);
  const bound = boundFrom(stop, context.guards, env, paramCounts, sourceCode);
  const retriesOn = context.tries.length
    ? retriesOnOf(context.tries[0]!, context.tries, context.failureTests, ctx.throwingCalls, sourceCode)
    : context.handler && context.event && context.event !== 'error'
      ? { kind: 'network-only' as const }
      : { kind: 'unknown' as const };
  const region = stop ?? call;
  const singlesOut = findSinglesOut(region, sourceCode);
  const reconnect = CONNECTION_TARGET.test(target.name) || (!!context.event && /close|end|disconnect/i.test(context.event));
  return {
    kind: 'timer',
    node: call,
    reportNode: call,
    wait,
    bound,
    retriesOn,
    ...(singlesOut ? { singlesOut429or503: singlesOut } : {}),
    readsRetryAfter: wait.kind === 'retry-after' || readsRetryAfter(region, sourceCode),
    reconnect,
  };
}

