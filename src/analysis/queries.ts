/**
 * Questions rules ask about a status emission, answered from the model: did
 * request validation fail here? (Upstream questions: upstream-failure.ts.)
 */
import { AST_NODE_TYPES } from './node-types';
import { enclosingFunction, propertyName, unwrap, type FunctionNode } from './ast';
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
  const hook = validationHook(model, emission);
  if (hook) return { what: hook };
  const ctx = model.failureContext(emission.node);
  const tests = errorTests(ctx);
  if (tests.some((t) => t.about === 'validation' && !t.positive)) return undefined;
  // 1. Branches on a failed validation result or a failed check of request input.
  for (const cond of ctx.conditions) {
    for (const f of cond.facts) {
      if (f.kind === 'validation' && f.failed && f.call.origin === 'request') return { what: describeValidation(f.call), call: f.call };
      // After `if (param) return ...;` the rest runs when an optional parameter is absent: that is
      // no failed check. A guard clause only tells about input when its own branch handles it.
      if (f.kind === 'input-check' && f.failed && !cond.guard) return { what: `the check of request input on line ${cond.test.loc.start.line}` };
    }
  }
  // 2. A catch (or an error handler) that singles out a validation error, or whose try only validates.
  const singled = tests.find((t) => t.positive && t.about === 'validation');
  const c = ctx.catch;
  if (!c) return singled ? { what: `the validation error tested on line ${emission.node.loc.start.line}` } : undefined;
  if (singled) {
    // What failed validation in the try must be the request, not an upstream payload or configuration.
    if (c.work.validation.length > 0 && !c.work.validation.some((v) => v.origin === 'request')) return undefined;
    const call = c.work.validation.find((v) => v.origin === 'request');
    return { what: call ? describeValidation(call) : `the validation error caught on line ${c.handler.loc.start.line}`, call };
  }
  if (tests.some((t) => t.positive)) return undefined; // singles out another kind of error
  return validationOnlyTry(c, options);
}

function validationOnlyTry(c: CatchContext, options: QueryOptions): ValidationFailure | undefined {
  const { work } = c;
  const requestValidations = work.validation.filter((v) => v.origin === 'request');
  if (requestValidations.length !== work.validation.length) return undefined;
  if (work.upstream.length > 0) return undefined;
  const parsing = work.other.filter((o) => o.kind === 'request-parse');
  const rest = work.other.length - parsing.length;
  if (requestValidations.length === 0 && parsing.length === 0) return undefined;
  if (rest > 0 && !options.reportMixedTry) return undefined;
  const call = requestValidations[0];
  if (call) return { what: describeValidation(call), call };
  return { what: `the request body parsing on line ${parsing[0]!.node.loc.start.line}` };
}

/**
 * Hono's `zValidator(target, schema, (result, c) => ...)` hook: the emission runs
 * on `!result.success`.
 */
function zodValidatorHook(model: HttpModel, fn: FunctionNode, emission: StatusEmission): string | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[2] !== fn) return undefined;
  const ref = model.resolve(call.callee);
  if (!ref || !/^@hono\/(zod|valibot|typebox|arktype|effect)-validator$|^@hono\/standard-validator$/.test(ref.source)) return undefined;
  const result = fn.params[0];
  if (result?.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const cond of model.failureContext(emission.node).conditions) {
    const test = unwrap(cond.test);
    const negated = test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!';
    const inner = negated ? unwrap(test.argument) : test;
    if (inner.type !== AST_NODE_TYPES.MemberExpression || propertyName(inner) !== 'success') continue;
    const obj = unwrap(inner.object);
    if (obj.type !== AST_NODE_TYPES.Identifier || obj.name !== result.name) continue;
    if (cond.holds === negated) return `the validator hook's failed result on line ${cond.test.loc.start.line}`;
  }
  return undefined;
}

/**
 * Framework validation hooks whose only job is to answer a validation failure:
 * NestJS `new ValidationPipe({ exceptionFactory })`, Hapi route `validate.failAction`.
 */
function validationHook(model: HttpModel, emission: StatusEmission): string | undefined {
  for (let fn = emission.fn; fn; fn = enclosingFunction(fn)) {
    const hook = zodValidatorHook(model, fn, emission);
    if (hook) return hook;
    const prop = fn.parent;
    if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== fn || prop.computed || prop.key.type !== AST_NODE_TYPES.Identifier) continue;
    const obj = prop.parent;
    if (prop.key.name === 'exceptionFactory' && obj?.parent?.type === AST_NODE_TYPES.NewExpression) {
      const ref = model.resolve(obj.parent.callee);
      if (ref?.source === '@nestjs/common' && ref.path[0] === 'ValidationPipe') return `the ValidationPipe exceptionFactory on line ${fn.loc.start.line}`;
    }
    if (prop.key.name === 'failAction') {
      const holder = obj?.parent;
      if (holder?.type === AST_NODE_TYPES.Property && !holder.computed && holder.key.type === AST_NODE_TYPES.Identifier && holder.key.name === 'validate') {
        return `the route validation failAction on line ${fn.loc.start.line}`;
      }
    }
  }
  return undefined;
}

/**
 * Is the emission sent because the server lacks configuration
 * (`if (!process.env.API_KEY) return c.json(e, 503)`)? Such a state lasts until
 * someone deploys a fix: there is no time after which to retry.
 */
export function answersMissingConfiguration(model: HttpModel, emission: StatusEmission): boolean {
  return model.failureContext(emission.node).conditions.some((c) => c.facts.some((f) => f.kind === 'config-check' && f.missing));
}
