/**
 * Request input (request-input.ts): which values come from the client. Each
 * `input(expr)` marker in the probed code reports `expr: request` or `expr: -`.
 */
import { inputs } from './probe';

describe('Express / Connect / Fastify request objects', () => {
  it('req.body/query/params/headers/cookies, destructuring, assignment and wrappers', () => {
    expect(
      inputs(`
import express from 'express';
const app = express();
app.post('/users/:id', async (req, res) => {
  const { email, name: fullName } = req.body;
  const { id } = req.params;
  const page = Number(req.query.page);
  let token;
  token = req.headers.authorization;
  const trimmed = email.trim();
  input(req.body);
  input(req.query.q);
  input(req.params.id);
  input(req.headers['x-key']);
  input(req.cookies.session);
  input(email);
  input(fullName);
  input(id);
  input(page);
  input(token);
  input(trimmed);
  input(req.body!.email as string);
  input(req.user);
  input(req.app);
  res.json({});
});
`),
    ).toMatchInlineSnapshot(`
      [
        "req.body: request",
        "req.query.q: request",
        "req.params.id: request",
        "req.headers['x-key']: request",
        "req.cookies.session: request",
        "email: request",
        "fullName: request",
        "id: request",
        "page: request",
        "token: request",
        "trimmed: request",
        "req.body!.email as string: request",
        "req.user: -",
        "req.app: -",
      ]
    `);
  });

  it('Fastify request.body and request.query', () => {
    expect(
      inputs(`
import Fastify from 'fastify';
const app = Fastify();
app.post('/a', async (request, reply) => {
  const body = request.body as { name: string };
  input(body);
  input(request.query);
  return reply.code(201).send();
});
`),
    ).toMatchInlineSnapshot(`
      [
        "body: request",
        "request.query: request",
      ]
    `);
  });
});

describe('Koa and Hono contexts', () => {
  it('ctx.request.body, ctx.query, ctx.params', () => {
    expect(
      inputs(`
import Router from '@koa/router';
const router = new Router();
router.post('/a/:id', async (ctx) => {
  const { title } = ctx.request.body;
  input(ctx.request.body);
  input(title);
  input(ctx.query.limit);
  input(ctx.params.id);
  ctx.status = 201;
});
`),
    ).toMatchInlineSnapshot(`
      [
        "ctx.request.body: request",
        "title: request",
        "ctx.query.limit: request",
        "ctx.params.id: request",
      ]
    `);
  });

  it('c.req.json(), c.req.param(), c.req.query(), c.req.valid()', () => {
    expect(
      inputs(`
import { Hono } from 'hono';
const app = new Hono();
app.post('/a/:id', async (c) => {
  const body = await c.req.json();
  const id = c.req.param('id');
  const q = c.req.query('q');
  const valid = c.req.valid('json');
  input(body);
  input(id);
  input(q);
  input(valid);
  return c.json({}, 201);
});
`),
    ).toMatchInlineSnapshot(`
      [
        "body: request",
        "id: request",
        "q: request",
        "valid: request",
      ]
    `);
  });
});

describe('web Request (Next.js App Router, Remix, SvelteKit)', () => {
  it('await request.json(), formData(), searchParams, nextUrl', () => {
    expect(
      inputs(`
import { NextResponse, type NextRequest } from 'next/server';
export async function POST(request: NextRequest) {
  const body = await request.json();
  const form = await request.formData();
  const { searchParams } = new URL(request.url);
  const limit = searchParams.get('limit');
  const sort = request.nextUrl.searchParams.get('sort');
  input(body);
  input(form.get('file'));
  input(limit);
  input(sort);
  return NextResponse.json({});
}
`, { filename: 'app/api/a/route.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "body: request",
        "form.get('file'): request",
        "limit: request",
        "sort: request",
      ]
    `);
  });

  it('destructured { request, params } in Remix actions and SvelteKit handlers', () => {
    expect(
      inputs(`
import { json } from '@sveltejs/kit';
export async function POST({ request, params, url }) {
  const data = await request.json();
  input(data);
  input(params.slug);
  input(url.searchParams.get('x'));
  return json({});
}
`, { filename: 'src/routes/+server.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "data: request",
        "params.slug: request",
        "url.searchParams.get('x'): request",
      ]
    `);
  });
});

describe('h3 / Nuxt, Lambda, NestJS, Elysia, tRPC', () => {
  it('h3 readBody/getQuery/getRouterParam (imported and auto-imported)', () => {
    expect(
      inputs(`
export default defineEventHandler(async (event) => {
  if (!getRouterParam(event, 'id')) throw createError({ statusCode: 400 });
  const body = await readBody(event);
  const query = getQuery(event);
  input(body);
  input(query.page);
  input(getRouterParam(event, 'id'));
  return { ok: true };
});
`, { filename: 'server/api/a.post.ts' }),
    ).toMatchInlineSnapshot(`
      [
        "body: request",
        "query.page: request",
        "getRouterParam(event, 'id'): request",
      ]
    `);
  });

  it('Lambda event.body, JSON.parse(event.body), event.queryStringParameters', () => {
    expect(
      inputs(`
export const handler = async (event) => {
  const payload = JSON.parse(event.body ?? '{}');
  input(event.body);
  input(payload);
  input(event.queryStringParameters.id);
  return { statusCode: 200, body: '' };
};
`),
    ).toMatchInlineSnapshot(`
      [
        "event.body: request",
        "payload: request",
        "event.queryStringParameters.id: request",
      ]
    `);
  });

  it('NestJS @Body/@Query/@Param parameters', () => {
    expect(
      inputs(`
import { Body, Controller, NotFoundException, Param, Post, Query } from '@nestjs/common';
@Controller('a')
export class AController {
  constructor(private readonly service: Service) {}
  @Post(':id')
  create(@Body() dto: CreateDto, @Query('page') page: string, @Param('id') id: string, other: string) {
    input(dto);
    input(page);
    input(id);
    input(other);
    input(this.service);
    throw new NotFoundException();
  }
}
`),
    ).toMatchInlineSnapshot(`
      [
        "dto: request",
        "page: request",
        "id: request",
        "other: -",
        "this.service: -",
      ]
    `);
  });

  it('a field of a @Body() DTO is request input', () => {
    expect(
      inputs(`
import { Body, Controller, NotFoundException, Post } from '@nestjs/common';
@Controller('a')
export class AController {
  @Post()
  create(@Body() dto: CreateDto) {
    input(dto.email);
    throw new NotFoundException();
  }
}
`),
    ).toEqual(['dto.email: request']);
  });

  it('Elysia ({ body, query }) and tRPC ({ input })', () => {
    expect(
      inputs(`
import { Elysia } from 'elysia';
import { initTRPC } from '@trpc/server';
new Elysia().post('/a', ({ body, query, set }) => {
  input(body);
  input(query.x);
  set.status = 201;
});
const t = initTRPC.create();
t.procedure.mutation(({ input: args, ctx }) => {
  input(args);
  input(ctx.user);
});
`),
    ).toMatchInlineSnapshot(`
      [
        "body: request",
        "query.x: request",
        "args: request",
        "ctx.user: -",
      ]
    `);
  });
});

describe('not request input', () => {
  it('process.env, import.meta.env, database results, upstream responses, literals', () => {
    expect(
      inputs(`
import express from 'express';
const app = express();
app.get('/a', async (req, res) => {
  const key = process.env.API_KEY;
  const user = await prisma.user.findUnique({ where: { id: 1 } });
  const upstream = await fetch('https://api');
  const data = await upstream.json();
  const limit = 10;
  input(key);
  input(process.env.PORT);
  input(import.meta.env.VITE_X);
  input(user);
  input(user.email);
  input(upstream);
  input(data);
  input(data.items);
  input(limit);
  res.json({});
});
`),
    ).toMatchInlineSnapshot(`
      [
        "key: -",
        "process.env.PORT: -",
        "import.meta.env.VITE_X: -",
        "user: -",
        "user.email: -",
        "upstream: -",
        "data: -",
        "data.items: -",
        "limit: -",
      ]
    `);
  });

  // Only a handler-shaped function's first parameter is the request: `.body` of a queue
  // message or an array item is not client input.
  it('the first parameter of a non-handler callback is not a request', () => {
    expect(
      inputs(`
import express from 'express';
export async function drain(queue, res) {
  const messages = await queue.receive();
  messages.forEach((message) => input(message.body));
  res.status(204).end();
}
`),
    ).toEqual(['message.body: -']);
  });
});
