/**
 * The retry model of a file: every piece of retry logic (loops, recursive
 * retries, timer retries, retry libraries), with how long it waits between
 * attempts, what bounds it and which failures it retries.
 *
 * Built once per file on first use and cached on the Program node, so all
 * retry rules share one analysis. The model only states facts; an 'unknown'
 * fact is never a finding.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { analyseLoop } from './retry/loops';
import { analyseRecursion, analyseTimer, functionName } from './retry/recursion';
import { findLibraryRetries } from './retry/libraries';
import { collectVarying, createEnv, type GrowthEnv } from './retry/growth';
import { getFileIndex } from './file-index';
import { fileServesRequests } from './files';
import { isLoop, type Node } from './retry/util';
import type { RetryLogic, RetryModel } from './retry/types';

export type {
  BoundKind,
  RetriesOn,
  RetriesOnKind,
  RetryBound,
  RetryKind,
  RetryLibrary,
  RetryLogic,
  RetryModel,
  RetryWait,
  WaitKind,
} from './retry/types';

const cache = new WeakMap<TSESTree.Program, RetryModel>();
const EMPTY: RetryModel = { retries: [] };

/**
 * Words whose absence means a file has no retry logic worth a walk: loops,
 * libraries, timers, and the catch clauses or status checks a recursive retry
 * needs.
 */
const GATE = /\b(for|while|do|catch)\b|retry|retries|setTimeout|reconnect|cockatiel|RetryAgent|RetryHandler|\.ok\b|status|\berr/i;

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function getRetryModel(context: Context): RetryModel {
  // Tests, mocks and configs never serve a request: a test that fires requests until it sees a 429 is not a retry storm.
  if (!fileServesRequests(context)) return EMPTY;
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  const model = buildModel(sourceCode);
  cache.set(program, model);
  return model;
}

function buildModel(sourceCode: Context['sourceCode']): RetryModel {
  const text = sourceCode.text;
  if (!GATE.test(text)) return { retries: [] };
  const program = sourceCode.ast;
  const library = findLibraryRetries(sourceCode, sourceCode.getScope(program));

  // The candidates, from the walk shared with the HTTP model.
  const index = getFileIndex(sourceCode);
  // for/while/do-while: for-of and for-in walk items, they do not re-run one operation.
  const loops: Node[] = index.loops.filter(isLoop);
  const calls: TSESTree.CallExpression[] = [];
  const timers: TSESTree.CallExpression[] = [];
  const hasTimers = /setTimeout/.test(text);
  for (const node of index.calls) {
    const callee = node.callee;
    if (hasTimers && /setTimeout$/.test(callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '')) {
      timers.push(node);
    }
    if (node.arguments.length > 0 || callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression) calls.push(node);
  }

  const retries: RetryLogic[] = [...library.logics];
  const loopContext = { sourceCode, throwingCalls: library.throwingCalls };
  for (const loop of loops) {
    const logic = analyseLoop(loop as never, loopContext);
    if (logic) retries.push(logic);
  }
  let fileEnv: GrowthEnv | undefined;
  const functionNames = new Set<string>();
  for (const fn of index.functions) {
    const name = functionName(fn);
    if (name) functionNames.add(name);
  }
  const seenFunctions = new Set<Node>();
  const recursionContext = {
    functionNames,
    done: seenFunctions,
    sourceCode,
    throwingCalls: library.throwingCalls,
    fileEnv: (): GrowthEnv => {
      if (!fileEnv) {
        fileEnv = createEnv(sourceCode);
        collectVarying(program, fileEnv, false);
      }
      return fileEnv;
    },
  };
  for (const call of calls) {
    const logic = analyseRecursion(call, recursionContext);
    if (logic && !seenFunctions.has(logic.node)) {
      seenFunctions.add(logic.node);
      retries.push(logic);
    }
  }
  for (const timer of timers) {
    const logic = analyseTimer(timer, recursionContext);
    if (logic) retries.push(logic);
  }
  retries.sort((a, b) => a.reportNode.range[0] - b.reportNode.range[0]);
  return { retries };
}
