/**
 * Rewrites for named helpers: `InternalServerErrorException` -> `BadGatewayException`,
 * `Boom.badImplementation` -> `Boom.badGateway`, `reply.internalServerError` -> `reply.badGateway`.
 * Adds the new name to the import when the old one was a named import.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import { unwrap, type Node } from '../ast';
import type { Resolver } from '../imports';
import type { Replacement, StatusValue } from '../status';

export function namedHelperStatus(
  callee: Node,
  code: number,
  names: Readonly<Record<number, string>>,
  resolver: Resolver,
): StatusValue {
  const target = unwrap(callee);
  return {
    code,
    node: target,
    rewrite: (next) => {
      const name = names[next];
      if (!name) return undefined;
      if (target.type === AST_NODE_TYPES.MemberExpression && !target.computed) {
        return [{ range: target.property.range, text: name }];
      }
      if (target.type === AST_NODE_TYPES.Identifier) return renameImported(target, name, resolver);
      return undefined;
    },
  };
}

function renameImported(id: TSESTree.Identifier, name: string, resolver: Resolver): Replacement[] | undefined {
  const variable = resolver.variableOf(id);
  const def = variable?.defs[0];
  if (!def || def.type !== 'ImportBinding' || def.node.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
  const decl = def.parent as TSESTree.ImportDeclaration;
  const program = decl.parent as TSESTree.Program;
  // Is `name` already imported from the same module?
  for (const stmt of program.body) {
    if (stmt.type !== AST_NODE_TYPES.ImportDeclaration || stmt.source.value !== decl.source.value) continue;
    for (const spec of stmt.specifiers) {
      if (spec.type !== AST_NODE_TYPES.ImportSpecifier) continue;
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
      if (imported === name) return [{ range: id.range, text: spec.local.name }];
    }
  }
  // Is the local name free? If something else in the file is called `name`, give up.
  const taken = program.body.some(
    (stmt) =>
      (stmt.type === AST_NODE_TYPES.ImportDeclaration && stmt.specifiers.some((s) => s.local.name === name)) ||
      (stmt.type === AST_NODE_TYPES.VariableDeclaration &&
        stmt.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name)) ||
      ((stmt.type === AST_NODE_TYPES.FunctionDeclaration || stmt.type === AST_NODE_TYPES.ClassDeclaration) &&
        stmt.id?.name === name),
  );
  if (taken) return undefined;
  const specs = decl.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
  const last = specs[specs.length - 1];
  if (!last) return undefined;
  return [
    { range: id.range, text: name },
    { range: [last.range[1], last.range[1]], text: `, ${name}` },
  ];
}
