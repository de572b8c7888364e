/**
 * Upstream calls: requests this server makes to other HTTP services while
 * handling a request (fetch, ofetch/$fetch, axios and its instances, got, ky,
 * undici, http(s).request, superagent, needle, node-fetch, wretch,
 * graphql-request, NestJS HttpService, HTTP-backed SDKs, user-declared
 * callees from settings, and same-file helpers that make such calls).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, memberPath, propertyName, unwrap, type FunctionNode, type Node } from './ast';
import type { ModuleRef, Resolver } from './imports';
import { CLIENTS, CLIENT_PREFIXES, FETCH_MODULES, NOT_UPSTREAM_PREFIXES, type ClientSpec } from './upstream-clients';

export interface UpstreamCall {
  node: TSESTree.CallExpression;
  /** Client name: 'fetch', 'axios', 'got', 'stripe', 'settings', ... */
  client: string;
  /** The URL argument, when the client takes one first. */
  url?: Node;
  /** The per-call options/config object argument, if any. */
  options?: Node;
  /** For instance calls: the call/new that created the instance (`axios.create(cfg)`). */
  instance?: TSESTree.CallExpression | TSESTree.NewExpression;
  /** For calls to same-file helpers: the upstream call made inside the helper. */
  via?: UpstreamCall;
  /** A short description for messages: "the fetch to `${API_URL}/users` on line 12". */
  label: string;
}

const URL_FIRST = new Set([
  'fetch',
  'ofetch',
  'got',
  'ky',
  'undici',
  'superagent',
  'wretch',
  'http.request',
  'https.request',
  'graphql-request',
  'axios',
]);

function matchPath(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((seg, i) => seg === '*' || seg === path[i]);
}

function specFor(source: string): ClientSpec | undefined {
  if (NOT_UPSTREAM_PREFIXES.some((p) => source.startsWith(p))) return undefined;
  const direct = CLIENTS[source];
  if (direct) return direct;
  for (const [prefix, spec] of CLIENT_PREFIXES) if (source.startsWith(prefix)) return spec;
  return undefined;
}

/** Does a module reference (callee of a call) perform a request? Returns the client name. */
export function clientOfRef(ref: ModuleRef): { client: string; instance?: ModuleRef['creator'] } | undefined {
  const { source, path } = ref;
  if (source === 'global') {
    if (path.length === 1 && (path[0] === 'fetch' || path[0] === '$fetch')) return { client: path[0] === 'fetch' ? 'fetch' : 'ofetch' };
    return undefined;
  }
  if (FETCH_MODULES.has(source) && (path.length === 0 || (path.length === 1 && (path[0] === 'fetch' || path[0] === 'ofetch' || path[0] === '$fetch')))) {
    return { client: source === 'ofetch' ? 'ofetch' : 'fetch' };
  }
  const spec = specFor(source);
  if (!spec) return undefined;
  if (spec.requests.some((p) => matchPath(p, path))) return { client: spec.client };
  // Instance calls: path = factory + '()' + rest, the last '()' separating instance from method chain.
  const split = path.lastIndexOf('()');
  if (split < 0 || !spec.factories) return undefined;
  const factory = path.slice(0, split);
  const rest = path.slice(split + 1);
  if (rest.length === 0) return undefined;
  if (!spec.factories.some((p) => matchPath(p, factory) || (p.length === 1 && p[0] === '*' && factory.length <= 2))) {
    return undefined;
  }
  const methods = spec.instanceMethods;
  if (methods !== 'any' && !(rest.length === 1 && methods?.has(rest[0]!))) return undefined;
  if (methods === 'any' && rest.length === 1 && NON_REQUEST_METHODS.has(rest[0]!)) return undefined;
  return { client: spec.client, instance: ref.creator };
}

/** Methods on SDK instances that do not perform a request. */
const NON_REQUEST_METHODS = new Set(['on', 'off', 'once', 'use', 'extend', 'withOptions', 'setApiKey', 'toString', 'destroy', 'close']);

/** `settings['http-semantics'].upstreamCalls` patterns, e.g. `stripe.*`, `s3Client.send`, `this.payments.*`. */
export function compileUpstreamPatterns(patterns: readonly string[]): ((path: readonly string[]) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const regexes = patterns.map((p) => {
    const segments = p.split('.');
    const parts = segments.map((seg, i) => {
      if (seg === '*') return i === segments.length - 1 ? '.+' : '[^.]+';
      return seg.replace(/[|\\{}()[\]^$+?]/g, '\\$&').replace(/\*/g, '[^.]*');
    });
    return new RegExp(`^${parts.join('\\.')}$`);
  });
  return (path) => {
    const text = path.join('.');
    return regexes.some((r) => r.test(text));
  };
}

function describeUrl(node: Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression || isFunction(n)) return undefined;
  let text = sourceCode.getText(n).replace(/\s+/g, ' ');
  if (n.type === AST_NODE_TYPES.Literal || n.type === AST_NODE_TYPES.TemplateLiteral) text = text.slice(1, -1);
  if (text.length > 60) text = `${text.slice(0, 57)}...`;
  return text;
}

export class UpstreamDetector {
  readonly calls: UpstreamCall[] = [];
  private readonly byNode = new Map<TSESTree.CallExpression, UpstreamCall>();
  private readonly nestHttpProps = new Set<string>();

  constructor(
    private readonly resolver: Resolver,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly userPattern: ((path: readonly string[]) => boolean) | undefined,
  ) {}

  /** Remember `constructor(private readonly http: HttpService)` from @nestjs/axios. */
  noteParameterProperty(node: TSESTree.TSParameterProperty): void {
    const param = node.parameter;
    if (param.type !== AST_NODE_TYPES.Identifier) return;
    const type = param.typeAnnotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return;
    const ref = this.resolver.resolve(type.typeName);
    if (ref?.source === '@nestjs/axios' && ref.path[0] === 'HttpService') this.nestHttpProps.add(param.name);
    else if (ref) {
      const spec = clientOfRef({ ...ref, path: [...ref.path, '()', 'x'] });
      if (spec && specFor(ref.source)?.instanceMethods === 'any') this.nestHttpProps.add(param.name);
    }
  }

  get(node: TSESTree.CallExpression): UpstreamCall | undefined {
    return this.byNode.get(node);
  }

  /** Classify one call expression; records and returns it when it is an upstream call. */
  visit(node: TSESTree.CallExpression): UpstreamCall | undefined {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    let client: string | undefined;
    let instance: UpstreamCall['instance'];
    const ref = this.resolver.resolve(callee);
    if (ref) {
      const found = clientOfRef(ref);
      if (found) {
        client = found.client;
        instance = found.instance;
      }
    }
    if (!client && callee.type === AST_NODE_TYPES.MemberExpression) {
      const path = memberPath(callee);
      if (path && path[0] === 'this' && path.length >= 3 && this.nestHttpProps.has(path[1]!)) client = 'HttpService';
      if (!client && path && this.userPattern?.(path)) client = 'settings';
      if (!client && path && this.userPattern && path[0] === 'this' && this.userPattern(path.slice(1))) client = 'settings';
    } else if (!client && callee.type === AST_NODE_TYPES.Identifier && this.userPattern?.([callee.name])) {
      client = 'settings';
    }
    if (!client) return undefined;
    return this.record(node, client, instance);
  }

  private record(node: TSESTree.CallExpression, client: string, instance?: UpstreamCall['instance'], via?: UpstreamCall): UpstreamCall {
    const first = node.arguments[0];
    const urlFirst = URL_FIRST.has(client) && first && unwrap(first).type !== AST_NODE_TYPES.ObjectExpression;
    const url = urlFirst ? first : undefined;
    const optionsArg = urlFirst ? node.arguments[client === 'axios' && node.arguments.length >= 3 ? 2 : 1] : first;
    const options = optionsArg && unwrap(optionsArg).type === AST_NODE_TYPES.ObjectExpression ? optionsArg : urlFirst ? node.arguments[1] : undefined;
    const line = node.loc.start.line;
    let label: string;
    if (via) {
      label = `the call to \`${calleeText(node, this.sourceCode)}()\` on line ${line}, which calls ${via.client}`;
    } else if (url) {
      const text = describeUrl(url, this.sourceCode);
      const verb = client === 'fetch' || client === 'ofetch' ? 'fetch' : `${client} request`;
      label = text ? `the ${verb} to \`${text}\` on line ${line}` : `the ${verb} on line ${line}`;
    } else {
      label = `the ${client} call \`${calleeText(node, this.sourceCode)}()\` on line ${line}`;
    }
    const call: UpstreamCall = { node, client, url, options, instance, via, label };
    this.calls.push(call);
    this.byNode.set(node, call);
    return call;
  }

  /**
   * Same-file helpers: `async function getWeather() { return fetch(...) }` makes
   * every `getWeather()` call an upstream call. Follows up to three levels.
   */
  propagateHelpers(allCalls: readonly TSESTree.CallExpression[]): void {
    for (let round = 0; round < 3; round++) {
      const helpers = new Map<FunctionNode, UpstreamCall>();
      for (const call of this.calls) {
        const fn = enclosingFunction(call.node);
        if (fn && !helpers.has(fn)) helpers.set(fn, call);
      }
      let added = 0;
      for (const node of allCalls) {
        if (this.byNode.has(node)) continue;
        const target = this.calledFunction(node);
        if (!target) continue;
        const inner = helpers.get(target);
        if (!inner || inner.node === node) continue;
        // Do not treat a function as calling itself through recursion.
        if (enclosingFunction(node) === target) continue;
        this.record(node, inner.client, undefined, inner);
        added++;
      }
      if (added === 0) break;
    }
  }

  /** The same-file function a call invokes: `helper()`, `this.helper()` (same class). */
  calledFunction(node: TSESTree.CallExpression): FunctionNode | undefined {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const variable = this.resolver.variableOf(callee);
      const def = variable?.defs[0];
      if (!def) return undefined;
      if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
      if (def.type === 'Variable') {
        const init = (def.node as TSESTree.VariableDeclarator).init;
        const fn = init && unwrap(init);
        if (isFunction(fn)) return fn;
      }
      return undefined;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = propertyName(callee);
      if (!name) return undefined;
      for (let p: Node | undefined = node.parent; p; p = p.parent) {
        if (p.type === AST_NODE_TYPES.ClassBody) {
          for (const member of p.body) {
            if (
              (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
              !member.computed &&
              member.key.type === AST_NODE_TYPES.Identifier &&
              member.key.name === name
            ) {
              const value = member.value && unwrap(member.value);
              return isFunction(value) ? value : undefined;
            }
          }
          return undefined;
        }
      }
    }
    return undefined;
  }
}

function calleeText(node: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const text = sourceCode.getText(node.callee).replace(/\s+/g, '');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}
