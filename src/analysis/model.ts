/**
 * The HTTP model of a file: one lazy analysis per file, shared by every rule.
 *
 * `getHttpModel(context)` walks the AST once (after a cheap text gate),
 * collecting status emissions through the framework adapters, upstream calls,
 * and validation calls; request input, failure contexts and the other
 * questions are answered on demand and cached. Keyed by the AST in a WeakMap,
 * so ten rules cost one analysis. The model returns facts; it never reports.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { enclosingFunction, outerParent, unwrap, type FunctionNode, type Node, ownReturns } from './ast';
import { FailureContexts, type ConditionFact, type FailableWork, type FailureContext } from './failure-context';
import { ADAPTERS, type AdapterEnv, type EmissionInput, type Framework } from './frameworks';
import { getFileIndex } from './file-index';
import { fileServesRequests } from './files';
import { ParamRoles, type ParamRole } from './handlers';
import { Resolver, declaratorRoots, moduleCandidateNames, namesBoundTo, normaliseSource, requireSource, type ModuleRef } from './imports';
import { RequestInput } from './request-input';
import { readSettings } from './settings';
import { resolveStatus, type StatusValue } from './status';
import { UpstreamDetector, compileUpstreamPatterns, isClientSource, type UpstreamCall } from './upstream';
import { CLIENTS, CLIENT_PREFIXES, FETCH_MODULES } from './upstream-clients';
import { ValidationIndex, isValidationSource, type ValidationCall } from './validation';
import { HeaderIndex, type ResponseHeaders } from './headers';
import { ErrorHandlers } from './error-handlers';
import { ErrorValues } from './error-values';

export interface StatusEmission {
  /** The node to report (it starts on the line where the status is set). */
  node: Node;
  /** Resolved status code, or undefined when it cannot be known. */
  code: number | undefined;
  framework: Framework;
  form: string;
  status: StatusValue;
  /** The enclosing function, if any. */
  fn: FunctionNode | undefined;
  assertion?: Node;
}

export interface HttpModel {
  readonly emissions: readonly StatusEmission[];
  readonly upstreamCalls: readonly UpstreamCall[];
  readonly validations: readonly ValidationCall[];
  /** Module specifiers imported or required by the file. */
  readonly imports: ReadonlySet<string>;
  upstreamCallAt(node: TSESTree.CallExpression): UpstreamCall | undefined;
  validationAt(node: Node): ValidationCall | undefined;
  failureContext(node: Node): FailureContext;
  /** What can fail inside a block or expression (a try block, a function body): upstream, validation and other calls. */
  workIn(node: Node): FailableWork;
  /** The same-file function a call invokes (`helper()`, `this.helper()`), if any. */
  calledFunction(node: TSESTree.CallExpression): FunctionNode | undefined;
  /** Classify a test expression; `holds` says whether the code in question runs when it is truthy. */
  conditionFacts(test: Node, holds: boolean): readonly ConditionFact[];
  isRequestInput(node: Node): boolean;
  /** The upstream call whose response a value holds (`res` in `const res = await fetch()`). */
  upstreamResponseOf(node: Node): UpstreamCall | undefined;
  resolve(node: Node): ModuleRef | undefined;
  roleOf(node: Node): ParamRole;
  /** All calls in the file, in source order. */
  readonly calls: readonly TSESTree.CallExpression[];
  /** All functions in the file, in source order. */
  readonly functions: readonly FunctionNode[];
  readonly resolver: Resolver;
  /** Headers on the response of an emission (headers.ts); undefined when the form has no response of its own. */
  responseHeaders(emission: StatusEmission): ResponseHeaders | undefined;
  /** The file's error handlers and whether they consult the error (error-handlers.ts). */
  readonly errorHandlers: ErrorHandlers;
  /** Response bodies and the caught-error details they carry (error-values.ts). */
  readonly errorValues: ErrorValues;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<TSESTree.Program, HttpModel>();

/**
 * The cheap gate: without one of these a file holds nothing the model looks for,
 * and gets an empty model at once (most files in a repository are not server
 * code). Status-setting calls and members, status-carrying names, fetch, and
 * imports of the frameworks, error libraries and HTTP clients the engine knows.
 */
const GATE_TOKENS =
  /\.(?:status|sendStatus|code|writeHead|throw|assert)\s*\(|\.status\s*=[^=]|statusCode|Exception|[Bb]oom|createError|httpErrors|TRPCError|HttpCode|setResponseStatus|NextResponse|new Response\b|Response\.json|\bfetch\s*\(|\$fetch|defineEventHandler|eventHandler|onError|setErrorHandler/;
/** Framework and status-library modules: an import of one says the file may answer requests. */
const GATE_FRAMEWORKS = new Set([
  'express', 'koa', 'koa-router', 'hono', 'next', 'h3', 'nuxt', '#imports', 'react-router', 'elysia', 'boom',
  'http-errors', 'aws-lambda', 'http-status', 'http-status-codes', 'connect', 'polka', 'restify',
]);
const GATE_FRAMEWORK_PREFIXES = ['@koa/', '@hono/', 'hono/', 'next/', '@nestjs/', '@remix-run/', '@react-router/', '@sveltejs/', '@hapi/', '@trpc/', '@vercel/', '@elysiajs/'];
/** Client modules (and Fastify, whose `@fastify/sensible` helpers name no status): their import alone lets a file through. */
const GATE_CLIENTS = new Set(['fastify', 'http', 'https', 'http2', ...Object.keys(CLIENTS), ...FETCH_MODULES]);
const GATE_CLIENT_PREFIXES = ['@fastify/', ...CLIENT_PREFIXES.map(([p]) => p)];
/**
 * A framework import alone is not enough (React Router and Next.js components
 * import them too): the file must also show a status, a 4xx/5xx number that
 * is not part of a name or a CSS class (`text-red-500`), or an `error(...)`/`fail(...)` helper call.
 */
const STATUS_EVIDENCE = /status|(?<![-\w.#])[45]\d\d(?![\w-])|\b(?:error|fail)\s*\(/i;
const MODULE_SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

export function mightHoldHttpFacts(text: string, hasUserPatterns: boolean): boolean {
  if (hasUserPatterns || GATE_TOKENS.test(text)) return true;
  let framework = false;
  MODULE_SPECIFIER.lastIndex = 0;
  for (let m = MODULE_SPECIFIER.exec(text); m; m = MODULE_SPECIFIER.exec(text)) {
    const source = normaliseSource(m[1]!);
    if (GATE_CLIENTS.has(source) || GATE_CLIENT_PREFIXES.some((p) => source.startsWith(p))) return true;
    if (!framework) framework = GATE_FRAMEWORKS.has(source) || GATE_FRAMEWORK_PREFIXES.some((p) => source.startsWith(p));
  }
  return framework && STATUS_EVIDENCE.test(text);
}

export interface ModelOptions {
  /** Skip the cheap text gate (for tests that probe the analysis on snippets with no status at all). */
  ungated?: boolean;
}

export function getHttpModel(context: Context, options: ModelOptions = {}): HttpModel {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast as TSESTree.Program;
  const cached = cache.get(ast);
  if (cached) return cached;
  const model =
    options.ungated === true || fileServesRequests(context)
      ? buildModel(sourceCode, context.settings, options.ungated === true)
      : emptyModel(new Resolver(sourceCode), sourceCode);
  cache.set(ast, model);
  return model;
}

function collectImports(ast: TSESTree.Program, calls: readonly TSESTree.CallExpression[]): Set<string> {
  const imports = new Set<string>();
  for (const stmt of ast.body) {
    if (stmt.type === AST_NODE_TYPES.ImportDeclaration) imports.add(normaliseSource(String(stmt.source.value)));
    else if ((stmt.type === AST_NODE_TYPES.ExportNamedDeclaration || stmt.type === AST_NODE_TYPES.ExportAllDeclaration) && stmt.source) {
      imports.add(normaliseSource(String(stmt.source.value)));
    }
  }
  for (const call of calls) {
    const source = requireSource(call);
    if (source !== undefined) imports.add(source);
  }
  return imports;
}

function buildModel(sourceCode: Readonly<TSESLint.SourceCode>, settings: Readonly<Record<string, unknown>> | undefined, ungated: boolean): HttpModel {
  const ast = sourceCode.ast as TSESTree.Program;
  const { upstreamCalls: patterns } = readSettings(settings as Record<string, unknown>);
  if (!ungated && !mightHoldHttpFacts(sourceCode.text, patterns.length > 0)) return emptyModel(new Resolver(sourceCode), sourceCode);
  const index = getFileIndex(sourceCode);
  const roots = declaratorRoots(index.declarators);
  const candidates = moduleCandidateNames(ast, roots, patterns.map((p) => p.split('.')[0]!));
  const resolver = new Resolver(sourceCode, candidates);
  const patternRoots = patterns.map((p) => p.split('.')[0]!);
  const clientRoots = namesBoundTo(ast, roots, isClientSource, ['fetch', '$fetch', 'globalThis', 'window', 'self', 'global', ...patternRoots]);
  const upstream = new UpstreamDetector(resolver, sourceCode, compileUpstreamPatterns(patterns), clientRoots);

  // The shared walk: the node kinds the analyses listen to.
  const { calls, news, assigns, objects, decorators, functions, paramProps } = index;

  const imports = collectImports(ast, calls);
  const roles = new ParamRoles(imports);
  const refCache = new Map<Node, ModuleRef | undefined>();
  const ref = (node: Node): ModuleRef | undefined => {
    if (refCache.has(node)) return refCache.get(node);
    const result = resolver.resolve(node);
    refCache.set(node, result);
    return result;
  };
  const roleOf = (node: Node): ParamRole => {
    const n = unwrap(node);
    if (n.type !== AST_NODE_TYPES.Identifier) return 'none';
    const variable = resolver.variableOf(n);
    return variable ? roles.roleOf(variable) : 'none';
  };

  for (const p of paramProps) upstream.noteParameterProperty(p);
  let input: RequestInput | undefined;
  let callSites: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  const sitesOf = (fn: FunctionNode): readonly TSESTree.CallExpression[] => {
    if (!callSites) {
      callSites = new Map();
      for (const call of calls) {
        const target = upstream.calledFunction(call);
        if (!target) continue;
        const list = callSites.get(target);
        if (list) list.push(call);
        else callSites.set(target, [call]);
      }
    }
    return callSites.get(fn) ?? [];
  };
  const getInput = () => (input ??= new RequestInput(resolver, upstream, sitesOf, roleOf));
  const validatorNames = namesBoundTo(ast, roots, isValidationSource, []);
  const validation = new ValidationIndex(resolver, getInput, imports, validatorNames);
  for (const call of calls) {
    upstream.visit(call);
    validation.visit(call);
  }
  upstream.propagateHelpers(calls);
  validation.finish();

  // Status emissions, through the framework adapters.
  const emissions: StatusEmission[] = [];
  const seen = new Set<Node>();
  const env: AdapterEnv = {
    resolver,
    roles,
    imports,
    status: (node) => resolveStatus(node, resolver),
    roleOf,
    ref,
    add(e: EmissionInput) {
      if (seen.has(e.node)) return;
      seen.add(e.node);
      emissions.push({ ...e, code: e.status.code, fn: enclosingFunction(e.node) });
    },
    isReturnedOrThrown,
  };
  for (const adapter of ADAPTERS) {
    if (adapter.onCall) for (const n of calls) adapter.onCall(n, env);
    if (adapter.onNew) for (const n of news) adapter.onNew(n, env);
    if (adapter.onAssign) for (const n of assigns) adapter.onAssign(n, env);
    if (adapter.onObject) for (const n of objects) adapter.onObject(n, env);
    if (adapter.onDecorator) for (const n of decorators) adapter.onDecorator(n, env);
  }
  addForwardingHelpers(emissions, calls, env, resolver, upstream);
  emissions.sort(byStart2);

  let contexts: FailureContexts | undefined;
  const getContexts = () => (contexts ??= new FailureContexts(resolver, roles, upstream, validation, getInput()));

  return withHygieneFacts({
    emissions,
    upstreamCalls: upstream.calls,
    validations: validation.calls,
    imports,
    calls,
    functions,
    resolver,
    upstreamCallAt: (node) => upstream.get(node),
    validationAt: (node) => validation.get(node),
    failureContext: (node) => getContexts().contextOf(node),
    workIn: (node) => getContexts().workIn(node),
    calledFunction: (node) => upstream.calledFunction(node),
    conditionFacts: (test, holds) => getContexts().condition(test, holds).facts,
    isRequestInput: (node) => getInput().isRequestInput(node),
    upstreamResponseOf: (node) => getContexts().upstreamOf(node),
    resolve: ref,
    roleOf,
  }, sourceCode);
}

/**
 * Adds the response-hygiene facts (headers, error handlers, error values) as
 * lazy getters, built once per file on first use. The getters sit in the
 * object literal itself (no `Object.defineProperties`, which is slow per file);
 * never spread a model, since a spread would call them.
 */
function withHygieneFacts(
  model: Omit<HttpModel, 'responseHeaders' | 'errorHandlers' | 'errorValues'>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): HttpModel {
  const { resolver } = model;
  let headers: HeaderIndex | undefined;
  let handlers: ErrorHandlers | undefined;
  let values: ErrorValues | undefined;
  const env = () => ({ resolver, roleOf: model.roleOf, resolve: model.resolve, calls: model.calls, functions: model.functions, emissions: model.emissions });
  const getHandlers = () => (handlers ??= new ErrorHandlers(env()));
  return {
    ...model,
    responseHeaders: (emission: StatusEmission) => (headers ??= new HeaderIndex(env())).of(emission),
    get errorHandlers() {
      return getHandlers();
    },
    get errorValues() {
      return (values ??= new ErrorValues(resolver, sourceCode, () => new Set(getHandlers().all.flatMap((h) => h.errors))));
    },
  };
}

function byStart2(a: StatusEmission, b: StatusEmission): number {
  return a.node.range[0] - b.node.range[0];
}

function emptyModel(resolver: Resolver, sourceCode: Readonly<TSESLint.SourceCode>): HttpModel {
  const none: never[] = [];
  return withHygieneFacts({
    emissions: none,
    upstreamCalls: none,
    validations: none,
    imports: new Set(),
    calls: none,
    functions: none,
    resolver,
    upstreamCallAt: () => undefined,
    validationAt: () => undefined,
    failureContext: () => ({ catch: undefined, conditions: [] }),
    workIn: () => ({ upstream: [], validation: [], other: [], timeoutArmed: false }),
    calledFunction: () => undefined,
    conditionFacts: () => [],
    isRequestInput: () => false,
    upstreamResponseOf: () => undefined,
    resolve: () => undefined,
    roleOf: () => 'none',
  }, sourceCode);
}

/** Is the value of `node` returned or thrown from its function (directly, or through a const that is)? */
function isReturnedOrThrown(node: Node): boolean {
  const { parent, child } = outerParent(node);
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === child;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== child && isReturnedOrThrown(parent);
    case AST_NODE_TYPES.LogicalExpression:
      return isReturnedOrThrown(parent);
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
      const name = parent.id.name;
      const fn = enclosingFunction(parent);
      if (!fn) return false;
      // `const response = NextResponse.json(...); ...; return response;`
      return ownReturns(fn).some((r) => {
        const arg = r.argument && unwrap(r.argument);
        return arg?.type === AST_NODE_TYPES.Identifier && arg.name === name;
      });
    }
    default:
      return false;
  }
}

/**
 * Same-file status helpers: `function fail(res, status, msg) { res.status(status).json(...) }`
 * or `const respond = (statusCode, body) => ({ statusCode, body })` make each call with a
 * resolvable status argument an emission at the call site.
 */
function addForwardingHelpers(
  emissions: StatusEmission[],
  calls: readonly TSESTree.CallExpression[],
  env: AdapterEnv,
  resolver: Resolver,
  upstream: UpstreamDetector,
): void {
  const helpers = new Map<FunctionNode, { index: number; emission: StatusEmission }>();
  for (const e of emissions) {
    if (e.code !== undefined || !e.fn) continue;
    const status = unwrap(e.status.node);
    if (status.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = resolver.variableOf(status);
    const def = variable?.defs[0];
    if (def?.type !== 'Parameter' || def.node !== e.fn) continue;
    const index = e.fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name));
    if (index >= 0) helpers.set(e.fn, { index, emission: e });
  }
  if (helpers.size === 0) return;
  for (const call of calls) {
    const fn = upstream.calledFunction(call);
    const helper = fn && helpers.get(fn);
    if (!helper) continue;
    const arg = call.arguments[helper.index];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
    const status = env.status(arg);
    if (status.code === undefined) continue;
    env.add({ node: call, framework: helper.emission.framework, form: `${calleeText(call)}()`, status });
  }
}

function calleeText(call: TSESTree.CallExpression): string {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
  return 'helper';
}

export type { FailureContext, UpstreamCall, ValidationCall, ParamRole };
