/**
 * The node kinds every analysis listens to (the HTTP model, the retry model),
 * gathered once per file and cached by AST: read off ESLint's own cached
 * traversal when it offers one (`sourceCode.traverse()`), else one walk of our
 * own that skips type-only subtrees.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { FunctionNode, Node } from './ast';

export interface FileIndex {
  calls: TSESTree.CallExpression[];
  news: TSESTree.NewExpression[];
  assigns: TSESTree.AssignmentExpression[];
  objects: TSESTree.ObjectExpression[];
  decorators: TSESTree.Decorator[];
  functions: FunctionNode[];
  paramProps: TSESTree.TSParameterProperty[];
  declarators: TSESTree.VariableDeclarator[];
  loops: (TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement)[];
}

const SKIP = new Set<string>([
  AST_NODE_TYPES.TSTypeAnnotation,
  AST_NODE_TYPES.TSTypeParameterDeclaration,
  AST_NODE_TYPES.TSTypeParameterInstantiation,
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.TSDeclareFunction,
  AST_NODE_TYPES.TSIndexSignature,
  AST_NODE_TYPES.ImportDeclaration,
]);

const cache = new WeakMap<TSESTree.Program, FileIndex>();

export function getFileIndex(sourceCode: Readonly<TSESLint.SourceCode>): FileIndex {
  const ast = sourceCode.ast as TSESTree.Program;
  const cached = cache.get(ast);
  if (cached) return cached;
  const index = build(sourceCode);
  cache.set(ast, index);
  return index;
}

interface TraversalStep {
  kind?: number;
  phase?: number;
  target?: unknown;
}

function build(sourceCode: Readonly<TSESLint.SourceCode>): FileIndex {
  const index: FileIndex = { calls: [], news: [], assigns: [], objects: [], decorators: [], functions: [], paramProps: [], declarators: [], loops: [] };
  // ESLint (9 and 10) computes the traversal of every file once, before running rules, and
  // caches it on the SourceCode: reading its enter steps costs no walk of our own.
  const traverse = (sourceCode as unknown as { traverse?: () => Iterable<TraversalStep> }).traverse;
  if (typeof traverse === 'function') {
    for (const step of traverse.call(sourceCode)) {
      if (step.kind === 1 && step.phase === 1) record(index, step.target as Node);
    }
  } else {
    walk(sourceCode.ast as TSESTree.Program, sourceCode.visitorKeys as Record<string, readonly string[] | undefined>, index);
  }
  // Source order (both visit in order, but sort defensively: some analyses rely on it).
  const byStart = (a: Node, b: Node) => a.range[0] - b.range[0];
  index.calls.sort(byStart);
  index.functions.sort(byStart);
  index.loops.sort(byStart);
  return index;
}

function record(index: FileIndex, node: Node): void {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      index.calls.push(node);
      break;
    case AST_NODE_TYPES.NewExpression:
      index.news.push(node);
      break;
    case AST_NODE_TYPES.AssignmentExpression:
      index.assigns.push(node);
      break;
    case AST_NODE_TYPES.ObjectExpression:
      index.objects.push(node);
      break;
    case AST_NODE_TYPES.Decorator:
      index.decorators.push(node);
      break;
    case AST_NODE_TYPES.TSParameterProperty:
      index.paramProps.push(node);
      break;
    case AST_NODE_TYPES.VariableDeclarator:
      index.declarators.push(node);
      break;
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      index.functions.push(node);
      break;
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      index.loops.push(node);
      break;
    default:
      break;
  }
}

function walk(ast: TSESTree.Program, keys: Record<string, readonly string[] | undefined>, index: FileIndex): void {
  const stack: Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    record(index, node);
    const childKeys = keys[node.type];
    if (!childKeys) continue;
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const item = value[i] as Node | null;
          if (item && typeof item.type === 'string' && !SKIP.has(item.type)) stack.push(item);
        }
      } else if (value && typeof (value as Node).type === 'string' && !SKIP.has((value as Node).type)) {
        stack.push(value as Node);
      }
    }
  }
}
