/**
 * One walk over a file, shared by every analysis (the HTTP model and the retry
 * model): the node kinds they listen to, gathered once per file and cached by
 * AST. Type-only subtrees (annotations, interfaces, type aliases, declare
 * functions) hold no runtime code and are skipped.
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
  const index = build(ast, sourceCode.visitorKeys as Record<string, readonly string[] | undefined>);
  cache.set(ast, index);
  return index;
}

function build(ast: TSESTree.Program, keys: Record<string, readonly string[] | undefined>): FileIndex {
  const index: FileIndex = { calls: [], news: [], assigns: [], objects: [], decorators: [], functions: [], paramProps: [], declarators: [], loops: [] };
  const stack: Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
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
  // Source order (the stack visits in order, but sort defensively: some analyses rely on it).
  const byStart = (a: Node, b: Node) => a.range[0] - b.range[0];
  index.calls.sort(byStart);
  index.functions.sort(byStart);
  index.loops.sort(byStart);
  return index;
}
