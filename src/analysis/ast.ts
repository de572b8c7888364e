/**
 * Small, allocation-light AST helpers shared by the analysis modules.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

export type Node = TSESTree.Node;
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/** Strips TS-only wrappers and parentheses-free no-ops: `x as T`, `x!`, `x satisfies T`, `<T>x`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** Like `unwrap`, and also looks through `await`. */
export function unwrapAwait(node: Node): Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
  return current;
}

/** The parent, skipping TS wrappers, chain expressions and `await`. */
export function outerParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

export function isFunction(node: Node | undefined | null): node is FunctionNode {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression)
  );
}

export function enclosingFunction(node: Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/** Static name of a member's property: `a.b` -> 'b', `a['b']` -> 'b', else undefined. */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  const prop = node.property;
  if (prop.type === AST_NODE_TYPES.Literal && typeof prop.value === 'string') return prop.value;
  if (prop.type === AST_NODE_TYPES.TemplateLiteral && prop.expressions.length === 0) {
    return prop.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Key name of an object property (`{ a: 1 }`, `{ 'a': 1 }`, `{ a }`). */
export function keyName(prop: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  if (prop.computed) {
    return prop.key.type === AST_NODE_TYPES.Literal && typeof prop.key.value === 'string' ? prop.key.value : undefined;
  }
  if (prop.key.type === AST_NODE_TYPES.Identifier) return prop.key.name;
  if (prop.key.type === AST_NODE_TYPES.Literal) return String(prop.key.value);
  return undefined;
}

/** The value of property `name` in an object literal (last one wins, spreads ignored). */
export function objectProperty(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of obj.properties) {
    if (p.type === AST_NODE_TYPES.Property && keyName(p) === name) found = p;
  }
  return found;
}

/** The root object of a member/call chain: `a.b(c).d.e()` -> `a`. */
export function chainRoot(node: Node): Node {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else return current;
  }
}

/** Dotted path of a member chain made only of identifiers/static members: `a.b.c` -> ['a','b','c']. */
export function memberPath(node: Node): string[] | undefined {
  const parts: string[] = [];
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(current);
    if (name === undefined) return undefined;
    parts.push(name);
    current = unwrap(current.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) parts.push(current.name);
  else if (current.type === AST_NODE_TYPES.ThisExpression) parts.push('this');
  else return undefined;
  return parts.reverse();
}

/** Callee name for simple calls: `foo()` -> 'foo', `a.b.foo()` -> 'foo'. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee);
  return undefined;
}

/** True when `inner` is `outer` or lies inside it (by range). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** True if `node` lies inside `outer` without crossing a function boundary below `outer`. */
export function withinSameFunction(outer: Node, node: Node): boolean {
  let current: Node | undefined = node;
  while (current && current !== outer) {
    if (isFunction(current) && current !== node) return false;
    current = current.parent;
  }
  return current === outer;
}

/** Does this statement always leave the enclosing block (return/throw/continue/break)? */
export function alwaysExits(stmt: TSESTree.Statement): boolean {
  switch (stmt.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = stmt.body[stmt.body.length - 1];
      return last !== undefined && stmt.body.some((s) => alwaysExits(s));
    }
    case AST_NODE_TYPES.IfStatement:
      return !!stmt.alternate && alwaysExits(stmt.consequent) && alwaysExits(stmt.alternate);
    case AST_NODE_TYPES.ExpressionStatement: {
      // `return void res.status(400).json(...)` style is a ReturnStatement; a bare
      // `next(err)` or `res.end()` does not leave the block, but a call to
      // `process.exit()` or a `never` helper would; we stay conservative.
      return false;
    }
    default:
      return false;
  }
}

/** Numeric value of a literal-ish node (`500`, `'500'`, `` `500` ``), or undefined. */
export function literalNumber(node: Node): number | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal) {
    if (typeof n.value === 'number') return n.value;
    if (typeof n.value === 'string' && /^\d{3}$/.test(n.value)) return Number(n.value);
  }
  if (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) {
    const raw = n.quasis[0]?.value.cooked;
    if (raw && /^\d{3}$/.test(raw)) return Number(raw);
  }
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '+' ) return literalNumber(n.argument);
  return undefined;
}

export function stringValue(node: Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value;
  if (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * Visits `root` and every node under it, in source order, without visitor keys
 * (any child object with a `type`). `enter` returning false skips that node's
 * children. For the occasional walk of one subtree; file-wide passes use the
 * file index.
 */
export function walkTree(root: Node, enter: (node: Node) => boolean | void): void {
  if (enter(root) === false) return;
  for (const key of Object.keys(root)) {
    if (key === 'parent') continue;
    const value = (root as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof (item as Node).type === 'string') walkTree(item as Node, enter);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') walkTree(value as Node, enter);
  }
}

/** The name a function is bound to in its scope: `function f() {}` or `const f = () => {}` (not a method key). */
export function bindingName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

/** The return statements of a function's own body (not of functions nested in it), in source order. */
export function ownReturns(fn: FunctionNode): TSESTree.ReturnStatement[] {
  const out: TSESTree.ReturnStatement[] = [];
  walkTree(fn.body, (n) => {
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.ReturnStatement) out.push(n);
    return undefined;
  });
  return out.sort((a, b) => a.range[0] - b.range[0]);
}
