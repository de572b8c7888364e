/**
 * Questions rules ask about a status emission, answered from the model: did
 * request validation fail here? (Upstream questions: upstream-failure.ts.)
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { propertyName, unwrap } from './ast';
import type { CatchContext, ConditionFact, FailureContext } from './failure-context';
import type { HttpModel, StatusEmission } from './model';
import type { ValidationCall } from './validation';

export interface ValidationFailure {
  /** What failed, for messages: "the zod safeParse on line 12", "the check of request input on line 9". */
  what: string;
  call?: ValidationCall;
}

export interface QueryOptions {
  /** Also answer for a catch whose try mixes this kind of work with other failable work. */
  reportMixedTry?: boolean;
}

function describeValidation(call: ValidationCall): string {
  const callee = unwrap(call.node.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  return `the ${call.library === 'schema' ? 'schema' : call.library} ${method ?? 'validation'} on line ${call.node.loc.start.line}`;
}

export function errorTests(ctx: FailureContext): Extract<ConditionFact, { kind: 'error-test' }>[] {
  const out: Extract<ConditionFact, { kind: 'error-test' }>[] = [];
  for (const cond of ctx.conditions) for (const f of cond.facts) if (f.kind === 'error-test') out.push(f);
  return out;
}

/** Why this emission is answering a request-validation failure, or undefined. */
export function validationFailureAt(model: HttpModel, emission: StatusEmission, options: QueryOptions = {}): ValidationFailure | undefined {
  if (emission.assertion) {
    // `ctx.assert(cond, 500)`: the status is sent when `cond` is falsy.
    for (const f of model.conditionFacts(emission.assertion, false)) {
      if (f.kind === 'validation' && f.failed && f.call.origin === 'request') return { what: describeValidation(f.call), call: f.call };
      if (f.kind === 'input-check' && f.failed) return { what: `the check of request input on line ${emission.node.loc.start.line}` };
    }
  }
  const ctx = model.failureContext(emission.node);
  const tests = errorTests(ctx);
  if (tests.some((t) => t.about === 'validation' && !t.positive)) return undefined;
  // 1. Branches on a failed validation result or a failed check of request input.
  for (const cond of ctx.conditions) {
    for (const f of cond.facts) {
      if (f.kind === 'validation' && f.failed && f.call.origin === 'request') return { what: describeValidation(f.call), call: f.call };
      if (f.kind === 'input-check' && f.failed) return { what: `the check of request input on line ${cond.test.loc.start.line}` };
    }
  }
  // 2. A catch that handles a validation failure.
  const c = ctx.catch;
  if (!c) return undefined;
  const singled = tests.find((t) => t.positive && t.about === 'validation');
  if (singled) {
    const call = c.work.validation[0];
    return { what: call ? describeValidation(call) : `the validation error caught on line ${c.handler.loc.start.line}`, call };
  }
  if (tests.some((t) => t.positive)) return undefined; // singles out another kind of error
  return validationOnlyTry(c, options);
}

function validationOnlyTry(c: CatchContext, options: QueryOptions): ValidationFailure | undefined {
  const { work } = c;
  const requestValidations = work.validation.filter((v) => v.origin === 'request');
  if (requestValidations.length === 0 || requestValidations.length !== work.validation.length) return undefined;
  if (work.upstream.length > 0) return undefined;
  if (work.other.length > 0 && !options.reportMixedTry) return undefined;
  const call = requestValidations[0]!;
  return { what: describeValidation(call), call };
}
