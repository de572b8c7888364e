/**
 * Retry loops: `for`/`while`/`do…while` that re-run a failing operation until
 * it succeeds or a limit is hit. Loops over items, pages or mirror URLs and
 * polling loops are not retries.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import type { BoundKind, RetryLogic, WaitKind } from './types';
import { classifyGuard, findSinglesOut, isHttpCheck, retriesOnOf } from './conditions';
import { collectVarying, createEnv, findWaits, foldWaits, type Growth, type GrowthEnv } from './growth';
import {
  RETRY_AFTER_TEXT,
  alwaysExits,
  calleeName,
  isFunction,
  isLoop,
  resolveFunction,
  someNode,
  unwrap,
  walkOwn,
  type LoopNode,
  type Node,
  type SourceCode,
} from './util';

const T = AST_NODE_TYPES;

const POLL_STATE = /^(pending|running|processing|queued|in[_-]?progress|completed?|done|succeeded|success|finished|ready|active|waiting|started|creating|provisioning)$/i;
const ITEM_STEP = /^(shift|pop|next|dequeue|splice|unshift|take|poll)$/;
const THROWING_CALL = /^(throw|fail|raise|abort|bail|panic|exit)/i;
const LOGGING = /^(log|info|warn|error|debug|trace|fatal|emit|increment|inc|observe|record|captureException|addBreadcrumb)$/;

export interface LoopContext {
  sourceCode: SourceCode;
  throwingCalls: Set<Node>;
}

interface PathInfo {
  /** if/ternary tests between the loop body and the node, outermost first. */
  guards: Node[];
  /** The innermost try (inside the loop) whose block holds the node. */
  inTry?: TSESTree.TryStatement;
  /** Guards between that try's block and the node. */
  guardsInTry: Node[];
  inCatch?: TSESTree.CatchClause;
  /** A nested loop or switch sits between (unlabelled break/continue target it). */
  nestedBreakable: boolean;
  nestedLoop: boolean;
}

function pathInfo(node: Node, loop: LoopNode): PathInfo {
  const info: PathInfo = { guards: [], guardsInTry: [], nestedBreakable: false, nestedLoop: false };
  let child: Node = node;
  let current = node.parent;
  let tryFound = false;
  while (current && current !== loop) {
    if (current.type === T.IfStatement && child !== current.test) {
      info.guards.unshift(current.test);
      if (!tryFound) info.guardsInTry.unshift(current.test);
    } else if (current.type === T.ConditionalExpression && child !== current.test) {
      info.guards.unshift(current.test);
      if (!tryFound) info.guardsInTry.unshift(current.test);
    } else if (current.type === T.TryStatement && child === current.block && current.handler && !tryFound) {
      info.inTry = current;
      tryFound = true;
    } else if (current.type === T.CatchClause && !info.inCatch && !tryFound) {
      info.inCatch = current;
    } else if (isLoop(current) || current.type === T.ForOfStatement || current.type === T.ForInStatement) {
      info.nestedBreakable = true;
      info.nestedLoop = true;
    } else if (current.type === T.SwitchStatement) {
      info.nestedBreakable = true;
    }
    child = current;
    current = current.parent;
  }
  return info;
}

function loopLabel(loop: LoopNode): string | undefined {
  return loop.parent?.type === T.LabeledStatement ? loop.parent.label.name : undefined;
}

function isInfiniteTest(test: Node | null | undefined): boolean {
  if (!test) return true;
  const inner = unwrap(test);
  if (inner.type === T.Literal) return !!inner.value;
  if (inner.type === T.UnaryExpression && inner.operator === '!' && inner.argument.type === T.Literal) return !inner.argument.value;
  return false;
}

/** Loops that walk a collection: `i < items.length`, `urls[i]`, `queue.shift()`. */
function isItemLoop(loop: LoopNode, sourceCode: SourceCode): boolean {
  if (loop.test && /\.(length|size)\b/.test(sourceCode.getText(loop.test))) return true;
  const counters = new Set<string>();
  if (loop.type === T.ForStatement && loop.init?.type === T.VariableDeclaration) {
    for (const d of loop.init.declarations) if (d.id.type === T.Identifier) counters.add(d.id.name);
  }
  return !!someNode(loop.body, sourceCode.visitorKeys, (node) => {
    if (node.type === T.MemberExpression && node.computed && counters.size > 0) {
      return !!someNode(node.property, sourceCode.visitorKeys, (n) => n.type === T.Identifier && counters.has(n.name), false);
    }
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      return callee.type === T.MemberExpression && ITEM_STEP.test(calleeName(node) ?? '') && node.arguments.length <= 1;
    }
    return false;
  });
}

const SLEEPISH = /sleep|delay|wait|pause|timeout|backoff|nap/i;

/**
 * A loop that changes what it calls on each pass (`url = nextUrl`, `cursor = page.next`,
 * `host = pickHost()`) walks targets: redirects, pages, fallbacks. Not a retry.
 */
function walksTargets(loop: LoopNode, sourceCode: SourceCode): boolean {
  const keys = sourceCode.visitorKeys;
  const assigned = new Set<string>();
  walkOwn(loop.body, keys, (node) => {
    if (node.type === T.AssignmentExpression && node.operator === '=' && node.left.type === T.Identifier) assigned.add(node.left.name);
  });
  if (assigned.size === 0) return false;
  return !!someNode(loop.body, keys, (node) => {
    if (node.type !== T.CallExpression || node.parent?.type !== T.AwaitExpression) return false;
    if (SLEEPISH.test(calleeName(node) ?? '')) return false;
    const first = node.arguments[0];
    return !!first && !!someNode(first, keys, (n) => n.type === T.Identifier && assigned.has(n.name), false);
  });
}

/** Polling: waits for a job's state (`job.status === 'done'`, HTTP 202). */
function isPolling(loop: LoopNode, sourceCode: SourceCode): boolean {
  // Polling, and waiting for a service to come up (health/readiness checks).
  if (/poll|health|readiness|liveness|isReady|waitUntilReady|waitForReady|\bping\b/i.test(sourceCode.getText(loop))) return true;
  return !!someNode(loop, sourceCode.visitorKeys, (node) => {
    if (node.type !== T.BinaryExpression || (node.operator !== '===' && node.operator !== '!==' && node.operator !== '==' && node.operator !== '!=')) {
      return false;
    }
    for (const side of [node.left, node.right]) {
      if (side.type === T.Literal && typeof side.value === 'string' && POLL_STATE.test(side.value)) return true;
      if (side.type === T.Literal && side.value === 202) return true;
    }
    return false;
  });
}

export function analyseLoop(loop: LoopNode, ctx: LoopContext): RetryLogic | undefined {
  const { sourceCode } = ctx;
  const keys = sourceCode.visitorKeys;
  if (isItemLoop(loop, sourceCode) || isPolling(loop, sourceCode) || walksTargets(loop, sourceCode)) return undefined;

  const label = loopLabel(loop);
  const successExits: Node[] = [];
  const boundExits: PathInfo[] = [];
  const failureTests: Node[] = [];
  const continuingTries: TSESTree.TryStatement[] = [];
  const unguardedExits: Node[] = [];
  let loopsAround = false;
  let hasOperation = false;
  let signalCheck = false;

  // Success flags: `while (!done)` where `done = true` after the operation.
  const testIdentifiers = new Set<string>();
  if (loop.test) {
    walkOwn(loop.test, keys, (n) => {
      if (n.type === T.Identifier) testIdentifiers.add(n.name);
    });
  }
  const successFlags = new Set<string>();

  walkOwn(loop.body, keys, (node) => {
    switch (node.type) {
      case T.CallExpression: {
        hasOperation = true;
        const name = calleeName(node);
        if (name === 'throwIfAborted') signalCheck = true;
        return undefined;
      }
      case T.TryStatement: {
        const handler = node.handler;
        if (!handler) return undefined;
        const operation = someNode(node.block, keys, (n) => n.type === T.CallExpression || n.type === T.NewExpression);
        if (!operation) return undefined;
        const continues =
          !alwaysExits(handler.body) ||
          !!someNode(handler.body, keys, (n) => n.type === T.ContinueStatement && (!n.label || n.label.name === label));
        if (continues) {
          continuingTries.push(node);
          loopsAround = true;
        }
        return undefined;
      }
      case T.ContinueStatement: {
        const info = pathInfo(node, loop);
        if (node.label ? node.label.name !== label : info.nestedLoop) return undefined;
        if (info.inCatch) loopsAround = true;
        const httpGuards = info.guards.filter((g) => isHttpCheck(g, sourceCode));
        if (httpGuards.length > 0) {
          loopsAround = true;
          failureTests.push(...httpGuards);
        }
        return undefined;
      }
      case T.ReturnStatement:
      case T.BreakStatement: {
        const info = pathInfo(node, loop);
        if (node.type === T.BreakStatement && (node.label ? node.label.name !== label : info.nestedBreakable)) {
          return undefined;
        }
        classifyExit(node, info);
        return undefined;
      }
      case T.ExpressionStatement: {
        // `fail(err)`, `throwWithCause(err)`, `process.exit(1)`: calls that end the loop by throwing.
        const expression = unwrap(node.expression);
        const call = expression.type === T.AwaitExpression ? unwrap(expression.argument) : expression;
        if (call.type === T.CallExpression && THROWING_CALL.test(calleeName(call) ?? '')) {
          const info = pathInfo(node, loop);
          if (!info.inTry) boundExits.push(info);
        }
        return undefined;
      }
      case T.ThrowStatement: {
        const info = pathInfo(node, loop);
        if (info.inTry) {
          failureTests.push(...info.guardsInTry);
          return undefined;
        }
        boundExits.push(info);
        return undefined;
      }
      case T.AssignmentExpression: {
        const target = unwrap(node.left);
        if (target.type === T.Identifier && testIdentifiers.has(target.name) && !isHttpCheck(loop.test!, sourceCode)) {
          const value = unwrap(node.right);
          if (value.type === T.Literal && typeof value.value === 'boolean') {
            const info = pathInfo(node, loop);
            if (info.inTry && info.guardsInTry.every((g) => isHttpCheck(g, sourceCode))) {
              successExits.push(node);
              successFlags.add(target.name);
            }
          }
        }
        return undefined;
      }
      default:
        return undefined;
    }
  });

  function classifyExit(node: Node, info: PathInfo): void {
    if (info.inCatch) {
      boundExits.push(info);
      return;
    }
    if (info.inTry) {
      if (info.guardsInTry.every((g) => isHttpCheck(g, sourceCode))) successExits.push(node);
      else boundExits.push(info);
      return;
    }
    if (info.guards.length === 0) {
      unguardedExits.push(node);
      return;
    }
    const last = info.guards[info.guards.length - 1]!;
    if (isHttpCheck(last, sourceCode)) {
      successExits.push(node);
      failureTests.push(last);
      loopsAround = true;
    } else {
      boundExits.push(info);
    }
  }

  // `do { res = await fetch(u) } while (res.status === 503)`
  let testRetries = false;
  if ((loop.type === T.DoWhileStatement || loop.type === T.WhileStatement) && loop.test && isHttpCheck(loop.test, sourceCode)) {
    testRetries = true;
    failureTests.push(loop.test);
    loopsAround = true;
  }
  if (loopsAround && unguardedExits.length > 0) successExits.push(...unguardedExits);
  if (!hasOperation || !loopsAround || (successExits.length === 0 && !testRetries)) return undefined;

  // ---- the facts
  const env: GrowthEnv = createEnv(sourceCode);
  collectVarying(loop, env);
  const waits = findWaits(loop.body, env);
  let wait: Omit<Growth, 'kind'> & { kind: WaitKind; node?: Node } = foldWaits(waits, sourceCode);
  if (waits.length === 0) {
    wait = hiddenWait(loop, continuingTries, sourceCode) ? { ...wait, kind: 'unknown' } : { kind: 'none', jitter: false, capped: false };
  }

  const bound = boundOf(loop, env, boundExits, signalCheck, successFlags, testRetries);
  const retriesOn = retriesOnOf(loop.body, continuingTries, failureTests, ctx.throwingCalls, sourceCode);
  const singlesOut = findSinglesOut(loop, sourceCode);
  return {
    kind: 'loop',
    node: loop,
    reportNode: loop,
    wait: {
      kind: wait.kind,
      jitter: wait.jitter,
      capped: wait.capped,
      ...(wait.ms !== undefined ? { ms: wait.ms } : {}),
      ...(wait.helper ? { helper: wait.helper } : {}),
      ...(wait.node ? { node: wait.node } : {}),
    },
    bound,
    retriesOn,
    ...(singlesOut ? { singlesOut429or503: singlesOut } : {}),
    readsRetryAfter: wait.kind === 'retry-after' || readsRetryAfter(loop, sourceCode),
  };
}

/** Awaited calls on the failure path that might sleep inside (`await this.onFailure(err)`). */
function hiddenWait(loop: LoopNode, tries: TSESTree.TryStatement[], sourceCode: SourceCode): boolean {
  const keys = sourceCode.visitorKeys;
  const regions: Node[] = tries.map((t) => t.handler!.body);
  if (tries.length === 0) regions.push(loop.body);
  return regions.some(
    (region) =>
      !!someNode(region, keys, (node) => {
        if (node.type !== T.AwaitExpression) return false;
        const arg = unwrap(node.argument);
        if (arg.type !== T.CallExpression) return true;
        const name = calleeName(arg) ?? '';
        if (LOGGING.test(name)) return false;
        // In a try-less loop the operation itself is awaited: only calls after the failure check matter.
        if (tries.length === 0) return /wait|sleep|delay|backoff|pause|throttle/i.test(name);
        return true;
      }),
  );
}

function conjuncts(node: Node): Node[] {
  const inner = unwrap(node);
  if (inner.type === T.LogicalExpression && inner.operator === '&&') return [...conjuncts(inner.left), ...conjuncts(inner.right)];
  return [inner];
}

function boundOf(
  loop: LoopNode,
  env: GrowthEnv,
  exits: PathInfo[],
  signalCheck: boolean,
  successFlags: Set<string>,
  testRetries: boolean,
): RetryLogic['bound'] {
  let testKind: BoundKind | 'failure' | 'infinite' = 'infinite';
  if (loop.test && !isInfiniteTest(loop.test)) {
    if (successFlags.size > 0 && !testRetries) {
      // `while (!done && tries < 5)`: the flag is the success exit; the rest may bound.
      for (const operand of conjuncts(loop.test)) {
        if (someNode(operand, env.sourceCode.visitorKeys, (n) => n.type === T.Identifier && successFlags.has(n.name), false)) continue;
        const kind = classifyGuard(operand, env);
        if (kind === 'count' || kind === 'deadline' || kind === 'signal') return { kind, node: operand };
        if (kind === 'unknown') testKind = 'unknown';
      }
    } else {
      testKind = classifyGuard(loop.test, env);
      if (testRetries && testKind === 'failure') testKind = 'infinite';
    }
  }
  if (testKind === 'count' || testKind === 'deadline' || testKind === 'signal') return { kind: testKind, node: loop.test! };
  if (testKind === 'unknown') return { kind: 'unknown' };
  if (signalCheck) return { kind: 'signal' };
  let unknown = false;
  for (const exit of exits) {
    const kinds = exit.guards.map((g) => classifyGuard(g, env));
    const bounding = kinds.find((k) => k === 'count' || k === 'deadline' || k === 'signal');
    if (bounding) return { kind: bounding as BoundKind };
    if (kinds.some((k) => k === 'unknown')) unknown = true;
  }
  return { kind: unknown ? 'unknown' : 'none' };
}

function readsRetryAfter(loop: LoopNode, sourceCode: SourceCode): boolean {
  if (RETRY_AFTER_TEXT.test(sourceCode.getText(loop))) return true;
  let found = false;
  walkOwn(loop.body, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type === T.Identifier) {
        const fn = resolveFunction(sourceCode, callee);
        if (fn && !isAncestorOf(fn, loop) && RETRY_AFTER_TEXT.test(sourceCode.getText(fn))) found = true;
      }
    }
    return undefined;
  });
  return found;
}

function isAncestorOf(fn: Node, node: Node): boolean {
  return node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && isFunction(fn);
}
