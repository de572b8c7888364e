/**
 * Module binding resolution: what a name refers to, in terms of modules.
 *
 * `import Boom from '@hapi/boom'`, `import * as Boom from '@hapi/boom'`,
 * `const Boom = require('@hapi/boom')` all make `Boom.badGateway` resolve to
 * `{ source: '@hapi/boom', path: ['badGateway'] }`. Named imports and
 * destructured requires add their name to the path. A variable initialised
 * from a call or `new` on a module value (`const app = express()`,
 * `const api = axios.create(cfg)`, `const stripe = new Stripe(key)`) resolves
 * to the callee's path plus `'()'`, so instances are tracked through
 * `ReferenceTracker`'s blind spot (call results). Unbound names resolve to
 * `{ source: 'global' }`.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { findVariable } from '@eslint-community/eslint-utils';
import { propertyName, unwrap, unwrapAwait, type Node } from './ast';

export interface ModuleRef {
  /** Module specifier, or 'global' for an unbound name. */
  source: string;
  /** Member path from the module object. `'()'` marks a call/new result. */
  path: readonly string[];
  /** For instances: the call or `new` expression that created the value. */
  creator?: TSESTree.CallExpression | TSESTree.NewExpression;
}

type Variable = TSESLint.Scope.Variable;

const MAX_DEPTH = 4;

/** `node:http` -> `http`; `@hapi/boom` stays. */
export function normaliseSource(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

export class Resolver {
  private readonly variableRefs = new Map<Variable, ModuleRef | null>();
  private readonly identifierVars = new WeakMap<TSESTree.Identifier, Variable | null>();
  /** Set when a resolution in progress hit the depth limit. */
  private truncated = false;

  /**
   * @param candidates names that can resolve to a module at all (bound to an import,
   *   a require, a known global, or declared from one of those); any other name is
   *   answered at once without a scope lookup. Undefined: no filter.
   */
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly candidates?: ReadonlySet<string>,
  ) {}

  /** Every reference identifier of the file mapped to its variable, built once (cheaper than a scope walk per lookup). */
  private referenceMap: Map<TSESTree.Identifier, Variable | null> | undefined;

  private referencesByIdentifier(): Map<TSESTree.Identifier, Variable | null> {
    if (this.referenceMap) return this.referenceMap;
    const map = new Map<TSESTree.Identifier, Variable | null>();
    const manager = this.sourceCode.scopeManager;
    if (manager) {
      for (const scope of manager.scopes) {
        for (const ref of scope.references) {
          if (ref.identifier.type === AST_NODE_TYPES.Identifier) map.set(ref.identifier, (ref.resolved as Variable | null) ?? null);
        }
      }
    }
    this.referenceMap = map;
    return map;
  }

  /** The variable an identifier refers to, or null for globals/unresolved. */
  variableOf(id: TSESTree.Identifier): Variable | null {
    const cached = this.identifierVars.get(id);
    if (cached !== undefined) return cached;
    let variable: Variable | null;
    const known = this.referencesByIdentifier().get(id);
    if (known !== undefined) {
      variable = known;
    } else {
      try {
        const scope = this.sourceCode.getScope(id);
        variable = findVariable(scope as never, id) as Variable | null;
      } catch {
        variable = null;
      }
    }
    if (variable && variable.defs.length === 0) variable = null; // implicit/configured global
    this.identifierVars.set(id, variable);
    return variable;
  }

  /** Resolve an expression (identifier, member chain, `require()`) to a module reference. */
  resolve(node: Node, depth = 0): ModuleRef | undefined {
    if (depth === 0 && this.candidates) {
      const root = rootName(node);
      if (root !== undefined && !this.candidates.has(root)) return undefined;
    }
    if (depth > MAX_DEPTH) {
      this.truncated = true;
      return undefined;
    }
    const n = unwrapAwait(node);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.variableOf(n);
        if (!variable) return isGlobalName(n.name) ? { source: 'global', path: [n.name] } : undefined;
        return this.resolveVariable(variable, depth) ?? undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(n);
        if (name === undefined) return undefined;
        // `globalThis.fetch`, `window.Response`
        const object = unwrap(n.object);
        if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && isGlobalName(name) && !this.variableOf(object)) {
          return { source: 'global', path: [name] };
        }
        // Member and call chains are finite AST; only variable hops count toward the depth limit.
        const base = this.resolve(n.object, depth);
        if (!base) return undefined;
        if (name === 'default' && base.path.length === 0) return base;
        return { source: base.source, path: [...base.path, name], creator: base.creator };
      }
      case AST_NODE_TYPES.CallExpression: {
        const req = requireSource(n);
        if (req !== undefined) return { source: req, path: [] };
        const callee = this.resolve(n.callee, depth);
        if (!callee) return undefined;
        return { source: callee.source, path: [...callee.path, '()'], creator: n };
      }
      case AST_NODE_TYPES.NewExpression: {
        const callee = this.resolve(n.callee, depth);
        if (!callee) return undefined;
        return { source: callee.source, path: [...callee.path, '()'], creator: n };
      }
      case AST_NODE_TYPES.ImportExpression: {
        const src = n.source.type === AST_NODE_TYPES.Literal ? n.source.value : undefined;
        return typeof src === 'string' ? { source: normaliseSource(src), path: [] } : undefined;
      }
      default:
        return undefined;
    }
  }

  private resolveVariable(variable: Variable, depth: number): ModuleRef | null {
    if (this.variableRefs.has(variable)) return this.variableRefs.get(variable) ?? null;
    this.variableRefs.set(variable, null); // cycle guard
    const outerTruncated = this.truncated;
    this.truncated = false;
    const result = this.computeVariable(variable, depth);
    // A result cut short by the depth limit depends on where resolution started: do not cache it.
    if (this.truncated) this.variableRefs.delete(variable);
    else this.variableRefs.set(variable, result);
    this.truncated ||= outerTruncated;
    return result;
  }

  private computeVariable(variable: Variable, depth: number): ModuleRef | null {
    const def = variable.defs[0];
    if (!def) return null;
    if (def.type === 'ImportBinding') {
      const decl = def.parent as TSESTree.ImportDeclaration;
      const source = normaliseSource(String(decl.source.value));
      const spec = def.node;
      if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported =
          spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
        return { source, path: imported === 'default' ? [] : [imported] };
      }
      if (spec.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return null;
      return { source, path: [] };
    }
    if (def.type !== 'Variable') return null;
    // Only `const` (and single-assignment let/var) are trusted.
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (!declarator.init) return null;
    if (variable.references.some((r) => r.isWrite() && r.identifier.parent !== declarator && !r.init)) return null;
    const initRef = this.resolve(declarator.init, depth + 1);
    if (!initRef) return null;
    // Destructuring: `const { badGateway } = require('@hapi/boom')`.
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      const path = destructuredPath(declarator.id, def.name as TSESTree.Identifier);
      if (!path) return null;
      return { source: initRef.source, path: [...initRef.path, ...path], creator: initRef.creator };
    }
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
    return initRef;
  }
}

/**
 * The name at the root of an expression chain (`a.b(c).d` -> 'a', `new X()` -> 'X',
 * `this.x` -> 'this', `import('x')` -> 'import()'), or undefined for any other root (a literal).
 */
export function rootName(node: Node): string | undefined {
  let current = unwrapAwait(node);
  for (let i = 0; i < 64; i++) {
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        return current.name;
      case AST_NODE_TYPES.ThisExpression:
        return 'this';
      case AST_NODE_TYPES.MemberExpression:
        current = unwrapAwait(current.object);
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        current = unwrapAwait(current.callee);
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        current = unwrapAwait(current.tag);
        break;
      case AST_NODE_TYPES.ImportExpression:
        return 'import()';
      default:
        return undefined;
    }
  }
  return undefined;
}

/**
 * Names in a file that can resolve to a module: import bindings, known globals,
 * `require`, and (to a fixpoint) names declared from an expression rooted in one of
 * those (`const app = express()`, `const api = axios.create()`, `const { get } = api`).
 */
/** A declarator with the name and the module at the root of its initialiser, computed once per file. */
export interface DeclaratorRoot {
  declarator: TSESTree.VariableDeclarator;
  root: string | undefined;
  module: string | undefined;
}

export function declaratorRoots(declarators: readonly TSESTree.VariableDeclarator[]): DeclaratorRoot[] {
  const out: DeclaratorRoot[] = [];
  for (const declarator of declarators) {
    if (!declarator.init) continue;
    out.push({ declarator, root: rootName(declarator.init), module: moduleAtRoot(declarator.init) });
  }
  return out;
}

export function moduleCandidateNames(
  program: TSESTree.Program,
  declarators: readonly DeclaratorRoot[],
  extra: Iterable<string> = [],
): Set<string> {
  // Globals whose module reference no analysis asks for (JSON, Math, console, ...) are left out.
  const names = new Set<string>([...GLOBAL_NAMES].filter((n) => !INERT_GLOBALS.has(n)));
  for (const n of ['require', 'import()', 'globalThis', 'window', 'self', 'global', ...extra]) names.add(n);
  for (const stmt of program.body) {
    if (stmt.type === AST_NODE_TYPES.ImportDeclaration) for (const spec of stmt.specifiers) names.add(spec.local.name);
    else if (stmt.type === AST_NODE_TYPES.TSImportEqualsDeclaration) names.add(stmt.id.name);
  }
  let pending = declarators;
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const next: DeclaratorRoot[] = [];
    for (const d of pending) {
      if (d.root !== undefined && names.has(d.root)) addPatternNames(d.declarator.id, names);
      else next.push(d);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  return names;
}

/**
 * Names bound to modules that satisfy `wanted` (imports, requires, `import()`), plus
 * `seeds`, and (to a fixpoint) names declared from an expression rooted in one of
 * them: `const api = axios.create()` is bound to axios.
 */
export function namesBoundTo(
  program: TSESTree.Program,
  declarators: readonly DeclaratorRoot[],
  wanted: (source: string) => boolean,
  seeds: Iterable<string>,
): Set<string> {
  const names = new Set<string>(seeds);
  for (const stmt of program.body) {
    if (stmt.type === AST_NODE_TYPES.ImportDeclaration && wanted(normaliseSource(String(stmt.source.value)))) {
      for (const spec of stmt.specifiers) names.add(spec.local.name);
    }
  }
  let pending = declarators;
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const next: DeclaratorRoot[] = [];
    for (const d of pending) {
      if ((d.module !== undefined && wanted(d.module)) || (d.root !== undefined && names.has(d.root))) addPatternNames(d.declarator.id, names);
      else next.push(d);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  return names;
}

/** The module of a `require('x')` / `import('x')` at the root of an expression chain. */
function moduleAtRoot(node: Node): string | undefined {
  let current = unwrapAwait(node);
  for (let i = 0; i < 64; i++) {
    switch (current.type) {
      case AST_NODE_TYPES.MemberExpression:
        current = unwrapAwait(current.object);
        break;
      case AST_NODE_TYPES.CallExpression: {
        const req = requireSource(current);
        if (req !== undefined) return req;
        current = unwrapAwait(current.callee);
        break;
      }
      case AST_NODE_TYPES.NewExpression:
        current = unwrapAwait(current.callee);
        break;
      case AST_NODE_TYPES.ImportExpression:
        return current.source.type === AST_NODE_TYPES.Literal && typeof current.source.value === 'string' ? normaliseSource(current.source.value) : undefined;
      default:
        return undefined;
    }
  }
  return undefined;
}

function addPatternNames(pattern: Node, names: Set<string>): void {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      names.add(pattern.name);
      return;
    case AST_NODE_TYPES.ObjectPattern:
      for (const p of pattern.properties) addPatternNames(p.type === AST_NODE_TYPES.Property ? p.value : p.argument, names);
      return;
    case AST_NODE_TYPES.ArrayPattern:
      for (const e of pattern.elements) if (e) addPatternNames(e, names);
      return;
    case AST_NODE_TYPES.AssignmentPattern:
      addPatternNames(pattern.left, names);
      return;
    case AST_NODE_TYPES.RestElement:
      addPatternNames(pattern.argument, names);
      return;
    default:
      return;
  }
}

/** `require('x')` -> 'x' */
export function requireSource(node: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  if (!arg || arg.type !== AST_NODE_TYPES.Literal || typeof arg.value !== 'string') return undefined;
  return normaliseSource(arg.value);
}

function destructuredPath(pattern: TSESTree.ObjectPattern, target: TSESTree.Identifier): string[] | undefined {
  for (const prop of pattern.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const key = prop.computed ? undefined : prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : undefined;
    if (key === undefined) continue;
    let value: Node = prop.value;
    if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
    if (value === target) return key === 'default' ? [] : [key];
    if (value.type === AST_NODE_TYPES.ObjectPattern) {
      const inner = destructuredPath(value, target);
      if (inner) return [key, ...inner];
    }
  }
  return undefined;
}

/** Unbound names of the global object: `globalThis.fetch` is `fetch`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

const GLOBAL_NAMES = new Set([
  'fetch',
  'Response',
  'Request',
  'Headers',
  'URL',
  'AbortSignal',
  'AbortController',
  'setTimeout',
  'Promise',
  'JSON',
  'Math',
  'Number',
  'process',
  'console',
  // Nuxt/Nitro auto-imports (h3) and ofetch globals
  '$fetch',
  'createError',
  'setResponseStatus',
  'setResponseHeader',
  'setResponseHeaders',
  'defineEventHandler',
  'eventHandler',
  'readBody',
  'readValidatedBody',
  'getQuery',
  'getValidatedQuery',
  'getRouterParam',
  'getRouterParams',
  'getHeader',
  'sendError',
]);

const INERT_GLOBALS = new Set(['Promise', 'JSON', 'Math', 'Number', 'process', 'console', 'setTimeout', 'URL']);

function isGlobalName(name: string): boolean {
  return GLOBAL_NAMES.has(name);
}
