/**
 * Status resolution: the HTTP code an expression stands for, and how to
 * rewrite it to another code (for suggestions).
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { getStaticValue } from '@eslint-community/eslint-utils';
import { propertyName, unwrap, type Node } from './ast';
import type { Resolver } from './imports';
import { CONSTANT_NAMES, PREFERRED_CONSTANT, isStatusCode } from './status-codes';

/** A text edit; insertions have an empty range. */
export interface Replacement {
  range: readonly [number, number];
  text: string;
}

export interface StatusValue {
  /** The resolved code, or undefined when it cannot be known statically. */
  code: number | undefined;
  /** The expression that carries the status. */
  node: Node;
  /** Edits that make the status `code`, or undefined when no safe rewrite exists. */
  rewrite?: (code: number) => readonly Replacement[] | undefined;
}

const MAX_DEPTH = 5;

/** Constant-holder modules: `path` of the constants object, and how a name maps to a code. */
function constantFromModule(source: string, path: readonly string[]): number | undefined {
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  const holder = path.slice(0, -1).join('.');
  if (source === '@nestjs/common' && holder === 'HttpStatus') return CONSTANT_NAMES[last];
  if (source === 'http-status-codes' && (holder === 'StatusCodes' || holder === '')) return CONSTANT_NAMES[last];
  if (source === 'http-status' && (holder === '' || holder === 'status' || holder === 'default')) {
    return CONSTANT_NAMES[last];
  }
  if ((source === 'http2' || source === 'http') && (holder === 'constants' || holder === '')) {
    if (last.startsWith('HTTP_STATUS_')) return CONSTANT_NAMES[last.slice('HTTP_STATUS_'.length)];
  }
  return undefined;
}

function constantName(source: string, code: number): string | undefined {
  const base = PREFERRED_CONSTANT[code];
  if (!base) return undefined;
  return source === 'http2' || source === 'http' ? `HTTP_STATUS_${base}` : base;
}

function literalText(node: TSESTree.Literal | TSESTree.TemplateLiteral, code: number): string {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return String(code);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return `\`${code}\``;
  const quote = node.raw.startsWith("'") ? "'" : '"';
  return `${quote}${code}${quote}`;
}

export function resolveStatus(expr: Node, resolver: Resolver, depth = 0): StatusValue {
  const node = unwrap(expr);
  const unknown: StatusValue = { code: undefined, node: expr };
  if (depth > MAX_DEPTH) return unknown;
  switch (node.type) {
    case AST_NODE_TYPES.Literal: {
      const value = typeof node.value === 'string' && /^\d{3}$/.test(node.value) ? Number(node.value) : node.value;
      if (!isStatusCode(value)) return unknown;
      return { code: value, node: expr, rewrite: (code) => [{ range: node.range, text: literalText(node, code) }] };
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      if (node.expressions.length > 0) return unknown;
      const raw = node.quasis[0]?.value.cooked;
      const value = raw && /^\d{3}$/.test(raw) ? Number(raw) : undefined;
      if (!isStatusCode(value)) return unknown;
      return { code: value, node: expr, rewrite: (code) => [{ range: node.range, text: literalText(node, code) }] };
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = resolver.variableOf(node);
      const def = variable?.defs[0];
      if (!variable || !def) return unknown;
      // A constant bound from a module: `import { BAD_GATEWAY } from 'http-status-codes'`,
      // `const { HTTP_STATUS_BAD_GATEWAY } = http2.constants`.
      const ref = resolver.resolve(node);
      if (ref && ref.source !== 'global') {
        const code = constantFromModule(ref.source, ref.path);
        if (isStatusCode(code)) return { code, node: expr };
      }
      if (def.type === 'Variable') {
        const declarator = def.node as TSESTree.VariableDeclarator;
        const decl = declarator.parent as TSESTree.VariableDeclaration;
        if (decl.kind !== 'const' || !declarator.init || declarator.id.type !== AST_NODE_TYPES.Identifier) {
          return unknown;
        }
        const inner = resolveStatus(declarator.init, resolver, depth + 1);
        if (inner.code === undefined) return unknown;
        return { code: inner.code, node: expr, rewrite: (code) => [{ range: node.range, text: String(code) }] };
      }
      return unknown;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = propertyName(node);
      if (name === undefined) return unknown;
      // Known constant modules: HttpStatus.X, StatusCodes.X, httpStatus.X, constants.HTTP_STATUS_X
      const ref = resolver.resolve(node);
      if (ref && ref.source !== 'global') {
        const code = constantFromModule(ref.source, ref.path);
        if (isStatusCode(code)) {
          const source = ref.source;
          return {
            code,
            node: expr,
            rewrite: (target) => {
              const replacement = constantName(source, target);
              if (!replacement || node.computed) return undefined;
              return [{ range: node.property.range, text: replacement }];
            },
          };
        }
      }
      // Local objects and TS enums: `const Status = { SERVER_ERROR: 500 } as const`, `enum Status {...}`.
      const local = resolveLocalMember(node, name, resolver, depth);
      if (local !== undefined) {
        return { code: local, node: expr, rewrite: (code) => [{ range: node.range, text: String(code) }] };
      }
      return unknown;
    }
    default: {
      // Small constant expressions (`400 + 22`): ask eslint-utils, never guessing.
      if (node.type === AST_NODE_TYPES.BinaryExpression) {
        try {
          const value = getStaticValue(node as never)?.value;
          if (isStatusCode(value)) return { code: value, node: expr, rewrite: (code) => [{ range: node.range, text: String(code) }] };
        } catch {
          return unknown;
        }
      }
      return unknown;
    }
  }
}

function resolveLocalMember(
  node: TSESTree.MemberExpression,
  name: string,
  resolver: Resolver,
  depth: number,
): number | undefined {
  const object = unwrap(node.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolver.variableOf(object);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.node.type === AST_NODE_TYPES.TSEnumDeclaration) {
    const decl = def.node as TSESTree.TSEnumDeclaration & { members?: TSESTree.TSEnumMember[] };
    const members = decl.body?.members ?? decl.members ?? [];
    for (const member of members) {
      const key =
        member.id.type === AST_NODE_TYPES.Identifier ? member.id.name : String((member.id as TSESTree.Literal).value);
      if (key === name && member.initializer) {
        const value = resolveStatus(member.initializer, resolver, depth + 1).code;
        return value;
      }
    }
    return undefined;
  }
  if (def.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    const decl = declarator.parent as TSESTree.VariableDeclaration;
    if (decl.kind !== 'const' || !declarator.init) return undefined;
    const init = unwrap(declarator.init);
    if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const prop of init.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
      const key = prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : String((prop.key as TSESTree.Literal).value);
      if (key === name) return resolveStatus(prop.value, resolver, depth + 1).code;
    }
  }
  return undefined;
}
