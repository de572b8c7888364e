/**
 * Validation checks: calls that validate a value with a schema library, what
 * their result looks like, and what value they validate (request input,
 * upstream data, configuration).
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { chainRoot, outerParent, propertyName, unwrap, type Node } from './ast';
import type { Resolver } from './imports';
import type { Origin, RequestInput } from './request-input';

export type ValidationLibrary =
  | 'zod'
  | 'valibot'
  | 'joi'
  | 'yup'
  | 'express-validator'
  | 'class-validator'
  | 'ajv'
  | 'typebox'
  | 'superstruct'
  | 'validator'
  | 'schema';

/**
 * How the call reports failure:
 * - `throws`: throws on invalid input (`schema.parse`, `validateAsync`, `assert`, `validateOrReject`)
 * - `success-flag`: `{ success: false }` (`safeParse`)
 * - `error-field`: `{ error }` (joi `validate`)
 * - `errors-array`: a non-empty array (class-validator `validate`)
 * - `is-empty`: `result.isEmpty()` is false (express-validator)
 * - `boolean`: false (ajv, typebox `Check`, superstruct `is`, yup `isValid`, validator.js)
 * - `tuple`: `[error, value]` (superstruct `validate`)
 */
export type ResultShape = 'throws' | 'success-flag' | 'error-field' | 'errors-array' | 'is-empty' | 'boolean' | 'tuple';

export interface ValidationCall {
  node: TSESTree.CallExpression;
  library: ValidationLibrary;
  shape: ResultShape;
  /** The validated value, when known. */
  subject?: Node;
  /** Where the validated value comes from. */
  origin: Origin;
}

const NOT_SCHEMAS = new Set([
  'JSON',
  'Date',
  'path',
  'url',
  'qs',
  'querystring',
  'YAML',
  'yaml',
  'toml',
  'TOML',
  'csv',
  'Papa',
  'cookie',
  'parser',
  'marked',
  'URL',
  'semver',
  'mime',
  'contentType',
  'dayjs',
  'moment',
  'babel',
  'acorn',
  'esprima',
  'espree',
  'parse5',
  'cheerio',
  'htmlparser2',
  'xml2js',
  'bytes',
  'ms',
  'Number',
  'BigInt',
  'chrono',
]);
const SCHEMA_NAME = /(schema|Schema|SCHEMA|validator|Validator|Dto|DTO|dto|Body|Input|Params|Query|Payload|Request|Shape|Struct|Model|Rules|Contract)$/;
const VALIBOT_THROWING = new Set(['parse', 'parseAsync', 'assert']);
const VALIBOT_SAFE = new Set(['safeParse', 'safeParseAsync']);

export class ValidationIndex {
  readonly calls: ValidationCall[] = [];
  private readonly byNode = new Map<TSESTree.CallExpression, ValidationCall>();

  constructor(
    private readonly resolver: Resolver,
    private readonly input: () => RequestInput,
    private readonly imports: ReadonlySet<string>,
    /** Names bound to a validation library (imports, requires, compiled validators); see `isValidationSource`. */
    private readonly validatorNames?: ReadonlySet<string>,
  ) {}

  get(node: Node): ValidationCall | undefined {
    const n = unwrap(node);
    return n.type === AST_NODE_TYPES.CallExpression ? this.byNode.get(n) : undefined;
  }

  visit(node: TSESTree.CallExpression): void {
    // Cheap filters before any resolution: a method call must be named like a validation;
    // a plain call must be of a name bound to a validation library.
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      if (method === undefined || !(VALIDATION_METHODS.has(method) || /^is[A-Z]/.test(method))) return;
    } else if (callee.type === AST_NODE_TYPES.Identifier) {
      if (this.validatorNames && !this.validatorNames.has(callee.name)) return;
    } else {
      return;
    }
    const found = this.classify(node);
    if (!found) return;
    const call: ValidationCall = { node, ...found, origin: 'unknown' };
    this.calls.push(call);
    this.byNode.set(node, call);
  }

  /** Resolve subjects' origins once the whole file has been seen. */
  finish(): void {
    const input = this.input();
    for (const call of this.calls) if (call.subject) call.origin = input.originOf(call.subject);
  }

  private classify(node: TSESTree.CallExpression): Omit<ValidationCall, 'node' | 'origin'> | undefined {
    const callee = unwrap(node.callee);
    const args = node.arguments;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const ref = this.resolver.resolve(callee);
      // `import isUUID from 'validator/lib/isUUID'`: the module is the function.
      const name = ref?.path[ref.path.length - 1] ?? (ref?.source.startsWith('validator/') ? ref.source.split('/').pop() : undefined);
      if (ref?.source === 'valibot' && name) {
        if (VALIBOT_THROWING.has(name)) return { library: 'valibot', shape: 'throws', subject: args[1] };
        if (VALIBOT_SAFE.has(name)) return { library: 'valibot', shape: 'success-flag', subject: args[1] };
        if (name === 'is') return { library: 'valibot', shape: 'boolean', subject: args[1] };
      }
      if (ref?.source === 'express-validator' && name === 'validationResult') return { library: 'express-validator', shape: 'is-empty', subject: args[0] };
      if (ref?.source === 'class-validator') {
        if (name === 'validate' || name === 'validateSync') return { library: 'class-validator', shape: 'errors-array', subject: args[0] };
        if (name === 'validateOrReject') return { library: 'class-validator', shape: 'throws', subject: args[0] };
      }
      if (ref?.source === 'superstruct') {
        if (name === 'is') return { library: 'superstruct', shape: 'boolean', subject: args[0] };
        if (name === 'validate') return { library: 'superstruct', shape: 'tuple', subject: args[0] };
        if (name === 'assert' || name === 'create' || name === 'mask') return { library: 'superstruct', shape: 'throws', subject: args[0] };
      }
      if ((ref?.source === 'validator' || ref?.source.startsWith('validator/')) && name && /^is[A-Z]/.test(name)) {
        return { library: 'validator', shape: 'boolean', subject: args[0] };
      }
      // ajv compiled validator: `const validate = ajv.compile(schema); validate(data)`
      if (ref && isAjv(ref.source) && ref.path.length >= 2 && ref.path[ref.path.length - 1] === '()' && ref.path[ref.path.length - 2] === 'compile') {
        return { library: 'ajv', shape: 'boolean', subject: args[0] };
      }
      return undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee);
    if (method === undefined) return undefined;
    const object = unwrap(callee.object);
    const ref = this.resolver.resolve(callee);
    if (ref) {
      const { source } = ref;
      if (source === 'valibot') {
        if (VALIBOT_THROWING.has(method)) return { library: 'valibot', shape: 'throws', subject: args[1] };
        if (VALIBOT_SAFE.has(method)) return { library: 'valibot', shape: 'success-flag', subject: args[1] };
      }
      if ((source === '@sinclair/typebox/value' || source === 'typebox/value' || source === '@sinclair/typebox') && ref.path[0] === 'Value') {
        if (method === 'Check') return { library: 'typebox', shape: 'boolean', subject: args[1] };
        if (method === 'Parse' || method === 'Decode' || method === 'Assert') return { library: 'typebox', shape: 'throws', subject: args[1] };
      }
      if (source.includes('typebox') && ref.path.includes('Compile') && method === 'Check') return { library: 'typebox', shape: 'boolean', subject: args[0] };
      if (source === 'joi' && (method === 'assert' || method === 'attempt') && ref.path.length === 1) return { library: 'joi', shape: 'throws', subject: args[0] };
      if (isAjv(source) && ref.path.includes('()') && method === 'validate') return { library: 'ajv', shape: 'boolean', subject: args[1] };
      if (source === 'validator' && /^is[A-Z]/.test(method)) return { library: 'validator', shape: 'boolean', subject: args[0] };
    }
    if (object.type === AST_NODE_TYPES.Identifier && NOT_SCHEMAS.has(object.name)) return undefined;
    if (method === 'safeParse' || method === 'safeParseAsync' || method === 'safeDecode' || method === 'safeDecodeAsync') {
      return { library: 'zod', shape: 'success-flag', subject: args[0] };
    }
    if (method === 'validateAsync') return { library: 'joi', shape: 'throws', subject: args[0] };
    if (method === 'validateSync') return { library: 'yup', shape: 'throws', subject: args[0] };
    if (method === 'isValid' || method === 'isValidSync') return { library: 'yup', shape: 'boolean', subject: args[0] };
    if (method === 'parse' || method === 'parseAsync' || method === 'validate' || method === 'decode') {
      if (!args[0] || args.length > 2) return undefined;
      if (!this.looksLikeSchema(object)) return undefined;
      if (method === 'validate') {
        // joi: sync `{ error, value }`; yup: a promise that rejects.
        const { parent } = outerParent(node);
        const awaited = node.parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.AwaitExpression;
        const joi = this.imports.has('joi') || (!awaited && !this.imports.has('yup'));
        return joi && !awaited ? { library: 'joi', shape: 'error-field', subject: args[0] } : { library: 'yup', shape: 'throws', subject: args[0] };
      }
      return { library: this.imports.has('zod') || this.imports.has('zod/v4') ? 'zod' : 'schema', shape: 'throws', subject: args[0] };
    }
    return undefined;
  }

  /** A zod/yup/joi schema: built from the library in this file, or named like one (`userSchema`, `CreateUserDto`). */
  private looksLikeSchema(object: Node): boolean {
    const root = chainRoot(object);
    const rootRef = this.resolver.resolve(root);
    if (rootRef && ['zod', 'zod/v4', 'zod/mini', 'yup', 'joi', '@hapi/joi', 'valibot', 'superstruct', 'arktype', 'effect', '@effect/schema'].includes(rootRef.source)) {
      return true;
    }
    if (object.type === AST_NODE_TYPES.Identifier) {
      if (SCHEMA_NAME.test(object.name) || /^[a-z]+Schema/.test(object.name)) return true;
      const variable = this.resolver.variableOf(object);
      const def = variable?.defs[0];
      if (def?.type === 'Variable') {
        const init = (def.node as TSESTree.VariableDeclarator).init;
        if (init) {
          const initRoot = chainRoot(init);
          const initRef = this.resolver.resolve(initRoot);
          if (initRef && ['zod', 'zod/v4', 'yup', 'joi', '@hapi/joi'].includes(initRef.source)) return true;
        }
      }
      return false;
    }
    if (object.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(object);
      return !!name && (SCHEMA_NAME.test(name) || /^[a-z]+Schema/.test(name));
    }
    // z.object({...}).parse(x)
    return object.type === AST_NODE_TYPES.CallExpression && !!rootRef;
  }
}

/** ajv and the wrappers that return the same instance (`addFormats(new Ajv())`), and its dialect entry points. */
function isAjv(source: string): boolean {
  return source === 'ajv' || source.startsWith('ajv/') || source === 'ajv-formats' || source === 'ajv-errors' || source === 'ajv-keywords';
}

/** Every method name `classify` recognises on a member call. */
const VALIDATION_METHODS = new Set([
  'safeParse', 'safeParseAsync', 'safeDecode', 'safeDecodeAsync', 'parse', 'parseAsync', 'validate', 'validateAsync',
  'validateSync', 'isValid', 'isValidSync', 'decode', 'Check', 'Parse', 'Decode', 'Assert', 'assert', 'attempt', 'is',
]);

/** Modules whose plain-call exports validate (valibot, express-validator, class-validator, superstruct, validator.js, ajv). */
export function isValidationSource(source: string): boolean {
  return (
    source === 'valibot' ||
    source === 'express-validator' ||
    source === 'class-validator' ||
    source === 'superstruct' ||
    source === 'validator' ||
    source.startsWith('validator/') ||
    isAjv(source)
  );
}
