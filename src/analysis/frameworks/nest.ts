/** NestJS: built-in `*Exception` classes, `new HttpException(body, status)`, `@HttpCode(N)`. */
import { AST_NODE_TYPES } from '../node-types';
import { unwrap } from '../ast';
import { NEST_EXCEPTIONS, NEST_EXCEPTION_FOR } from '../status-codes';
import { namedHelperStatus } from './rename';
import type { Adapter } from './types';

export const nestAdapter: Adapter = {
  onNew(node, env) {
    const ref = env.ref(node.callee);
    if (!ref || ref.source !== '@nestjs/common' || ref.path.length !== 1) return;
    const name = ref.path[0]!;
    if (name === 'HttpException') {
      const arg = node.arguments[1];
      if (arg) env.add({ node, framework: 'nestjs', form: 'HttpException', status: env.status(arg) });
      return;
    }
    const code = NEST_EXCEPTIONS[name];
    if (code === undefined) return;
    env.add({ node, framework: 'nestjs', form: name, status: namedHelperStatus(node.callee, code, NEST_EXCEPTION_FOR, env.resolver) });
  },
  onDecorator(node, env) {
    const expr = unwrap(node.expression);
    if (expr.type !== AST_NODE_TYPES.CallExpression) return;
    const ref = env.ref(expr.callee);
    if (!ref || ref.source !== '@nestjs/common' || ref.path.join('.') !== 'HttpCode') return;
    const arg = expr.arguments[0];
    if (arg) env.add({ node, framework: 'nestjs', form: '@HttpCode()', status: env.status(arg) });
  },
};
