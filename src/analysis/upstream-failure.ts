/**
 * Upstream questions about a status emission: did an upstream call fail here
 * (and was the failure singled out as a timeout)? Or is it certain that no
 * upstream call can have failed here (so a 502/504 names the wrong culprit)?
 *
 * Precision first, in both directions: a call the engine cannot classify
 * (`await paymentsService.charge()`, defined in another file) may be an
 * upstream call, so it makes a try "mixed" for the 500 -> 502 question and
 * "an upstream could have failed" for the 502 -> 500 question.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunction, unwrap, unwrapAwait, type FunctionNode, type Node } from './ast';
import type { CatchContext, FailableWork, WorkKind } from './failure-context';
import { enclosingFunction } from './ast';
import type { HttpModel, StatusEmission } from './model';
import type { ConditionFact, FailureContext } from './failure-context';
import { errorTests, type QueryOptions } from './queries';
import type { UpstreamCall } from './upstream';

export interface UpstreamFailure {
  /** The upstream call that failed, when it is visible in this file. */
  call: UpstreamCall | undefined;
  /** For messages: "the fetch to `${API_URL}/users` on line 12". */
  label: string;
  /** The failure singled out here is a timeout (-> 504). */
  timeout: boolean;
}

export interface InternalFailure {
  /** For messages: "the try block on line 8 makes no upstream call (only database work such as `db.query()`)". */
  why: string;
}

/** The upstream call whose (parsed) response `node` holds: `data` in `const data = await res.json()`. */
export function upstreamSourceOf(model: HttpModel, node: Node, depth = 0): UpstreamCall | undefined {
  if (depth > 6) return undefined;
  const n = unwrapAwait(node);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const direct = model.upstreamCallAt(n);
    if (direct) return direct;
    const callee = unwrap(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) return upstreamSourceOf(model, callee.object, depth + 1);
    return undefined;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) return upstreamSourceOf(model, n.object, depth + 1);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const viaResponse = model.upstreamResponseOf(n);
    if (viaResponse) return viaResponse;
    const variable = model.resolver.variableOf(n);
    const def = variable?.defs[0];
    if (def?.type === 'Variable') {
      const init = (def.node as { init?: Node | null }).init;
      if (init) return upstreamSourceOf(model, init, depth + 1);
    }
  }
  return undefined;
}

/** Why this emission is answering an upstream failure, or undefined. */
export function upstreamFailureAt(model: HttpModel, emission: StatusEmission, options: QueryOptions = {}): UpstreamFailure | undefined {
  const listener = errorListenerOf(model, emission.node);
  if (listener) return listener.call.role === 'gateway' ? found(listener.call, listener.timeout) : undefined;
  const ctx = model.failureContext(emission.node);
  const tests = definiteErrorTests(ctx);
  // 1. A branch on a failed upstream response, or on upstream data that failed validation.
  for (const cond of ctx.conditions) {
    for (const f of cond.facts) {
      if (f.kind === 'upstream-response' && f.failed && f.call.role === 'gateway') return found(f.call, false);
      if (f.kind === 'validation' && f.failed && f.call.origin === 'upstream' && f.call.subject) {
        const call = upstreamSourceOf(model, f.call.subject);
        if (call?.role === 'gateway') return found(call, false);
      }
    }
  }
  // 2. A catch around upstream work (calls to the app's own stores count as database work).
  const c = ctx.catch;
  if (!c) return undefined;
  const work = storesAsDatabase(c.work);
  const first = work.upstream[0];
  const unknownWork = work.other.some((o) => o.kind === 'unknown');
  const singledTimeout = tests.some((t) => t.positive && t.about === 'timeout');
  const singledUpstream = tests.some((t) => t.positive && t.about === 'upstream');
  if (singledTimeout || singledUpstream) {
    // The catch names the failure: an upstream error (or a timeout) from a call
    // in the try, even when the call sits in another file behind an unknown call.
    if (singledTimeout && !first) return undefined; // an AbortError from non-HTTP work is not a gateway timeout
    if (!first && !unknownWork) return undefined;
    if (tests.some((t) => t.positive && t.about !== 'upstream' && t.about !== 'timeout')) return undefined;
    return first ? found(first, singledTimeout) : { call: undefined, label: `the upstream request whose error is caught on line ${c.handler.loc.start.line}`, timeout: singledTimeout };
  }
  if (!first) return undefined;
  if (tests.some((t) => t.positive)) return undefined; // singles out a validation or HTTP error
  // `if (isAxiosError(e)) ...; res.status(500)`: the 500 is for the errors that are not upstream errors.
  // (A negative timeout test leaves the non-timeout upstream failures: still 502.)
  if (tests.some((t) => !t.positive && t.about === 'upstream')) return undefined;
  if (work.validation.length > 0) return undefined;
  if (work.other.length > 0 && !options.reportMixedTry) return undefined;
  return found(first, false);
}

type ErrorTest = Extract<ConditionFact, { kind: 'error-test' }>;

/**
 * The tests on the caught error whose outcome is certain on this path. A
 * condition that only says "at least one of these" (`!(isAxiosError(e) && e.response?.status === 404)`,
 * `a || b` when true) tells nothing definite about each part, so its facts are left out.
 */
function definiteErrorTests(ctx: FailureContext): ErrorTest[] {
  const out: ErrorTest[] = [];
  for (const cond of ctx.conditions) {
    let test = unwrap(cond.test);
    let holds = cond.holds;
    while (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
      test = unwrap(test.argument);
      holds = !holds;
    }
    const facts = cond.facts.filter((f): f is ErrorTest => f.kind === 'error-test');
    if (test.type === AST_NODE_TYPES.LogicalExpression && ((test.operator === '&&' && !holds) || (test.operator === '||' && holds))) {
      // Still definite when every part is an error test saying the same thing: `e.name === 'AbortError' || e.name === 'TimeoutError'`.
      // (Only for `||` holding: a failed `&&` may fail on a part that says nothing about the error's kind.)
      const same = test.operator === '||' && facts.length === leafCount(test, test.operator) && facts.every((f) => f.about === facts[0]!.about && f.positive === facts[0]!.positive);
      if (!same) continue;
    }
    out.push(...facts);
  }
  return out;
}

function leafCount(node: Node, operator: string): number {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === operator) return leafCount(n.left, operator) + leafCount(n.right, operator);
  return 1;
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener']);

/**
 * `req.on('error', () => res.status(500)...)` / `http.get(url, cb).on('timeout', ...)`: the
 * emission runs in an error or timeout listener of an upstream request.
 */
function errorListenerOf(model: HttpModel, node: Node): { call: UpstreamCall; timeout: boolean } | undefined {
  const fn = enclosingFunction(node);
  const call = fn?.parent;
  if (!fn || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(propertyNameOf(callee) ?? '')) return undefined;
  const event = call.arguments[0] && unwrap(call.arguments[0]);
  const name = event?.type === AST_NODE_TYPES.Literal ? event.value : undefined;
  if (name !== 'error' && name !== 'timeout') return undefined;
  const upstream = upstreamSourceOf(model, callee.object);
  if (!upstream) return undefined;
  return { call: upstream, timeout: name === 'timeout' };
}

function propertyNameOf(node: TSESTree.MemberExpression): string | undefined {
  return !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
}

function found(call: UpstreamCall, timeout: boolean): UpstreamFailure {
  return { call, label: call.label, timeout };
}

/**
 * Is it certain that no upstream call can have failed where this emission
 * runs? Answers with the reason, or undefined when an upstream call could have
 * failed (or we cannot tell). Sure only when the catch's try holds only
 * database, file-system, validation or local work, or (outside a catch) the
 * whole enclosing handler does such work and calls nothing unknown.
 */
export function internalFailureAt(model: HttpModel, emission: StatusEmission): InternalFailure | undefined {
  if (errorListenerOf(model, emission.node)) return undefined;
  const ctx = model.failureContext(emission.node);
  if (errorTests(ctx).some((t) => t.positive && (t.about === 'upstream' || t.about === 'timeout'))) return undefined;
  for (const cond of ctx.conditions) {
    for (const f of cond.facts) {
      if (f.kind === 'upstream-response' && f.call.role === 'gateway') return undefined;
      if (f.kind === 'validation' && f.call.origin === 'upstream' && (!f.call.subject || upstreamSourceOf(model, f.call.subject)?.role !== 'store')) return undefined;
    }
  }
  const c = ctx.catch;
  if (c) {
    const tried = storesAsDatabase(c.work);
    if (!settledWork(tried)) return undefined;
    const where = c.kind === 'try-catch' ? `the try block on line ${c.tried.loc.start.line}` : `the promise chain on line ${c.tried.loc.start.line}`;
    return { why: `${where} makes no upstream call (${describeWork(tried)})` };
  }
  // Outside a catch: the whole outermost function (the handler) must be free of upstream and unknown calls.
  const top = outermostFunction(emission.fn);
  if (!top || hasErrorParameter(top, emission.fn)) return undefined;
  const work = storesAsDatabase(model.workIn(top.body));
  if (!settledWork(work)) return undefined;
  return { why: `this handler makes no upstream call (${describeWork(work)})` };
}

/**
 * The work with calls to the application's own stores (`role: 'store'`: DynamoDB,
 * S3, SQS...) moved from `upstream` to database work, in source order: their
 * failure is this server's, like a database's.
 */
function storesAsDatabase(work: FailableWork): FailableWork {
  if (work.upstream.every((u) => u.role === 'gateway')) return work;
  const stores = work.upstream.filter((u) => u.role === 'store').map((u) => ({ node: u.node as Node, kind: 'database' as const }));
  return {
    ...work,
    upstream: work.upstream.filter((u) => u.role === 'gateway'),
    other: [...stores, ...work.other].sort((a, b) => a.node.range[0] - b.node.range[0]),
  };
}

/** Work that is known, non-empty, and holds no upstream or unknown call. */
function settledWork(work: FailableWork): boolean {
  if (work.upstream.length > 0) return false;
  if (work.other.some((o) => o.kind === 'unknown' || o.kind === 'upstream')) return false;
  return work.other.length > 0 || work.validation.length > 0;
}

const KIND_WORDS: Partial<Record<WorkKind, string>> = { database: 'database', fs: 'file-system', local: 'local', validation: 'validation' };

function describeWork(work: FailableWork): string {
  const kinds: string[] = [];
  for (const o of work.other) {
    const word = KIND_WORDS[o.kind];
    if (word && !kinds.includes(word)) kinds.push(word);
  }
  if (work.validation.length > 0 && !kinds.includes('validation')) kinds.push('validation');
  const example = work.other.find((o) => o.kind === 'database' || o.kind === 'fs') ?? work.other[0];
  const sample = example ? ` such as \`${calleeText(example.node)}\` on line ${example.node.loc.start.line}` : '';
  return `only ${kinds.join(' and ')} work${sample}`;
}

function calleeText(node: Node): string {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return chainText(node.tag);
  if (node.type !== AST_NODE_TYPES.CallExpression) return 'throw';
  return `${chainText(node.callee)}()`;
}

/** `prisma.invoice.findMany`, `knex().where().limit`, `this.shipments.find`. */
function chainText(callee: Node, depth = 0): string {
  const n = unwrap(callee);
  if (depth > 5) return '…';
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed && n.property.type === AST_NODE_TYPES.Identifier) {
    const object = unwrapAwait(n.object);
    const base = object.type === AST_NODE_TYPES.CallExpression ? `${chainText(object.callee, depth + 1)}()` : chainText(object, depth + 1);
    return `${base}.${n.property.name}`;
  }
  return '…';
}

function outermostFunction(fn: FunctionNode | undefined): FunctionNode | undefined {
  let top = fn;
  for (let p: Node | undefined = fn?.parent; p; p = p.parent) if (isFunction(p)) top = p;
  return top;
}

const ERROR_PARAM = /^(e|err|error|ex|exc|exception|reason|cause|failure|problem)$/i;

/**
 * Error handlers (`(err, req, res, next) => ...`, `catch(exception, host)` in a
 * NestJS filter, `onError((err, c) => ...)`) answer for errors thrown
 * elsewhere, where an upstream call may well have failed.
 */
function hasErrorParameter(top: FunctionNode, inner: FunctionNode | undefined): boolean {
  for (let fn: Node | undefined = inner; fn; fn = fn.parent) {
    if (!isFunction(fn)) continue;
    if (fn.params.length >= 4) return true;
    for (const p of fn.params) {
      const id = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
      if (id.type === AST_NODE_TYPES.Identifier && (ERROR_PARAM.test(id.name) || /Error$|Exception$/.test(annotation(id) ?? ''))) return true;
    }
    if (fn === top) break;
  }
  return false;
}

function annotation(id: TSESTree.Identifier): string | undefined {
  const type = id.typeAnnotation?.typeAnnotation;
  if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) return type.typeName.name;
  return undefined;
}

export type { CatchContext };
