/**
 * Conditions inside retry logic: which failures it retries, what bounds it,
 * whether it singles out 429/503.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import type { BoundKind, RetriesOn } from './types';
import {
  alwaysExits,
  calleeName,
  memberName,
  someNode,
  staticNumber,
  staticNumberArray,
  unwrap,
  walkOwn,
  type Node,
  type SourceCode,
  type Variable,
} from './util';
import type { GrowthEnv } from './growth';

const T = AST_NODE_TYPES;

const STATUS_NAME = /^(status|statusCode|httpStatus|status_code|httpStatusCode|code)$/;

/** `res.status`, `err.response?.status`, `status`, `e.statusCode`. */
export function isStatusLike(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return /^(status|statusCode|httpStatus|code|status_code)$/.test(inner.name);
  if (inner.type === T.MemberExpression) {
    const name = memberName(inner);
    return !!name && STATUS_NAME.test(name);
  }
  return false;
}

function isOk(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === T.MemberExpression && memberName(inner) === 'ok';
}

const RETRYABLE_CODE = (code: number): boolean => code === 408 || code === 429 || (code >= 500 && code <= 599);

/** A retry-classifying helper by name: `isRetryable(err)`, `shouldRetry(res)`, `isTransientError(e)`. */
export const RETRYABLE_HELPER = /^(is|should|can)\w*(Retry|Retri|Transient|Recoverable|ServerError|Temporary|Throttl|NetworkError|Idempotent)/i;

interface StatusComparison {
  node: Node;
  op: string;
  value: number;
  /** The status is on the right: `500 <= status`. */
  flipped: boolean;
}

function statusComparison(node: Node, sourceCode: SourceCode): StatusComparison | undefined {
  if (node.type !== T.BinaryExpression || node.left.type === T.PrivateIdentifier) return undefined;
  if (isStatusLike(node.left)) {
    const value = staticNumber(sourceCode, node.right);
    if (value !== undefined && value >= 100 && value <= 599) return { node, op: node.operator, value, flipped: false };
  }
  if (isStatusLike(node.right)) {
    const value = staticNumber(sourceCode, node.left);
    if (value !== undefined && value >= 100 && value <= 599) return { node, op: node.operator, value, flipped: true };
  }
  return undefined;
}

const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** The codes a `[408, 429, 503].includes(status)` / `set.has(status)` accepts. */
function statusListCheck(node: Node, sourceCode: SourceCode): number[] | undefined {
  if (node.type !== T.CallExpression) return undefined;
  const name = calleeName(node);
  if (name !== 'includes' && name !== 'has' && name !== 'indexOf') return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || !node.arguments[0] || !isStatusLike(node.arguments[0])) return undefined;
  return staticNumberArray(sourceCode, callee.object);
}

export type StatusTestKind = 'restricts' | 'lets-4xx-through' | 'neutral';

/**
 * Whether a condition tells client errors apart from retryable failures
 * (`status >= 500`, `[429, 503].includes(s)`, `isRetryable(e)`), or treats
 * every non-2xx alike (`!res.ok`, `status >= 400`, `status !== 200`).
 */
export function classifyStatusTest(test: Node, sourceCode: SourceCode): { kind: StatusTestKind; node?: Node } {
  let restricts = false;
  let through: Node | undefined;
  someNode(
    test,
    sourceCode.visitorKeys,
    (node) => {
      if (node.type === T.CallExpression) {
        const name = calleeName(node);
        if (name && RETRYABLE_HELPER.test(name)) restricts = true;
        const list = statusListCheck(node, sourceCode);
        if (list) {
          if (list.every(RETRYABLE_CODE)) restricts = true;
          else if (list.some((code) => code >= 400 && code < 500 && !RETRYABLE_CODE(code))) through ??= node;
        }
      }
      if (node.type === T.MemberExpression && memberName(node) === 'ok') through ??= test;
      const comparison = statusComparison(node, sourceCode);
      if (comparison) {
        const op = comparison.flipped ? (FLIP[comparison.op] ?? comparison.op) : comparison.op;
        const { value } = comparison;
        if ((op === '>=' && value >= 500) || (op === '>' && value >= 499)) restricts = true;
        else if ((op === '<' && value === 500) || (op === '<=' && value === 499)) restricts = true;
        else if ((op === '===' || op === '==' || op === '!==' || op === '!=') && RETRYABLE_CODE(value)) restricts = true;
        else if ((op === '>=' && value <= 400) || (op === '>' && value < 400)) through ??= node;
        else if ((op === '!==' || op === '!=') && value < 300) through ??= node;
      }
      return false;
    },
    false,
  );
  if (restricts) return { kind: 'restricts' };
  if (through) return { kind: 'lets-4xx-through', node: through };
  return { kind: 'neutral' };
}

/** Whether `test` looks at the outcome of an HTTP call at all (`res.ok`, a status, `isRetryable`). */
export function isHttpCheck(test: Node, sourceCode: SourceCode): boolean {
  return !!someNode(
    test,
    sourceCode.visitorKeys,
    (node) =>
      isOk(node) ||
      !!statusComparison(node, sourceCode) ||
      !!statusListCheck(node, sourceCode) ||
      (node.type === T.CallExpression && RETRYABLE_HELPER.test(calleeName(node) ?? '')),
    false,
  );
}

/**
 * The value an HTTP check takes on a successful response (`ok`, status 200,
 * nothing retryable), when that is known: `res.ok` -> true, `!res.ok` and
 * `res.status >= 400` -> false, `res.ok && body.items` -> unknown. An exit on
 * the side a success takes leaves on success (the loop goes around on
 * failure: a retry); an exit on the other side leaves on failure.
 */
export function onSuccess(test: Node, sourceCode: SourceCode): boolean | undefined {
  const inner = unwrap(test);
  if (inner.type === T.UnaryExpression && inner.operator === '!') {
    const value = onSuccess(inner.argument, sourceCode);
    return value === undefined ? undefined : !value;
  }
  if (inner.type === T.LogicalExpression && (inner.operator === '&&' || inner.operator === '||')) {
    const left = onSuccess(inner.left, sourceCode);
    const right = onSuccess(inner.right, sourceCode);
    // Three-valued: `false && x` is false, `true || x` is true whatever x is.
    const absorbing = inner.operator === '||';
    if (left === absorbing || right === absorbing) return absorbing;
    return left === undefined || right === undefined ? undefined : !absorbing;
  }
  if (isOk(inner)) return true;
  if (inner.type === T.CallExpression && RETRYABLE_HELPER.test(calleeName(inner) ?? '')) return false;
  const list = statusListCheck(inner, sourceCode);
  if (list && calleeName(inner as TSESTree.CallExpression) !== 'indexOf') return list.includes(200);
  const comparison = statusComparison(inner, sourceCode);
  if (comparison) {
    const op = comparison.flipped ? (FLIP[comparison.op] ?? comparison.op) : comparison.op;
    return compare(200, op, comparison.value);
  }
  return undefined;
}

function compare(status: number, op: string, value: number): boolean | undefined {
  switch (op) {
    case '<': return status < value;
    case '<=': return status <= value;
    case '>': return status > value;
    case '>=': return status >= value;
    case '===': case '==': return status === value;
    case '!==': case '!=': return status !== value;
    default: return undefined;
  }
}

const AUTH_CODE = (code: number): boolean => code === 401 || code === 403 || code === 407;

/**
 * Whether `test` holds only for an authentication failure (`status === 401`,
 * `res.status === 403 && session.refresh`, `[401, 407].includes(status)`):
 * sending again after refreshing credentials re-authenticates, it does not
 * retry a failing upstream.
 */
export function isAuthCheck(test: Node, sourceCode: SourceCode): boolean {
  const inner = unwrap(test);
  if (inner.type === T.LogicalExpression && inner.operator === '&&') return isAuthCheck(inner.left, sourceCode) || isAuthCheck(inner.right, sourceCode);
  if (inner.type === T.LogicalExpression && inner.operator === '||') return isAuthCheck(inner.left, sourceCode) && isAuthCheck(inner.right, sourceCode);
  if (inner.type === T.UnaryExpression && inner.operator === '!') return isAuthCheck(inner.argument, sourceCode);
  const comparison = statusComparison(inner, sourceCode);
  if (comparison) return /^[!=]==?$/.test(comparison.op) && AUTH_CODE(comparison.value);
  const list = statusListCheck(inner, sourceCode);
  return !!list && list.length > 0 && list.every(AUTH_CODE);
}

/** Error classes of a unique or conflict violation: Sequelize `UniqueConstraintError`, `DuplicateKeyError`, `ConflictError`. */
const CONFLICT_CLASS = /Unique|Duplicate|Conflict/;
/** Prisma P2002, Postgres 23505, MySQL ER_DUP_ENTRY / 1062, MongoDB 11000, SQLite unique, a port in use. */
const CONFLICT_CODES = new Set<unknown>(['P2002', '23505', 'ER_DUP_ENTRY', 'ER_DUP_KEY', 1062, 11000, 11001, 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'EADDRINUSE']);
const CONFLICT_HELPER = /^(is|was|has)\w*(Unique|Duplicate|Conflict|AddrInUse|AddressInUse|PortInUse|PortTaken)/i;
const CONFLICT_TEXT = /duplicate key|unique constraint|already exists|address already in use|EADDRINUSE/i;

/**
 * One comparison or call that holds only for a conflict: `err.code === 'P2002'`,
 * `e instanceof UniqueConstraintError`, `status === 409`. An (in)equality is
 * judged by its operands; the caller reads `!==` as the negation.
 */
function conflictAtom(node: Node, sourceCode: SourceCode): boolean {
  if (node.type === T.BinaryExpression && node.operator === 'instanceof') {
    const right = unwrap(node.right);
    const name = right.type === T.Identifier ? right.name : right.type === T.MemberExpression ? memberName(right) : undefined;
    return !!name && CONFLICT_CLASS.test(name);
  }
  if (node.type === T.BinaryExpression && /^[!=]==?$/.test(node.operator) && node.left.type !== T.PrivateIdentifier) {
    const comparison = statusComparison(node, sourceCode);
    if (comparison?.value === 409) return true;
    for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
      const value = unwrap(side as Node);
      if (value.type !== T.Literal || !CONFLICT_CODES.has(value.value)) continue;
      // `err.code`, `e.errno`, `error.sqlState`, `code`: anything but a status (where 1062 or 11000 mean nothing).
      if (!(isStatusLike(other as Node) && typeof value.value === 'number' && value.value < 600)) return true;
    }
    return false;
  }
  if (node.type === T.CallExpression) {
    const name = calleeName(node) ?? '';
    if (CONFLICT_HELPER.test(name)) return true;
    const list = statusListCheck(node, sourceCode);
    if (list) return list.length > 0 && list.every((code) => code === 409);
    // `err.message.includes('duplicate key')`
    const arg = node.arguments[0];
    return /^(includes|startsWith|test|match)$/.test(name) && arg?.type === T.Literal && typeof arg.value === 'string' && CONFLICT_TEXT.test(arg.value);
  }
  return false;
}

/**
 * Whether `test` having the value `side` means the failure is a conflict: a
 * unique or duplicate-key violation, HTTP 409, a port already in use.
 * `!(err instanceof UniqueConstraintError) || attempt >= max` is false only
 * for a conflict; `err.code === 'P2002' && left > 0` is true only for one.
 */
export function impliesConflict(test: Node, side: boolean, sourceCode: SourceCode): boolean {
  const inner = unwrap(test);
  if (inner.type === T.UnaryExpression && inner.operator === '!') return impliesConflict(inner.argument, !side, sourceCode);
  if (inner.type === T.LogicalExpression && (inner.operator === '&&' || inner.operator === '||')) {
    const left = impliesConflict(inner.left, side, sourceCode);
    const right = impliesConflict(inner.right, side, sourceCode);
    // `a && b` is true when both are, false when either is false (and `||` the other way round).
    return (inner.operator === '&&') === side ? left || right : left && right;
  }
  if (inner.type === T.BinaryExpression && (inner.operator === '!==' || inner.operator === '!=')) {
    return !side && conflictAtom(inner, sourceCode);
  }
  return side && conflictAtom(inner, sourceCode);
}

/** Whether a failure test tells a conflict apart, on either side (`status === 409`, `code !== 'EADDRINUSE'`). */
export function isConflictCheck(test: Node, sourceCode: SourceCode): boolean {
  return impliesConflict(test, true, sourceCode) || impliesConflict(test, false, sourceCode);
}

/** Some statement leaves unless there is a conflict: `if (!(err instanceof UniqueConstraintError)) throw err`. */
export function leavesUnlessConflict(statements: readonly Node[], sourceCode: SourceCode): boolean {
  return statements.some(
    (s) =>
      s.type === T.IfStatement &&
      ((alwaysExits(s.consequent) && !alwaysExits(s.alternate) && impliesConflict(s.test, false, sourceCode)) ||
        (!!s.alternate && alwaysExits(s.alternate) && !alwaysExits(s.consequent) && impliesConflict(s.test, true, sourceCode))),
  );
}

/**
 * Whether `node` (inside `stop`) is only reached on a conflict: a guard on
 * the way whose side taken says so, or an earlier statement that leaves
 * otherwise.
 */
export function reachedOnlyOnConflict(node: Node, stop: Node, sourceCode: SourceCode): boolean {
  let child: Node = node;
  let current = node.parent;
  while (current && child !== stop) {
    if ((current.type === T.IfStatement || current.type === T.ConditionalExpression) && child !== current.test) {
      if (impliesConflict(current.test, child === current.consequent, sourceCode)) return true;
    } else if (current.type === T.BlockStatement) {
      const index = current.body.indexOf(child as TSESTree.Statement);
      if (index > 0 && leavesUnlessConflict(current.body.slice(0, index), sourceCode)) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

const DEADLINE = /Date\.now|performance\.now|process\.hrtime|deadline|elapsed|expir|timeLeft|timeRemaining|maxRetryTime|maxElapsed|until/i;
const SIGNAL = /signal|abort|cancel|stopp?ed|\bstop\b|closed|closing|shutdown|shuttingDown|destroyed|disposed|isRunning|running|shouldReconnect|shouldRetry|manual|intentional|active|enabled|connected|alive/i;
const SIGNAL_CALL = /throwIfAborted|\.aborted\b/;
const KNOWN_PREDICATE = /^(includes|has|indexOf|test|startsWith|endsWith|some|every|isAxiosError|isHttpError|Number|String|Boolean|get)$/;
const COUNTER = /attempt|retr|tries|\btry\b|count|max|limit|left|remaining|budget|^n$|^i$/i;

/** What a condition that ends retrying is about. */
export function classifyGuard(test: Node, env: GrowthEnv): BoundKind | 'failure' {
  const { sourceCode } = env;
  const text = sourceCode.getText(test);
  if (DEADLINE.test(text)) return 'deadline';
  // A value that grows per attempt, or a name that says it counts.
  const counts = someNode(
    test,
    sourceCode.visitorKeys,
    (node) => {
      if (node.type === T.Identifier) {
        for (const [key, growth] of env.varying) {
          if (typeof key !== 'string' && (key as Variable).name === node.name && growth.kind === 'linear') return true;
        }
        return COUNTER.test(node.name) && node.parent?.type !== T.MemberExpression;
      }
      if (node.type === T.MemberExpression) {
        const key = sourceCode.getText(node).replace(/\?\./g, '.');
        if (env.varying.get(key)?.kind === 'linear') return true;
        const name = memberName(node);
        return !!name && COUNTER.test(name) && !/^(status|ok|code)$/.test(name);
      }
      return false;
    },
    false,
  );
  if (counts) return 'count';
  // A call we cannot see into (`shouldGiveUp(err)`) may stop for any reason.
  const opaque = someNode(
    test,
    sourceCode.visitorKeys,
    (node) => node.type === T.CallExpression && !RETRYABLE_HELPER.test(calleeName(node) ?? '') && !KNOWN_PREDICATE.test(calleeName(node) ?? ''),
    false,
  );
  if (opaque) return SIGNAL_CALL.test(text) ? 'signal' : 'unknown';
  if (SIGNAL.test(text)) return 'signal';
  if (isHttpCheck(test, sourceCode) || /err|error|code|status|instanceof|response|retryable/i.test(text)) return 'failure';
  return 'unknown';
}

/**
 * Which failures a try/catch or failure-check retry goes around again on.
 * `region` is the retried code (loop body, recursive function body),
 * `catches` the catch clauses that continue, `fallThrough` success exits
 * whose condition, when false, loops around (`if (res.ok) return res`).
 */
export function retriesOnOf(
  region: Node,
  tries: TSESTree.TryStatement[],
  failureTests: Node[],
  throwingCalls: Set<Node>,
  sourceCode: SourceCode,
): RetriesOn {
  const keys = sourceCode.visitorKeys;
  // 1. Anything in the retried code that tells 4xx apart?
  let restricted = false;
  walkOwn(region, keys, (node) => {
    if (restricted) return false;
    if (node.type === T.IfStatement || node.type === T.ConditionalExpression || node.type === T.SwitchStatement) {
      const test = node.type === T.SwitchStatement ? node.discriminant : node.test;
      if (node.type === T.SwitchStatement) {
        const cases = node.cases.map((c) => (c.test ? staticNumber(sourceCode, c.test) : undefined));
        if (isStatusLike(node.discriminant) && cases.some((c) => c !== undefined && RETRYABLE_CODE(c))) restricted = true;
      } else if (classifyStatusTest(test, sourceCode).kind === 'restricts') restricted = true;
    }
    if (node.type === T.CallExpression && RETRYABLE_HELPER.test(calleeName(node) ?? '')) restricted = true;
    return undefined;
  });
  if (restricted) return { kind: 'server-errors' };
  // 2. A catch that inspects the error before going around again.
  for (const tryStatement of tries) {
    const handler = tryStatement.handler;
    if (!handler) continue;
    const param = handler.param && handler.param.type === T.Identifier ? handler.param.name : undefined;
    const inspects = someNode(handler.body, keys, (node) => {
      if (node.type !== T.IfStatement && node.type !== T.ConditionalExpression) return false;
      if (!param) return false;
      return !!someNode(node.test, keys, (n) => n.type === T.Identifier && n.name === param, false);
    });
    if (inspects) return { kind: 'unknown' };
  }
  // 3. A failure check that treats every non-2xx alike.
  for (const test of failureTests) {
    const classified = classifyStatusTest(test, sourceCode);
    if (classified.kind === 'lets-4xx-through') return { kind: 'any-failure', node: classified.node ?? test };
  }
  for (const tryStatement of tries) {
    let found: Node | undefined;
    walkOwn(tryStatement.block, keys, (node) => {
      if (found) return false;
      if (node.type === T.IfStatement && alwaysThrows(node.consequent)) {
        const classified = classifyStatusTest(node.test, sourceCode);
        if (classified.kind === 'lets-4xx-through') found = classified.node ?? node.test;
      } else if (node.type === T.CallExpression && throwingCalls.has(node)) {
        found = node;
      }
      return undefined;
    });
    if (found) return { kind: 'any-failure', node: found };
  }
  // 4. Only `fetch` in the retried code, no status check: network errors only.
  const fetches = someNode(region, keys, (node) => node.type === T.CallExpression && calleeName(node) === 'fetch');
  if (fetches && tries.length > 0 && failureTests.length === 0) return { kind: 'network-only' };
  return { kind: 'unknown' };
}

function alwaysThrows(node: Node): boolean {
  if (node.type === T.ThrowStatement) return true;
  if (node.type === T.BlockStatement) return node.body.some((s) => s.type === T.ThrowStatement);
  return false;
}

/** A status list that is about throttling (429), or about 503 alone; a list of all 5xx is not. */
export function singlesOutList(list: number[]): boolean {
  return list.includes(429) || (list.includes(503) && list.every((code) => code === 503 || code === 408 || code === 429));
}

/** `status === 429`, `[429, 503].includes(status)`, `case 503:` in the retry's code. */
export function findSinglesOut(region: Node, sourceCode: SourceCode): Node | undefined {
  return someNode(
    region,
    sourceCode.visitorKeys,
    (node) => {
      const comparison = statusComparison(node, sourceCode);
      if (comparison && (comparison.value === 429 || comparison.value === 503)) {
        if (comparison.op === '===' || comparison.op === '==') return true;
        // `if (res.status !== 503) return res` retries 503 alone; inside `a && b` it is part of a range.
        if ((comparison.op === '!==' || comparison.op === '!=') && node.parent?.type !== T.LogicalExpression) return true;
      }
      const list = statusListCheck(node, sourceCode);
      if (list && singlesOutList(list)) return true;
      if (node.type === T.SwitchCase && node.test && node.parent && isStatusLike((node.parent as TSESTree.SwitchStatement).discriminant)) {
        const value = staticNumber(sourceCode, node.test);
        return value === 429 || value === 503;
      }
      return false;
    },
    false,
  );
}
