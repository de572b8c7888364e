/**
 * Small AST helpers for the retry analysis (`unwrap` is the engine's shared one).
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../ast';
import { AST_NODE_TYPES } from '../node-types';

export type Node = TSESTree.Node;
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;
export type LoopNode = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;
export type SourceCode = Readonly<TSESLint.SourceCode>;
export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;

const T = AST_NODE_TYPES;

// Strips TS-only wrappers and chain expressions: the engine's shared helper.
export { unwrap };

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === T.FunctionDeclaration ||
      node.type === T.FunctionExpression ||
      node.type === T.ArrowFunctionExpression)
  );
}

export function isLoop(node: Node): node is LoopNode {
  return node.type === T.ForStatement || node.type === T.WhileStatement || node.type === T.DoWhileStatement;
}

/** Static property name of `a.b` / `a['b']`. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === T.Identifier) return node.property.name;
  if (node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** `sleep` for `sleep(x)`, `wait` for `this.utils.wait(x)`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression) return memberName(callee);
  return undefined;
}

/** `Math.min` for a member call on an identifier, else undefined. */
export function qualifiedCallee(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression) {
    const object = unwrap(callee.object);
    const name = memberName(callee);
    if (!name) return undefined;
    if (object.type === T.Identifier) return `${object.name}.${name}`;
    if (object.type === T.ThisExpression) return `this.${name}`;
  }
  return undefined;
}

/**
 * Visits every node under `root` (root included) in source order. `enter`
 * returning false skips the children. Sets `parent` where a parser left it out.
 */
export function walk(
  root: Node,
  visitorKeys: SourceCode['visitorKeys'],
  enter: (node: Node) => boolean | void,
): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as Node | null;
          if (child && typeof child.type === 'string') {
            if (!child.parent) (child as { parent?: Node }).parent = node;
            stack.push(child);
          }
        }
      } else if (value && typeof (value as Node).type === 'string') {
        const child = value as Node;
        if (!child.parent) (child as { parent?: Node }).parent = node;
        stack.push(child);
      }
    }
  }
}

/** Visits the nodes of `root` without entering nested functions (root itself may be one). */
export function walkOwn(
  root: Node,
  visitorKeys: SourceCode['visitorKeys'],
  enter: (node: Node) => boolean | void,
): void {
  walk(root, visitorKeys, (node) => {
    if (node !== root && isFunction(node)) return false;
    return enter(node);
  });
}

export function someNode(
  root: Node,
  visitorKeys: SourceCode['visitorKeys'],
  test: (node: Node) => boolean,
  ownOnly = true,
): Node | undefined {
  let found: Node | undefined;
  (ownOnly ? walkOwn : walk)(root, visitorKeys, (node) => {
    if (found) return false;
    if (test(node)) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}

export function isAncestor(ancestor: Node, node: Node): boolean {
  let current: Node | undefined = node;
  while (current) {
    if (current === ancestor) return true;
    current = current.parent;
  }
  return false;
}

/** The innermost function containing `node` (not `node` itself). */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return undefined;
}

export function findVariableFor(sourceCode: SourceCode, identifier: TSESTree.Identifier): Variable | undefined {
  let scope: Scope | null = sourceCode.getScope(identifier);
  while (scope) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
    scope = scope.upper;
  }
  return undefined;
}

/** The function a name refers to: `function f() {}`, `const f = () => {}`. */
export function resolveFunction(sourceCode: SourceCode, identifier: TSESTree.Identifier): FunctionNode | undefined {
  const variable = findVariableFor(sourceCode, identifier);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'FunctionName' && def.node.type === T.FunctionDeclaration) return def.node;
  if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    if (isFunction(init)) return init;
  }
  return undefined;
}

/** The single initialiser of a never-reassigned variable. */
export function constInit(variable: Variable | undefined): Node | undefined {
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.node.type !== T.VariableDeclarator || !def.node.init || def.node.id.type !== T.Identifier) return undefined;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return undefined;
  return def.node.init;
}

/** Follows `const opts = {...}` to the object literal. */
export function resolveObject(sourceCode: SourceCode, node: Node | undefined, depth = 0): TSESTree.ObjectExpression | undefined {
  if (!node || depth > 3) return undefined;
  const inner = unwrap(node);
  if (inner.type === T.ObjectExpression) return inner;
  if (inner.type === T.Identifier) {
    return resolveObject(sourceCode, constInit(findVariableFor(sourceCode, inner)), depth + 1);
  }
  return undefined;
}

/** The value node of property `name` in an object literal (spreads of local consts followed). */
export function objectProperty(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression | undefined,
  name: string,
  depth = 0,
): Node | undefined {
  if (!object || depth > 3) return undefined;
  let found: Node | undefined;
  for (const prop of object.properties) {
    if (prop.type === T.Property) {
      const key = prop.key;
      const keyName =
        !prop.computed && key.type === T.Identifier
          ? key.name
          : key.type === T.Literal && typeof key.value === 'string'
            ? key.value
            : undefined;
      if (keyName === name) found = prop.value;
    } else if (prop.type === T.SpreadElement) {
      const spread = objectProperty(sourceCode, resolveObject(sourceCode, prop.argument), name, depth + 1);
      if (spread) found = spread;
    }
  }
  return found;
}

/** Evaluates a static value (literal, `Infinity`, const reference, arithmetic). */
export function staticNumber(sourceCode: SourceCode, node: Node | undefined, depth = 0): number | undefined {
  if (!node || depth > 4) return undefined;
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Literal:
      return typeof inner.value === 'number' ? inner.value : undefined;
    case T.Identifier: {
      if (inner.name === 'Infinity') return Infinity;
      return staticNumber(sourceCode, constInit(findVariableFor(sourceCode, inner)), depth + 1);
    }
    case T.MemberExpression: {
      const object = unwrap(inner.object);
      if (object.type === T.Identifier && object.name === 'Number') {
        const name = memberName(inner);
        if (name === 'POSITIVE_INFINITY' || name === 'MAX_SAFE_INTEGER' || name === 'MAX_VALUE') return Infinity;
      }
      return undefined;
    }
    case T.UnaryExpression: {
      const value = staticNumber(sourceCode, inner.argument, depth + 1);
      if (value === undefined) return undefined;
      return inner.operator === '-' ? -value : inner.operator === '+' ? value : undefined;
    }
    case T.BinaryExpression: {
      if (inner.left.type === T.PrivateIdentifier) return undefined;
      const left = staticNumber(sourceCode, inner.left, depth + 1);
      const right = staticNumber(sourceCode, inner.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      switch (inner.operator) {
        case '*':
          return left * right;
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '/':
          return left / right;
        case '**':
          return left ** right;
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

export function staticBoolean(sourceCode: SourceCode, node: Node | undefined): boolean | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === T.Literal && typeof inner.value === 'boolean') return inner.value;
  if (inner.type === T.Identifier) {
    const init = constInit(findVariableFor(sourceCode, inner));
    if (init) return staticBoolean(sourceCode, init);
  }
  return undefined;
}

/** Numbers in an array literal (`[429, 503]`), following one const. */
export function staticNumberArray(sourceCode: SourceCode, node: Node | undefined, depth = 0): number[] | undefined {
  if (!node || depth > 2) return undefined;
  const inner = unwrap(node);
  if (inner.type === T.Identifier) {
    return staticNumberArray(sourceCode, constInit(findVariableFor(sourceCode, inner)), depth + 1);
  }
  if (inner.type === T.NewExpression && inner.arguments[0]) {
    return staticNumberArray(sourceCode, inner.arguments[0], depth + 1); // new Set([...])
  }
  if (inner.type !== T.ArrayExpression) return undefined;
  const out: number[] = [];
  for (const element of inner.elements) {
    if (!element || element.type === T.SpreadElement) return undefined;
    const value = staticNumber(sourceCode, element);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

/** The function an options value holds: inline, or a local const/function. */
export function resolveFunctionValue(sourceCode: SourceCode, node: Node | undefined): FunctionNode | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (isFunction(inner)) return inner;
  if (inner.type === T.Identifier) return resolveFunction(sourceCode, inner);
  return undefined;
}

/** Expressions a function can return: the arrow's body, or each `return x` of its own. */
export function returnedExpressions(fn: FunctionNode, visitorKeys: SourceCode['visitorKeys']): Node[] {
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const out: Node[] = [];
  walkOwn(fn.body, visitorKeys, (node) => {
    if (node.type === T.ReturnStatement && node.argument) out.push(node.argument);
  });
  return out;
}

/** Whether a statement list always leaves (throw/return/break/continue) at its end. */
export function alwaysExits(statement: Node | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case T.ThrowStatement:
    case T.ReturnStatement:
    case T.BreakStatement:
    case T.ContinueStatement:
      return true;
    case T.BlockStatement:
      return statement.body.some((s) => alwaysExits(s));
    case T.IfStatement:
      return alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    case T.TryStatement:
      return (
        (alwaysExits(statement.block) && (!statement.handler || alwaysExits(statement.handler.body))) ||
        alwaysExits(statement.finalizer)
      );
    default:
      return false;
  }
}

export const RETRY_AFTER_TEXT = /retry[-_]?after/i;
