/**
 * Upstream questions about a status emission: did an upstream call fail here
 * (and was the failure singled out as a timeout)? could any upstream call have
 * failed here at all?
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { unwrap, unwrapAwait, type Node } from './ast';
import type { HttpModel, StatusEmission } from './model';
import { errorTests, type QueryOptions } from './queries';
import type { UpstreamCall } from './upstream';

export interface UpstreamFailure {
  call: UpstreamCall;
  /** The failure singled out here is a timeout (-> 504). */
  timeout: boolean;
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
  const ctx = model.failureContext(emission.node);
  const tests = errorTests(ctx);
  for (const cond of ctx.conditions) {
    for (const f of cond.facts) {
      if (f.kind === 'upstream-response' && f.failed) return { call: f.call, timeout: false };
      if (f.kind === 'validation' && f.failed && f.call.origin === 'upstream' && f.call.subject) {
        const call = upstreamSourceOf(model, f.call.subject);
        if (call) return { call, timeout: false };
      }
    }
  }
  const c = ctx.catch;
  if (!c) return undefined;
  const { work } = c;
  if (work.upstream.length === 0) return undefined;
  const first = work.upstream[0]!;
  if (tests.some((t) => t.positive && t.about === 'timeout')) return { call: first, timeout: true };
  if (tests.some((t) => t.positive && t.about === 'upstream')) return { call: first, timeout: false };
  if (tests.some((t) => t.positive)) return undefined; // singles out a validation or HTTP error
  if (tests.some((t) => !t.positive && (t.about === 'upstream' || t.about === 'timeout'))) return undefined;
  if (work.validation.length > 0) return undefined;
  if (work.other.length > 0 && !options.reportMixedTry) return undefined;
  return { call: first, timeout: false };
}

/**
 * Could an upstream call have failed where this emission runs? False only when
 * we are sure: the catch's try holds only database, file-system, validation or
 * local work, or the enclosing function makes no upstream call and calls
 * nothing unknown. Unknown calls (`await paymentService.charge()`) might be
 * upstream calls in another file, so they answer true.
 */
export function upstreamCouldHaveFailed(model: HttpModel, emission: StatusEmission): boolean {
  const ctx = model.failureContext(emission.node);
  if (errorTests(ctx).some((t) => t.positive && (t.about === 'upstream' || t.about === 'timeout'))) return true;
  for (const cond of ctx.conditions) {
    for (const f of cond.facts) {
      if (f.kind === 'upstream-response') return true;
      if (f.kind === 'validation' && f.call.origin === 'upstream') return true;
    }
  }
  const c = ctx.catch;
  if (c) {
    const { work } = c;
    if (work.upstream.length > 0) return true;
    return work.other.some((o) => o.kind === 'unknown') || (work.other.length === 0 && work.validation.length === 0);
  }
  return true;
}
