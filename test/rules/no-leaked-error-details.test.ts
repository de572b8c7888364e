import rule, { type MessageIds, type Options } from '../../rules/no-leaked-error-details';
import { ruleTester } from '../rule-tester';

// The rule tester bundles its own copy of @typescript-eslint/utils types.
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const s500 = { status: '500 Internal Server Error' };

ruleTester.run('no-leaked-error-details', tested, {
  valid: [
    // Lambda handlers whose event is not an HTTP request (no client sees the body)
    {
      name: 'lambda: a file that builds the WebSocket management client holds WebSocket routes, whose body API Gateway does not relay',
      code: `const AWS = require('aws-sdk');
exports.handler = async (event) => {
  const api = new AWS.ApiGatewayManagementApi({ endpoint: event.requestContext.domainName });
  try {
    await api.postToConnection({ ConnectionId: 'c', Data: event.body }).promise();
  } catch (e) {
    return { statusCode: 500, body: e.stack };
  }
  return { statusCode: 200, body: 'sent' };
};`,
    },
    {
      name: 'lambda: a WebSocket route handler (requestContext.connectionId): API Gateway does not relay the body',
      code: `export const handler = async (event) => {
  const id = event.requestContext.connectionId;
  try {
    await save(id);
    return { statusCode: 200, body: 'ok' };
  } catch (err) {
    return { statusCode: 500, body: 'failed: ' + err.message };
  }
};`,
    },
    {
      name: 'lambda: an S3/SQS-triggered handler (event.Records) answers no HTTP client',
      code: `export const handler = async (event) => {
  const id = event.Records[0].s3.object.key;
  try {
    await save(id);
    return { statusCode: 200, body: 'ok' };
  } catch (err) {
    return { statusCode: 500, body: 'failed: ' + err.message };
  }
};`,
    },
    {
      name: 'lambda: an EventBridge handler destructuring detail answers no HTTP client',
      code: `export const handler = async (event) => {
  const { detail } = event; const id = detail.id;
  try {
    await save(id);
    return { statusCode: 200, body: 'ok' };
  } catch (err) {
    return { statusCode: 500, body: 'failed: ' + err.message };
  }
};`,
    },
    {
      name: 'express: generic message, error logged',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.json(await load());
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});`,
    },
    {
      name: 'express: 4xx body explaining the client mistake',
      code: `import express from 'express';
const app = express();
app.post('/x', async (req, res) => {
  try {
    schema.parse(req.body);
  } catch (err) {
    res.status(400).json({ error: err.message });
  }
});`,
    },
    {
      name: 'express: stack only outside production',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal', stack: process.env.NODE_ENV === 'production' ? undefined : err.stack });
});`,
    },
    {
      name: 'express: body property added under a development guard',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  const body = { error: 'Internal' };
  if (req.app.get('env') === 'development') body.stack = err.stack;
  res.status(500).json(body);
});`,
    },
    {
      name: 'express: stack deleted outside development',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  const response = { code: 500, message: 'Internal', stack: err.stack };
  if (process.env.NODE_ENV !== 'development') delete response.stack;
  res.status(500).json(response);
});`,
    },
    {
      name: 'express: development-only handler',
      code: `import express from 'express';
const app = express();
if (process.env.NODE_ENV !== 'production') {
  app.use((err, req, res, next) => {
    res.status(500).json({ error: err.message, stack: err.stack });
  });
}`,
    },
    {
      name: 'express: the message is allowed by option',
      options: [{ allowMessage: true }],
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { res.status(500).json({ error: err.message }); }
});`,
    },
    {
      name: 'express: error code and name are not details',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { res.status(500).json({ error: 'Internal', code: err.code }); }
});`,
    },
    {
      name: 'express: an unknown formatter',
      code: `import express from 'express';
import { toPublicError } from './errors';
const app = express();
app.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { res.status(500).json(toPublicError(err)); }
});`,
    },
    {
      name: 'koa: ctx.throw and http-errors hide 5xx messages',
      code: `import Router from '@koa/router';
import createError from 'http-errors';
const router = new Router();
router.get('/x', async (ctx) => {
  try { ctx.body = await load(); } catch (err) { ctx.throw(500, err.message); }
});
export function wrap(err) { return createError(500, err.message); }`,
    },
    {
      name: 'koa: expose guard',
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try { await next(); } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { message: err.expose ? err.message : 'Internal Server Error' };
  }
});`,
    },
    {
      name: 'hapi: Boom hides 5xx messages',
      code: `import Boom from '@hapi/boom';
export const handler = async () => {
  try { return await load(); } catch (err) { throw Boom.badImplementation(err.message); }
};`,
    },
    {
      name: 'trpc: the error as cause, generic message',
      code: `import { TRPCError } from '@trpc/server';
export async function run() {
  try { return await load(); } catch (cause) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not load', cause });
  }
}`,
    },
    {
      name: 'not a caught error: a message from a local object',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  const err = { message: 'quota exceeded' };
  res.status(503).json({ error: err.message });
});`,
    },
    {
      name: 'express: a local passed to plain calls (String(name), save(name)) next to a 500 body',
      code: `import express from 'express';
const app = express();
app.post('/signup', async (req, res) => {
  const name = req.body.name;
  try {
    await save(name);
  } catch (error) {
    return res.status(500).json({ error: 'Signup failed', name: String(name) });
  }
});`,
    },
    {
      name: 'node http: String(error) is the message, allowed with allowMessage',
      options: [{ allowMessage: true }],
      code: `import http from 'node:http';
http.createServer(async (req, res) => {
  try {
    res.end(await load());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: message, detail: \`\${error}\`, text: error.toString() }));
  }
});`,
    },
    {
      name: 'express: err && ... only lets a falsy error through',
      options: [{ allowMessage: true }],
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: err && err.message });
});`,
    },
  ],
  invalid: [
    {
      name: 'lambda: the same handler calling another AWS client answers HTTP (twin of the WebSocket management client)',
      code: `const AWS = require('aws-sdk');
exports.handler = async (event) => {
  const api = new AWS.Lambda({ endpoint: event.requestContext.domainName });
  try {
    await api.postToConnection({ ConnectionId: 'c', Data: event.body }).promise();
  } catch (e) {
    return { statusCode: 500, body: e.stack };
  }
  return { statusCode: 200, body: 'sent' };
};`,
      errors: [{ messageId: 'leakedStack', data: s500, line: 7, suggestions: [{ messageId: 'guardStack', output: `const AWS = require('aws-sdk');
exports.handler = async (event) => {
  const api = new AWS.Lambda({ endpoint: event.requestContext.domainName });
  try {
    await api.postToConnection({ ConnectionId: 'c', Data: event.body }).promise();
  } catch (e) {
    return { statusCode: 500, body: (process.env.NODE_ENV === 'production' ? undefined : e.stack) };
  }
  return { statusCode: 200, body: 'sent' };
};` }] }],
    },
    {
      name: 'lambda: the same handler reading an HTTP path parameter is reported (twin of the non-HTTP event cases)',
      code: `export const handler = async (event) => {
  const id = event.pathParameters.id;
  try {
    await save(id);
    return { statusCode: 200, body: 'ok' };
  } catch (err) {
    return { statusCode: 500, body: 'failed: ' + err.message };
  }
};`,
      errors: [{ messageId: 'leakedMessage', data: s500, line: 7, suggestions: [{ messageId: 'useGenericMessage', output: `export const handler = async (event) => {
  const id = event.pathParameters.id;
  try {
    await save(id);
    return { statusCode: 200, body: 'ok' };
  } catch (err) {
    return { statusCode: 500, body: 'failed: ' + 'Internal Server Error' };
  }
};` }] }],
    },
    {
      name: 'express: message and stack in the error handler',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ message: err.message, stack: err.stack });
});`,
      errors: [
        {
          messageId: 'leakedMessage',
          data: s500,
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ message: 'Internal Server Error', stack: err.stack });
});`,
            },
          ],
        },
        {
          messageId: 'leakedStack',
          data: s500,
          line: 4,
          column: 55,
          suggestions: [
            {
              messageId: 'guardStack',
              output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ message: err.message, stack: (process.env.NODE_ENV === 'production' ? undefined : err.stack) });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: fallback 500 of an error handler',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(err.status || 500).send({ error: err.stack });
});`,
      errors: [
        {
          messageId: 'leakedStack',
          data: s500,
          line: 4,
          column: 47,
          suggestions: [
            {
              messageId: 'guardStack',
              output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(err.status || 500).send({ error: (process.env.NODE_ENV === 'production' ? undefined : err.stack) });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: raw error via a local body object',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.json(await load());
  } catch (e) {
    const body = { ok: false, error: e };
    res.status(500);
    res.json(body);
  }
});`,
      errors: [
        {
          messageId: 'leakedError',
          data: s500,
          line: 7,
          column: 38,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.json(await load());
  } catch (e) {
    const body = { ok: false, error: 'Internal Server Error' };
    res.status(500);
    res.json(body);
  }
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: String(err) in a promise .catch',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/x', (request, reply) => {
  load().then((d) => reply.send(d)).catch((err) => reply.code(502).send({ error: String(err) }));
});`,
      errors: [
        {
          messageId: 'leakedMessage',
          data: { status: '502 Bad Gateway' },
          line: 4,
          column: 82,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `import Fastify from 'fastify';
const app = Fastify();
app.get('/x', (request, reply) => {
  load().then((d) => reply.send(d)).catch((err) => reply.code(502).send({ error: 'Internal Server Error' }));
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: ctx.body after ctx.status = 500',
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try { await next(); } catch (err) {
    ctx.status = 500;
    ctx.body = \`Failed: \${err}\`;
  }
});`,
      errors: [
        {
          messageId: 'leakedMessage',
          data: s500,
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try { await next(); } catch (err) {
    ctx.status = 500;
    ctx.body = \`Failed: \${'Internal Server Error'}\`;
  }
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'hono: onError with c.json(b, 500)',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.onError((err, c) => c.json({ error: err.message }, 500));`,
      errors: [
        {
          messageId: 'leakedMessage',
          data: s500,
          line: 3,
          column: 41,
          suggestions: [{ messageId: 'useGenericMessage', output: `import { Hono } from 'hono';
const app = new Hono();
app.onError((err, c) => c.json({ error: 'Internal Server Error' }, 500));` }],
        },
      ],
    },
    {
      name: 'next: instanceof Error ? e.message : ...',
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  try {
    return NextResponse.json(await load());
  } catch (e) {
    return NextResponse.json({ error: e instanceof Error ? e.message : 'Unknown' }, { status: 500 });
  }
}`,
      errors: [
        {
          messageId: 'leakedMessage',
          data: s500,
          line: 6,
          column: 60,
          suggestions: [{ messageId: 'useGenericMessage', output: `import { NextResponse } from 'next/server';
export async function GET() {
  try {
    return NextResponse.json(await load());
  } catch (e) {
    return NextResponse.json({ error: e instanceof Error ? 'Internal Server Error' : 'Unknown' }, { status: 500 });
  }
}` }],
        },
      ],
    },
    {
      name: 'lambda: stack in a JSON body (TS cast)',
      code: `export const handler = async () => {
  try {
    return { statusCode: 200, body: JSON.stringify(await load()) };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify({ stack: (err as Error).stack }) };
  }
};`,
      errors: [{ messageId: 'leakedStack', data: s500, line: 5, column: 61, suggestions: [{ messageId: 'guardStack', output: `export const handler = async () => {
  try {
    return { statusCode: 200, body: JSON.stringify(await load()) };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify({ stack: (process.env.NODE_ENV === 'production' ? undefined : (err as Error).stack) }) };
  }
};` }] }],
    },
    {
      name: 'nestjs: exception body and a filter that leaks the stack',
      code: `import { Catch, InternalServerErrorException } from '@nestjs/common';
export async function load(repo) {
  try { return await repo.find(); } catch (e) { throw new InternalServerErrorException(e.message); }
}
@Catch()
export class AllFilter {
  catch(exception, host) {
    const res = host.switchToHttp().getResponse();
    res.status(500).json({ stack: exception.stack });
  }
}`,
      errors: [
        { messageId: 'leakedMessage', data: s500, line: 3, column: 88, suggestions: [{ messageId: 'useGenericMessage', output: `import { Catch, InternalServerErrorException } from '@nestjs/common';
export async function load(repo) {
  try { return await repo.find(); } catch (e) { throw new InternalServerErrorException('Internal Server Error'); }
}
@Catch()
export class AllFilter {
  catch(exception, host) {
    const res = host.switchToHttp().getResponse();
    res.status(500).json({ stack: exception.stack });
  }
}` }] },
        { messageId: 'leakedStack', data: s500, line: 9, column: 35, suggestions: [{ messageId: 'guardStack', output: `import { Catch, InternalServerErrorException } from '@nestjs/common';
export async function load(repo) {
  try { return await repo.find(); } catch (e) { throw new InternalServerErrorException(e.message); }
}
@Catch()
export class AllFilter {
  catch(exception, host) {
    const res = host.switchToHttp().getResponse();
    res.status(500).json({ stack: (process.env.NODE_ENV === 'production' ? undefined : exception.stack) });
  }
}` }] },
      ],
    },
    {
      name: 'h3: createError with the message',
      code: `import { defineEventHandler, createError } from 'h3';
export default defineEventHandler(async () => {
  try { return await load(); } catch (err) { throw createError({ statusCode: 500, statusMessage: err.message }); }
});`,
      errors: [{ messageId: 'leakedMessage', data: s500, line: 3, column: 98, suggestions: [{ messageId: 'useGenericMessage', output: `import { defineEventHandler, createError } from 'h3';
export default defineEventHandler(async () => {
  try { return await load(); } catch (err) { throw createError({ statusCode: 500, statusMessage: 'Internal Server Error' }); }
});` }] }],
    },
    {
      name: 'sveltekit: error(500, message)',
      code: `import { error } from '@sveltejs/kit';
export async function load() {
  try { return await fetchData(); } catch (e) { error(500, e.message); }
}`,
      errors: [{ messageId: 'leakedMessage', data: s500, line: 3, column: 60, suggestions: [{ messageId: 'useGenericMessage', output: `import { error } from '@sveltejs/kit';
export async function load() {
  try { return await fetchData(); } catch (e) { error(500, 'Internal Server Error'); }
}` }] }],
    },
    {
      name: 'trpc: message of INTERNAL_SERVER_ERROR',
      code: `import { TRPCError } from '@trpc/server';
export async function run() {
  try { return await load(); } catch (err) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: (err as Error).message });
  }
}`,
      errors: [{ messageId: 'leakedMessage', data: s500, line: 4, column: 67, suggestions: [{ messageId: 'useGenericMessage', output: `import { TRPCError } from '@trpc/server';
export async function run() {
  try { return await load(); } catch (err) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' });
  }
}` }] }],
    },
    {
      name: 'remix: thrown json with the stack',
      code: `import { json } from '@remix-run/node';
export async function loader() {
  try { return json(await load()); } catch (error) { throw json({ stack: error.stack }, { status: 500 }); }
}`,
      errors: [{ messageId: 'leakedStack', data: s500, line: 3, column: 74, suggestions: [{ messageId: 'guardStack', output: `import { json } from '@remix-run/node';
export async function loader() {
  try { return json(await load()); } catch (error) { throw json({ stack: (process.env.NODE_ENV === 'production' ? undefined : error.stack) }, { status: 500 }); }
}` }] }],
    },
    {
      name: 'hapi: h.response(body).code(500)',
      code: `export const handler = async (request, h) => {
  try { return await load(); } catch (err) { return h.response({ error: err.message }).code(500); }
};`,
      errors: [{ messageId: 'leakedMessage', data: s500, line: 2, column: 73, suggestions: [{ messageId: 'useGenericMessage', output: `export const handler = async (request, h) => {
  try { return await load(); } catch (err) { return h.response({ error: 'Internal Server Error' }).code(500); }
};` }] }],
    },
    {
      name: 'elysia: onError with set.status = 500',
      code: `import { Elysia } from 'elysia';
new Elysia().onError(({ error, set }) => {
  set.status = 500;
  return { message: error.message };
});`,
      errors: [{ messageId: 'leakedMessage', data: s500, line: 4, column: 21, suggestions: [{ messageId: 'useGenericMessage', output: `import { Elysia } from 'elysia';
new Elysia().onError(({ error, set }) => {
  set.status = 500;
  return { message: 'Internal Server Error' };
});` }] }],
    },
    {
      name: 'express: error or String(error) in a conditional is one message leak',
      code: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.json(await load());
  } catch (error) {
    res.status(500).json({ error: error instanceof Error ? error.message : String(error) });
  }
});`,
      errors: [{ messageId: 'leakedMessage', data: s500, line: 7, column: 35, endColumn: 89, suggestions: [{ messageId: 'useGenericMessage', output: `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.json(await load());
  } catch (error) {
    res.status(500).json({ error: 'Internal Server Error' });
  }
});` }] }],
    },
    {
      name: 'express: err.toString() and string concatenation are the message',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: err.toString(), detail: 'Failed: ' + err });
});`,
      errors: [
        { messageId: 'leakedMessage', data: s500, line: 4, column: 33, suggestions: [{ messageId: 'useGenericMessage', output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal Server Error', detail: 'Failed: ' + err });
});` }] },
        { messageId: 'leakedMessage', data: s500, line: 4, column: 70, suggestions: [{ messageId: 'useGenericMessage', output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: err.toString(), detail: 'Failed: ' + 'Internal Server Error' });
});` }] },
      ],
    },
    {
      name: 'fastify: shorthand { error } becomes a keyed property',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler(async (error, request, reply) => {
  await reply.code(500).send({ error });
});`,
      errors: [{ messageId: 'leakedError', data: s500, line: 4, column: 32, suggestions: [{ messageId: 'useGenericMessage', output: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler(async (error, request, reply) => {
  await reply.code(500).send({ error: 'Internal Server Error' });
});` }] }],
    },
    {
      name: 'express: spread { ...err } becomes a property the object does not have',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal', ...err });
});`,
      errors: [{ messageId: 'leakedError', data: s500, line: 4, column: 45, suggestions: [{ messageId: 'useGenericMessage', output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal', message: 'Internal Server Error' });
});` }] }],
    },
    {
      name: 'express: shorthand destructured { stack } is guarded with its key',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  const { stack } = err;
  res.status(500).json({ error: 'Internal', stack });
});`,
      errors: [{ messageId: 'leakedStack', data: s500, line: 5, column: 45, suggestions: [{ messageId: 'guardStack', output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  const { stack } = err;
  res.status(500).json({ error: 'Internal', stack: (process.env.NODE_ENV === 'production' ? undefined : stack) });
});` }] }],
    },
  ],
});
