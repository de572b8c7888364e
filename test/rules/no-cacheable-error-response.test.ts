import rule, { type MessageIds, type Options } from '../../rules/no-cacheable-error-response';
import { ruleTester } from '../rule-tester';

// The rule tester bundles its own copy of @typescript-eslint/utils types.
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const s500 = '500 Internal Server Error';

ruleTester.run('no-cacheable-error-response', tested, {
  valid: [
    {
      name: 'express: cache header only on the success path',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    const data = await load();
    res.set('Cache-Control', 'public, max-age=300').json(data);
  } catch {
    res.status(500).json({ error: 'unavailable' });
  }
});`,
    },
    {
      name: 'express: overridden with no-store before the 500',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  res.set('Cache-Control', 'public, max-age=300');
  try {
    res.json(await load());
  } catch {
    res.set('Cache-Control', 'no-store');
    res.status(500).json({ error: 'unavailable' });
  }
});`,
    },
    {
      name: 'express: private, no-cache',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => res.set('Cache-Control', 'private, no-cache').status(500).end());`,
    },
    {
      name: 'express: cacheable header on a 404 is fine',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  res.set('Cache-Control', 'public, max-age=60');
  res.status(404).end();
});`,
    },
    {
      name: 'express: set in another branch',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  if (req.query.cached) res.set('Cache-Control', 'public, max-age=60');
  res.status(500).end();
});`,
    },
    {
      name: 'express: max-age=0 with must-revalidate',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => res.set('Cache-Control', 'max-age=0, must-revalidate').status(503).end());`,
    },
    {
      name: 'option: a short negative cache is allowed',
      options: [{ allowMaxAge: 10 }],
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => res.set('Cache-Control', 's-maxage=5').status(502).end());`,
    },
    {
      name: 'koa: try block that can throw before the header',
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/x', async (ctx) => {
  try {
    const data = await load();
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = data;
  } catch {
    ctx.status = 500;
  }
});`,
    },
    {
      name: 'next: no-store in the init',
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  return NextResponse.json({ error: 'x' }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
}`,
    },
    {
      name: 'elysia: no-store in set.headers',
      code: `import { Elysia } from 'elysia';
new Elysia().get('/x', ({ set }) => {
  set.headers['cache-control'] = 'no-store';
  set.status = 500;
  return 'x';
});`,
    },
    {
      name: 'sveltekit: cache headers only on success',
      code: `import { json } from '@sveltejs/kit';
export async function GET({ setHeaders }) {
  try {
    const data = await load();
    setHeaders({ 'cache-control': 'public, max-age=60' });
    return json(data);
  } catch {
    return json({ error: 'x' }, { status: 500 });
  }
}`,
    },
    {
      name: 'lambda: Expires in the past',
      code: `export const handler = async () => ({ statusCode: 500, headers: { Expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }, body: 'x' });`,
    },
    {
      name: 'express: value from an unknown variable',
      code: `import express from 'express';
import { cachePolicy } from './cache';
const app = express();
app.get('/x', (req, res) => res.set('Cache-Control', cachePolicy).status(500).end());`,
    },
  ],
  invalid: [
    {
      name: 'express: header at the top, 500 in the catch',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  res.set('Cache-Control', 'public, max-age=300');
  try {
    res.json(await load());
  } catch {
    res.status(500).json({ error: 'unavailable' });
  }
});`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: public, max-age=300' }, line: 8, column: 5, endLine: 8, endColumn: 20 }],
    },
    {
      name: 'express: the header is set before the awaited argument throws',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.set('Cache-Control', 'public, max-age=300').json(await load());
  } catch {
    res.status(500).json({ error: 'unavailable' });
  }
});`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: public, max-age=300' }, line: 7, column: 5 }],
    },
    {
      name: 'express: s-maxage chained on the 500',
      code: `import express from 'express';
const app = express();
app.get('/sitemap.xml', (req, res) => res.set('Cache-Control', 's-maxage=600').status(500).send('unavailable'));`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: s-maxage=600' }, line: 3, column: 39 }],
    },
    {
      name: 'express: future Expires',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  res.set('Expires', new Date(Date.now() + 86400000).toUTCString());
  res.status(500).end();
});`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Expires: new Date(Date.now() + 86400000).toUTCString()' }, line: 5, column: 3 }],
    },
    {
      name: 'fastify: header chained after code(503)',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/x', async (request, reply) => reply.code(503).header('cache-control', 'public, max-age=3600').send());`,
      errors: [{ messageId: 'cacheableError', data: { status: '503 Service Unavailable', header: 'Cache-Control: public, max-age=3600' }, line: 3, column: 41 }],
    },
    {
      name: 'koa: header first in the try, 500 in the catch',
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/x', async (ctx) => {
  try {
    ctx.set('Cache-Control', 'public, max-age=120');
    ctx.body = await load();
  } catch {
    ctx.status = 500;
  }
});`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: public, max-age=120' }, line: 8, column: 5 }],
    },
    {
      name: 'hono: c.header before c.json(b, 500)',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/x', (c) => {
  c.header('Cache-Control', 'max-age=600, immutable');
  return c.json({ error: 'x' }, 500);
});`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: max-age=600, immutable' }, line: 5, column: 10 }],
    },
    {
      name: 'next: s-maxage in the init',
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  return NextResponse.json({ error: 'x' }, { status: 500, headers: { 'Cache-Control': 's-maxage=60, stale-while-revalidate' } });
}`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: s-maxage=60, stale-while-revalidate' }, line: 3, column: 10 }],
    },
    {
      name: 'lambda: headers through a shared const',
      code: `const CACHED = { 'Cache-Control': 'public, max-age=300' };
export const handler = async () => {
  try {
    return { statusCode: 200, headers: CACHED, body: await render() };
  } catch {
    return { statusCode: 502, headers: CACHED, body: 'upstream failed' };
  }
};`,
      errors: [{ messageId: 'cacheableError', data: { status: '502 Bad Gateway', header: 'Cache-Control: public, max-age=300' }, line: 6, column: 12 }],
    },
    {
      name: 'hapi: header chained on h.response().code(500)',
      code: `export const handler = (request, h) => h.response({ error: 'x' }).code(500).header('cache-control', 'public, max-age=300');`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: public, max-age=300' }, line: 1, column: 40 }],
    },
    {
      name: 'nestjs: @Header cache on a method that throws a 500 (Nest sets it before the handler runs)',
      code: `import { Controller, Get, Header, InternalServerErrorException } from '@nestjs/common';
@Controller('feed')
export class FeedController {
  @Get()
  @Header('Cache-Control', 'public, max-age=600')
  async feed() {
    throw new InternalServerErrorException('feed unavailable');
  }
}`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: public, max-age=600' }, line: 7, column: 11 }],
    },
    {
      name: 'h3: setResponseHeaders then setResponseStatus(500)',
      code: `import { defineEventHandler, setResponseHeaders, setResponseStatus } from 'h3';
export default defineEventHandler(async (event) => {
  setResponseHeaders(event, { 'Cache-Control': 'public, max-age=120' });
  setResponseStatus(event, 500);
  return { error: 'unavailable' };
});`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: public, max-age=120' }, line: 4, column: 3 }],
    },
    {
      name: 'remix: headers in the json init',
      code: `import { json } from '@remix-run/node';
export async function loader() {
  return json({ error: 'x' }, { status: 503, headers: { 'Cache-Control': 'public, s-maxage=60', 'Retry-After': '60' } });
}`,
      errors: [{ messageId: 'cacheableError', data: { status: '503 Service Unavailable', header: 'Cache-Control: public, s-maxage=60' }, line: 3, column: 10 }],
    },
    {
      name: 'node:http: writeHead with a cache header',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(500, { 'Cache-Control': 'max-age=60' });
  res.end();
});`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: max-age=60' }, line: 3, column: 3 }],
    },
    {
      name: 'option: longer than allowMaxAge',
      options: [{ allowMaxAge: 10 }],
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => res.set('Cache-Control', 'max-age=60').status(500).end());`,
      errors: [{ messageId: 'cacheableError', data: { status: s500, header: 'Cache-Control: max-age=60' }, line: 3, column: 29 }],
    },
  ],
});
