import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../ast';
import type { ParamRole, ParamRoles } from '../handlers';
import type { Resolver, ModuleRef } from '../imports';
import type { StatusValue } from '../status';

export type Framework =
  | 'express'
  | 'fastify'
  | 'koa'
  | 'hono'
  | 'nextjs'
  | 'web'
  | 'remix'
  | 'sveltekit'
  | 'nestjs'
  | 'h3'
  | 'http-errors'
  | 'hapi'
  | 'lambda'
  | 'trpc'
  | 'elysia'
  | 'node-http'
  | 'error-object'
  | 'helper';

export interface EmissionInput {
  /** The node to report: the call, assignment, `new`, decorator or returned object that sets the status. */
  node: Node;
  framework: Framework;
  /** Human-readable form, e.g. `res.status()`, `InternalServerErrorException`, `Boom.badGateway()`. */
  form: string;
  status: StatusValue;
  /** For `ctx.assert(cond, 500)`: the condition whose failure emits the status. */
  assertion?: Node;
}

export interface AdapterEnv {
  resolver: Resolver;
  roles: ParamRoles;
  /** Module specifiers imported or required anywhere in the file (normalised, `node:` stripped). */
  imports: ReadonlySet<string>;
  status(node: Node): StatusValue;
  /** Role of `node` if it is (after unwrapping) a parameter identifier. */
  roleOf(node: Node): ParamRole;
  /** Module reference of `node`, cached. */
  ref(node: Node): ModuleRef | undefined;
  add(emission: EmissionInput): void;
  /** Is this expression's value returned or thrown from its function (directly or via a returned const)? */
  isReturnedOrThrown(node: Node): boolean;
}

export interface Adapter {
  onCall?(node: TSESTree.CallExpression, env: AdapterEnv): void;
  onNew?(node: TSESTree.NewExpression, env: AdapterEnv): void;
  onAssign?(node: TSESTree.AssignmentExpression, env: AdapterEnv): void;
  onObject?(node: TSESTree.ObjectExpression, env: AdapterEnv): void;
  onDecorator?(node: TSESTree.Decorator, env: AdapterEnv): void;
}
