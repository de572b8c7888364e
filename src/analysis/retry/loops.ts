/**
 * Retry loops: `for`/`while`/`do…while` that re-run a failing operation until
 * it succeeds or a limit is hit. Loops over items, pages or mirror URLs and
 * polling loops are not retries.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import type { BoundKind, RetryLogic, WaitKind } from './types';
import {
  classifyGuard,
  findSinglesOut,
  isAuthCheck,
  isConflictCheck,
  isHttpCheck,
  leavesUnlessConflict,
  onSuccess,
  reachedOnlyOnConflict,
  retriesOnOf,
} from './conditions';
import { collectVarying, createEnv, findWaits, foldWaits, type Growth, type GrowthEnv } from './growth';
import {
  RETRY_AFTER_TEXT,
  alwaysExits,
  calleeName,
  constInit,
  findVariableFor,
  isFunction,
  isLoop,
  qualifiedCallee,
  resolveFunction,
  someNode,
  staticNumber,
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
  /** For each guard, whether the node is on its true side (the consequent). */
  sides: boolean[];
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
  const info: PathInfo = { guards: [], sides: [], guardsInTry: [], nestedBreakable: false, nestedLoop: false };
  let child: Node = node;
  let current = node.parent;
  let tryFound = false;
  while (current && current !== loop) {
    if ((current.type === T.IfStatement || current.type === T.ConditionalExpression) && child !== current.test) {
      info.guards.unshift(current.test);
      info.sides.unshift(child === current.consequent);
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
  if (loop.type === T.ForStatement && loop.update && stepsAlongChain(loop.update)) return true;
  return !!someNode(loop.body, sourceCode.visitorKeys, (node) => {
    if (node.type === T.AssignmentExpression) return stepsAlongChain(node);
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

/** `current = current.cause`, `node = node.next`: a walk along a chain of objects. */
function stepsAlongChain(node: Node): boolean {
  if (node.type !== T.AssignmentExpression || node.operator !== '=' || node.left.type !== T.Identifier) return false;
  const value = unwrap(node.right);
  if (value.type !== T.MemberExpression) return false;
  const object = unwrap(value.object);
  return object.type === T.Identifier && object.name === node.left.name;
}

const SLEEPISH = /sleep|delay|wait|pause|timeout|backoff|nap/i;

/** Calls that draw a fresh value: `randomBytes(8)`, `crypto.randomUUID()`, `nanoid()`, `generateId()`. */
const FRESH_VALUE = /^(randomBytes|randomUUID|uuid|uuidv\d|v[14]|nanoid|customAlphabet|cuid2?|createId|ulid|objectId|ObjectId)$|^(generate|random|new|make)\w*(Id|Code|Slug|Token|Key|Name|String|Suffix)$/;

/**
 * A loop that changes what it calls on each pass walks targets or inputs, it
 * does not retry one operation: `url = nextUrl` / `cursor = page.next`
 * (redirects, pages, fallbacks), `const id = randomBytes(5)` used in the call
 * (a new id on each uniqueness conflict), `Object.assign(job, await
 * jobs.get(job.id))` before `fetch(job.url)` (a target refreshed from its API).
 */
function walksTargets(loop: LoopNode, sourceCode: SourceCode): boolean {
  const keys = sourceCode.visitorKeys;
  const assigned = new Set<string>();
  const fresh = new Set<string>();
  const refreshed = new Set<string>();
  /** Locals declared in the loop, with what they are computed from. */
  const locals = new Map<string, Node>();
  walkOwn(loop.body, keys, (node) => {
    if (node.type === T.VariableDeclarator && node.id.type === T.Identifier && node.init) locals.set(node.id.name, node.init);
  });
  // `const latest = await jobs.get(job.id); Object.assign(job, latest)` refreshes as well as the inline form.
  const awaited = (n: Node): boolean => n.type === T.AwaitExpression || (n.type === T.Identifier && !!locals.get(n.name) && unwrap(locals.get(n.name)!).type === T.AwaitExpression);
  walkOwn(loop.body, keys, (node) => {
    if (node.type === T.AssignmentExpression && node.operator === '=' && node.left.type === T.Identifier) assigned.add(node.left.name);
    else if (node.type === T.VariableDeclarator && node.id.type === T.Identifier && node.init && drawsFresh(node.init, keys)) fresh.add(node.id.name);
    else if (node.type === T.CallExpression && qualifiedCallee(node) === 'Object.assign' && node.arguments.length >= 2) {
      const target = unwrap(node.arguments[0]!);
      if (target.type === T.Identifier && node.arguments.slice(1).some((arg) => !!someNode(arg, keys, awaited))) {
        refreshed.add(target.name);
      }
    }
  });
  if (assigned.size === 0 && fresh.size === 0 && refreshed.size === 0) return false;
  // What the loop reads from a refreshed target follows it: `const url = job.url || job.href`.
  const targets = new Set([...assigned, ...refreshed]);
  for (let changed = refreshed.size > 0; changed; ) {
    changed = false;
    for (const [name, init] of locals) {
      if (targets.has(name) || unwrap(init).type === T.AwaitExpression) continue;
      if (someNode(init, keys, (n) => n.type === T.Identifier && refreshed.has(n.name), false)) {
        targets.add(name);
        refreshed.add(name);
        changed = true;
      }
    }
  }
  const isTarget = (n: Node): boolean => n.type === T.Identifier && targets.has(n.name);
  return !!someNode(loop.body, keys, (node) => {
    if (node.type !== T.CallExpression) return false;
    const name = calleeName(node) ?? '';
    if (SLEEPISH.test(name) || qualifiedCallee(node) === 'Object.assign') return false;
    const first = node.arguments[0];
    if (first && node.parent?.type === T.AwaitExpression && someNode(first, keys, isTarget, false)) return true;
    // A freshly drawn value sent with the operation.
    return fresh.size > 0 && node.arguments.some((arg) => !!someNode(arg, keys, (n) => n.type === T.Identifier && fresh.has(n.name) && n.parent?.type !== T.MemberExpression, false));
  });
}

function drawsFresh(init: Node, keys: SourceCode['visitorKeys']): boolean {
  return !!someNode(init, keys, (n) => n.type === T.CallExpression && FRESH_VALUE.test(calleeName(n) ?? ''), false);
}


const LOOPBACK_URL = /^(?:https?|wss?):\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?=[:/?#]|$)/i;
const ANY_URL = /^(?:https?|wss?):\/\//i;

/** The static start of a URL expression: `http://localhost:` for `${base}${path}` with `const base = \`http://localhost:${port}\``. */
function urlPrefix(node: Node | undefined, sourceCode: SourceCode, depth = 0): string | undefined {
  if (!node || depth > 3) return undefined;
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Literal:
      return typeof inner.value === 'string' ? inner.value : undefined;
    case T.TemplateLiteral: {
      const head = inner.quasis[0]?.value.cooked ?? '';
      if (head !== '' || inner.expressions.length === 0) return head;
      return urlPrefix(inner.expressions[0], sourceCode, depth + 1);
    }
    case T.Identifier:
      return urlPrefix(constInit(findVariableFor(sourceCode, inner)), sourceCode, depth + 1);
    case T.BinaryExpression:
      return inner.operator === '+' ? urlPrefix(inner.left as Node, sourceCode, depth + 1) : undefined;
    case T.NewExpression: {
      const callee = unwrap(inner.callee);
      if (callee.type !== T.Identifier || callee.name !== 'URL') return undefined;
      return urlPrefix(inner.arguments[1] ?? inner.arguments[0], sourceCode, depth + 1);
    }
    default:
      return undefined;
  }
}

/**
 * Every request the loop makes goes to this machine (`http://localhost:3000`,
 * `127.0.0.1`): waiting for a server one started to come up. There is no
 * shared upstream to protect.
 */
function callsOnlyLoopback(loop: LoopNode, sourceCode: SourceCode): boolean {
  let loopback = false;
  let remote = false;
  walkOwn(loop.body, sourceCode.visitorKeys, (node) => {
    if (remote) return false;
    if (node.type !== T.CallExpression) return undefined;
    const prefix = urlPrefix(node.arguments[0], sourceCode);
    if (prefix === undefined || !ANY_URL.test(prefix)) return undefined;
    if (LOOPBACK_URL.test(prefix)) loopback = true;
    else remote = true;
    return undefined;
  });
  return loopback && !remote;
}

const FS_MODULE = /^(?:node:)?fs(?:\/promises)?$|^(?:fs-extra|graceful-fs)$/;

/** The module a name comes from: `import { readFile } from 'node:fs/promises'`, `const fs = require('fs')`. */
function moduleOf(identifier: TSESTree.Identifier, sourceCode: SourceCode): string | undefined {
  const def = findVariableFor(sourceCode, identifier)?.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') return String((def.parent as TSESTree.ImportDeclaration).source.value);
  if (def.node.type === T.VariableDeclarator && def.node.init) {
    let init = unwrap(def.node.init);
    if (init.type === T.MemberExpression) init = unwrap(init.object); // require('fs').promises
    if (init.type === T.CallExpression && calleeName(init) === 'require' && init.arguments[0]?.type === T.Literal) {
      return String(init.arguments[0].value);
    }
  }
  return undefined;
}

function isFileSystemCall(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  let root: Node = unwrap(call.callee);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  return root.type === T.Identifier && FS_MODULE.test(moduleOf(root, sourceCode) ?? '');
}

/**
 * The operations the loop waits on are all on the local disk (`await
 * readFile(...)`): it waits for a file, it does not retry a call to a service.
 */
function waitsOnlyOnFiles(loop: LoopNode, sourceCode: SourceCode): boolean {
  let files = false;
  let other = false;
  walkOwn(loop.body, sourceCode.visitorKeys, (node) => {
    if (other) return false;
    if (node.type !== T.AwaitExpression) return undefined;
    let arg = unwrap(node.argument);
    if (arg.type === T.NewExpression) return undefined; // new Promise(r => setTimeout(r, ms))
    // readFile(p).then(parse)
    while (arg.type === T.CallExpression && /^(then|catch|finally)$/.test(calleeName(arg) ?? '')) {
      const callee = unwrap(arg.callee);
      if (callee.type !== T.MemberExpression) break;
      arg = unwrap(callee.object);
    }
    if (arg.type !== T.CallExpression) other = true;
    else if (SLEEPISH.test(calleeName(arg) ?? '') || LOGGING.test(calleeName(arg) ?? '')) return undefined;
    else if (isFileSystemCall(arg, sourceCode)) files = true;
    else other = true;
    return undefined;
  });
  return files && !other;
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

/**
 * Words one of which a retry loop's text must hold: it goes around again from a
 * catch (`catch`, `continue`) or on a failed outcome (`.ok`, a status or code,
 * an `isRetryable…` helper). Every path to `loopsAround` below needs one.
 */
const LOOPS_AROUND_TEXT = /catch|continue|\.ok\b|status|code|retr|transient|recoverable|servererror|temporary|throttl|networkerror|idempotent/i;

export function analyseLoop(loop: LoopNode, ctx: LoopContext): RetryLogic | undefined {
  const { sourceCode } = ctx;
  const keys = sourceCode.visitorKeys;
  if (!LOOPS_AROUND_TEXT.test(sourceCode.getText(loop))) return undefined;

  const label = loopLabel(loop);
  const successExits: Node[] = [];
  const boundExits: PathInfo[] = [];
  const failureTests: Node[] = [];
  const continuingTries: TSESTree.TryStatement[] = [];
  const unguardedExits: Node[] = [];
  /** The `continue`s that go around this loop. */
  const continues: { node: TSESTree.ContinueStatement; info: PathInfo }[] = [];
  let loopsAround = false;
  /** A catch goes around again: the loop retries after an exception, whatever its status checks. */
  let catchLoopsAround = false;
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
        if (!operation || !runsOnEveryPass(node)) return undefined;
        const continues =
          !alwaysExits(handler.body) ||
          !!someNode(handler.body, keys, (n) => n.type === T.ContinueStatement && (!n.label || n.label.name === label));
        if (continues) {
          continuingTries.push(node);
          loopsAround = true;
          catchLoopsAround = true;
        }
        return undefined;
      }
      case T.ContinueStatement: {
        const info = pathInfo(node, loop);
        if (node.label ? node.label.name !== label : info.nestedLoop) return undefined;
        continues.push({ node, info });
        if (info.inCatch) {
          loopsAround = true;
          catchLoopsAround = true;
        }
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

  /**
   * A try counts toward going around after a failure only when each pass runs
   * it: not in a branch picked by something other than a failure (a menu
   * choice, a mode), where a failed side action is not a failed attempt.
   */
  function runsOnEveryPass(tryStatement: TSESTree.TryStatement): boolean {
    const guardEnv = createEnv(sourceCode);
    let child: Node = tryStatement;
    let current: Node | undefined = tryStatement.parent;
    while (current && current !== loop) {
      let test: Node | undefined;
      if ((current.type === T.IfStatement || current.type === T.ConditionalExpression) && child !== current.test) test = current.test;
      else if (current.type === T.SwitchStatement && child !== current.discriminant) test = current.discriminant;
      else if (current.type === T.CatchClause) return true; // a failure path already
      if (test && !isHttpCheck(test, sourceCode) && classifyGuard(test, guardEnv) === 'unknown') return false;
      child = current;
      current = current.parent;
    }
    return true;
  }

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
      // `if (!res.ok) return null` leaves on failure: the loop goes around after a success (the next page), not after a failure.
      const success = onSuccess(last, sourceCode);
      if (success !== undefined && success !== info.sides[info.sides.length - 1]) {
        boundExits.push(info);
        return;
      }
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
  // Going around only on 401/403/407 sends again with refreshed credentials: re-authentication, not a retry.
  if (!catchLoopsAround && failureTests.length > 0 && failureTests.every((test) => isAuthCheck(test, sourceCode))) return undefined;
  // Going around only on a conflict (duplicate key, 409, a port in use) re-runs with a fresh value: regeneration, not a retry.
  if (goesAroundOnlyOnConflict(continuingTries, continues, failureTests, sourceCode)) return undefined;
  // Shaped like a retry: now the walks that tell items, polling and changing targets apart.
  if (isItemLoop(loop, sourceCode) || isPolling(loop, sourceCode) || walksTargets(loop, sourceCode)) return undefined;
  if (waitsOnlyOnFiles(loop, sourceCode)) return undefined;

  // ---- the facts
  const env: GrowthEnv = createEnv(sourceCode);
  collectVarying(loop, env);
  const waits = findWaits(loop.body, env);
  let wait: Omit<Growth, 'kind'> & { kind: WaitKind; node?: Node } = foldWaits(waits, sourceCode);
  if (waits.length === 0) {
    wait = hiddenWait(loop, continuingTries, sourceCode) ? { ...wait, kind: 'unknown' } : { kind: 'none', jitter: false, capped: false };
  }

  const bound = boundOf(loop, env, boundExits, signalCheck, successFlags, testRetries, continues);
  // Waiting under a deadline for a server on this machine to come up is readiness polling.
  if (bound.kind === 'deadline' && callsOnlyLoopback(loop, sourceCode)) return undefined;
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

/**
 * Every way round after a failure needs a conflict: each failure test tells
 * one apart (`status === 409`), and each catch that goes around does so only
 * for one (`if (!(err instanceof UniqueConstraintError)) throw err`,
 * `if (err.code === 'P2002') continue`).
 */
function goesAroundOnlyOnConflict(
  tries: TSESTree.TryStatement[],
  continues: { node: TSESTree.ContinueStatement; info: PathInfo }[],
  failureTests: Node[],
  sourceCode: SourceCode,
): boolean {
  if (!failureTests.every((test) => isConflictCheck(test, sourceCode))) return false;
  const catches = new Set<TSESTree.CatchClause>(tries.map((t) => t.handler!));
  for (const { info } of continues) if (info.inCatch) catches.add(info.inCatch);
  if (catches.size === 0) return failureTests.length > 0;
  for (const clause of catches) {
    // Falling off the end of the catch goes around: only when an earlier statement leaves unless there is a conflict.
    if (!alwaysExits(clause.body) && !leavesUnlessConflict(clause.body.body, sourceCode)) return false;
  }
  return continues.every(({ node, info }) => !info.inCatch || reachedOnlyOnConflict(node, info.inCatch.body, sourceCode));
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
  continues: { node: TSESTree.ContinueStatement; info: PathInfo }[],
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
  if (testKind === 'count') {
    const attempts = attemptsOf(loop, loop.test!, env.sourceCode);
    return { kind: testKind, node: loop.test!, ...(attempts !== undefined ? { attempts } : {}) };
  }
  if (testKind === 'deadline' || testKind === 'signal') return { kind: testKind, node: loop.test! };
  if (testKind === 'unknown') return { kind: 'unknown' };
  if (signalCheck) return { kind: 'signal' };
  let unknown = false;
  let bound: RetryLogic['bound'] | undefined;
  for (const exit of exits) {
    const kinds = exit.guards.map((g) => classifyGuard(g, env));
    // `if (attempt >= MAX || ...) throw err`: a lone guard whose true side leaves says how many attempts there are
    // (whatever else its text mentions: `|| isSessionExpired(err)`).
    if (exit.guards.length === 1 && exit.sides[0]) {
      const attempts = attemptsOf(loop, exit.guards[0]!, env.sourceCode, true);
      if (attempts !== undefined) return { kind: 'count', node: exit.guards[0]!, attempts };
    }
    const bounding = kinds.find((k) => k === 'count' || k === 'deadline' || k === 'signal');
    if (bounding) bound ??= { kind: bounding as BoundKind };
    if (kinds.some((k) => k === 'unknown')) unknown = true;
  }
  if (bound) return bound;
  if (testKind === 'infinite') {
    const counted = countedContinues(loop, continues, env.sourceCode);
    if (counted) return { kind: 'count', node: counted };
  }
  return { kind: unknown ? 'unknown' : 'none' };
}

/**
 * `while (true)` that can only go around through `continue`s each under its
 * own counter check (`if (retries < max) { retries++; continue }`, one
 * counter or several), every other path leaving the loop (return, rethrow):
 * each counter caps the passes through its continues, so the loop is
 * bounded. Returns the first such check.
 */
function countedContinues(loop: LoopNode, continues: { node: TSESTree.ContinueStatement; info: PathInfo }[], sourceCode: SourceCode): Node | undefined {
  // Falling off the end of the body goes around without a check.
  if (continues.length === 0 || !alwaysExits(loop.body)) return undefined;
  let first: Node | undefined;
  for (const { info } of continues) {
    let check: Node | undefined;
    info.guards.forEach((guard, index) => {
      if (check) return;
      const operands = info.sides[index] ? conjuncts(guard) : [unwrap(guard)];
      if (operands.some((operand) => isCounterBelowLimit(operand, info.sides[index]!, loop, guard, sourceCode))) check = guard;
    });
    if (!check) return undefined;
    first ??= check;
  }
  return first;
}

const BELOW: Record<string, boolean> = { '<': true, '<=': true, '>': false, '>=': false };

/**
 * `retries < max` on its true side (or `retries >= max` on its false side)
 * where `retries` is a local the loop only ever increments, on the guarded
 * path (inside the guard's branch) or on every pass (a statement of the body,
 * the for update).
 */
function isCounterBelowLimit(operand: Node, side: boolean, loop: LoopNode, guard: Node, sourceCode: SourceCode): boolean {
  if (operand.type !== T.BinaryExpression || !(operand.operator in BELOW) || operand.left.type === T.PrivateIdentifier) return false;
  const left = unwrap(operand.left);
  const right = unwrap(operand.right);
  const counter = left.type === T.Identifier ? left : right.type === T.Identifier ? right : undefined;
  if (!counter) return false;
  // The counter is below the limit on the side that continues.
  const below = counter === left ? BELOW[operand.operator]! : !BELOW[operand.operator]!;
  if (below !== side) return false;
  const variable = findVariableFor(sourceCode, counter);
  if (!variable || variable.defs.length !== 1) return false;
  const branch = guard.parent?.type === T.IfStatement || guard.parent?.type === T.ConditionalExpression ? (side ? guard.parent.consequent : guard.parent.alternate) : undefined;
  let stepped = false;
  for (const ref of variable.references) {
    if (!ref.isWrite() || ref.init) continue;
    const write = ref.identifier.parent;
    const increments =
      (write?.type === T.UpdateExpression && write.operator === '++') ||
      (write?.type === T.AssignmentExpression && write.operator === '+=' && (staticNumber(sourceCode, write.right) ?? 0) > 0);
    const inLoop = !!write && write.range[0] >= loop.range[0] && write.range[1] <= loop.range[1];
    if (!increments) {
      if (inLoop) return false; // reset or stepped back inside the loop
      continue;
    }
    if (!inLoop) continue;
    const statement = write.parent;
    const everyPass =
      (loop.type === T.ForStatement && loop.update === write) ||
      (statement?.type === T.ExpressionStatement && statement.parent === loop.body);
    const onPath = !!branch && write.range[0] >= branch.range[0] && write.range[1] <= branch.range[1];
    if (everyPass || onPath) stepped = true;
  }
  return stepped;
}

const FLIP_OP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '===': '===', '==': '==' };
/** What a comparison says when it is false: an exit guard `i >= 3` lets the loop go on while `i < 3`. */
const NEGATE_OP: Record<string, string> = { '<': '>=', '>': '<=', '<=': '>', '>=': '<' };

/**
 * The most passes a counted loop makes: `for (let i = 1; i <= 2; i++)` -> 2,
 * `while (left > 0)` with `let left = 3` and `left--` -> 3. Undefined unless
 * the counter starts at a known number and every write steps it by one.
 *
 * With `exit`, `test` guards an exit taken after a failed pass (`if (attempt
 * >= MAX) throw err` in the catch of `for (let attempt = 0; ; attempt++)`):
 * the loop goes on while the test is false, and the pass that finds it true
 * is one more attempt (0, 1, 2 -> 3 for MAX = 2). Counted as if the counter
 * stepped after the check, which gives the larger count when it does not.
 */
function attemptsOf(loop: LoopNode, test: Node, sourceCode: SourceCode, exit = false): number | undefined {
  // A loop test holds on every conjunct; an exit is taken when any disjunct holds.
  for (const operand of exit ? disjuncts(test) : conjuncts(test)) {
    if (operand.type !== T.BinaryExpression || !(operand.operator in FLIP_OP) || operand.left.type === T.PrivateIdentifier) continue;
    const left = unwrap(operand.left);
    const right = unwrap(operand.right);
    const counter = left.type === T.Identifier ? left : right.type === T.Identifier ? right : undefined;
    if (!counter) continue;
    const steps = counterSteps(loop, counter, sourceCode);
    if (!steps) continue;
    const { start, step } = steps;
    let op = counter === left ? operand.operator : FLIP_OP[operand.operator]!;
    if (exit) {
      // `attempt === MAX` is reached counting up (or down) by one, like `>=` (or `<=`).
      if (op === '===' || op === '==') op = step === 1 ? '>=' : '<=';
      op = NEGATE_OP[op]!;
    } else if (op === '===' || op === '==') continue;
    // The limit may be one of several constants (`replayable ? MAX : 1`): the largest counting up, the smallest counting down.
    const limit = limitOf(sourceCode, counter === left ? right : left, step === 1 ? Math.max : Math.min);
    if (limit === undefined) continue;
    const passes =
      step === 1 && op === '<' ? Math.ceil(limit - start)
      : step === 1 && op === '<=' ? Math.floor(limit - start) + 1
      : step === -1 && op === '>' ? Math.ceil(start - limit)
      : step === -1 && op === '>=' ? Math.floor(start - limit) + 1
      : undefined;
    if (passes !== undefined && Number.isFinite(passes)) return Math.max(passes, 0) + (exit ? 1 : 0);
  }
  return undefined;
}

function disjuncts(node: Node): Node[] {
  const inner = unwrap(node);
  if (inner.type === T.LogicalExpression && inner.operator === '||') return [...disjuncts(inner.left), ...disjuncts(inner.right)];
  return [inner];
}

/** A static number, or the pick of the static branches of a conditional (`cond ? 3 : 1`, directly or through a const). */
function limitOf(sourceCode: SourceCode, node: Node, pick: (...values: number[]) => number, depth = 0): number | undefined {
  const value = staticNumber(sourceCode, node);
  if (value !== undefined || depth > 2) return value;
  const inner = unwrap(node);
  if (inner.type === T.ConditionalExpression) {
    const a = limitOf(sourceCode, inner.consequent, pick, depth + 1);
    const b = limitOf(sourceCode, inner.alternate, pick, depth + 1);
    return a === undefined || b === undefined ? undefined : pick(a, b);
  }
  if (inner.type === T.Identifier) {
    const init = constInit(findVariableFor(sourceCode, inner));
    return init ? limitOf(sourceCode, init, pick, depth + 1) : undefined;
  }
  return undefined;
}

/** Where a loop counter starts and how each write inside the loop steps it (+1 or -1), when that is all it does. */
function counterSteps(loop: LoopNode, counter: TSESTree.Identifier, sourceCode: SourceCode): { start: number; step: 1 | -1 } | undefined {
  const variable = findVariableFor(sourceCode, counter);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== T.VariableDeclarator) return undefined;
  const start = staticNumber(sourceCode, def.node.init ?? undefined);
  if (start === undefined) return undefined;
  let step = 0;
  for (const ref of variable.references) {
    if (!ref.isWrite() || ref.init) continue;
    const write = ref.identifier.parent;
    let delta: number | undefined;
    if (write?.type === T.UpdateExpression) delta = write.operator === '++' ? 1 : -1;
    else if (write?.type === T.AssignmentExpression && (write.operator === '+=' || write.operator === '-=')) {
      const by = staticNumber(sourceCode, write.right);
      if (by !== undefined) delta = write.operator === '+=' ? by : -by;
    } else if (write?.type === T.AssignmentExpression && write.operator === '=') {
      const value = unwrap(write.right);
      if (value.type === T.BinaryExpression && (value.operator === '+' || value.operator === '-') && unwrap(value.left as Node).type === T.Identifier && (unwrap(value.left as Node) as TSESTree.Identifier).name === counter.name) {
        const by = staticNumber(sourceCode, value.right);
        if (by !== undefined) delta = value.operator === '+' ? by : -by;
      }
    }
    if (delta === undefined || (delta !== 1 && delta !== -1) || (step !== 0 && delta !== step) || write!.range[0] < loop.range[0] || write!.range[1] > loop.range[1]) {
      return undefined;
    }
    step = delta;
  }
  return step === 0 ? undefined : { start, step: step as 1 | -1 };
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
