/**
 * Status emissions, framework by framework: every status form the adapters
 * know produces one emission with the right framework, form and code, and
 * look-alikes produce none. Each expected line is `L<line> <framework> <form> <code>`.
 */
import { emissions } from './probe';

describe('Express / Connect / node:http', () => {
  it('res.status(), res.sendStatus(), res.statusCode =, res.writeHead() in a registered handler', () => {
    expect(
      emissions(`
import express from 'express';
const app = express();
app.get('/a', (req, res) => {
  if (req.query.x) return res.status(500).json({ error: 'x' });
  if (req.query.y) return res.sendStatus(404);
  res.statusCode = 503;
  res.writeHead(502, { 'content-type': 'text/plain' });
  res.end('down');
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 express res.status() 500",
        "L6 express res.sendStatus() 404",
        "L7 express res.statusCode = 503",
        "L8 express res.writeHead() 502",
      ]
    `);
  });

  it('next(createError(N)) and createError.BadGateway() from http-errors', () => {
    expect(
      emissions(`
import express from 'express';
import createError from 'http-errors';
const router = express.Router();
router.get('/a', async (req, res, next) => {
  try {
    res.json(await load());
  } catch (err) {
    if (req.query.a) return next(createError(502, 'upstream down'));
    next(createError.BadGateway());
  }
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L9 http-errors createError() 502",
        "L10 http-errors createError.BadGateway 502",
      ]
    `);
  });

  it('an exported controller with typed parameters and no registration', () => {
    expect(
      emissions(`
import type { Request, Response } from 'express';
export const createUser = async (req: Request, res: Response) => {
  if (!req.body.email) {
    res.status(400).json({ error: 'email required' });
    return;
  }
  res.status(201).json({ ok: true });
};
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 express res.status() 400",
        "L8 express res.status() 201",
      ]
    `);
  });

  it('a controller recognised by shape alone (status + body on the second parameter)', () => {
    expect(
      emissions(`
module.exports.remove = function (req, res) {
  res.status(204).end();
};
`, { filename: 'controller.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L3 express res.status() 204",
      ]
    `);
  });

  it('a file importing both Express and Hono: an Express response is not taken for a Hono context', () => {
    expect(
      emissions(`
import express from 'express';
import { Hono } from 'hono';
const app = express();
const api = new Hono();
app.get('/maintenance', (req, res) => {
  res.status(503).set('Retry-After', '120').send('down for maintenance');
});
api.get('/x', (c) => c.json({ ok: false }, 502));
`),
    ).toEqual(['L7 express res.status() 503', 'L9 hono c.json() 502']);
  });

  it('Connect middleware: res.statusCode = N', () => {
    expect(
      emissions(`
const connect = require('connect');
const app = connect();
app.use(function (req, res, next) {
  res.statusCode = 500;
  res.end('boom');
});
`, { filename: 'server.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L5 express res.statusCode = 500",
      ]
    `);
  });

  it('node:http createServer: writeHead is node-http', () => {
    expect(
      emissions(`
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(504, { 'content-type': 'text/plain' });
  res.end('timeout');
}).listen(3000);
`),
    ).toMatchInlineSnapshot(`
      [
        "L4 node-http res.writeHead() 504",
      ]
    `);
  });

  it('node:http with res.statusCode = N (CommonJS)', () => {
    expect(
      emissions(`
const http = require('http');
http.createServer(function (req, res) {
  res.statusCode = 404;
  res.setHeader('content-type', 'text/plain');
  res.end('not found');
});
`, { filename: 'server.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L4 node-http res.statusCode = 404",
      ]
    `);
  });

  it('a same-file status helper makes each call with a known status an emission', () => {
    expect(
      emissions(`
import express from 'express';
function fail(res, status, message) {
  return res.status(status).json({ message });
}
const app = express();
app.get('/a', (req, res) => fail(res, 502, 'upstream'));
app.get('/b', (req, res) => fail(res, req.query.code, 'unknown'));
`),
    ).toMatchInlineSnapshot(`
      [
        "L4 express res.status() ?",
        "L7 express fail() 502",
      ]
    `);
  });

  it('aliased imports and CommonJS', () => {
    expect(
      emissions(`
import { Router as R } from 'express';
const router = R();
router.post('/a', (req, res) => res.status(422).send('bad'));
`),
    ).toMatchInlineSnapshot(`
      [
        "L4 express res.status() 422",
      ]
    `);
  });

  it('TS wrappers around the receiver and the status', () => {
    expect(
      emissions(`
import type { Request, Response } from 'express';
export function h(req: Request, res: Response | undefined) {
  (res as Response).status(500 as const).json({});
  res!.status(<number>502).json({});
  res!.status(503 satisfies number).send();
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L4 express res.status() 500",
        "L5 express res.status() 502",
        "L6 express res.status() 503",
      ]
    `);
  });

  it('unknown statuses stay unknown', () => {
    expect(
      emissions(`
import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.message });
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 express res.status() ?",
      ]
    `);
  });

  describe('look-alikes that set no status', () => {
    it('a local res holding a fetch result, and res.status reads', () => {
      expect(
        emissions(`
import express from 'express';
const app = express();
app.get('/a', async (req, out) => {
  const res = await fetch('https://api.example.com');
  if (res.status === 500 || res.status >= 400) return out.json({ upstream: res.status });
  out.json(await res.json());
});
`),
      ).toEqual([]);
    });

    it('a shadowed res in an inner callback', () => {
      expect(
        emissions(`
import express from 'express';
const app = express();
app.get('/a', (req, res) => {
  const statuses = [{ status: (n) => n }].map((res) => res.status(500));
  res.json(statuses);
});
`),
      ).toEqual([]);
    });

    it('a non-handler callback whose second parameter has a status method', () => {
      expect(
        emissions(`
const items = [];
items.forEach((item, res) => { res.status(500); });
export function format(value, res) { return res.status(value); }
`),
      ).toEqual([]);
    });

    it('a plain object with a statusCode that is not returned', () => {
      expect(
        emissions(`
export function log(logger) {
  const entry = { statusCode: 500, body: 'x' };
  logger.info(entry);
}
`),
      ).toEqual([]);
    });
  });
});

describe('Next.js pages/api', () => {
  it('res.status() with NextApiResponse is nextjs', () => {
    expect(
      emissions(`
import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  res.status(500).json({ error: 'x' });
}
`, { filename: 'pages/api/users.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "L4 nextjs res.status() 405",
        "L5 nextjs res.status() 500",
      ]
    `);
  });
});

describe('Fastify', () => {
  it('reply.code(N) and reply.status(N)', () => {
    expect(
      emissions(`
import Fastify from 'fastify';
const app = Fastify();
app.get('/a', async (request, reply) => {
  if (!request.query.id) return reply.code(400).send({ error: 'id' });
  return reply.status(502).send({ error: 'upstream' });
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 fastify reply.code() 400",
        "L6 fastify reply.status() 502",
      ]
    `);
  });

  it('const fastify = require("fastify")(...) with reply.code()', () => {
    expect(
      emissions(`
const fastify = require('fastify')({ logger: true });
fastify.post('/a', async function (request, reply) {
  reply.code(504).send();
});
`, { filename: 'server.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L4 fastify reply.code() 504",
      ]
    `);
  });

  it('@fastify/sensible: reply helpers and fastify.httpErrors.*', () => {
    expect(
      emissions(`
import Fastify from 'fastify';
import sensible from '@fastify/sensible';
const fastify = Fastify();
fastify.register(sensible);
fastify.get('/a', async function (request, reply) {
  if (request.query.a) return reply.badGateway('upstream');
  if (request.query.b) return reply.internalServerError();
  if (request.query.c) throw fastify.httpErrors.gatewayTimeout();
  throw this.httpErrors.createError(503, 'later');
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L7 fastify reply.badGateway() 502",
        "L8 fastify reply.internalServerError() 500",
        "L9 fastify httpErrors.gatewayTimeout() 504",
        "L10 fastify httpErrors.createError() 503",
      ]
    `);
  });
});

describe('Koa', () => {
  it('ctx.status =, ctx.response.status =, ctx.throw(), ctx.assert()', () => {
    expect(
      emissions(`
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.assert(ctx.request.body.email, 400, 'email required');
  if (ctx.query.a) ctx.throw(502, 'upstream down');
  if (ctx.query.b) ctx.throw('not found', 404);
  if (ctx.query.c) { ctx.response.status = 503; return; }
  ctx.status = 201;
  ctx.body = { ok: true };
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 koa ctx.assert() 400",
        "L6 koa ctx.throw() 502",
        "L7 koa ctx.throw() 404",
        "L8 koa ctx.status = 503",
        "L9 koa ctx.status = 201",
      ]
    `);
  });

  it('a @koa/router handler recognised by shape', () => {
    expect(
      emissions(`
import Router from '@koa/router';
const router = new Router();
router.get('/a', async (ctx, next) => {
  ctx.status = 500;
  ctx.body = { error: 'x' };
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 koa ctx.status = 500",
      ]
    `);
  });
});

describe('Hono', () => {
  it('c.json/text/body/html(b, N), c.json(b, { status }), c.status(N), new HTTPException(N)', () => {
    expect(
      emissions(`
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.get('/a', async (c) => {
  if (c.req.query('a')) return c.json({ error: 'x' }, 500);
  if (c.req.query('b')) return c.text('bad gateway', 502);
  if (c.req.query('c')) return c.body(null, 204);
  if (c.req.query('d')) return c.html('<p>x</p>', 503);
  if (c.req.query('e')) return c.json({}, { status: 422 });
  if (c.req.query('f')) throw new HTTPException(401, { message: 'no' });
  c.status(504);
  return c.text('timeout');
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 hono c.json() 500",
        "L7 hono c.text() 502",
        "L8 hono c.body() 204",
        "L9 hono c.html() 503",
        "L10 hono c.json() 422",
        "L11 hono HTTPException 401",
        "L12 hono c.status() 504",
      ]
    `);
  });

  it('the context in second position: app.onError((err, c) => ...) and a zValidator hook', () => {
    expect(
      emissions(`
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
const app = new Hono();
app.onError((err, c) => c.json({ error: err.message }, 500));
app.post(
  '/a',
  zValidator('json', schema, (result, c) => {
    if (!result.success) return c.json({ error: result.error }, 400);
  }),
  (c) => c.json({ ok: true }, 201),
);
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 hono c.json() 500",
        "L9 hono c.json() 400",
        "L11 hono c.json() 201",
      ]
    `);
  });

  it('an exported handler typed with Context from hono', () => {
    expect(
      emissions(`
import type { Context } from 'hono';
export const show = async (c: Context) => c.json({ error: 'upstream' }, 502);
`),
    ).toMatchInlineSnapshot(`
      [
        "L3 hono c.json() 502",
      ]
    `);
  });

  it('c.json(b) without a status sets none', () => {
    expect(
      emissions(`
import { Hono } from 'hono';
const app = new Hono();
app.get('/a', (c) => c.json({ ok: true }));
`),
    ).toEqual([]);
  });
});

describe('Web Response (Next.js App Router, Remix, SvelteKit, h3)', () => {
  it('new Response(b, { status }) and Response.json(b, { status }) when returned or thrown', () => {
    expect(
      emissions(`
export async function GET(request: Request) {
  if (!request.headers.get('x')) throw new Response('no', { status: 401 });
  if (request.url.endsWith('/a')) return Response.json({ error: 'x' }, { status: 502 });
  const response = new Response('down', { status: 503 });
  return response;
}
`, { filename: 'worker.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "L3 web new Response() 401",
        "L4 web Response.json() 502",
        "L5 web new Response() 503",
      ]
    `);
  });

  it('NextResponse.json() and new NextResponse() in an App Router route', () => {
    expect(
      emissions(`
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const body = await request.json();
  if (!body.name) return NextResponse.json({ error: 'name' }, { status: 400 });
  if (body.empty) return new NextResponse(null, { status: 204 });
  return Response.json({ error: 'x' }, { status: 500 });
}
`, { filename: 'app/api/users/route.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "L5 nextjs NextResponse.json() 400",
        "L6 nextjs new NextResponse() 204",
        "L7 nextjs Response.json() 500",
      ]
    `);
  });

  it('Remix json(b, { status }), json(b, N) and data(b, { status })', () => {
    expect(
      emissions(`
import { json } from '@remix-run/node';
import { data } from 'react-router';
export async function action({ request }) {
  const form = await request.formData();
  if (!form.get('email')) return json({ error: 'email' }, { status: 400 });
  if (form.get('x')) return json({ error: 'x' }, 502);
  return data({ error: 'y' }, { status: 422 });
}
`, { filename: 'app/routes/signup.tsx' }),
    ).toMatchInlineSnapshot(`
      [
        "L6 remix json() 400",
        "L7 remix json() 502",
        "L8 remix data() 422",
      ]
    `);
  });

  it('SvelteKit error(N), fail(N) and json(b, { status })', () => {
    expect(
      emissions(`
import { error, fail, json } from '@sveltejs/kit';
export async function POST({ request }) {
  const body = await request.json();
  if (!body.id) error(400, 'id required');
  if (body.x) return fail(422, { x: true });
  return json({ ok: true }, { status: 201 });
}
`, { filename: 'src/routes/api/+server.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "L5 sveltekit error() 400",
        "L6 sveltekit fail() 422",
        "L7 sveltekit json() 201",
      ]
    `);
  });

  it('h3 / Nuxt createError({ statusCode }) and setResponseStatus(event, N), imported and auto-imported', () => {
    expect(
      emissions(`
import { defineEventHandler, createError, setResponseStatus } from 'h3';
export default defineEventHandler(async (event) => {
  if (!event.context.user) throw createError({ statusCode: 401, statusMessage: 'no' });
  setResponseStatus(event, 202);
  return { queued: true };
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L4 h3 createError() 401",
        "L5 h3 setResponseStatus() 202",
      ]
    `);
    expect(
      emissions(`
export default defineEventHandler(async (event) => {
  throw createError({ status: 502, message: 'upstream' });
});
`, { filename: 'server/api/x.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "L3 h3 createError() 502",
      ]
    `);
  });

  describe('look-alikes', () => {
    it('Responses built for mocks are not emissions', () => {
      expect(
        emissions(`
import { vi } from 'vitest';
const fetchMock = vi.fn(() => new Response('x', { status: 500 }));
globalThis.fetch = vi.fn().mockResolvedValue(new Response('x', { status: 502 }));
fetchMock.mockResolvedValueOnce(Response.json({}, { status: 503 }));
`, { filename: 'handler.test.ts' }),
      ).toEqual([]);
    });

    it('a Response that is built but neither returned nor thrown', () => {
      expect(
        emissions(`
export async function warm(cache: Cache, request: Request) {
  const stale = new Response('stale', { status: 500 });
  await cache.put(request, stale);
}
`),
      ).toEqual([]);
    });

    it('a local class named Response is not the web Response', () => {
      expect(
        emissions(`
class Response { constructor(public body: string, public init: { status: number }) {} }
export function make() { return new Response('x', { status: 500 }); }
`),
      ).toEqual([]);
    });
  });
});

describe('NestJS', () => {
  it('built-in exceptions, new HttpException(m, status), @HttpCode(N)', () => {
    expect(
      emissions(`
import { Controller, Post, HttpCode, HttpStatus, HttpException, BadGatewayException, InternalServerErrorException } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(202)
  async create() {
    try {
      return await this.service.create();
    } catch (e) {
      if (e.code === 'ECONNREFUSED') throw new BadGatewayException('payments down');
      if (e.code === 'X') throw new HttpException('teapot', HttpStatus.I_AM_A_TEAPOT);
      if (e.code === 'Y') throw new HttpException({ error: 'y' }, 503);
      throw new InternalServerErrorException();
    }
  }
  @Post('b')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove() {}
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 nestjs @HttpCode() 202",
        "L11 nestjs BadGatewayException 502",
        "L12 nestjs HttpException 418",
        "L13 nestjs HttpException 503",
        "L14 nestjs InternalServerErrorException 500",
        "L18 nestjs @HttpCode() 204",
      ]
    `);
  });

  // The text gate lets such a file through (it imports @nestjs/common and names HttpCode).
  it('a controller whose only status form is @HttpCode(N)', () => {
    expect(
      emissions(`
import { Controller, Delete, HttpCode } from '@nestjs/common';
@Controller('items')
export class ItemsController {
  @Delete(':id')
  @HttpCode(202)
  remove() {}
}
`),
    ).toEqual(['L6 nestjs @HttpCode() 202']);
  });

  it('a namespace import of @nestjs/common', () => {
    expect(
      emissions(`
import * as common from '@nestjs/common';
export function f() { throw new common.ServiceUnavailableException(); }
`),
    ).toMatchInlineSnapshot(`
      [
        "L3 nestjs ServiceUnavailableException 503",
      ]
    `);
  });

  it('a local class with a Nest exception name is not an emission', () => {
    expect(
      emissions(`
class BadRequestException extends Error {}
export function f() { throw new BadRequestException('x'); }
`),
    ).toEqual([]);
  });
});

describe('http-errors', () => {
  it('createError(N), createError(N, msg), new createError.NotFound(), createError[502]()', () => {
    expect(
      emissions(`
const createError = require('http-errors');
module.exports = function (req, res, next) {
  if (!req.user) return next(createError(401, 'login'));
  if (req.query.a) return next(new createError.NotFound());
  if (req.query.b) return next(createError['502']());
  next(createError('only a message'));
};
`, { filename: 'mw.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L4 http-errors createError() 401",
        "L5 http-errors createError.NotFound 404",
        "L6 http-errors createError.502 502",
      ]
    `);
  });
});

describe('Hapi / Boom', () => {
  it('h.response().code(N) and Boom helpers (default, namespace and named imports)', () => {
    expect(
      emissions(`
import Hapi from '@hapi/hapi';
import * as Boom from '@hapi/boom';
import { badData } from '@hapi/boom';
const server = Hapi.server();
server.route({
  method: 'GET',
  path: '/a',
  handler: async (request, h) => {
    if (request.query.a) throw Boom.badGateway('upstream');
    if (request.query.b) throw Boom.badImplementation();
    if (request.query.c) throw badData('invalid');
    if (request.query.d) throw Boom.boomify(new Error('x'), { statusCode: 504 });
    if (request.query.e) throw new Boom.Boom('x', { statusCode: 409 });
    return h.response({ ok: false }).code(503);
  },
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L10 hapi Boom.badGateway() 502",
        "L11 hapi Boom.badImplementation() 500",
        "L12 hapi Boom.badData() 422",
        "L13 hapi Boom.boomify 504",
        "L14 hapi Boom.Boom 409",
        "L15 hapi h.response().code() 503",
      ]
    `);
  });

  it('require("@hapi/boom") and legacy boom', () => {
    expect(
      emissions(`
const Boom = require('boom');
exports.handler = (request, h) => { throw Boom.notFound(); };
`, { filename: 'h.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L3 hapi Boom.notFound() 404",
      ]
    `);
  });
});

describe('AWS Lambda', () => {
  it('returned { statusCode, body } and callback(null, { statusCode, body })', () => {
    expect(
      emissions(`
export const handler = async (event) => {
  if (!event.body) return { statusCode: 400, body: JSON.stringify({ error: 'body' }) };
  return { statusCode: 502, headers: {}, body: '' };
};
export function legacy(event, context, callback) {
  callback(null, { statusCode: 500, body: 'x' });
}
`, { filename: 'handler.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L3 lambda { statusCode } 400",
        "L4 lambda { statusCode } 502",
        "L7 lambda { statusCode } 500",
      ]
    `);
  });

  it('objects returned by test doubles are not emissions', () => {
    expect(
      emissions(`
import { vi } from 'vitest';
const invoke = vi.fn(async () => ({ statusCode: 502, body: '' }));
const other = jest.fn().mockImplementation(() => ({ statusCode: 500, body: 'x' }));
`, { filename: 'handler.test.ts' }),
    ).toEqual([]);
  });

  it('a returned const response object', () => {
    expect(
      emissions(`
export const handler = async () => {
  const response = { statusCode: 504, body: 'timeout' };
  return response;
};
`),
    ).toMatchInlineSnapshot(`
      [
        "L3 lambda { statusCode } 504",
      ]
    `);
  });
});

describe('tRPC', () => {
  it('new TRPCError({ code }) maps the tRPC code to its HTTP status', () => {
    expect(
      emissions(`
import { TRPCError, initTRPC } from '@trpc/server';
const t = initTRPC.create();
export const router = t.router({
  a: t.procedure.query(async () => {
    if (Math.random()) throw new TRPCError({ code: 'BAD_REQUEST' });
    if (Math.random()) throw new TRPCError({ code: 'BAD_GATEWAY', message: 'x' });
    if (Math.random()) throw new TRPCError({ code: 'TIMEOUT' });
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error() });
  }),
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 trpc TRPCError 400",
        "L7 trpc TRPCError 502",
        "L8 trpc TRPCError 408",
        "L9 trpc TRPCError 500",
      ]
    `);
  });
});

describe('Elysia', () => {
  it('set.status = N, error(N), status(N)', () => {
    expect(
      emissions(`
import { Elysia } from 'elysia';
new Elysia()
  .get('/a', ({ set, query }) => {
    set.status = 502;
    return 'upstream';
  })
  .get('/b', ({ error }) => error(404, 'missing'))
  .get('/c', ({ status }) => status(418, 'teapot'));
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 elysia set.status = 502",
        "L8 elysia error() 404",
        "L9 elysia status() 418",
      ]
    `);
  });
});

describe('error objects given a status', () => {
  it('err.status = N and err.statusCode = N on a new Error', () => {
    expect(
      emissions(`
export function fail() {
  const err = new Error('upstream');
  err.status = 502;
  const other = new TypeError('x');
  other.statusCode = 400;
  const plain = { status: 0 };
  plain.status = 500;
  throw err;
}
`, { filename: 'x.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L4 error-object err.status = 502",
        "L6 error-object err.statusCode = 400",
      ]
    `);
  });
});

describe('crash safety', () => {
  it('files with no HTTP vocabulary, syntax-heavy TS and JSX produce no emissions', () => {
    expect(emissions(`export const x = 1;`)).toEqual([]);
    expect(
      emissions(`
export default function Page({ status }: { status: number }) {
  return <div className={status > 400 ? 'err' : ''}>{status}</div>;
}
`, { filename: 'page.tsx' }),
    ).toEqual([]);
  });
});
