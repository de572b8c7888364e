/**
 * Fetch-API responses and the frameworks built on them:
 * `new Response(b, { status })`, `Response.json(b, { status })` (web),
 * `NextResponse.json(b, { status })` / `new NextResponse()` (Next.js App Router),
 * Remix / React Router `json(b, N | { status })` and `data(b, ...)`,
 * SvelteKit `error(N)` and `json(b, { status })`, h3 `createError({ statusCode })`
 * and `setResponseStatus(event, N)`.
 *
 * A bare `new Response(...)` only counts when it is returned or thrown (a mock
 * passed to `mockResolvedValue` is not a response this server sends).
 */
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types';
import { objectProperty, propertyName, unwrap, type Node } from '../ast';
import type { ModuleRef } from '../imports';
import type { Adapter, AdapterEnv, Framework } from './types';

const REMIX_SOURCES = new Set([
  '@remix-run/node',
  '@remix-run/cloudflare',
  '@remix-run/deno',
  '@remix-run/server-runtime',
  '@remix-run/react',
  '@vercel/remix',
  'react-router',
  '@react-router/node',
]);

const WEB_CALL_NAMES = new Set(['json', 'data', 'error', 'fail', 'text', 'createError', 'createH3Error', 'setResponseStatus']);

function last(ref: ModuleRef): string | undefined {
  return ref.path[ref.path.length - 1];
}

function statusFromInit(init: Node | undefined, env: AdapterEnv, keys: readonly string[] = ['status']) {
  if (!init) return undefined;
  const n = unwrap(init);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    for (const key of keys) {
      const prop = objectProperty(n, key);
      if (prop) return env.status(prop.value);
    }
    return undefined;
  }
  if (n.type === AST_NODE_TYPES.Literal || n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) {
    const status = env.status(n);
    return status.code !== undefined ? status : undefined;
  }
  return undefined;
}

function webFramework(env: AdapterEnv): Framework {
  for (const s of env.imports) {
    if (s === 'next' || s.startsWith('next/')) return 'nextjs';
    if (s === '@sveltejs/kit') return 'sveltekit';
    if (REMIX_SOURCES.has(s)) return 'remix';
    if (s === 'hono' || s.startsWith('hono/')) return 'hono';
  }
  return 'web';
}

/** Inside a test double (`vi.fn(() => ...)`, `mockResolvedValue(...)`, `sinon.stub().returns(...)`)? */
export function isMockContext(node: Node): boolean {
  for (let p: Node | undefined = node.parent; p; p = p.parent) {
    // `globalThis.fetch = async () => new Response(...)`: a stand-in for the upstream, not a handler.
    if (p.type === AST_NODE_TYPES.AssignmentExpression && isGlobalFetch(p.left)) return true;
    if (p.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrap(p.callee);
    let root: Node = callee;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type === AST_NODE_TYPES.Identifier && /^(vi|jest|sinon|nock|td|fetchMock|mockFetch)$/.test(root.name)) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier && /^mock|^spyOn$|^stub$|^returns$|^resolves$/.test(callee.property.name)) {
      return true;
    }
  }
  return false;
}

/** `globalThis.fetch`, `global.fetch`, `window.fetch`, `self.fetch`. */
function isGlobalFetch(target: Node): boolean {
  const left = unwrap(target);
  if (left.type !== AST_NODE_TYPES.MemberExpression || propertyName(left) !== 'fetch') return false;
  const object = unwrap(left.object);
  return object.type === AST_NODE_TYPES.Identifier && /^(globalThis|global|window|self)$/.test(object.name);
}

export const webAdapter: Adapter = {
  onNew(node, env) {
    const ref = env.ref(node.callee);
    if (!ref) return;
    const name = last(ref);
    if (name === 'NextResponse' && ref.source.startsWith('next')) {
      const status = statusFromInit(node.arguments[1], env);
      if (status) env.add({ node, framework: 'nextjs', form: 'new NextResponse()', status });
      return;
    }
    if (name === 'Response' && (ref.source === 'global' || ref.source === 'undici')) {
      if (!env.isReturnedOrThrown(node) || isMockContext(node)) return;
      const status = statusFromInit(node.arguments[1], env);
      if (status) env.add({ node, framework: webFramework(env), form: 'new Response()', status });
    }
  },
  onCall(node, env) {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
    // Every form below is a call named one of these (imported names can be aliased, so only
    // member calls are filtered by name; bare identifiers go on to resolution).
    if (callee.type === AST_NODE_TYPES.MemberExpression && !WEB_CALL_NAMES.has(propertyName(callee) ?? '')) return;
    const ref = env.ref(callee);
    if (!ref) return;
    const name = last(ref);
    const { source } = ref;
    if (name === 'json' && ref.path.length === 2 && ref.path[0] === 'NextResponse' && source.startsWith('next')) {
      const status = statusFromInit(node.arguments[1], env);
      if (status) env.add({ node, framework: 'nextjs', form: 'NextResponse.json()', status });
      return;
    }
    if (name === 'json' && source === 'global' && ref.path.length === 2 && ref.path[0] === 'Response') {
      if (!env.isReturnedOrThrown(node) || isMockContext(node)) return;
      const status = statusFromInit(node.arguments[1], env);
      if (status) env.add({ node, framework: webFramework(env), form: 'Response.json()', status });
      return;
    }
    if (REMIX_SOURCES.has(source) && ref.path.length === 1 && (name === 'json' || name === 'data')) {
      const status = statusFromInit(node.arguments[1], env);
      if (status) env.add({ node, framework: 'remix', form: `${name}()`, status });
      return;
    }
    if (source === '@sveltejs/kit' && ref.path.length === 1) {
      if (name === 'error' || name === 'fail') {
        const arg = node.arguments[0];
        if (arg) env.add({ node, framework: 'sveltekit', form: `${name}()`, status: env.status(arg) });
      } else if (name === 'json' || name === 'text') {
        const status = statusFromInit(node.arguments[1], env);
        if (status) env.add({ node, framework: 'sveltekit', form: `${name}()`, status });
      }
      return;
    }
    if ((source === 'h3' || source === 'global' || source === 'nuxt/app' || source === '#imports') && ref.path.length === 1) {
      if (name === 'createError' || name === 'createH3Error') {
        const arg = node.arguments[0];
        if (!arg || unwrap(arg).type !== AST_NODE_TYPES.ObjectExpression) return;
        const status = statusFromInit(arg, env, ['statusCode', 'status']);
        if (status) env.add({ node, framework: 'h3', form: 'createError()', status });
        return;
      }
      if (name === 'setResponseStatus') {
        const arg = node.arguments[1];
        if (arg) env.add({ node, framework: 'h3', form: 'setResponseStatus()', status: env.status(arg) });
      }
    }
  },
};

export type { TSESTree };
