/**
 * Retry libraries and retry options of HTTP clients, with each library's
 * defaults (checked in their sources; see docs/rules/require-retry-backoff.md):
 *
 * - axios-retry: 3 retries, no delay unless `retryDelay`; network errors, 5xx and 429 for idempotent requests.
 * - fetch-retry: 3 retries, a constant 1000 ms; network errors only unless `retryOn`.
 * - p-retry / promise-retry / retry: 10 retries, ×2 from 1000 ms, no cap, no jitter.
 * - async-retry: same schedule, randomised.
 * - got: 2 retries, exponential with noise, honours Retry-After; ky: 2 retries, 0.3 s × 2ⁿ, honours Retry-After.
 * - undici RetryAgent/RetryHandler: 5 retries, 500 ms × 2 capped at 30 s, honours Retry-After.
 * - cockatiel `retry()`: no delay and no attempt limit unless configured.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import type { RetriesOn, RetryBound, RetryLibrary, RetryLogic, RetryWait } from './types';
import { classifyStatusTest, findSinglesOut, RETRYABLE_HELPER, singlesOutList } from './conditions';
import { createEnv, evaluate, alternatives, UNKNOWN, type Growth, type GrowthEnv } from './growth';
import {
  RETRY_AFTER_TEXT,
  calleeName,
  findVariableFor,
  memberName,
  objectProperty,
  resolveFunctionValue,
  resolveObject,
  returnedExpressions,
  someNode,
  staticBoolean,
  staticNumber,
  staticNumberArray,
  unwrap,
  walkOwn,
  type FunctionNode,
  type Node,
  type SourceCode,
} from './util';

const T = AST_NODE_TYPES;
const { ReferenceTracker } = ASTUtils;
const { CALL, CONSTRUCT, READ } = ReferenceTracker;

type Info = string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ReferenceTracker's trace map type is not exported
type TraceMap = Record<PropertyKey, any>;

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'paginate'];

function withDefault(map: TraceMap): TraceMap {
  return { ...map, default: map };
}

function clientMap(name: string): TraceMap {
  const map: TraceMap = { [CALL]: name, extend: { [CALL]: `${name}:extend` }, create: { [CALL]: `${name}:extend` } };
  for (const method of HTTP_METHODS) map[method] = { [CALL]: name };
  return withDefault(map);
}

const TRACE_MAP: TraceMap = {
  'axios-retry': withDefault({
    [CALL]: 'axios-retry',
    exponentialDelay: { [READ]: 'axios-retry:exponentialDelay' },
    linearDelay: { [CALL]: 'axios-retry:linearDelay' },
    isNetworkOrIdempotentRequestError: { [READ]: 'axios-retry:condition' },
    isRetryableError: { [READ]: 'axios-retry:condition' },
    isNetworkError: { [READ]: 'axios-retry:network' },
    isIdempotentRequestError: { [READ]: 'axios-retry:condition' },
    isSafeRequestError: { [READ]: 'axios-retry:condition' },
  }),
  'fetch-retry': withDefault({ [CALL]: 'fetch-retry' }),
  'p-retry': withDefault({ [CALL]: 'p-retry', AbortError: { [CONSTRUCT]: 'abort' } }),
  'async-retry': withDefault({ [CALL]: 'async-retry' }),
  'promise-retry': withDefault({ [CALL]: 'promise-retry' }),
  retry: withDefault({ operation: { [CALL]: 'retry:operation' } }),
  got: clientMap('got'),
  ky: clientMap('ky'),
  axios: withDefault({
    [CALL]: 'axios',
    get: { [CALL]: 'axios' },
    post: { [CALL]: 'axios' },
    put: { [CALL]: 'axios' },
    patch: { [CALL]: 'axios' },
    delete: { [CALL]: 'axios' },
    head: { [CALL]: 'axios' },
    request: { [CALL]: 'axios' },
  }),
  cockatiel: {
    retry: { [CALL]: 'cockatiel:retry' },
    ExponentialBackoff: { [CONSTRUCT]: 'cockatiel:exponential' },
    ConstantBackoff: { [CONSTRUCT]: 'cockatiel:constant' },
    handleAll: { [READ]: 'cockatiel:handleAll' },
    Policy: {
      handleAll: { [CALL]: 'cockatiel:policy' },
      handleType: { [CALL]: 'cockatiel:policy' },
      handleWhen: { [CALL]: 'cockatiel:policy' },
    },
  },
  undici: {
    RetryAgent: { [CONSTRUCT]: 'undici:agent' },
    RetryHandler: { [CONSTRUCT]: 'undici:handler' },
  },
};

export interface LibraryFacts {
  logics: RetryLogic[];
  /** Calls that throw on a 4xx response (axios, got, ky). */
  throwingCalls: Set<Node>;
}

interface Found {
  node: Node;
  info: Info;
}

/** A quoted module name the trace map knows: without one, no import or require can reach a retry library. */
const LIBRARY_SPECIFIER = new RegExp(`['"\`](?:${Object.keys(TRACE_MAP).join('|')})['"\`]`);

export function findLibraryRetries(sourceCode: SourceCode, scope: TSESLint.Scope.Scope): LibraryFacts {
  if (!LIBRARY_SPECIFIER.test(sourceCode.text)) return { logics: [], throwingCalls: new Set() };
  const tracker = new ReferenceTracker(scope, { mode: 'legacy' });
  const found: Found[] = [];
  for (const ref of tracker.iterateEsmReferences(TRACE_MAP)) found.push({ node: ref.node, info: ref.info as Info });
  for (const ref of requireReferences(sourceCode)) found.push(ref);
  const byInfo = (prefix: string): Set<Node> => new Set(found.filter((f) => f.info === prefix).map((f) => f.node));
  const facts: LibraryFacts = { logics: [], throwingCalls: new Set() };
  for (const f of found) {
    if (f.info === 'axios' || f.info === 'got' || f.info === 'ky') facts.throwingCalls.add(f.node);
  }
  const ctx: LibContext = {
    sourceCode,
    exponentialDelay: byInfo('axios-retry:exponentialDelay'),
    axiosConditions: byInfo('axios-retry:condition'),
    axiosNetwork: byInfo('axios-retry:network'),
    abortErrors: byInfo('abort'),
    throwingCalls: facts.throwingCalls,
    cockatielExponential: byInfo('cockatiel:exponential'),
    cockatielConstant: byInfo('cockatiel:constant'),
  };
  for (const f of found) {
    const logic = analyse(f, ctx);
    if (Array.isArray(logic)) facts.logics.push(...logic);
    else if (logic) facts.logics.push(logic);
  }
  return facts;
}

/**
 * CommonJS references (`const axiosRetry = require('axios-retry')`,
 * `require('p-retry').default`, `const { AbortError } = require('p-retry')`).
 * ReferenceTracker only sees `require` when it is a declared global, which
 * depends on the user's `languageOptions.globals`; this follows an
 * unresolved `require` itself.
 */
function requireReferences(sourceCode: SourceCode): Found[] {
  const out: Found[] = [];
  if (!/\brequire\s*\(/.test(sourceCode.text)) return out;
  const globalScope = sourceCode.scopeManager?.globalScope;
  const requires = globalScope?.through.filter((ref) => ref.identifier.name === 'require') ?? [];
  const declared = globalScope?.set.get('require');
  const identifiers = [...requires.map((ref) => ref.identifier), ...(declared?.references.map((ref) => ref.identifier) ?? [])];
  for (const identifier of identifiers) {
    const call = identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== identifier) continue;
    const arg = call.arguments[0];
    if (!arg || arg.type !== T.Literal || typeof arg.value !== 'string') continue;
    const map = TRACE_MAP[arg.value];
    if (map) follow(call, map, out, sourceCode, 0);
  }
  return out;
}

function follow(node: Node, map: TraceMap, out: Found[], sourceCode: SourceCode, depth: number): void {
  if (depth > 5) return;
  const parent = node.parent;
  if (!parent) return;
  if (parent.type === T.MemberExpression && parent.object === node) {
    const name = memberName(parent);
    if (name && map[name]) follow(parent, map[name], out, sourceCode, depth + 1);
    if (map[READ] && name === undefined) out.push({ node: parent, info: map[READ] });
    return;
  }
  if (map[READ]) out.push({ node, info: map[READ] });
  if (parent.type === T.CallExpression && parent.callee === node && map[CALL]) {
    out.push({ node: parent, info: map[CALL] });
  } else if (parent.type === T.NewExpression && parent.callee === node && map[CONSTRUCT]) {
    out.push({ node: parent, info: map[CONSTRUCT] });
  } else if (parent.type === T.VariableDeclarator && parent.init === node) {
    const id = parent.id;
    if (id.type === T.Identifier) {
      const variable = findVariableFor(sourceCode, id);
      for (const ref of variable?.references ?? []) {
        if (ref.init || ref.identifier === id) continue;
        follow(ref.identifier, map, out, sourceCode, depth + 1);
      }
    } else if (id.type === T.ObjectPattern) {
      for (const property of id.properties) {
        if (property.type !== T.Property || property.computed || property.key.type !== T.Identifier) continue;
        const sub = map[property.key.name];
        const value = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
        if (!sub || value.type !== T.Identifier) continue;
        const variable = findVariableFor(sourceCode, value);
        for (const ref of variable?.references ?? []) {
          if (ref.init || ref.identifier === value) continue;
          follow(ref.identifier, sub, out, sourceCode, depth + 1);
        }
      }
    }
  }
}

/** `set` holds `node`, or the import specifier `node` (an identifier) was bound by. */
function isRef(set: Set<Node>, node: Node, sourceCode: SourceCode): boolean {
  if (set.has(node)) return true;
  if (node.type !== T.Identifier) return false;
  const def = findVariableFor(sourceCode, node)?.defs[0];
  return !!def && set.has(def.node as Node);
}

interface LibContext {
  sourceCode: SourceCode;
  exponentialDelay: Set<Node>;
  axiosConditions: Set<Node>;
  axiosNetwork: Set<Node>;
  abortErrors: Set<Node>;
  throwingCalls: Set<Node>;
  cockatielExponential: Set<Node>;
  cockatielConstant: Set<Node>;
}

function analyse(found: Found, ctx: LibContext): RetryLogic | RetryLogic[] | undefined {
  const node = found.node;
  if (node.type !== T.CallExpression && node.type !== T.NewExpression) return undefined;
  switch (found.info) {
    case 'axios-retry':
      return axiosRetry(node as TSESTree.CallExpression, ctx);
    case 'fetch-retry':
      return fetchRetry(node as TSESTree.CallExpression, ctx);
    case 'p-retry':
    case 'async-retry':
    case 'promise-retry':
      return promiseStyle(node as TSESTree.CallExpression, found.info, ctx);
    case 'retry:operation':
      return nodeRetry(node as TSESTree.CallExpression, ctx);
    case 'got':
    case 'got:extend':
    case 'ky':
    case 'ky:extend':
      return clientRetry(node as TSESTree.CallExpression, found.info.startsWith('got') ? 'got' : 'ky', ctx);
    case 'undici:agent':
    case 'undici:handler':
      return undiciRetry(node as TSESTree.NewExpression, found.info === 'undici:agent', ctx);
    case 'cockatiel:retry':
      return cockatielRetry(node as TSESTree.CallExpression, ctx);
    case 'cockatiel:policy':
      return cockatielPolicy(node as TSESTree.CallExpression, ctx);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// shared pieces

function options(ctx: LibContext, node: Node | undefined): TSESTree.ObjectExpression | undefined {
  return resolveObject(ctx.sourceCode, node);
}

function prop(ctx: LibContext, object: TSESTree.ObjectExpression | undefined, name: string): Node | undefined {
  return objectProperty(ctx.sourceCode, object, name);
}

function num(ctx: LibContext, object: TSESTree.ObjectExpression | undefined, name: string): number | undefined {
  return staticNumber(ctx.sourceCode, prop(ctx, object, name));
}

const ATTEMPT_NAME = /attempt|retry|retries|count|number|^n$|^i$/i;

/**
 * Growth of a delay callback's result: the attempt parameter (first, or a
 * destructured `attemptCount`) grows linearly, got's `computedValue` is
 * exponential, other parameters are unknown.
 */
function delayFunction(fn: FunctionNode, ctx: LibContext, extra?: (name: string) => Growth | undefined): Growth {
  const env: GrowthEnv = { ...createEnv(ctx.sourceCode), paramsUnknown: true };
  const scope = ctx.sourceCode.scopeManager?.acquire(fn);
  if (scope) {
    fn.params.forEach((param, index) => {
      const target = param.type === T.AssignmentPattern ? param.left : param;
      const names: { name: string; index: number }[] = [];
      if (target.type === T.Identifier) names.push({ name: target.name, index });
      else if (target.type === T.ObjectPattern) {
        for (const p of target.properties) {
          if (p.type === T.Property && p.value.type === T.Identifier) names.push({ name: p.value.name, index: -1 });
          else if (p.type === T.Property && p.value.type === T.AssignmentPattern && p.value.left.type === T.Identifier) {
            names.push({ name: p.value.left.name, index: -1 });
          }
        }
      }
      for (const { name, index: i } of names) {
        const variable = scope.set.get(name);
        if (!variable) continue;
        const special = extra?.(name);
        if (special) env.bindings.set(variable, special);
        else if (i === 0 || (i === -1 && ATTEMPT_NAME.test(name))) env.bindings.set(variable, { kind: 'linear', jitter: false, capped: false });
      }
    });
  }
  let out: Growth | undefined;
  for (const expression of returnedExpressions(fn, ctx.sourceCode.visitorKeys)) {
    const value = evaluate(expression, env);
    out = out ? alternatives(out, value) : value;
  }
  return out ?? UNKNOWN;
}

function growthToWait(growth: Growth, node: Node | undefined): RetryWait {
  return {
    kind: growth.kind,
    jitter: growth.jitter,
    capped: growth.capped,
    ...(growth.kind === 'constant' && growth.ms !== undefined ? { ms: growth.ms } : {}),
    ...(growth.helper ? { helper: growth.helper } : {}),
    ...(node ? { node } : {}),
  };
}

/** Classifies a retry predicate (`retryCondition`, `retryOn`, `shouldRetry`). */
function conditionFunction(fn: FunctionNode, ctx: LibContext, valueNode: Node): RetriesOn {
  const returns = returnedExpressions(fn, ctx.sourceCode.visitorKeys);
  if (returns.length > 0 && returns.every((r) => staticBoolean(ctx.sourceCode, r) === true)) {
    return { kind: 'any-failure', node: valueNode };
  }
  const body = fn.body;
  const restricted = someNode(body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.Identifier && (isRef(ctx.axiosConditions, n, ctx.sourceCode) || isRef(ctx.axiosNetwork, n, ctx.sourceCode))) return true;
    if (n.type === T.MemberExpression && (ctx.axiosConditions.has(n) || ctx.axiosNetwork.has(n))) return true;
    if (n.type === T.CallExpression && RETRYABLE_HELPER.test(calleeName(n) ?? '')) return true;
    return false;
  }, false);
  if (restricted) return { kind: 'server-errors' };
  const classified = classifyStatusTest(body, ctx.sourceCode);
  if (classified.kind === 'restricts') return { kind: 'server-errors' };
  if (classified.kind === 'lets-4xx-through') return { kind: 'any-failure', node: classified.node ?? valueNode };
  return { kind: 'unknown' };
}

function statusList(ctx: LibContext, node: Node | undefined, extraRetryable: number[] = []): RetriesOn | undefined {
  const list = staticNumberArray(ctx.sourceCode, node);
  if (!list || !node) return undefined;
  const clientError = list.some((code) => code >= 400 && code < 500 && code !== 408 && code !== 429 && !extraRetryable.includes(code));
  return clientError ? { kind: 'any-failure', node } : { kind: 'server-errors' };
}

function singles(ctx: LibContext, ...nodes: (Node | undefined)[]): Node | undefined {
  for (const node of nodes) {
    if (!node) continue;
    const list = staticNumberArray(ctx.sourceCode, node);
    if (list && singlesOutList(list)) return node;
    const fn = resolveFunctionValue(ctx.sourceCode, node);
    const found = findSinglesOut(fn ?? node, ctx.sourceCode);
    if (found) return found;
  }
  return undefined;
}

function mentionsRetryAfter(ctx: LibContext, node: Node | undefined): boolean {
  if (!node) return false;
  const fn = resolveFunctionValue(ctx.sourceCode, node);
  return RETRY_AFTER_TEXT.test(ctx.sourceCode.getText(fn ?? node));
}

function countBound(retries: number | undefined, node: Node | undefined): RetryBound {
  if (retries === Infinity) return { kind: 'none', ...(node ? { node } : {}) };
  return { kind: 'count', ...(node ? { node } : {}), ...(retries !== undefined && retries >= 0 ? { attempts: retries + 1 } : {}) };
}

function logic(library: RetryLibrary, node: Node, reportNode: Node, parts: Omit<RetryLogic, 'kind' | 'node' | 'reportNode' | 'library'>): RetryLogic {
  return { kind: 'library', library, node, reportNode, ...parts };
}

// ---------------------------------------------------------------------------
// libraries

function axiosRetry(call: TSESTree.CallExpression, ctx: LibContext): RetryLogic | undefined {
  const opts = options(ctx, call.arguments[1]);
  if (call.arguments[1] && !opts) return undefined;
  const retries = num(ctx, opts, 'retries');
  if (retries === 0) return undefined;
  const delayNode = prop(ctx, opts, 'retryDelay');
  let wait: RetryWait;
  let readsRetryAfter = false;
  if (!delayNode) wait = { kind: 'none', jitter: false, capped: false, ms: 0 };
  else {
    const inner = unwrap(delayNode);
    if (isRef(ctx.exponentialDelay, inner, ctx.sourceCode)) {
      wait = { kind: 'exponential', jitter: true, capped: false, node: delayNode };
      readsRetryAfter = true;
    } else if (inner.type === T.CallExpression && calleeName(inner) === 'linearDelay') {
      wait = { kind: 'linear', jitter: false, capped: false, node: delayNode };
    } else {
      const fn = resolveFunctionValue(ctx.sourceCode, delayNode);
      wait = fn ? growthToWait(delayFunction(fn, ctx), delayNode) : { kind: 'unknown', jitter: false, capped: false };
      readsRetryAfter = mentionsRetryAfter(ctx, delayNode);
    }
  }
  const conditionNode = prop(ctx, opts, 'retryCondition');
  let retriesOn: RetriesOn = { kind: 'server-errors' };
  if (conditionNode) {
    const inner = unwrap(conditionNode);
    if (isRef(ctx.axiosConditions, inner, ctx.sourceCode)) retriesOn = { kind: 'server-errors' };
    else if (isRef(ctx.axiosNetwork, inner, ctx.sourceCode)) retriesOn = { kind: 'network-only' };
    else {
      const fn = resolveFunctionValue(ctx.sourceCode, conditionNode);
      retriesOn = fn ? conditionFunction(fn, ctx, conditionNode) : { kind: 'unknown' };
    }
  }
  const singlesOut = conditionNode ? singles(ctx, conditionNode) : undefined;
  return logic('axios-retry', call, call, {
    wait,
    bound: countBound(retries, prop(ctx, opts, 'retries')),
    retriesOn,
    ...(singlesOut ? { singlesOut429or503: singlesOut } : {}),
    readsRetryAfter,
  });
}

function fetchRetryLogic(node: Node, opts: TSESTree.ObjectExpression | undefined, ctx: LibContext, reportNode: Node): RetryLogic | undefined {
  const retries = num(ctx, opts, 'retries');
  if (retries === 0) return undefined;
  const delayNode = prop(ctx, opts, 'retryDelay');
  let wait: RetryWait;
  if (!delayNode) wait = { kind: 'constant', jitter: false, capped: false, ms: 1000 };
  else {
    const value = staticNumber(ctx.sourceCode, delayNode);
    const fn = resolveFunctionValue(ctx.sourceCode, delayNode);
    if (value !== undefined) wait = value === 0 ? { kind: 'none', jitter: false, capped: false, ms: 0, node: delayNode } : { kind: 'constant', jitter: false, capped: false, ms: value, node: delayNode };
    else if (fn) wait = growthToWait(delayFunction(fn, ctx), delayNode);
    else wait = { kind: 'unknown', jitter: false, capped: false };
  }
  const retryOn = prop(ctx, opts, 'retryOn');
  let retriesOn: RetriesOn = { kind: 'network-only' };
  let bound: RetryBound = countBound(retries, prop(ctx, opts, 'retries'));
  if (retryOn) {
    const fn = resolveFunctionValue(ctx.sourceCode, retryOn);
    if (fn) {
      retriesOn = conditionFunction(fn, ctx, retryOn);
      // A `retryOn` function replaces the `retries` count: it must stop by itself.
      const attempt = fn.params[0];
      const attemptName = attempt && attempt.type === T.Identifier ? attempt.name : undefined;
      const usesAttempt = attemptName && someNode(fn.body, ctx.sourceCode.visitorKeys, (n) => n.type === T.Identifier && n.name === attemptName, false);
      bound = usesAttempt ? { kind: 'count' } : /signal|aborted|Date\.now/.test(ctx.sourceCode.getText(fn)) ? { kind: 'unknown' } : { kind: 'none', node: retryOn };
    } else retriesOn = statusList(ctx, retryOn) ?? { kind: 'unknown' };
  }
  const singlesOut = retryOn ? singles(ctx, retryOn) : undefined;
  return logic('fetch-retry', node, reportNode, {
    wait,
    bound,
    retriesOn,
    ...(singlesOut ? { singlesOut429or503: singlesOut } : {}),
    readsRetryAfter: mentionsRetryAfter(ctx, delayNode),
  });
}

const FETCH_RETRY_KEYS = ['retries', 'retryDelay', 'retryOn'];

function fetchRetry(call: TSESTree.CallExpression, ctx: LibContext): RetryLogic[] {
  const out: RetryLogic[] = [];
  const defaults = options(ctx, call.arguments[1]);
  if (call.arguments[1] && !defaults) return out;
  const factory = fetchRetryLogic(call, defaults, ctx, call);
  // Calls of the wrapped fetch that pass their own retry options.
  const parent = call.parent;
  let overridden = 0;
  let calls = 0;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
    const variable = findVariableFor(ctx.sourceCode, parent.id);
    for (const ref of variable?.references ?? []) {
      const use = ref.identifier.parent;
      if (use?.type !== T.CallExpression || use.callee !== ref.identifier) continue;
      calls++;
      const init = options(ctx, use.arguments[1]);
      if (!init || !FETCH_RETRY_KEYS.some((key) => prop(ctx, init, key))) continue;
      overridden++;
      const merged: TSESTree.ObjectExpression = {
        ...init,
        properties: [...(defaults?.properties ?? []), ...init.properties],
      };
      const site = fetchRetryLogic(use, merged, ctx, use);
      if (site) out.push(site);
    }
  }
  // Defaults that every call overrides do not run.
  if (factory && !(calls > 0 && overridden === calls)) out.unshift(factory);
  return out;
}

function promiseStyle(call: TSESTree.CallExpression, library: 'p-retry' | 'async-retry' | 'promise-retry', ctx: LibContext): RetryLogic | undefined {
  let fnNode = call.arguments[0];
  let optsNode = call.arguments[1];
  if (library === 'promise-retry' && fnNode && !resolveFunctionValue(ctx.sourceCode, fnNode) && options(ctx, fnNode)) {
    [fnNode, optsNode] = [call.arguments[1], call.arguments[0]];
  }
  const opts = options(ctx, optsNode);
  if (optsNode && !opts) return undefined;
  const retries = num(ctx, opts, 'retries');
  if (retries === 0) return undefined;
  const forever = staticBoolean(ctx.sourceCode, prop(ctx, opts, 'forever')) === true;
  const wait = scheduleOf(ctx, opts, library === 'async-retry');
  let bound: RetryBound = forever ? { kind: 'none', node: prop(ctx, opts, 'forever')! } : countBound(retries, prop(ctx, opts, 'retries'));
  if (bound.kind === 'none') {
    if (prop(ctx, opts, 'maxRetryTime')) bound = { kind: 'deadline' };
    else if (prop(ctx, opts, 'signal')) bound = { kind: 'signal' };
  }
  const fn = fnNode ? resolveFunctionValue(ctx.sourceCode, fnNode) : undefined;
  const retriesOn = promiseRetriesOn(fn, opts, library, ctx);
  return logic(library, call, call, {
    wait,
    bound,
    retriesOn,
    ...(fn && findSinglesOut(fn, ctx.sourceCode) ? { singlesOut429or503: findSinglesOut(fn, ctx.sourceCode)! } : {}),
    readsRetryAfter: fn ? RETRY_AFTER_TEXT.test(ctx.sourceCode.getText(fn)) : false,
  });
}

/** The `retry`-module schedule: `minTimeout × factorⁿ`, capped by `maxTimeout`, randomised by `randomize`. */
function scheduleOf(ctx: LibContext, opts: TSESTree.ObjectExpression | undefined, randomDefault: boolean): RetryWait {
  const factorNode = prop(ctx, opts, 'factor');
  const factor = factorNode ? staticNumber(ctx.sourceCode, factorNode) : 2;
  const minTimeout = prop(ctx, opts, 'minTimeout') ? num(ctx, opts, 'minTimeout') : 1000;
  const maxTimeout = num(ctx, opts, 'maxTimeout');
  const randomizeNode = prop(ctx, opts, 'randomize');
  const randomize = randomizeNode ? staticBoolean(ctx.sourceCode, randomizeNode) : randomDefault;
  const jitter = randomize !== false;
  const capped = maxTimeout !== undefined && maxTimeout !== Infinity;
  if (minTimeout === 0) return { kind: 'none', jitter, capped, ms: 0 };
  if (factor === undefined || minTimeout === undefined && factor === 1) return { kind: 'unknown', jitter, capped };
  if (factor === 1 || (maxTimeout !== undefined && minTimeout !== undefined && maxTimeout <= minTimeout)) {
    return { kind: 'constant', jitter, capped, ...(minTimeout !== undefined ? { ms: minTimeout } : {}), ...(factorNode ? { node: factorNode } : {}) };
  }
  if (factor < 1) return { kind: 'unknown', jitter, capped };
  return { kind: 'exponential', jitter, capped };
}

function promiseRetriesOn(fn: FunctionNode | undefined, opts: TSESTree.ObjectExpression | undefined, library: string, ctx: LibContext): RetriesOn {
  const shouldRetry = prop(ctx, opts, 'shouldRetry');
  if (shouldRetry) {
    const predicate = resolveFunctionValue(ctx.sourceCode, shouldRetry);
    return predicate ? conditionFunction(predicate, ctx, shouldRetry) : { kind: 'unknown' };
  }
  const onFailed = resolveFunctionValue(ctx.sourceCode, prop(ctx, opts, 'onFailedAttempt') ?? prop(ctx, opts, 'onRetry'));
  if (onFailed && someNode(onFailed.body, ctx.sourceCode.visitorKeys, (n) => n.type === T.ThrowStatement)) return { kind: 'unknown' };
  if (!fn) return { kind: 'unknown' };
  const keys = ctx.sourceCode.visitorKeys;
  // p-retry's AbortError, async-retry's bail(), promise-retry's conditional retry().
  if (someNode(fn, keys, (n) => isRef(ctx.abortErrors, n, ctx.sourceCode) || (n.type === T.NewExpression && calleeName(n) === 'AbortError'), false)) {
    return { kind: 'server-errors' };
  }
  const first = fn.params[0];
  const firstName = first && first.type === T.Identifier ? first.name : undefined;
  if (library === 'async-retry' && firstName && someNode(fn.body, keys, (n) => n.type === T.CallExpression && unwrap(n.callee).type === T.Identifier && (unwrap(n.callee) as TSESTree.Identifier).name === firstName, false)) {
    return { kind: 'server-errors' };
  }
  if (library === 'promise-retry' && firstName) {
    const guarded = someNode(fn.body, keys, (n) => {
      if (n.type !== T.IfStatement && n.type !== T.ConditionalExpression && n.type !== T.LogicalExpression) return false;
      return !!someNode(n, keys, (m) => m.type === T.Identifier && m.name === firstName && m.parent?.type === T.CallExpression, false);
    }, false);
    if (guarded) return { kind: 'unknown' };
  }
  if (someNode(fn.body, keys, (n) => n.type === T.CatchClause || (n.type === T.CallExpression && RETRYABLE_HELPER.test(calleeName(n) ?? '')), false)) {
    return { kind: 'unknown' };
  }
  let through: Node | undefined;
  walkOwn(fn.body, keys, (n) => {
    if (through) return false;
    if (n.type === T.IfStatement && (n.consequent.type === T.ThrowStatement || (n.consequent.type === T.BlockStatement && n.consequent.body.some((s) => s.type === T.ThrowStatement)))) {
      const classified = classifyStatusTest(n.test, ctx.sourceCode);
      if (classified.kind === 'restricts') {
        through = undefined;
        return false;
      }
      if (classified.kind === 'lets-4xx-through') through = classified.node ?? n.test;
    }
    if (n.type === T.CallExpression && ctx.throwingCalls.has(n)) through = n;
    return undefined;
  });
  if (through && !someNode(fn.body, keys, (n) => (n.type === T.IfStatement ? classifyStatusTest(n.test, ctx.sourceCode).kind === 'restricts' : false), false)) {
    return { kind: 'any-failure', node: through };
  }
  if (someNode(fn.body, keys, (n) => n.type === T.CallExpression && calleeName(n) === 'fetch', false) && !someNode(fn.body, keys, (n) => n.type === T.ThrowStatement, false)) {
    return { kind: 'network-only' };
  }
  return { kind: 'unknown' };
}

function nodeRetry(call: TSESTree.CallExpression, ctx: LibContext): RetryLogic | undefined {
  const opts = options(ctx, call.arguments[0]);
  if (call.arguments[0] && !opts) return undefined;
  const retries = num(ctx, opts, 'retries');
  if (retries === 0) return undefined;
  const foreverNode = prop(ctx, opts, 'forever');
  const forever = staticBoolean(ctx.sourceCode, foreverNode) === true;
  let bound: RetryBound = forever ? { kind: 'none', node: foreverNode! } : countBound(retries, prop(ctx, opts, 'retries'));
  if (bound.kind === 'none' && prop(ctx, opts, 'maxRetryTime')) bound = { kind: 'deadline' };
  return logic('retry', call, call, {
    wait: scheduleOf(ctx, opts, false),
    bound,
    retriesOn: { kind: 'unknown' },
    readsRetryAfter: false,
  });
}

function clientRetry(call: TSESTree.CallExpression, library: 'got' | 'ky', ctx: LibContext): RetryLogic | undefined {
  // got(url, opts), got.get(url, opts), got.extend(opts), ky(url, opts), ky.create(opts)
  let retryNode: Node | undefined;
  for (const arg of call.arguments) {
    const opts = options(ctx, arg);
    const value = opts ? prop(ctx, opts, 'retry') : undefined;
    if (value) retryNode = value;
  }
  if (!retryNode) return undefined;
  const limitValue = staticNumber(ctx.sourceCode, retryNode);
  const retry = options(ctx, retryNode);
  if (limitValue === undefined && !retry) return undefined;
  const limit = limitValue ?? (prop(ctx, retry, 'limit') ? num(ctx, retry, 'limit') : 2);
  if (limit === 0) return undefined;
  const delayNode = prop(ctx, retry, library === 'got' ? 'calculateDelay' : 'delay');
  let wait: RetryWait = {
    kind: 'exponential',
    jitter: library === 'got' ? num(ctx, retry, 'noise') !== 0 : !!prop(ctx, retry, 'jitter'),
    capped: (() => {
      const cap = num(ctx, retry, 'backoffLimit');
      return cap !== undefined && cap !== Infinity;
    })(),
  };
  if (delayNode) {
    const fn = resolveFunctionValue(ctx.sourceCode, delayNode);
    wait = fn
      ? growthToWait(
          delayFunction(fn, ctx, (name) => (name === 'computedValue' ? { kind: 'exponential', jitter: true, capped: false } : undefined)),
          delayNode,
        )
      : { kind: 'unknown', jitter: false, capped: false };
  }
  const statusCodes = prop(ctx, retry, 'statusCodes');
  const retriesOn = statusCodes ? (statusList(ctx, statusCodes, [413]) ?? { kind: 'unknown' }) : { kind: 'server-errors' as const };
  return logic(library, call, retryNode, {
    wait,
    bound: countBound(limit, retryNode),
    retriesOn,
    // got and ky wait for Retry-After on 413/429/503 by default.
    readsRetryAfter: true,
  });
}

function undiciRetry(node: TSESTree.NewExpression, agent: boolean, ctx: LibContext): RetryLogic | undefined {
  let opts = options(ctx, agent ? node.arguments[1] : node.arguments[0]);
  if (!agent) opts = options(ctx, prop(ctx, opts, 'retryOptions')) ?? (opts && !prop(ctx, opts, 'retryOptions') ? undefined : opts);
  const maxRetries = num(ctx, opts, 'maxRetries');
  if (maxRetries === 0) return undefined;
  const factorNode = prop(ctx, opts, 'timeoutFactor');
  const factor = factorNode ? staticNumber(ctx.sourceCode, factorNode) : 2;
  const maxTimeout = prop(ctx, opts, 'maxTimeout') ? num(ctx, opts, 'maxTimeout') : 30_000;
  const minTimeout = prop(ctx, opts, 'minTimeout') ? num(ctx, opts, 'minTimeout') : 500;
  let wait: RetryWait;
  if (factor === undefined) wait = { kind: 'unknown', jitter: false, capped: true };
  else if (factor <= 1) wait = { kind: 'constant', jitter: false, capped: true, ...(minTimeout !== undefined ? { ms: minTimeout } : {}), ...(factorNode ? { node: factorNode } : {}) };
  else wait = { kind: 'exponential', jitter: false, capped: maxTimeout !== undefined && maxTimeout !== Infinity };
  const statusCodes = prop(ctx, opts, 'statusCodes');
  return logic('undici', node, node, {
    wait,
    bound: countBound(maxRetries, prop(ctx, opts, 'maxRetries')),
    retriesOn: statusCodes ? (statusList(ctx, statusCodes) ?? { kind: 'unknown' }) : { kind: 'server-errors' },
    readsRetryAfter: staticBoolean(ctx.sourceCode, prop(ctx, opts, 'retryAfter')) !== false,
  });
}

function cockatielBackoff(ctx: LibContext, node: Node | undefined): RetryWait {
  if (!node) return { kind: 'none', jitter: false, capped: false, ms: 0 };
  const inner = unwrap(node);
  if (inner.type !== T.NewExpression) return { kind: 'unknown', jitter: false, capped: false };
  if (ctx.cockatielExponential.has(inner)) {
    const opts = options(ctx, inner.arguments[0]);
    const generator = prop(ctx, opts, 'generator');
    const noJitter = !!generator && /noJitter/i.test(ctx.sourceCode.getText(generator));
    return { kind: 'exponential', jitter: !noJitter, capped: true, node };
  }
  if (ctx.cockatielConstant.has(inner)) {
    const ms = staticNumber(ctx.sourceCode, inner.arguments[0]);
    return { kind: ms === 0 ? 'none' : 'constant', jitter: false, capped: false, ...(ms !== undefined ? { ms } : {}), node };
  }
  return { kind: 'unknown', jitter: false, capped: false };
}

function cockatielRetry(call: TSESTree.CallExpression, ctx: LibContext): RetryLogic | undefined {
  const opts = options(ctx, call.arguments[1]);
  if (call.arguments[1] && !opts) return undefined;
  const maxNode = prop(ctx, opts, 'maxAttempts');
  const max = maxNode ? staticNumber(ctx.sourceCode, maxNode) : Infinity;
  if (max === 0) return undefined;
  return logic('cockatiel', call, call, {
    wait: cockatielBackoff(ctx, prop(ctx, opts, 'backoff')),
    bound: max === Infinity ? { kind: 'none' } : { kind: max === undefined ? 'unknown' : 'count' },
    retriesOn: { kind: 'unknown' },
    readsRetryAfter: false,
  });
}

/** cockatiel 2: `Policy.handleAll().retry().attempts(3).exponential()`. */
function cockatielPolicy(call: TSESTree.CallExpression, ctx: LibContext): RetryLogic | undefined {
  const chain: { name: string; call: TSESTree.CallExpression }[] = [];
  let current: Node = call;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current && current.parent.parent?.type === T.CallExpression) {
    const name = memberName(current.parent);
    if (!name) break;
    current = current.parent.parent;
    chain.push({ name, call: current as TSESTree.CallExpression });
  }
  const retryIndex = chain.findIndex((c) => c.name === 'retry');
  if (retryIndex < 0) return undefined;
  const after = chain.slice(retryIndex + 1);
  const outer = (after[after.length - 1] ?? chain[retryIndex]!).call;
  const attempts = after.find((c) => c.name === 'attempts');
  let wait: RetryWait = { kind: 'unknown', jitter: false, capped: false };
  for (const c of after) {
    if (c.name === 'exponential') wait = { kind: 'exponential', jitter: true, capped: true, node: c.call };
    if (c.name === 'delay') {
      const ms = staticNumber(ctx.sourceCode, c.call.arguments[0]);
      if (ms !== undefined) wait = { kind: ms === 0 ? 'none' : 'constant', jitter: false, capped: false, ms, node: c.call };
    }
  }
  const max = attempts ? staticNumber(ctx.sourceCode, attempts.call.arguments[0]) : undefined;
  return logic('cockatiel', outer, chain[retryIndex]!.call, {
    wait,
    bound: attempts ? (max === Infinity ? { kind: 'none' } : { kind: 'count' }) : { kind: 'unknown' },
    retriesOn: { kind: 'unknown' },
    readsRetryAfter: false,
  });
}

