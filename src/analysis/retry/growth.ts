/**
 * How a delay expression grows from one attempt to the next.
 *
 * An expression is evaluated against an environment that says which values
 * change per attempt (the loop counter, `delay *= 2`, the decremented
 * parameter of a recursive retry) and how. Everything else is constant across
 * attempts. When the engine cannot tell, the answer is 'unknown' and no rule
 * reports it.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import type { WaitKind } from './types';
import {
  RETRY_AFTER_TEXT,
  calleeName,
  constInit,
  findVariableFor,
  isFunction,
  memberName,
  qualifiedCallee,
  resolveFunction,
  returnedExpressions,
  someNode,
  staticNumber,
  unwrap,
  walk,
  walkOwn,
  type FunctionNode,
  type Node,
  type SourceCode,
  type Variable,
} from './util';

const T = AST_NODE_TYPES;

export type GrowthKind = Exclude<WaitKind, 'none'>;

export interface Growth {
  kind: GrowthKind;
  jitter: boolean;
  capped: boolean;
  ms?: number;
  helper?: string;
}

export interface GrowthEnv {
  sourceCode: SourceCode;
  /** Values that change per attempt: variables, or member paths by text (`this.delay`). */
  varying: Map<Variable | string, Growth>;
  /** Parameters of an inlined helper, bound to the growth of their arguments. */
  bindings: Map<Variable, Growth>;
  depth: number;
  /** Parameters are not known to stay constant (timer callbacks scheduled from elsewhere). */
  paramsUnknown?: boolean;
}

const RANK: Record<GrowthKind, number> = { unknown: -1, constant: 1, linear: 2, exponential: 3, 'retry-after': 4 };

export const CONSTANT: Growth = { kind: 'constant', jitter: false, capped: false };
export const UNKNOWN: Growth = { kind: 'unknown', jitter: false, capped: false };

export function createEnv(sourceCode: SourceCode): GrowthEnv {
  return { sourceCode, varying: new Map(), bindings: new Map(), depth: 0 };
}

/** Combines operands (`a * b`, `a + b`): the faster growth wins; unknown taints. */
export function combine(a: Growth, b: Growth): Growth {
  if (a.kind === 'unknown' || b.kind === 'unknown') {
    const unknown = a.kind === 'unknown' ? a : b;
    return { ...UNKNOWN, helper: unknown.helper, jitter: a.jitter || b.jitter };
  }
  const kind = RANK[a.kind] >= RANK[b.kind] ? a.kind : b.kind;
  return { kind, jitter: a.jitter || b.jitter, capped: a.capped || b.capped };
}

/** Combines alternatives (`a ? x : y`, `x ?? y`): the best schedule wins when it is exponential or better. */
export function alternatives(a: Growth, b: Growth): Growth {
  if (a.kind === 'unknown' || b.kind === 'unknown') {
    const known = a.kind === 'unknown' ? b : a;
    if (known.kind !== 'unknown' && RANK[known.kind] >= RANK.exponential) return known;
    return { ...UNKNOWN, helper: a.helper ?? b.helper };
  }
  const best = RANK[a.kind] >= RANK[b.kind] ? a : b;
  return { ...best, jitter: a.jitter || b.jitter, capped: a.capped || b.capped };
}

function memberKey(sourceCode: SourceCode, node: Node): string {
  return sourceCode.getText(node).replace(/\?\./g, '.').replace(/\s+/g, '');
}

const PASS_THROUGH = new Set([
  'Math.floor',
  'Math.ceil',
  'Math.round',
  'Math.trunc',
  'Math.abs',
  'Number',
  'parseInt',
  'parseFloat',
  'Number.parseInt',
  'Number.parseFloat',
  'ms',
]);

/** Evaluates how `expression` changes across attempts. */
export function evaluate(expression: Node, env: GrowthEnv): Growth {
  if (env.depth > 8) return UNKNOWN;
  const node = unwrap(expression);
  const next: GrowthEnv = { ...env, depth: env.depth + 1 };
  switch (node.type) {
    case T.Literal:
      return typeof node.value === 'number' ? { ...CONSTANT, ms: node.value } : CONSTANT;
    case T.TemplateLiteral:
      return node.expressions.length === 0 ? CONSTANT : UNKNOWN;
    case T.Identifier:
      return evaluateIdentifier(node, next);
    case T.MemberExpression: {
      const name = memberName(node);
      if (name && RETRY_AFTER_TEXT.test(name)) return { ...CONSTANT, kind: 'retry-after' };
      const key = memberKey(env.sourceCode, node);
      const varying = env.varying.get(key);
      if (varying) return varying;
      if (node.computed) {
        const index = evaluate(node.property, next);
        if (index.kind !== 'constant') return UNKNOWN; // a schedule table: delays[attempt]
      }
      return CONSTANT;
    }
    case T.AwaitExpression:
      return evaluate(node.argument, next);
    case T.UnaryExpression:
      return evaluate(node.argument, next);
    case T.ConditionalExpression:
      return alternatives(evaluate(node.consequent, next), evaluate(node.alternate, next));
    case T.LogicalExpression:
      return alternatives(evaluate(node.left, next), evaluate(node.right, next));
    case T.SequenceExpression:
      return evaluate(node.expressions[node.expressions.length - 1]!, next);
    case T.AssignmentExpression:
      return evaluate(node.right, next);
    case T.BinaryExpression: {
      if (node.left.type === T.PrivateIdentifier) return UNKNOWN;
      const left = evaluate(node.left, next);
      const right = evaluate(node.right, next);
      switch (node.operator) {
        case '**':
        case '<<':
          if (right.kind === 'linear' || right.kind === 'exponential') {
            return { kind: 'exponential', jitter: left.jitter || right.jitter, capped: left.capped };
          }
          return right.kind === 'constant' ? left : combine(left, right);
        case '*':
        case '+':
        case '-':
          return combine(left, right);
        case '/':
        case '%':
        case '|':
        case '>>':
        case '>>>':
          return right.kind === 'constant' ? left : UNKNOWN;
        default:
          return UNKNOWN;
      }
    }
    case T.CallExpression:
      return evaluateCall(node, next);
    default:
      return UNKNOWN;
  }
}

function evaluateIdentifier(node: TSESTree.Identifier, env: GrowthEnv): Growth {
  if (node.name === 'Infinity' || node.name === 'undefined') return CONSTANT;
  const variable = findVariableFor(env.sourceCode, node);
  if (variable) {
    const bound = env.bindings.get(variable);
    if (bound) return bound;
    const varying = env.varying.get(variable);
    if (varying) return varying;
    if (env.paramsUnknown && variable.defs[0]?.type === 'Parameter') return UNKNOWN;
    const init = constInit(variable);
    if (init) {
      const value = evaluate(init, env);
      if (value.kind !== 'unknown' || value.helper) return value;
      if (RETRY_AFTER_TEXT.test(node.name)) return { ...CONSTANT, kind: 'retry-after' };
      return value;
    }
  }
  if (RETRY_AFTER_TEXT.test(node.name)) return { ...CONSTANT, kind: 'retry-after' };
  return CONSTANT;
}

function maxOfArgs(args: readonly Node[], env: GrowthEnv): Growth {
  let out: Growth | undefined;
  for (const arg of args) {
    if (arg.type === T.SpreadElement) return UNKNOWN;
    const value = evaluate(arg, env);
    out = out ? combine(out, value) : value;
  }
  return out ?? CONSTANT;
}

function evaluateCall(node: TSESTree.CallExpression, env: GrowthEnv): Growth {
  const name = qualifiedCallee(node) ?? calleeName(node);
  const simple = calleeName(node);
  if (
    (simple && RETRY_AFTER_TEXT.test(simple)) ||
    node.arguments.some((arg) => arg.type === T.Literal && typeof arg.value === 'string' && RETRY_AFTER_TEXT.test(arg.value))
  ) {
    return { ...CONSTANT, kind: 'retry-after' };
  }
  if (name === 'Math.random' || (simple && /random/i.test(simple))) {
    return { ...maxOfArgs(node.arguments, env), jitter: true };
  }
  if (name === 'Math.pow') {
    const [base, exponent] = node.arguments;
    if (!base || !exponent) return UNKNOWN;
    const power = evaluate(exponent, env);
    if (power.kind === 'linear' || power.kind === 'exponential') return { kind: 'exponential', jitter: false, capped: false };
    return combine(evaluate(base, env), power);
  }
  if (name === 'Math.min') {
    const values = node.arguments.map((arg) => (arg.type === T.SpreadElement ? UNKNOWN : evaluate(arg, env)));
    let out = values[0] ?? UNKNOWN;
    for (const value of values.slice(1)) out = combine(out, value);
    const growing = values.some((v) => v.kind === 'linear' || v.kind === 'exponential');
    const fixed = values.some((v) => v.kind === 'constant');
    return { ...out, capped: out.capped || (growing && fixed) };
  }
  if (name === 'Math.max') return maxOfArgs(node.arguments, env);
  if (name && PASS_THROUGH.has(name)) {
    return node.arguments[0] ? evaluate(node.arguments[0], env) : UNKNOWN;
  }
  if (simple && /jitter/i.test(simple)) return { ...maxOfArgs(node.arguments, env), jitter: true };
  const callee = unwrap(node.callee);
  if (callee.type === T.Identifier) {
    const fn = resolveFunction(env.sourceCode, callee);
    if (fn) return inlineReturn(fn, node.arguments, env, simple);
  }
  return { ...UNKNOWN, helper: simple };
}

/** Binds the parameters of a local helper to its arguments' growth. */
export function bindParams(fn: FunctionNode, args: readonly Node[], env: GrowthEnv): GrowthEnv {
  const bindings = new Map(env.bindings);
  const scope = env.sourceCode.scopeManager?.acquire(fn);
  fn.params.forEach((param, index) => {
    const target =
      param.type === T.AssignmentPattern ? param.left : param.type === T.TSParameterProperty ? param.parameter : param;
    if (target.type !== T.Identifier || !scope) return;
    const variable = scope.set.get(target.name);
    if (!variable) return;
    const arg = args[index];
    if (arg && arg.type !== T.SpreadElement) bindings.set(variable, evaluate(arg, env));
    else if (param.type === T.AssignmentPattern) bindings.set(variable, evaluate(param.right, env));
    else bindings.set(variable, CONSTANT);
  });
  return { ...env, bindings };
}

function inlineReturn(fn: FunctionNode, args: readonly Node[], env: GrowthEnv, name: string | undefined): Growth {
  const inner = bindParams(fn, args, env);
  const returns = returnedExpressions(fn, env.sourceCode.visitorKeys);
  if (returns.length === 0) return { ...UNKNOWN, helper: name };
  let out: Growth | undefined;
  for (const expression of returns) {
    const value = evaluate(expression, inner);
    out = out ? alternatives(out, value) : value;
  }
  const result = out ?? UNKNOWN;
  return result.kind === 'unknown' ? { ...result, helper: result.helper ?? name } : result;
}

// ---------------------------------------------------------------------------
// Per-attempt values

type Write = TSESTree.AssignmentExpression | TSESTree.UpdateExpression;

const WRAPPERS = new Set(['Math.min', 'Math.max', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Number']);

function refersTo(node: Node, target: Node, sourceCode: SourceCode): boolean {
  const key = target.type === T.Identifier ? target.name : memberKey(sourceCode, target);
  const inner = unwrap(node);
  if (target.type === T.Identifier) return inner.type === T.Identifier && inner.name === key;
  return inner.type === T.MemberExpression && memberKey(sourceCode, inner) === key;
}

function mentions(node: Node, target: Node, sourceCode: SourceCode): boolean {
  return !!someNode(node, sourceCode.visitorKeys, (n) => refersTo(n, target, sourceCode), false);
}

/**
 * The step of one write to a per-attempt value, or undefined for a reset to a
 * literal or a write whose value the caller must evaluate (`deferred`).
 */
function stepOf(write: Write, sourceCode: SourceCode): Growth | 'reset' | 'deferred' {
  if (write.type === T.UpdateExpression) return { kind: 'linear', jitter: false, capped: false };
  const target = write.left;
  const jitter = /random|jitter/i.test(sourceCode.getText(write.right));
  switch (write.operator) {
    case '+=':
    case '-=':
      return mentions(write.right, target, sourceCode) ? UNKNOWN : { kind: 'linear', jitter, capped: false };
    case '*=':
    case '<<=':
    case '**=':
      return { kind: 'exponential', jitter, capped: false };
    case '=':
      break;
    default:
      return UNKNOWN;
  }
  return selfStep(write.right, target, sourceCode);
}

/**
 * How `target` changes when it is replaced by `rhs`: `d * 2` exponential,
 * `n - 1` linear; 'reset' for a literal, 'deferred' when `rhs` does not
 * mention `target` (the caller evaluates it).
 */
export function selfStep(value: Node, target: Node, sourceCode: SourceCode): Growth | 'reset' | 'deferred' {
  const jitter = /random|jitter/i.test(sourceCode.getText(value));
  let rhs = unwrap(value);
  let capped = false;
  if (rhs.type === T.UpdateExpression && refersTo(rhs.argument, target, sourceCode)) {
    return { kind: 'linear', jitter: false, capped: false };
  }
  while (rhs.type === T.CallExpression && WRAPPERS.has(qualifiedCallee(rhs) ?? '')) {
    if (qualifiedCallee(rhs) === 'Math.min') capped = true;
    const self = rhs.arguments.find((arg) => mentions(arg, target, sourceCode));
    if (!self) break;
    rhs = unwrap(self);
  }
  if (!mentions(rhs, target, sourceCode)) {
    if (rhs.type === T.Literal) return 'reset';
    return 'deferred';
  }
  if (rhs.type === T.BinaryExpression && rhs.left.type !== T.PrivateIdentifier) {
    const leftSelf = refersTo(rhs.left, target, sourceCode);
    const rightSelf = refersTo(rhs.right, target, sourceCode);
    if (leftSelf !== rightSelf) {
      const other = leftSelf ? rhs.right : rhs.left;
      if (mentions(other, target, sourceCode)) return UNKNOWN;
      if (rhs.operator === '*' || (rhs.operator === '<<' && leftSelf)) return { kind: 'exponential', jitter, capped };
      if (rhs.operator === '+' || (rhs.operator === '-' && leftSelf)) return { kind: 'linear', jitter, capped };
    }
    // delay = delay * 2 + jitter
    if (rhs.operator === '+' && rhs.left.type === T.BinaryExpression && rhs.left.operator === '*') {
      const inner = rhs.left;
      if (refersTo(inner.left as Node, target, sourceCode) || refersTo(inner.right, target, sourceCode)) {
        return { kind: 'exponential', jitter, capped };
      }
    }
  }
  return UNKNOWN;
}


export interface WriteTarget {
  key: Variable | string;
  node: Node;
}

export function writeTarget(write: Write, sourceCode: SourceCode): WriteTarget | undefined {
  const target = unwrap(write.type === T.UpdateExpression ? write.argument : write.left);
  if (target.type === T.Identifier) {
    const variable = findVariableFor(sourceCode, target);
    return variable ? { key: variable, node: target } : undefined;
  }
  if (target.type === T.MemberExpression && !target.computed) return { key: memberKey(sourceCode, target), node: target };
  return undefined;
}

/**
 * Fills `env.varying` with the values written in `region` (`i++`,
 * `delay *= 2`, `wait = base * 2 ** i`). With `ownOnly` false, writes in
 * nested functions count too (timer retries keep state in closures and
 * fields).
 */
export function collectVarying(region: Node, env: GrowthEnv, ownOnly = true): void {
  const { sourceCode } = env;
  const writes: Write[] = [];
  const visit = (node: Node): void => {
    if (node.type === T.AssignmentExpression || node.type === T.UpdateExpression) writes.push(node);
  };
  if (ownOnly) walkOwn(region, sourceCode.visitorKeys, visit);
  else walk(region, sourceCode.visitorKeys, visit);
  const steps = new Map<Variable | string, { steps: Growth[]; deferred: Node[] }>();
  for (const write of writes) {
    const target = writeTarget(write, sourceCode);
    if (!target) continue;
    let entry = steps.get(target.key);
    if (!entry) {
      entry = { steps: [], deferred: [] };
      steps.set(target.key, entry);
      // `let wait = base * 2 ** i;` declared inside the region and reassigned
      if (typeof target.key !== 'string') {
        const def = target.key.defs[0];
        if (def?.node.type === T.VariableDeclarator && def.node.init && regionContains(region, def.node)) {
          entry.deferred.push(def.node.init);
        }
      }
    }
    const step = stepOf(write, sourceCode);
    if (step === 'deferred') entry.deferred.push((write as TSESTree.AssignmentExpression).right);
    else if (step !== 'reset') entry.steps.push(step);
  }
  // First the self-updating values (counters, `delay *= 2`), then values computed from them.
  for (const [key, entry] of steps) {
    if (entry.steps.length > 0 && entry.deferred.length === 0) env.varying.set(key, fold(entry.steps));
  }
  for (let round = 0; round < 2; round++) {
    for (const [key, entry] of steps) {
      if (entry.deferred.length === 0) continue;
      const values = [...entry.steps];
      for (const rhs of entry.deferred) values.push(evaluate(rhs, { ...env, varying: withoutKey(env.varying, key) }));
      env.varying.set(key, fold(values));
    }
  }
}

function withoutKey(map: Map<Variable | string, Growth>, key: Variable | string): Map<Variable | string, Growth> {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}

function regionContains(region: Node, node: Node): boolean {
  return node.range[0] >= region.range[0] && node.range[1] <= region.range[1];
}

function fold(values: Growth[]): Growth {
  let out: Growth | undefined;
  for (const value of values) out = out ? alternatives(out, value) : value;
  return out ?? UNKNOWN;
}

// ---------------------------------------------------------------------------
// Waits

const SLEEP_NAME = /^(sleep|delay|wait|pause|snooze|timeout|setTimeout|setTimeoutPromise|sleepMs|delayMs|waitMs|wait_ms|sleep_ms|waitTimeout)$/i;
const WAIT_HELPER_NAME = /backoff|jitter|retryDelay|waitBefore|sleepBefore|delayBefore|cooldown/i;

export interface Wait {
  node: Node;
  growth: Growth;
}

/** The timer callback's delay inside `new Promise(r => setTimeout(r, ms))`. */
function promiseTimer(node: TSESTree.NewExpression, sourceCode: SourceCode): Node | undefined {
  const callee = unwrap(node.callee);
  if (callee.type !== T.Identifier || callee.name !== 'Promise') return undefined;
  const executor = node.arguments[0];
  if (!executor || !isFunction(executor)) return undefined;
  let ms: Node | undefined;
  someNode(
    executor.body,
    sourceCode.visitorKeys,
    (n) => {
      if (n.type === T.CallExpression && calleeName(n) === 'setTimeout' && n.arguments.length >= 2) {
        ms = n.arguments[1];
        return true;
      }
      return false;
    },
    false,
  );
  return ms;
}

/**
 * If `node` (the argument of an `await`) waits, how the wait grows;
 * undefined when it is not a wait.
 */
export function waitGrowth(node: Node, env: GrowthEnv): Growth | undefined {
  const inner = unwrap(node);
  if (inner.type === T.NewExpression) {
    const ms = promiseTimer(inner, env.sourceCode);
    return ms ? evaluate(ms, env) : undefined;
  }
  if (inner.type !== T.CallExpression) return undefined;
  const name = calleeName(inner);
  const qualified = qualifiedCallee(inner);
  const callee = unwrap(inner.callee);
  // promisify(setTimeout)(ms)
  if (callee.type === T.CallExpression) {
    const arg = callee.arguments[0];
    if (calleeName(callee) === 'promisify' && arg && arg.type === T.Identifier && arg.name === 'setTimeout') {
      return inner.arguments[0] ? evaluate(inner.arguments[0], env) : UNKNOWN;
    }
    return undefined;
  }
  if (qualified === 'Atomics.wait') return inner.arguments[3] ? evaluate(inner.arguments[3], env) : UNKNOWN;
  if (qualified === 'scheduler.wait') return inner.arguments[0] ? evaluate(inner.arguments[0], env) : UNKNOWN;
  if (!name) return undefined;
  if (callee.type === T.Identifier && isTimersPromise(callee, env.sourceCode)) {
    return inner.arguments[0] ? evaluate(inner.arguments[0], env) : UNKNOWN;
  }
  // A local helper: look inside for its timer.
  if (callee.type === T.Identifier && env.depth < 4) {
    const fn = resolveFunction(env.sourceCode, callee);
    if (fn) {
      const inside = innerWait(fn, inner.arguments, env);
      if (inside) return inside;
      if (!SLEEP_NAME.test(name) && !WAIT_HELPER_NAME.test(name)) return undefined;
    }
  }
  if (name === 'setTimeout') {
    const first = inner.arguments[0];
    if (!first || isFunction(first)) return undefined;
    return evaluate(first, env);
  }
  if (SLEEP_NAME.test(name)) {
    const first = inner.arguments[0];
    if (!first || first.type === T.SpreadElement) return { ...UNKNOWN, helper: name };
    const value = evaluate(first, env);
    return value.kind === 'unknown' ? { ...value, helper: value.helper ?? name } : value;
  }
  if (RETRY_AFTER_TEXT.test(name)) return { ...CONSTANT, kind: 'retry-after' };
  if (WAIT_HELPER_NAME.test(name)) return { ...UNKNOWN, helper: name };
  return undefined;
}

const TIMER_MODULES = /^(node:)?timers\/promises$|^(delay|sleep-promise|timers-ext\/promise\/sleep|await-sleep|sleep-async)$/;

/** `setTimeout` from `node:timers/promises` (any alias), or the default export of a sleep package. */
function isTimersPromise(identifier: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = findVariableFor(sourceCode, identifier);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent as TSESTree.ImportDeclaration;
    if (!TIMER_MODULES.test(String(declaration.source.value))) return false;
    const spec = def.node;
    if (spec.type === T.ImportDefaultSpecifier) return !/timers/.test(String(declaration.source.value));
    if (spec.type === T.ImportSpecifier) {
      const imported = spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value);
      return imported === 'setTimeout';
    }
    return false;
  }
  if (def.node.type === T.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    const source =
      init.type === T.CallExpression && calleeName(init) === 'require' && init.arguments[0]?.type === T.Literal
        ? String(init.arguments[0].value)
        : undefined;
    if (!source || !TIMER_MODULES.test(source)) return false;
    if (def.node.id.type === T.Identifier) return !/timers/.test(source);
    if (def.node.id.type === T.ObjectPattern) {
      return def.node.id.properties.some(
        (p) => p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'setTimeout' && unwrap(p.value).type === T.Identifier && (unwrap(p.value) as TSESTree.Identifier).name === identifier.name,
      );
    }
  }
  return false;
}

/** The wait inside a local helper (`function sleep(ms) { return new Promise(...) }`). */
function innerWait(fn: FunctionNode, args: readonly Node[], env: GrowthEnv): Growth | undefined {
  const inner = bindParams(fn, args, { ...env, depth: env.depth + 1 });
  let found: Growth | undefined;
  walkOwn(fn.body, env.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.NewExpression) {
      const ms = promiseTimer(n, env.sourceCode);
      if (ms) found = evaluate(ms, inner);
    } else if (n.type === T.AwaitExpression || (n.type === T.ReturnStatement && n.argument)) {
      const target = n.type === T.AwaitExpression ? n.argument : n.argument!;
      const value = waitGrowth(target, inner);
      if (value) found = value;
    }
    return undefined;
  });
  if (!found && fn.body.type !== T.BlockStatement) found = waitGrowth(fn.body, inner);
  return found;
}

/** Every wait in `region` (not in nested functions): `await sleep(ms)`, `await new Promise(...)`, `Atomics.wait`. */
export function findWaits(region: Node, env: GrowthEnv): Wait[] {
  const waits: Wait[] = [];
  walkOwn(region, env.sourceCode.visitorKeys, (node) => {
    if (node.type === T.AwaitExpression || node.type === T.YieldExpression) {
      if (!node.argument) return undefined;
      const growth = waitGrowth(node.argument, env);
      if (growth) {
        waits.push({ node, growth });
        return false;
      }
    } else if (node.type === T.CallExpression) {
      // sleep(ms).then(() => retry())
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression && memberName(callee) === 'then') {
        const growth = waitGrowth(callee.object, env);
        if (growth) {
          waits.push({ node, growth });
          return false;
        }
      }
      const name = qualifiedCallee(node);
      if (name === 'Atomics.wait' || /sleepSync$/i.test(calleeName(node) ?? '')) {
        const ms = name === 'Atomics.wait' ? node.arguments[3] : node.arguments[0];
        waits.push({ node, growth: ms ? evaluate(ms, env) : UNKNOWN });
      }
    }
    return undefined;
  });
  return waits;
}

/** Folds the waits of one retry into one answer, with its constant value when known. */
export function foldWaits(waits: Wait[], sourceCode: SourceCode): Growth & { node?: Node } {
  let out: (Growth & { node?: Node }) | undefined;
  for (const wait of waits) {
    out = out ? { ...alternatives(out, wait.growth), node: out.node } : { ...wait.growth, node: wait.node };
  }
  if (!out) return { ...UNKNOWN };
  if (out.kind === 'constant' && out.ms === undefined && waits.length === 1) {
    const arg = msArgument(waits[0]!.node, sourceCode);
    const ms = arg ? staticNumber(sourceCode, arg) : undefined;
    if (ms !== undefined) out.ms = ms;
  }
  return out;
}

function msArgument(node: Node, sourceCode: SourceCode): Node | undefined {
  let inner = unwrap(node);
  if (inner.type === T.AwaitExpression) inner = unwrap(inner.argument);
  if (inner.type === T.CallExpression) {
    return qualifiedCallee(inner) === 'Atomics.wait' ? inner.arguments[3] : inner.arguments[0];
  }
  if (inner.type === T.NewExpression) return promiseTimer(inner, sourceCode);
  return undefined;
}
