/**
 * Upstream calls: requests this server makes to other HTTP services while
 * handling a request (fetch, ofetch/$fetch, axios and its instances, got, ky,
 * undici, http(s).request, superagent, needle, node-fetch, wretch,
 * graphql-request, NestJS HttpService, HTTP-backed SDKs, user-declared
 * callees from settings, and same-file helpers that make such calls).
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { enclosingFunction, isFunction, memberPath, propertyName, unwrap, type FunctionNode, type Node } from './ast';
import { rootName, type ModuleRef, type Resolver } from './imports';
import { CLIENTS, CLIENT_PREFIXES, FETCH_MODULES, LOCAL_SIDECARS, NOT_UPSTREAM_PREFIXES, type ClientSpec, type UpstreamRole } from './upstream-clients';

export interface UpstreamCall {
  node: TSESTree.CallExpression;
  /** Client name: 'fetch', 'axios', 'got', 'stripe', 'settings', ... */
  client: string;
  /**
   * `gateway`: another service (its failure is a gateway failure, 502/504);
   * `store`: the application's own backing store, queue or transport (AWS
   * DynamoDB, S3, SQS...), whose failure is this server's, like a database's.
   * Both can hang. A same-file helper's call has the role of what it wraps.
   */
  role: UpstreamRole;
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

/** Does a module reference (callee of a call) perform a request? Returns the client name and the call's role. */
export function clientOfRef(ref: ModuleRef): { client: string; role: UpstreamRole; instance?: ModuleRef['creator'] } | undefined {
  const { source, path } = ref;
  if (source === 'global') {
    if (path.length === 1 && (path[0] === 'fetch' || path[0] === '$fetch')) return { client: path[0] === 'fetch' ? 'fetch' : 'ofetch', role: 'gateway' };
    return undefined;
  }
  if (FETCH_MODULES.has(source) && (path.length === 0 || (path.length === 1 && (path[0] === 'fetch' || path[0] === 'ofetch' || path[0] === '$fetch')))) {
    return { client: source === 'ofetch' ? 'ofetch' : 'fetch', role: 'gateway' };
  }
  const spec = specFor(source);
  if (!spec) return undefined;
  const role = (factory: readonly string[]): UpstreamRole => (typeof spec.role === 'function' ? spec.role(source, factory) : spec.role ?? 'gateway');
  if (spec.requests.some((p) => matchPath(p, path))) return { client: spec.client, role: role(path) };
  // Instance calls: path = factory + '()' + rest. The factory is the path up to one of the
  // '()' marks (the first that matches: `new Storage().bucket(b).file(f).save()` is an
  // instance call of the Storage factory, `mailgun.client()` a factory with a '()' inside).
  if (!spec.factories) return undefined;
  for (let split = path.indexOf('()'); split >= 0; split = path.indexOf('()', split + 1)) {
    const factory = path.slice(0, split);
    if (!spec.factories.some((p) => matchPath(p, factory) || (p.length === 1 && p[0] === '*' && factory.length <= 2))) continue;
    const rest = path.slice(split + 1);
    const methods = spec.instanceMethods;
    const found = { client: spec.client, role: role(factory), instance: ref.creator };
    if (rest.length === 0) return spec.callable ? found : undefined;
    if (methods === 'any') {
      const last = rest[rest.length - 1]!;
      if (last === '()' || NON_REQUEST_METHODS.has(last)) return undefined;
      return found;
    }
    if (rest.length === 1 && methods?.has(rest[0]!)) return found;
    return undefined;
  }
  return undefined;
}

/** Methods on SDK instances that build a handle or configure the client: no request, nothing fails. */
const SDK_BUILDERS = new Set([
  'on', 'off', 'once', 'use', 'extend', 'defaults', 'withOptions', 'setApiKey', 'toString', 'destroy', 'close',
  'file', 'bucket', 'topic', 'subscription', 'dataset', 'table', 'getGenerativeModel',
]);
/** Methods on SDK instances that do local work that can fail on bad input (webhook signature checks). */
const SDK_LOCAL = new Set(['constructEvent', 'constructEventAsync', 'generateTestHeaderString', 'verifyWebhook', 'validateRequest']);
const NON_REQUEST_METHODS = new Set([...SDK_BUILDERS, ...SDK_LOCAL]);

/** For a call into a known SDK that is not a request: `'benign'` for builders, `'local'` for local checks. */
export function sdkLocalKind(ref: ModuleRef): 'benign' | 'local' | undefined {
  if (!specFor(ref.source)) return undefined;
  const last = ref.path[ref.path.length - 1];
  if (last === undefined) return undefined;
  if (SDK_LOCAL.has(last)) return 'local';
  if (SDK_BUILDERS.has(last)) return 'benign';
  return undefined;
}

/** The type name (or injection decorator) of `this.name` in a class: `Repository` for `@InjectRepository(X) private repo: Repository<X>`. */
export function thisMemberTypes(member: TSESTree.MemberExpression): string[] {
  if (unwrap(member.object).type !== AST_NODE_TYPES.ThisExpression) return [];
  const name = propertyName(member);
  const body = name ? enclosingClassBody(member) : undefined;
  if (!body) return [];
  const out: string[] = [];
  const note = (id: TSESTree.Identifier | TSESTree.PropertyDefinition, decorators: readonly TSESTree.Decorator[]) => {
    const type = id.typeAnnotation?.typeAnnotation;
    if (type?.type === AST_NODE_TYPES.TSTypeReference) {
      const t = type.typeName;
      out.push(t.type === AST_NODE_TYPES.Identifier ? t.name : t.type === AST_NODE_TYPES.TSQualifiedName ? t.right.name : '');
    }
    for (const d of decorators) {
      const e = unwrap(d.expression);
      const callee = e.type === AST_NODE_TYPES.CallExpression ? unwrap(e.callee) : e;
      if (callee.type === AST_NODE_TYPES.Identifier) out.push(`@${callee.name}`);
    }
  };
  for (const m of body.body) {
    if (m.type === AST_NODE_TYPES.PropertyDefinition && !m.computed && m.key.type === AST_NODE_TYPES.Identifier && m.key.name === name) note(m, m.decorators);
    if (m.type === AST_NODE_TYPES.MethodDefinition && m.kind === 'constructor') {
      for (const p of m.value.params) {
        if (p.type === AST_NODE_TYPES.TSParameterProperty && p.parameter.type === AST_NODE_TYPES.Identifier && p.parameter.name === name) note(p.parameter, p.decorators);
      }
    }
  }
  return out;
}

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
    /** Names that can reach an HTTP client at all (see `clientNames`); others are skipped before resolving. */
    private readonly clientRoots?: ReadonlySet<string>,
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
    if (this.clientRoots) {
      const root = rootName(callee);
      if (root !== 'this' && (root === undefined || !this.clientRoots.has(root))) return undefined;
    }
    let client: string | undefined;
    let instance: UpstreamCall['instance'];
    let role: UpstreamRole = 'gateway';
    const ref = this.resolver.resolve(callee);
    if (ref) {
      const found = clientOfRef(ref);
      if (found) {
        client = found.client;
        instance = found.instance;
        role = found.role;
      }
    }
    if (!client && callee.type === AST_NODE_TYPES.MemberExpression) {
      const path = memberPath(callee);
      if (path && path[0] === 'this' && path.length >= 3 && this.nestHttpProps.has(path[1]!)) client = 'HttpService';
      if (!client && path && this.userPattern?.(path)) client = 'settings';
      if (!client && path && this.userPattern && path[0] === 'this' && this.userPattern(path.slice(1))) client = 'settings';
    } else if (!client && callee.type === AST_NODE_TYPES.Identifier && this.userPattern?.([callee.name])) {
      client = 'settings';
    } else if (!client && callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch' && isEventFetch(this.resolver, callee)) {
      client = 'fetch';
    }
    if (!client) return undefined;
    if (URL_FIRST.has(client) && readsLocalResource(this.resolver, node.arguments[0])) return undefined;
    return this.record(node, client, role, instance);
  }

  private record(node: TSESTree.CallExpression, client: string, role: UpstreamRole, instance?: UpstreamCall['instance'], via?: UpstreamCall): UpstreamCall {
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
      const verb = client === 'fetch' || client === 'ofetch' ? 'fetch' : client.endsWith('.request') ? `${client} call` : `${client} request`;
      label = text ? `the ${verb} to \`${text}\` on line ${line}` : `the ${verb} on line ${line}`;
    } else {
      label = `the ${client} call \`${calleeText(node, this.sourceCode)}()\` on line ${line}`;
    }
    const call: UpstreamCall = { node, client, role, url, options, instance, via, label };
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
        // The function that makes the call, and the functions it sits in as an inline
        // callback (`new Promise((resolve) => https.request(...))`, `.then(...)`, `.map(...)`).
        // A helper that calls a gateway anywhere is a gateway call (its failure may be that gateway's).
        for (let fn = enclosingFunction(call.node); fn; fn = inlineCallbackOwner(fn)) {
          const known = helpers.get(fn);
          if (!known || (known.role === 'store' && call.role === 'gateway')) helpers.set(fn, call);
        }
      }
      if (helpers.size === 0) break;
      // Only calls named like one of the helpers can reach one (a cheap filter before resolving).
      const names = new Set<string>();
      for (const fn of helpers.keys()) {
        const name = functionNameOf(fn);
        if (name === undefined) {
          names.clear();
          break;
        }
        names.add(name);
      }
      let added = 0;
      for (const node of allCalls) {
        if (this.byNode.has(node)) continue;
        if (names.size > 0) {
          const callee = unwrap(node.callee);
          const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
          if (name === undefined || !names.has(name)) continue;
        }
        const target = this.calledFunction(node);
        if (!target) continue;
        const inner = helpers.get(target);
        if (!inner || inner.node === node) continue;
        // Do not treat a function as calling itself through recursion.
        if (enclosingFunction(node) === target) continue;
        this.record(node, inner.client, inner.role, undefined, inner);
        added++;
      }
      if (added === 0) break;
    }
  }

  /**
   * The same-file function a call invokes: `helper()`, `this.helper()` (same class),
   * `service.method()` on a same-file object literal or `new LocalClass()`,
   * `LocalClass.staticMethod()`, and `this.dep.method()` where `dep` is a
   * constructor parameter or property typed with a same-file class.
   */
  calledFunction(node: TSESTree.CallExpression): FunctionNode | undefined {
    if (this.calledCache.has(node)) return this.calledCache.get(node);
    const fn = this.computeCalledFunction(node);
    this.calledCache.set(node, fn);
    return fn;
  }

  private readonly calledCache = new Map<TSESTree.CallExpression, FunctionNode | undefined>();

  private computeCalledFunction(node: TSESTree.CallExpression): FunctionNode | undefined {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type !== AST_NODE_TYPES.ThisExpression) {
      const method = propertyName(callee);
      const holder = method ? this.localHolder(unwrap(callee.object)) : undefined;
      return holder && method ? memberFunction(holder, method) : undefined;
    }
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

  /** The same-file object literal or class a receiver stands for: `service`, `new Service()`, `Service`, `this.service`. */
  private localHolder(object: Node, depth = 0): TSESTree.ObjectExpression | TSESTree.ClassBody | undefined {
    if (depth > 3) return undefined;
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = this.resolver.variableOf(object);
      const def = variable?.defs[0];
      if (!variable || !def) return undefined;
      if (def.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) return def.node.body;
      if (def.type !== 'Variable') return undefined;
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
      if (variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
      const init = unwrap(declarator.init);
      if (init.type === AST_NODE_TYPES.ObjectExpression) return init;
      if (init.type === AST_NODE_TYPES.ClassExpression) return init.body;
      if (init.type === AST_NODE_TYPES.NewExpression) return this.classBodyOf(unwrap(init.callee));
      return undefined;
    }
    // this.dep: a constructor parameter property or a class property typed with (or initialised to) a same-file class.
    if (object.type === AST_NODE_TYPES.MemberExpression && unwrap(object.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = propertyName(object);
      const body = name ? enclosingClassBody(object) : undefined;
      if (!body || !name) return undefined;
      for (const member of body.body) {
        if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
          const value = member.value && unwrap(member.value);
          if (value?.type === AST_NODE_TYPES.NewExpression) return this.classBodyOf(unwrap(value.callee));
          if (value?.type === AST_NODE_TYPES.ObjectExpression) return value;
          return this.typeBody(member.typeAnnotation?.typeAnnotation);
        }
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
          for (const param of member.value.params) {
            if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
            const id = param.parameter;
            if (id.type === AST_NODE_TYPES.Identifier && id.name === name) return this.typeBody(id.typeAnnotation?.typeAnnotation);
          }
        }
      }
    }
    return undefined;
  }

  private typeBody(type: TSESTree.TypeNode | undefined): TSESTree.ClassBody | undefined {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
    return this.classBodyOf(type.typeName);
  }

  private classBodyOf(node: Node): TSESTree.ClassBody | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = this.resolver.variableOf(node)?.defs[0];
    if (def?.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) return def.node.body;
    return undefined;
  }
}

function calleeText(node: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const text = sourceCode.getText(node.callee).replace(/\s+/g, '');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

/** A method or function-valued property of a same-file object literal or class. */
function memberFunction(holder: TSESTree.ObjectExpression | TSESTree.ClassBody, name: string): FunctionNode | undefined {
  const members = holder.type === AST_NODE_TYPES.ObjectExpression ? holder.properties : holder.body;
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.Property && member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.computed || member.key.type !== AST_NODE_TYPES.Identifier || member.key.name !== name) continue;
    const value = member.value && unwrap(member.value);
    return isFunction(value) ? value : undefined;
  }
  return undefined;
}

function enclosingClassBody(node: Node): TSESTree.ClassBody | undefined {
  for (let p: Node | undefined = node.parent; p; p = p.parent) if (p.type === AST_NODE_TYPES.ClassBody) return p;
  return undefined;
}

const INLINE_CALLBACK_METHODS = new Set(['then', 'catch', 'finally', 'map', 'flatMap', 'forEach', 'filter', 'reduce', 'all', 'allSettled', 'race', 'any']);

/**
 * For an inline callback that runs as part of its enclosing function's work
 * (`new Promise((resolve, reject) => ...)`, `.then(cb)`, `items.map(cb)`), the
 * enclosing function; otherwise undefined.
 */
function inlineCallbackOwner(fn: FunctionNode): FunctionNode | undefined {
  const parent = fn.parent;
  if (!parent || !(parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) || !parent.arguments.includes(fn as never)) return undefined;
  const callee = unwrap(parent.callee);
  const inline =
    (parent.type === AST_NODE_TYPES.NewExpression && callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise') ||
    (parent.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && INLINE_CALLBACK_METHODS.has(propertyName(callee) ?? ''));
  return inline ? enclosingFunction(fn) : undefined;
}

/** SvelteKit's `fetch` handed to `load`/`+server` handlers: `({ fetch }) => fetch(url)`. */
function isEventFetch(resolver: Resolver, id: TSESTree.Identifier): boolean {
  const def = resolver.variableOf(id)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const name = def.name as Node;
  let node: Node = name;
  if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern) node = node.parent;
  const prop = node.parent;
  return prop?.type === AST_NODE_TYPES.Property && prop.parent?.type === AST_NODE_TYPES.ObjectPattern && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === 'fetch';
}

/**
 * The name a function is called by: `function f()`, `const f = () => {}`, a method or
 * property `f() {}` / `f: () => {}`; undefined for anonymous callbacks (then callers
 * cannot be filtered by name).
 */
function functionNameOf(fn: FunctionNode): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed
  ) {
    const key = parent.key;
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  }
  return undefined;
}

/**
 * `fetch(new URL('./font.ttf', import.meta.url))`, `fetch('data:...')`, `fetch('file://...')`:
 * reading a file bundled with the code or inline data, not a call to another service.
 * Also a local sidecar (`LOCAL_SIDECARS`): `http://localhost:2772/...`, or a URL on
 * the `AWS_LAMBDA_RUNTIME_API` host, when the URL's start resolves statically.
 */
function readsLocalResource(resolver: Resolver, arg: Node | undefined): boolean {
  if (!arg) return false;
  const n = unwrap(arg);
  if (n.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrap(n.callee);
    const base = n.arguments[1] && unwrap(n.arguments[1]);
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'URL' &&
      base?.type === AST_NODE_TYPES.MemberExpression &&
      unwrap(base.object).type === AST_NODE_TYPES.MetaProperty &&
      propertyName(base) === 'url'
    ) {
      return true;
    }
  }
  const head = urlHead(resolver, n);
  if (!head) return false;
  if (/^(data|file|blob):/.test(head.text)) return true;
  return isSidecar(head);
}

/** The statically known start of a URL expression; `process.env.NAME` reads as `{env:NAME}`. `complete` when nothing follows. */
export interface UrlHead {
  text: string;
  complete: boolean;
}

export function urlHead(resolver: Resolver, node: Node, depth = 0): UrlHead | undefined {
  if (depth > 4) return undefined;
  const n = unwrap(node);
  switch (n.type) {
    case AST_NODE_TYPES.Literal:
      return typeof n.value === 'string' ? { text: n.value, complete: true } : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = '';
      for (let i = 0; i < n.quasis.length; i++) {
        text += n.quasis[i]!.value.cooked ?? '';
        const expression = n.expressions[i];
        if (!expression) break;
        const inner = urlHead(resolver, expression, depth + 1);
        if (!inner) return { text, complete: false };
        text += inner.text;
        if (!inner.complete) return { text, complete: false };
      }
      return { text, complete: true };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (n.operator !== '+') return undefined;
      // A long chain (`'http://localhost:2772/a/' + app + '/e/' + env + ...`) nests on the left: no depth cost there.
      const left = urlHead(resolver, n.left as Node, depth);
      if (!left || !left.complete) return left;
      const right = urlHead(resolver, n.right, depth + 1);
      return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
    }
    case AST_NODE_TYPES.MemberExpression: {
      const object = unwrap(n.object);
      const name = propertyName(n);
      const isEnv = object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'env' && unwrap(object.object).type === AST_NODE_TYPES.Identifier;
      const root = isEnv ? (unwrap((object as TSESTree.MemberExpression).object) as TSESTree.Identifier) : undefined;
      if (root?.name === 'process' && !resolver.variableOf(root) && name) return { text: `{env:${name}}`, complete: true };
      return undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = resolver.variableOf(n);
      const def = variable?.defs[0];
      if (!variable || def?.type !== 'Variable') return undefined;
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
      if (variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
      return urlHead(resolver, declarator.init, depth + 1);
    }
    case AST_NODE_TYPES.NewExpression: {
      // `new URL(url)`; `new URL('/path', base)` keeps the base's origin.
      const callee = unwrap(n.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'URL' || !n.arguments[0]) return undefined;
      const input = urlHead(resolver, n.arguments[0], depth + 1);
      if (!n.arguments[1]) return input;
      if (!input || !input.text.startsWith('/') || input.text.startsWith('//')) return undefined;
      const base = urlHead(resolver, n.arguments[1], depth + 1);
      const origin = base && /^[a-z]+:\/\/[^/?#]*/i.exec(base.text)?.[0];
      return origin && (base.text.length > origin.length || base.complete) ? { text: origin + input.text, complete: input.complete } : undefined;
    }
    default:
      return undefined;
  }
}

/** Is the URL's host a local sidecar: a known loopback port, or a host read from a known environment variable? */
function isSidecar(head: UrlHead): boolean {
  const m = /^(?:https?:\/\/)?([^/?#]*)/i.exec(head.text);
  const authority = m?.[1] ?? '';
  // The authority must be whole: followed by a path, query or fragment, or by nothing at all.
  if (authority.length === head.text.replace(/^https?:\/\//i, '').length && !head.complete) return false;
  const env = /^\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(authority);
  if (env) return LOCAL_SIDECARS.hostEnv.has(env[1]!);
  if (!/^https?:\/\//i.test(head.text)) return false;
  const colon = authority.lastIndexOf(':');
  if (colon < 0) return false;
  return LOCAL_SIDECARS.loopbackHosts.has(authority.slice(0, colon).toLowerCase()) && LOCAL_SIDECARS.loopbackPorts.has(authority.slice(colon + 1));
}

/** Is this module an HTTP client or SDK the engine knows (a superset: databases are sorted out later)? */
export function isClientSource(source: string): boolean {
  return FETCH_MODULES.has(source) || CLIENTS[source] !== undefined || CLIENT_PREFIXES.some(([prefix]) => source.startsWith(prefix));
}
