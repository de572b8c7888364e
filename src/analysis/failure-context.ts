/**
 * Failure contexts: for a node (usually a status emission), the catch it sits
 * in and what can fail in the matching try, and the conditions on its path
 * (which branch of which test it is on), each classified: a failed validation
 * result, a failed upstream response, a manual check of request input, or a
 * test on the caught error (validation error, upstream error, timeout).
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import {
  alwaysExits,
  calleeName,
  chainRoot,
  isFunction,
  propertyName,
  stringValue,
  unwrap,
  unwrapAwait,
  type FunctionNode,
  type Node,
} from './ast';
import type { Resolver } from './imports';
import type { ParamRoles } from './handlers';
import type { RequestInput } from './request-input';
import { sdkLocalKind, thisMemberTypes, type UpstreamCall, type UpstreamDetector } from './upstream';
import { DATABASE_MODULES, INERT_MODULES, LOCAL_MODULES } from './upstream-clients';
import type { ValidationCall, ValidationIndex } from './validation';

type Variable = TSESLint.Scope.Variable;

/** What a test on the path tells about why the node runs. */
export type ConditionFact =
  | { kind: 'validation'; failed: boolean; call: ValidationCall }
  | { kind: 'input-check'; failed: boolean }
  | { kind: 'upstream-response'; failed: boolean; call: UpstreamCall }
  | { kind: 'error-test'; about: ErrorKind; positive: boolean }
  /** A test of the server's own configuration (`if (!process.env.KEY)`); `missing`: the code runs when it is absent. */
  | { kind: 'config-check'; missing: boolean };

export type ErrorKind = 'validation' | 'upstream' | 'timeout' | 'http-error';

export interface PathCondition {
  test: Node;
  /** True when the node runs only if `test` is truthy. */
  holds: boolean;
  facts: readonly ConditionFact[];
  /** From a guard clause before the node (`if (T) return ...;`), not from a branch the node is in. */
  guard?: boolean;
}

/** `request-parse`: reading the request body (`await request.json()`, `JSON.parse(event.body)`): fails on bad client input. */
export type WorkKind = 'upstream' | 'validation' | 'request-parse' | 'database' | 'fs' | 'local' | 'unknown';

export interface FailableWork {
  upstream: UpstreamCall[];
  validation: ValidationCall[];
  /** Calls that can fail and are neither upstream nor validation, by kind. */
  other: { node: Node; kind: WorkKind }[];
  /** A timeout is armed in the try (`AbortSignal.timeout`, an abort timer, a `timeout` option). */
  timeoutArmed: boolean;
}

export interface CatchContext {
  kind: 'try-catch' | 'promise-catch';
  /** The catch clause or the `.catch()` callback. */
  handler: TSESTree.CatchClause | FunctionNode;
  /** The caught error's variable, if it is named. */
  error: Variable | undefined;
  /** The try block, or the promise chain the `.catch()` hangs on. */
  tried: Node;
  work: FailableWork;
}

export interface FailureContext {
  /** The innermost catch the node is in (within its function, or a `.catch()` callback). */
  catch: CatchContext | undefined;
  /** Conditions on the path from the function (or the catch) down to the node, outermost first. */
  conditions: readonly PathCondition[];
}

const VALIDATION_ERROR_NAMES = /^(ZodError|ValidationError|ValiError|StructError|JoiValidationError|YupValidationError|TypeBoxError|TypeCompilerError|AjvValidationError|ValidationException|ClassValidationError|ArkErrors)$/;
const UPSTREAM_ERROR_NAMES = /^(AxiosError|HTTPError|FetchError|RequestError|ResponseError|HttpError|UpstreamError|GotError|ParseError|MaxRedirectsError|UndiciError|ConnectTimeoutError|SocketError|ClientError|APIError|APIConnectionError|StripeError|StripeAPIError|StripeConnectionError|OpenAIError|RequestFailedError|ServiceException)$/;
const TIMEOUT_ERROR_NAMES = /^(TimeoutError|AbortError|HeadersTimeoutError|BodyTimeoutError|ConnectTimeoutError|APIConnectionTimeoutError|RequestTimeoutError)$/;
const HTTP_ERROR_NAMES = /^(HttpException|HTTPException|HttpError|HTTPError|TRPCError|H3Error|Boom)$/;
/** Error codes of request validation / body parsing failures: Elysia, Fastify, body-parser, Apollo. */
const VALIDATION_CODES = new Set(['VALIDATION', 'PARSE', 'FST_ERR_VALIDATION', 'FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY', 'entity.parse.failed', 'BAD_USER_INPUT', 'ERR_VALIDATION', 'VALIDATION_ERROR']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_BAD_RESPONSE', 'ERR_NETWORK', 'ERR_BAD_REQUEST', 'UND_ERR_RESPONSE_STATUS_CODE']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ERR_CANCELED', 'ABORT_ERR', 'ETIME']);

/** Calls that do not fail in practice (or whose failure is not what a catch is about). */
const BENIGN_GLOBALS = new Set(['console', 'JSON', 'Math', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Date', 'Symbol', 'Promise', 'Reflect', 'AbortSignal', 'URLSearchParams', 'Buffer', 'crypto', 'performance', 'process']);
const BENIGN_FUNCTIONS = new Set(['String', 'Number', 'Boolean', 'parseInt', 'parseFloat', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'setTimeout', 'clearTimeout', 'setImmediate', 'structuredClone', 'isNaN', 'isFinite', 'require', 'debug', 'log', 'firstValueFrom', 'lastValueFrom', 'next', 'Symbol', 'BigInt']);
const BENIGN_METHODS = new Set([
  'map', 'filter', 'reduce', 'forEach', 'find', 'findIndex', 'some', 'every', 'includes', 'join', 'split', 'trim', 'toLowerCase', 'toUpperCase',
  'slice', 'splice', 'push', 'pop', 'shift', 'unshift', 'concat', 'keys', 'values', 'entries', 'flat', 'flatMap', 'sort', 'reverse', 'indexOf',
  'startsWith', 'endsWith', 'replace', 'replaceAll', 'padStart', 'padEnd', 'toString', 'toFixed', 'toISOString', 'getTime', 'has', 'get', 'set',
  'add', 'delete', 'append', 'abort', 'info', 'warn', 'error', 'debug', 'trace', 'log', 'fatal', 'child', 'emit', 'then', 'catch', 'finally',
  'header', 'setHeader', 'status', 'json', 'send', 'end', 'code', 'type', 'sendStatus', 'redirect', 'render', 'write', 'writeHead', 'text',
  'html', 'body', 'cookie', 'clearCookie', 'pipe', 'subscribe', 'toJSON', 'at', 'match', 'test', 'exec', 'localeCompare', 'charAt', 'assign',
  'timeout', 'any', 'all', 'allSettled', 'race', 'resolve', 'reject', 'clone', 'increment', 'inc', 'observe', 'startTimer', 'labels', 'record',
  'captureException', 'captureMessage', 'setTag', 'setContext', 'addBreadcrumb', 'toPromise', 'pipe',
]);
const UPSTREAM_BODY_METHODS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData']);
const DB_ROOTS = /^(prisma|db|database|knex|pool|client|pg|sql|mongo|mongoose|redis|cache|sequelize|repo|repository|em|entityManager|dataSource|drizzle|supabase|firestore|collection|tx|trx|conn|connection|kysely|model|dynamo|ddb|docClient|store)$/i;
const DB_METHODS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'findOne', 'findById', 'findByPk', 'findAll', 'findOneBy', 'findBy',
  'findOneAndUpdate', 'findByIdAndUpdate', 'findByIdAndDelete', 'create', 'createMany', 'insert', 'insertOne', 'insertMany', 'update', 'updateOne',
  'updateMany', 'upsert', 'delete', 'deleteOne', 'deleteMany', 'remove', 'save', 'query', 'execute', 'exec', 'aggregate', 'count', 'countDocuments',
  'transaction', '$transaction', 'raw', 'select', 'where', 'from', 'returning', 'first', 'hget', 'hset', 'incr', 'expire', 'lpush', 'rpush', 'sadd',
  'zadd', 'mget', 'setex', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'getRepository', 'send',
]);
/** Types and injection decorators of data-store handles (TypeORM, Mongoose, MikroORM, Prisma, Knex, ioredis, Sequelize). */
const DB_TYPES = /^(Repository|MongoRepository|TreeRepository|EntityRepository|EntityManager|DataSource|Connection|Model|Collection|Db|PrismaClient|PrismaService|Knex|Redis|Sequelize|Kysely|Pool|@InjectRepository|@InjectModel|@InjectConnection|@InjectDataSource|@InjectEntityManager|@InjectRedis|@InjectKnex)$/;
const STREAM_BODY_METHODS = new Set(['transformToString', 'transformToByteArray', 'transformToWebStream', 'getReader', 'arrayBuffer', 'text', 'json', 'blob']);
/** Functions that hand out a query builder or connection: `useDrizzle()`, `getDb()`, `createPool()`. */
const DB_FACTORY = /^(use|get|create|connect)(Db|DB|Database|Drizzle|Knex|Prisma|Pool|Redis|Mongo|Sql|Connection)$/;
const FS_SOURCES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);

export class FailureContexts {
  private readonly workCache = new Map<Node, FailableWork>();
  private readonly fnWork = new Map<FunctionNode, WorkKind | 'none' | 'pending'>();

  constructor(
    private readonly resolver: Resolver,
    private readonly roles: ParamRoles,
    private readonly upstream: UpstreamDetector,
    private readonly validation: ValidationIndex,
    private readonly input: RequestInput,
  ) {}

  contextOf(node: Node): FailureContext {
    const conditions: PathCondition[] = [];
    let catchCtx: CatchContext | undefined;
    let child: Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
        conditions.push(this.condition(parent.test, child === parent.consequent));
      } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) {
        conditions.push(this.condition(parent.test, child === parent.consequent));
      } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
        conditions.push(this.condition(parent.left, parent.operator === '&&'));
      } else if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.SwitchCase) {
        // Guard clauses before the node: `if (T) return ...;` means the node runs when T is false.
        const body: readonly Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
        const index = body.indexOf(child);
        for (let i = index - 1; i >= 0; i--) {
          const stmt = body[i]!;
          if (stmt.type === AST_NODE_TYPES.IfStatement && !stmt.alternate && alwaysExits(stmt.consequent)) {
            conditions.push({ ...this.condition(stmt.test, false), guard: true });
          }
        }
      } else if (parent.type === AST_NODE_TYPES.CatchClause) {
        const tryStmt = parent.parent as TSESTree.TryStatement;
        catchCtx = this.tryCatch(tryStmt, parent);
        break;
      } else if (parent.type === AST_NODE_TYPES.TryStatement && child === parent.block) {
        // Inside the try block itself: conditions still count, no catch context.
        continue;
      } else if (isFunction(parent)) {
        catchCtx = this.promiseCatch(parent);
        break;
      }
    }
    conditions.reverse();
    return { catch: catchCtx, conditions };
  }

  /** Classify a test expression, with `holds` telling which side the node is on. */
  condition(test: Node, holds: boolean): PathCondition {
    const facts: ConditionFact[] = [];
    this.classify(test, holds, facts);
    return { test, holds, facts };
  }

  private classify(test: Node, holds: boolean, facts: ConditionFact[]): void {
    const t = unwrap(test);
    if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') {
      this.classify(t.argument, !holds, facts);
      return;
    }
    if (t.type === AST_NODE_TYPES.LogicalExpression) {
      // `a && b` true / `a || b` false: both sides hold, so both sides' facts apply.
      if ((t.operator === '||' && holds) || (t.operator === '&&' && !holds)) {
        // Only one side need be true: a side we know nothing about may be the one, so the
        // facts stand only when both sides say something (`!email || !password`).
        const left: ConditionFact[] = [];
        const right: ConditionFact[] = [];
        this.classify(t.left, holds, left);
        this.classify(t.right, holds, right);
        if (left.length > 0 && right.length > 0) facts.push(...left, ...right);
      } else if (t.operator === '&&' && holds) {
        this.classify(t.left, true, facts);
        this.classify(t.right, true, facts);
      } else if (t.operator === '||' && !holds) {
        this.classify(t.left, false, facts);
        this.classify(t.right, false, facts);
      }
      return;
    }
    if (t.type === AST_NODE_TYPES.BinaryExpression) {
      const negated = t.operator === '!==' || t.operator === '!=';
      if (t.operator === '===' || t.operator === '==' || negated) {
        const lit = literalOf(t.right) ?? literalOf(t.left);
        const other = literalOf(t.right) !== undefined ? t.left : t.right;
        if (lit !== undefined && (lit.value === false || lit.value === true)) {
          // `r.success === false`
          const truthy = lit.value === true ? !negated : negated;
          this.classify(other, truthy ? holds : !holds, facts);
          return;
        }
      }
    }
    const fact = this.fact(t, holds);
    if (fact) facts.push(fact);
  }

  /** A single (non-logical) test. */
  private fact(t: Node, holds: boolean): ConditionFact | undefined {
    return this.validationFact(t, holds) ?? this.upstreamFact(t, holds) ?? this.errorFact(t, holds) ?? this.inputCheckFact(t, holds) ?? this.configFact(t, holds);
  }

  private validationFact(t: Node, holds: boolean): ConditionFact | undefined {
    const n = unwrapAwait(t);
    // Direct boolean validators: `!ajv.validate(s, d)`, `!Value.Check(T, x)`, `!(await schema.isValid(x))`, `!is(x, S)`
    const direct = this.validation.get(n);
    if (direct && direct.shape === 'boolean') return { kind: 'validation', failed: !holds, call: direct };
    // `validationResult(req).isEmpty()`, `errors.isEmpty()`
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(n.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'isEmpty') {
        const call = this.validationOf(callee.object);
        if (call?.shape === 'is-empty') return { kind: 'validation', failed: !holds, call };
      }
    }
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n);
      const call = this.validationOf(n.object) ?? (name === 'errors' ? this.compiledValidatorCall(n.object, n) : undefined);
      if (call) {
        if (name === 'success' && call.shape === 'success-flag') return { kind: 'validation', failed: !holds, call };
        if ((name === 'error' || name === 'errors' || name === 'issues') && call.shape !== 'throws') return { kind: 'validation', failed: holds, call };
        if (name === 'length' && call.shape === 'errors-array') return { kind: 'validation', failed: holds, call };
      }
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && /^[<>]=?$|^!==?$|^===?$/.test(n.operator)) {
      // errors.length > 0, errors.length !== 0, errors.length === 0
      const left = unwrap(n.left);
      if (left.type === AST_NODE_TYPES.MemberExpression && propertyName(left) === 'length') {
        const call = this.validationOf(left.object);
        if (call && (call.shape === 'errors-array' || call.shape === 'is-empty')) {
          const zero = literalOf(n.right)?.value === 0;
          const emptyWhenTrue = zero && (n.operator === '===' || n.operator === '==' || n.operator === '<=');
          return { kind: 'validation', failed: emptyWhenTrue ? !holds : holds, call };
        }
      }
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      const call = this.validationOf(n);
      if (call) {
        if (call.shape === 'boolean') return { kind: 'validation', failed: !holds, call };
        if (call.shape === 'errors-array') return undefined; // an array is always truthy
        const key = this.destructuredKeyOf(n);
        if (key === 'success') return { kind: 'validation', failed: !holds, call };
        if (key === 'error' || key === 'errors' || key === 'err' || call.shape === 'tuple') return { kind: 'validation', failed: holds, call };
      }
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === 'in') {
      const call = this.validationOf(n.right);
      if (call && stringValue(n.left) === 'error') return { kind: 'validation', failed: holds, call };
    }
    return undefined;
  }

  /** The validation call a value comes from: `r` in `const r = schema.safeParse(x)`, also destructured. */
  private validationOf(node: Node): ValidationCall | undefined {
    const n = unwrapAwait(node);
    const direct = this.validation.get(n);
    if (direct) return direct;
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.resolver.variableOf(n);
    const def = variable?.defs[0];
    if (def?.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.init) {
      const init = unwrapAwait(declarator.init);
      const call = this.validation.get(init);
      if (call) return call;
    }
    // `let result; result = schema.safeParse(x)`
    for (const ref of variable!.references) {
      const parent = ref.identifier.parent;
      if (ref.isWrite() && parent?.type === AST_NODE_TYPES.AssignmentExpression) {
        const call = this.validation.get(unwrapAwait(parent.right));
        if (call) return call;
      }
    }
    return undefined;
  }

  /** ajv: `validate(data); if (validate.errors)` — the latest call of that compiled validator before the test. */
  private compiledValidatorCall(object: Node, test: Node): ValidationCall | undefined {
    const id = unwrap(object);
    if (id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.resolver.variableOf(id);
    if (!variable) return undefined;
    let found: ValidationCall | undefined;
    for (const ref of variable.references) {
      const call = ref.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier || call.range[0] > test.range[0]) continue;
      const v = this.validation.get(call);
      if (v && v.shape === 'boolean' && (!found || call.range[0] > found.node.range[0])) found = v;
    }
    return found;
  }

  private destructuredKeyOf(id: TSESTree.Identifier): string | undefined {
    const variable = this.resolver.variableOf(id);
    const def = variable?.defs[0];
    if (!def) return undefined;
    const name = def.name as TSESTree.Identifier;
    let node: Node = name;
    if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern) node = node.parent;
    const prop = node.parent;
    if (prop?.type === AST_NODE_TYPES.Property && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier) return prop.key.name;
    if (prop?.type === AST_NODE_TYPES.ArrayPattern) return prop.elements.indexOf(node as never) === 0 ? 'error' : 'value';
    return undefined;
  }

  private upstreamFact(t: Node, holds: boolean): ConditionFact | undefined {
    const n = unwrap(t);
    // `!res.ok` / `res.ok`
    if (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === 'ok') {
      const call = this.upstreamOf(n.object);
      if (call) return { kind: 'upstream-response', failed: !holds, call };
    }
    // `res.status >= 400`, `res.status !== 200`, `res.statusCode >= 500`
    if (n.type === AST_NODE_TYPES.BinaryExpression) {
      const left = unwrap(n.left);
      const right = unwrap(n.right);
      const member = left.type === AST_NODE_TYPES.MemberExpression ? left : right.type === AST_NODE_TYPES.MemberExpression ? right : undefined;
      const value = literalOf(member === left ? right : left)?.value;
      if (member && typeof value === 'number' && /^(status|statusCode)$/.test(propertyName(member) ?? '')) {
        const call = this.upstreamOf(member.object);
        if (call) {
          const op = member === left ? n.operator : flip(n.operator);
          let failingWhenTrue: boolean | undefined;
          if (op === '>=' || op === '>') failingWhenTrue = value >= 300;
          else if (op === '<' || op === '<=') failingWhenTrue = value < 300 ? undefined : false;
          else if (op === '!==' || op === '!=') failingWhenTrue = value < 300;
          else if (op === '===' || op === '==') failingWhenTrue = value >= 400;
          if (failingWhenTrue !== undefined) return { kind: 'upstream-response', failed: failingWhenTrue ? holds : !holds, call };
        }
      }
    }
    // SDKs that return `{ data, error }` (Resend, Supabase): `if (error)` / `if (result.error)` after the call.
    if (n.type === AST_NODE_TYPES.Identifier) {
      const def = this.resolver.variableOf(n)?.defs[0];
      const declarator = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
      if (declarator?.init && declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        const prop = declarator.id.properties.find((p) => p.type === AST_NODE_TYPES.Property && p.value === def!.name);
        const key = prop?.type === AST_NODE_TYPES.Property && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : undefined;
        const init = unwrapAwait(declarator.init);
        const call = key === 'error' && init.type === AST_NODE_TYPES.CallExpression ? this.upstream.get(init) : undefined;
        if (call) return { kind: 'upstream-response', failed: holds, call };
      }
    }
    if (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === 'error') {
      const call = this.upstreamOf(n.object);
      if (call && call.client !== 'fetch' && call.client !== 'axios') return { kind: 'upstream-response', failed: holds, call };
    }
    // Upstream data failing validation: `!schema.safeParse(await res.json()).success` is handled as
    // validation with an upstream origin; see `FailureQueries`.
    return undefined;
  }

  /** The upstream call whose response `node` holds: `res` in `const res = await fetch(...)`. */
  upstreamOf(node: Node): UpstreamCall | undefined {
    const n = unwrapAwait(node);
    if (n.type === AST_NODE_TYPES.CallExpression) return this.upstream.get(n);
    if (n.type !== AST_NODE_TYPES.Identifier) {
      if (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === 'response') return undefined;
      return undefined;
    }
    const variable = this.resolver.variableOf(n);
    const def = variable?.defs[0];
    // `fetch(url).then((res) => res.json())`: the first `.then` callback's parameter is the response.
    if (def?.type === 'Parameter' && isFunction(def.node) && def.node.params[0] === def.name) {
      const call = def.node.parent;
      const callee = call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === def.node ? unwrap(call.callee) : undefined;
      if (callee?.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'then') {
        const source = unwrapAwait(callee.object);
        return source.type === AST_NODE_TYPES.CallExpression ? this.upstream.get(source) : undefined;
      }
    }
    if (def?.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.init) {
      const call = this.upstream.get(unwrapAwait(declarator.init) as TSESTree.CallExpression);
      if (call) return call;
    }
    for (const ref of variable!.references) {
      const parent = ref.identifier.parent;
      if (ref.isWrite() && parent?.type === AST_NODE_TYPES.AssignmentExpression) {
        const call = this.upstream.get(unwrapAwait(parent.right) as TSESTree.CallExpression);
        if (call) return call;
      }
    }
    return undefined;
  }

  private errorFact(t: Node, holds: boolean): ConditionFact | undefined {
    const n = unwrapAwait(t);
    // err instanceof ZodError
    if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === 'instanceof') {
      const cls = unwrap(n.right);
      // `import { TimeoutError as GotTimeoutError } from 'got'`: the imported name tells the kind.
      const imported = cls.type === AST_NODE_TYPES.Identifier ? this.resolver.resolve(cls) : undefined;
      const importedName = imported && imported.source !== 'global' ? imported.path[imported.path.length - 1] : undefined;
      const name = importedName ?? (cls.type === AST_NODE_TYPES.Identifier ? cls.name : cls.type === AST_NODE_TYPES.MemberExpression ? propertyName(cls) : undefined);
      if (!name) return undefined;
      const about = errorKindOfName(name);
      return about ? { kind: 'error-test', about, positive: holds } : undefined;
    }
    // axios.isAxiosError(e), isHttpError(e), isZodError(e), isTimeoutError(e)
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(n);
      if (!name) return undefined;
      if (/^isAxiosError$|^isFetchError$|^isHTTPError$|^isUpstreamError$|^isNetworkError$/.test(name)) return { kind: 'error-test', about: 'upstream', positive: holds };
      if (/^isTimeout(Error)?$|^isAbortError$/.test(name)) return { kind: 'error-test', about: 'timeout', positive: holds };
      if (/^is(Zod|Validation|Joi|Yup|Struct|Vali)Error$|^isValiError$/.test(name)) return { kind: 'error-test', about: 'validation', positive: holds };
      if (/^isHttpError$|^isBoom$|^isHttpException$|^isH3Error$|^isError$/.test(name) && name !== 'isError') return { kind: 'error-test', about: 'http-error', positive: holds };
      return undefined;
    }
    // err.isJoi, err.response, err.isAxiosError, err.issues
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n);
      if (!this.isErrorish(n.object)) return undefined;
      if (name === 'isJoi' || name === 'issues' || name === 'details' || name === 'isValiError' || name === 'validation' || name === 'validationContext') {
        return { kind: 'error-test', about: 'validation', positive: holds };
      }
      if (name === 'isAxiosError' || name === 'response' || name === 'request') return { kind: 'error-test', about: 'upstream', positive: holds };
      if (name === 'isBoom' || name === 'expose' || name === 'status' || name === 'statusCode') return { kind: 'error-test', about: 'http-error', positive: holds };
      return undefined;
    }
    // err.name === 'ValidationError', err.code === 'ECONNREFUSED', err.response?.status === 404
    if (n.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(n.operator)) {
      const left = unwrap(n.left);
      const right = unwrap(n.right);
      const value = stringValue(right) ?? stringValue(left);
      // Elysia `onError(({ code }) => ...)`: `code === 'VALIDATION'`
      const bare = left.type === AST_NODE_TYPES.Identifier ? left : right.type === AST_NODE_TYPES.Identifier ? right : undefined;
      if (bare && value !== undefined && VALIDATION_CODES.has(value)) {
        const variable = this.resolver.variableOf(bare);
        const def = variable?.defs[0];
        if (def?.type === 'Parameter' && destructuredKey(def.name as TSESTree.Identifier) === 'code') {
          return { kind: 'error-test', about: 'validation', positive: n.operator.startsWith('!') ? !holds : holds };
        }
      }
      const member = left.type === AST_NODE_TYPES.MemberExpression ? left : right.type === AST_NODE_TYPES.MemberExpression ? right : undefined;
      if (!member) return undefined;
      const positive = n.operator.startsWith('!') ? !holds : holds;
      const prop = propertyName(member);
      if (value !== undefined && (prop === 'name' || prop === 'constructor') && this.isErrorish(member.object)) {
        const about = errorKindOfName(value);
        return about ? { kind: 'error-test', about, positive } : undefined;
      }
      if (value !== undefined && (prop === 'code' || prop === 'type') && VALIDATION_CODES.has(value) && this.isErrorish(member.object)) {
        return { kind: 'error-test', about: 'validation', positive };
      }
      if (value !== undefined && (prop === 'code' || prop === 'errno' || prop === 'type') && this.isErrorish(member.object)) {
        if (TIMEOUT_CODES.has(value) || value === 'request-timeout' || value === 'ETIMEOUT') return { kind: 'error-test', about: 'timeout', positive };
        if (NETWORK_CODES.has(value) || value.startsWith('UND_ERR_') || value === 'system') return { kind: 'error-test', about: 'upstream', positive };
        if (value === 'P2002' || value === 'P2025' || value === '23505' || value === 'ER_DUP_ENTRY') return undefined;
      }
      // err.response?.status === 404: about upstream
      const obj = unwrap(member.object);
      if (obj.type === AST_NODE_TYPES.MemberExpression && propertyName(obj) === 'response' && this.isErrorish(obj.object)) {
        return { kind: 'error-test', about: 'upstream', positive };
      }
    }
    return undefined;
  }

  /** Is this the caught error (a catch parameter, a `.catch()` callback parameter, or derived from one)? */
  private isErrorish(node: Node): boolean {
    const n = unwrap(node);
    // `err.cause` (undici's fetch wraps network errors and timeouts in `cause`)
    if (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === 'cause') return this.isErrorish(n.object);
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.resolver.variableOf(n);
    const def = variable?.defs[0];
    if (!def) return /^(e|err|error|ex|exc|exception|reason|cause)$/.test(n.name);
    if (def.type === 'CatchClause') return true;
    if (def.type === 'Parameter') return true;
    if (def.type === 'Variable') {
      const init = (def.node as TSESTree.VariableDeclarator).init;
      return !!init && this.isErrorish(init);
    }
    return false;
  }

  /** `if (!apiKey)` where `apiKey` is read from process.env, import.meta.env or a config module. */
  private configFact(t: Node, holds: boolean): ConditionFact | undefined {
    if (t.type !== AST_NODE_TYPES.Identifier && t.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    return this.input.originOf(t) === 'env' ? { kind: 'config-check', missing: !holds } : undefined;
  }

  private inputCheckFact(t: Node, holds: boolean): ConditionFact | undefined {
    const failingWhenTrue = this.inputFailureTest(t);
    if (failingWhenTrue === undefined) return undefined;
    return { kind: 'input-check', failed: failingWhenTrue ? holds : !holds };
  }

  /**
   * For a test on request input: true if the test is truthy when the input is bad,
   * false if it is truthy when the input is good, undefined if it is not an input check.
   */
  private inputFailureTest(t: Node): boolean | undefined {
    const n = unwrapAwait(t);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
        // `if (email)` is truthy when present
        return this.input.isRequestInput(n) ? false : undefined;
      case AST_NODE_TYPES.BinaryExpression: {
        const { operator } = n;
        const left = unwrap(n.left);
        const right = unwrap(n.right);
        if (operator === 'in') return this.input.isRequestInput(right) ? false : undefined;
        const typeofSide = left.type === AST_NODE_TYPES.UnaryExpression && left.operator === 'typeof' ? left : right.type === AST_NODE_TYPES.UnaryExpression && right.operator === 'typeof' ? right : undefined;
        if (typeofSide) {
          if (!this.input.isRequestInput(typeofSide.argument)) return undefined;
          // `typeof x !== 'number'` is truthy on bad input; `typeof x === 'undefined'` too.
          const missing = stringValue(typeofSide === left ? right : left) === 'undefined';
          const differs = operator === '!==' || operator === '!=' ? true : operator === '===' || operator === '==' ? false : undefined;
          return differs === undefined ? undefined : missing ? !differs : differs;
        }
        const nullish = (x: Node) => (x.type === AST_NODE_TYPES.Literal && x.value === null) || (x.type === AST_NODE_TYPES.Identifier && x.name === 'undefined');
        if (nullish(right) || nullish(left)) {
          const other = nullish(right) ? left : right;
          if (!this.input.isRequestInput(other)) return undefined;
          return operator === '===' || operator === '==' ? true : operator === '!==' || operator === '!=' ? false : undefined;
        }
        if (operator === '===' || operator === '==') {
          // `email === ''`, `items.length === 0`
          const other = stringValue(right) === '' ? left : stringValue(left) === '' ? right : undefined;
          if (other && this.input.isRequestInput(other)) return true;
          const lengthOf = lengthSubject(left) ?? lengthSubject(right);
          const bound = literalOf(lengthSubject(left) ? right : left)?.value;
          if (lengthOf && bound === 0 && this.input.isRequestInput(lengthOf)) return true;
          return undefined;
        }
        if (operator === '!==' || operator === '!=') {
          // `id.length !== 36`: an exact-length check on request input
          const lengthOf = lengthSubject(left) ?? lengthSubject(right);
          const bound = literalOf(lengthSubject(left) ? right : left)?.value;
          if (lengthOf && typeof bound === 'number' && this.input.isRequestInput(lengthOf)) return bound === 0 ? false : true;
          return undefined;
        }
        if (/^[<>]=?$/.test(operator)) {
          // length/range checks: `password.length < 8`, `limit > 100`, `age < 0`
          const subject = lengthSubject(left) ?? left;
          const otherSubject = lengthSubject(right) ?? right;
          if (!this.input.isRequestInput(subject) && !this.input.isRequestInput(otherSubject)) return undefined;
          // Presence, not range: `items.length > 0`, `n >= 1` are truthy on good input; `items.length < 1` on bad.
          const inputOnLeft = this.input.isRequestInput(subject);
          const bound = literalOf(inputOnLeft ? right : left)?.value;
          const op = inputOnLeft ? operator : flip(operator);
          if (bound === 0 || bound === 1) {
            if ((op === '>' && bound === 0) || (op === '>=' && bound === 1)) return false;
            if ((op === '<' && bound === 1) || (op === '<=' && bound === 0)) return true;
          }
          return true;
        }
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(n.callee);
        const arg = n.arguments[0];
        const name = calleeName(n);
        if (!name) return undefined;
        // Number.isNaN(Number(id)), isNaN(id)
        if (name === 'isNaN' && arg) return this.input.isRequestInput(arg) ? true : undefined;
        // Array.isArray(x), Number.isInteger(x), isEmail(x), validator.isUUID(x)
        if ((name === 'isArray' || name === 'isInteger' || name === 'isFinite' || name === 'isSafeInteger' || /^is[A-Z]/.test(name)) && arg) {
          return this.input.isRequestInput(arg) ? false : undefined;
        }
        // /re/.test(x), x.includes('@'), x.match(re), x.startsWith()
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const object = unwrap(callee.object);
          if (name === 'test' && arg && (object.type === AST_NODE_TYPES.Literal || object.type === AST_NODE_TYPES.Identifier || object.type === AST_NODE_TYPES.MemberExpression)) {
            return this.input.isRequestInput(arg) ? false : undefined;
          }
          if (/^(includes|match|startsWith|endsWith)$/.test(name) && this.input.isRequestInput(object)) return false;
          // ALLOWED_TYPES.has(file.type), ROLES.includes(role): membership of request input in an allow-list
          if ((name === 'has' || name === 'includes') && arg && this.input.isRequestInput(arg)) return false;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private tryCatch(tryStmt: TSESTree.TryStatement, handler: TSESTree.CatchClause): CatchContext {
    const param = handler.param;
    const error = param?.type === AST_NODE_TYPES.Identifier ? this.resolver.variableOf(param) ?? undefined : undefined;
    return { kind: 'try-catch', handler, error, tried: tryStmt.block, work: this.workIn(tryStmt.block) };
  }

  /** `promise.catch((err) => ...)` or `.then(ok, (err) => ...)`. */
  private promiseCatch(fn: FunctionNode): CatchContext | undefined {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(call.callee);
    // rxjs: `source$.pipe(map(...), catchError((err) => ...))` catches what `source$` throws.
    const pipe = call.parent;
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'catchError' && call.arguments[0] === fn && pipe?.type === AST_NODE_TYPES.CallExpression) {
      const pipeCallee = unwrap(pipe.callee);
      if (pipeCallee.type === AST_NODE_TYPES.MemberExpression && propertyName(pipeCallee) === 'pipe') {
        const first = fn.params[0];
        const error = first?.type === AST_NODE_TYPES.Identifier ? this.resolver.variableOf(first) ?? undefined : undefined;
        return { kind: 'promise-catch', handler: fn, error, tried: pipeCallee.object, work: this.workIn(pipeCallee.object) };
      }
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee);
    const isCatch = (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
    if (!isCatch) return undefined;
    const first = fn.params[0];
    const error = first?.type === AST_NODE_TYPES.Identifier ? this.resolver.variableOf(first) ?? undefined : undefined;
    return { kind: 'promise-catch', handler: fn, error, tried: callee.object, work: this.workIn(callee.object) };
  }

  /** What can fail inside a try block or a promise chain. */
  workIn(block: Node): FailableWork {
    const cached = this.workCache.get(block);
    if (cached) return cached;
    const work: FailableWork = { upstream: [], validation: [], other: [], timeoutArmed: false };
    this.workCache.set(block, work);
    const visit = (node: Node, inCallback: boolean): void => {
      switch (node.type) {
        case AST_NODE_TYPES.FunctionDeclaration:
          return;
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.ArrowFunctionExpression:
          // Callbacks passed to calls (`items.map(i => fetch(i))`, `.then(r => r.json())`) run as part of the work.
          if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments.includes(node as never)) {
            visitChildren(node, true);
          }
          return;
        case AST_NODE_TYPES.CallExpression:
          this.classifyCall(node, work);
          break;
        case AST_NODE_TYPES.ThrowStatement:
          this.classifyThrow(node, work);
          break;
        case AST_NODE_TYPES.TaggedTemplateExpression:
          // db.$queryRaw`...`, sql`...`: a query.
          if (isQueryTag(node.tag) || this.looksLikeDb(chainRoot(unwrap(node.tag)), undefined)) {
            work.other.push({ node, kind: 'database' });
          }
          break;
        case AST_NODE_TYPES.Property:
          if (propertyKey(node) === 'timeout' || propertyKey(node) === 'signal') work.timeoutArmed ||= propertyKey(node) === 'timeout' || isTimeoutSignal(node.value);
          break;
        default:
          break;
      }
      visitChildren(node, inCallback);
    };
    const visitChildren = (node: Node, inCallback: boolean): void => {
      for (const key of Object.keys(node)) {
        if (key === 'parent' || key === 'loc' || key === 'range' || key === 'typeAnnotation' || key === 'returnType' || key === 'typeArguments') continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const item of value) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') visit(item as Node, inCallback);
        } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
          visit(value as Node, inCallback);
        }
      }
    };
    visit(block, false);
    return work;
  }

  private classifyThrow(node: TSESTree.ThrowStatement, work: FailableWork): void {
    // A throw under `if (!res.ok)` is the upstream failing; under `if (!parsed.success)` validation; otherwise local.
    const ctx = this.contextOf(node);
    for (const cond of ctx.conditions) {
      for (const fact of cond.facts) {
        if (fact.kind === 'upstream-response' && fact.failed) return;
        if (fact.kind === 'validation' && fact.failed) {
          if (!work.validation.includes(fact.call)) work.validation.push(fact.call);
          return;
        }
        if (fact.kind === 'input-check' && fact.failed) return;
      }
    }
    const arg = unwrap(node.argument);
    // Rethrowing a caught error does not add work.
    if (arg.type === AST_NODE_TYPES.Identifier) {
      const variable = this.resolver.variableOf(arg);
      if (variable?.defs[0]?.type === 'CatchClause') return;
    }
    work.other.push({ node, kind: 'local' });
  }

  private classifyCall(node: TSESTree.CallExpression, work: FailableWork): void {
    const up = this.upstream.get(node);
    if (up) {
      work.upstream.push(up);
      if (up.options && hasTimeoutOption(up.options)) work.timeoutArmed = true;
      return;
    }
    const validation = this.validation.get(node);
    if (validation) {
      if (validation.shape === 'throws') work.validation.push(validation);
      return;
    }
    const kind = this.callKind(node);
    if (kind === 'benign') return;
    if (kind === 'upstream-body') return;
    if (kind === 'timeout') {
      work.timeoutArmed = true;
      return;
    }
    work.other.push({ node, kind });
  }

  /** Classify a call that is neither a known upstream call nor a validation. */
  private callKind(node: TSESTree.CallExpression): WorkKind | 'benign' | 'upstream-body' | 'timeout' {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (callee.name === 'setTimeout' && node.arguments.length >= 2) {
        const cb = node.arguments[0] && unwrap(node.arguments[0]);
        if (cb && abortsController(cb)) return 'timeout';
      }
      if (BENIGN_FUNCTIONS.has(callee.name)) return 'benign';
      if (/^(readBody|readValidatedBody|readFormData|readMultipartFormData|readRawBody)$/.test(callee.name) && this.input.originOf(node) === 'request') {
        return 'request-parse';
      }
      const ref = this.resolver.resolve(callee);
      if (ref && FS_SOURCES.has(ref.source)) return 'fs';
      if (ref && ref.source !== 'global' && /^(zod|yup|joi|valibot|superstruct|@sinclair\/typebox)/.test(ref.source)) return 'benign';
      const moduleKind = ref && this.moduleKind(ref);
      if (moduleKind) return moduleKind;
      const fn = this.upstream.calledFunction(node);
      if (fn) return this.functionWork(fn);
      // knex('payments'), useDrizzle(), getDb(): a query builder or connection.
      if (DB_ROOTS.test(callee.name) || DB_FACTORY.test(callee.name)) return 'database';
      return 'unknown';
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return 'unknown';
    const method = propertyName(callee);
    const object = unwrap(callee.object);
    const root = chainRoot(object);
    if (method === 'timeout' && root.type === AST_NODE_TYPES.Identifier && root.name === 'AbortSignal') return 'timeout';
    if (method === 'abort') return 'benign';
    if (root.type === AST_NODE_TYPES.Identifier) {
      if (BENIGN_GLOBALS.has(root.name) && !(root.name === 'JSON' && method === 'parse')) return 'benign';
      if (root.name === 'JSON' && method === 'parse') {
        const arg = node.arguments[0];
        return arg && this.input.originOf(arg) === 'request' ? 'request-parse' : 'local';
      }
      // Calls on the response object (`res.json()`), or a Koa/Hono context, are the emission, not the work.
      const role = this.roles.roleOf(this.resolver.variableOf(root) ?? ({ defs: [] } as never));
      if (role === 'response' || role === 'koa-context' || role === 'hono-context' || role === 'hapi-toolkit') {
        // c.req.json() reads the request body: it fails on malformed client input
        if (role === 'hono-context' && object !== root) return method && UPSTREAM_BODY_METHODS.has(method) ? 'request-parse' : 'local';
        return 'benign';
      }
    }
    // Calls chained on an upstream call (`wretch(url).options(o).get().json()`, `got(url).json()`,
    // `this.http.get(url).pipe(...)`): part of the upstream exchange.
    if (this.chainedOnUpstream(object)) return 'upstream-body';
    // `obj.Body.transformToString()` on an S3 GetObject result, `res.body.getReader()`: reading the upstream's body.
    if (method && STREAM_BODY_METHODS.has(method) && root.type === AST_NODE_TYPES.Identifier && this.upstreamOf(root)) return 'upstream-body';
    // `await res.json()` on an upstream response: part of the upstream exchange.
    if (method && UPSTREAM_BODY_METHODS.has(method)) {
      if (this.upstreamOf(object)) return 'upstream-body';
      if (this.input.originOf(node) === 'request') return 'request-parse';
    }
    if (method && BENIGN_METHODS.has(method) && !this.looksLikeDb(root, method) && !this.dbPath(object)) return 'benign';
    const ref = this.resolver.resolve(callee);
    if (ref && FS_SOURCES.has(ref.source)) return 'fs';
    const moduleKind = ref && this.moduleKind(ref);
    if (moduleKind) return moduleKind;
    if (this.looksLikeDb(root, method) || this.dbPath(object)) return 'database';
    const fn = this.upstream.calledFunction(node);
    if (fn) return this.functionWork(fn);
    return 'unknown';
  }

  /** Calls into modules the engine knows as databases, local libraries, or value builders. */
  private moduleKind(ref: { source: string; path: readonly string[]; creator?: TSESTree.CallExpression | TSESTree.NewExpression }): WorkKind | 'benign' | undefined {
    if (ref.source === 'global') return undefined;
    const sdk = sdkLocalKind(ref);
    if (sdk) return sdk;
    if (DATABASE_MODULES.has(ref.source)) return 'database';
    if (INERT_MODULES.has(ref.source)) return 'benign';
    // `const run = promisify(execFile)`: the kind of what was promisified.
    if (ref.source === 'util' && ref.path[0] === 'promisify' && ref.creator?.type === AST_NODE_TYPES.CallExpression && ref.creator.arguments[0]) {
      const inner = this.resolver.resolve(ref.creator.arguments[0]);
      if (inner && FS_SOURCES.has(inner.source)) return 'fs';
      return inner && LOCAL_MODULES.has(inner.source) ? 'local' : 'unknown';
    }
    if (LOCAL_MODULES.has(ref.source)) return 'local';
    return undefined;
  }

  /** Is this a chain of calls on an upstream call (`got(url).json()`, `wretch(url).get()`)? */
  private chainedOnUpstream(node: Node): boolean {
    let n = unwrapAwait(node);
    for (let i = 0; i < 8 && n.type === AST_NODE_TYPES.CallExpression; i++) {
      if (this.upstream.get(n)) return true;
      const callee = unwrap(n.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      n = unwrapAwait(callee.object);
    }
    return false;
  }

  /** `ctx.db.user.findMany()`, `this.prisma.order.create()`, `req.app.locals.db.query()`: a data store on the path. */
  private dbPath(object: Node): boolean {
    let n = unwrap(object);
    for (let i = 0; i < 6; i++) {
      if (n.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(n);
        // `this.shipments` injected as `@InjectRepository(Shipment) private shipments: Repository<Shipment>`
        if (thisMemberTypes(n).some((t) => DB_TYPES.test(t))) return true;
        if (name && (DB_ROOTS.test(name) || /(Repository|Repo|Model|Dao|DAO|Collection)$/.test(name) || /^(prisma|db|knex|drizzle|redis|mongo)/i.test(name))) return true;
        n = unwrap(n.object);
        continue;
      }
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(n.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) return DB_ROOTS.test(callee.name) || DB_FACTORY.test(callee.name);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        n = unwrap(callee.object);
        continue;
      }
      return false;
    }
    return false;
  }

  private looksLikeDb(root: Node, method: string | undefined): boolean {
    if (root.type === AST_NODE_TYPES.Identifier && DB_ROOTS.test(root.name)) return true;
    if (root.type === AST_NODE_TYPES.ThisExpression || root.type === AST_NODE_TYPES.Identifier) {
      if (method && DB_METHODS.has(method) && method !== 'send' && method !== 'get' && method !== 'set' && method !== 'delete') {
        const name = root.type === AST_NODE_TYPES.Identifier ? root.name : '';
        // Model.findById(...), User.create(...), userRepository.save(...)
        return /^[A-Z]/.test(name) || /(Repository|Repo|Model|Dao|DAO|Collection|Table|Store|Db|DB)$/.test(name) || root.type === AST_NODE_TYPES.ThisExpression;
      }
      // Mongoose/Sequelize-style `Order.find(...)` on an imported model (not an array constant like `PROVIDERS.find`).
      if (method === 'find' && root.type === AST_NODE_TYPES.Identifier && /^[A-Z][a-z]/.test(root.name)) {
        return this.resolver.variableOf(root)?.defs[0]?.type === 'ImportBinding';
      }
    }
    return false;
  }

  /** What a same-file helper does: upstream if it calls one, benign if it calls nothing that can fail. */
  private functionWork(fn: FunctionNode): WorkKind | 'benign' {
    const cached = this.fnWork.get(fn);
    if (cached === 'pending') return 'unknown';
    if (cached === 'none') return 'benign';
    if (cached) return cached;
    this.fnWork.set(fn, 'pending');
    const work = this.workIn(fn.body);
    let result: WorkKind | 'none' = 'none';
    if (work.upstream.length > 0) result = 'upstream';
    else if (work.other.some((o) => o.kind === 'unknown')) result = 'unknown';
    else if (work.other.some((o) => o.kind === 'database')) result = 'database';
    else if (work.other.some((o) => o.kind === 'fs')) result = 'fs';
    else if (work.other.length > 0 || work.validation.length > 0) result = work.validation.length > 0 && work.other.length === 0 ? 'validation' : 'local';
    this.fnWork.set(fn, result);
    return result === 'none' ? 'benign' : result;
  }
}

/** A timer callback that aborts a controller: `() => controller.abort()`, `controller.abort.bind(controller)`. */
function abortsController(cb: Node): boolean {
  let target: Node = cb;
  if (isFunction(cb)) {
    const body = cb.body.type === AST_NODE_TYPES.BlockStatement ? cb.body.body[0] : cb.body;
    if (!body) return false;
    target = body.type === AST_NODE_TYPES.ExpressionStatement ? body.expression : body;
  }
  target = unwrap(target);
  if (target.type === AST_NODE_TYPES.CallExpression) target = unwrap(target.callee);
  if (target.type === AST_NODE_TYPES.MemberExpression && propertyName(target) === 'bind') target = unwrap(target.object);
  return target.type === AST_NODE_TYPES.MemberExpression && propertyName(target) === 'abort';
}

/** `sql`, `db.$queryRaw`, `prisma.$executeRaw`, `pool.query` as template tags. */
function isQueryTag(tag: Node): boolean {
  const t = unwrap(tag);
  const name = t.type === AST_NODE_TYPES.Identifier ? t.name : t.type === AST_NODE_TYPES.MemberExpression ? propertyName(t) : undefined;
  return !!name && /^(sql|\$queryRaw|\$executeRaw|\$queryRawUnsafe|query|unsafe)$/.test(name);
}

function literalOf(node: Node): TSESTree.Literal | undefined {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.Literal ? n : undefined;
}

function flip(op: string): string {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}

function lengthSubject(node: Node): Node | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.MemberExpression && (propertyName(n) === 'length' || propertyName(n) === 'size')) return n.object;
  return undefined;
}

function propertyKey(node: TSESTree.Property): string | undefined {
  if (node.computed) return undefined;
  return node.key.type === AST_NODE_TYPES.Identifier ? node.key.name : undefined;
}

function isTimeoutSignal(value: Node): boolean {
  const n = unwrap(value);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'timeout') return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'any') return true;
  }
  return n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression;
}

function hasTimeoutOption(options: Node): boolean {
  const n = unwrap(options);
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return n.properties.some((p) => p.type === AST_NODE_TYPES.Property && (propertyKey(p) === 'timeout' || (propertyKey(p) === 'signal' && isTimeoutSignal(p.value))));
}

export function errorKindOfName(name: string): ErrorKind | undefined {
  if (TIMEOUT_ERROR_NAMES.test(name)) return 'timeout';
  if (VALIDATION_ERROR_NAMES.test(name)) return 'validation';
  if (UPSTREAM_ERROR_NAMES.test(name)) return 'upstream';
  if (HTTP_ERROR_NAMES.test(name)) return 'http-error';
  return undefined;
}

function destructuredKey(id: TSESTree.Identifier): string | undefined {
  let node: Node = id;
  if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern) node = node.parent;
  const prop = node.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.computed || prop.parent?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  return prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : undefined;
}
