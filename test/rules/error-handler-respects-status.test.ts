import rule, { type MessageIds, type Options } from '../../rules/error-handler-respects-status';
import { ruleTester } from '../rule-tester';

// The rule tester bundles its own copy of @typescript-eslint/utils types.
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const data = (read: string, status = '500 Internal Server Error') => ({ status, read });
const EXPRESS = '`err.status ?? err.statusCode`';

ruleTester.run('error-handler-respects-status', tested, {
  valid: [
    {
      name: 'express: reads err.status',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: 'x' });
});`,
    },
    {
      name: 'express: branches on body-parser error types first',
      code: `import express from 'express';
const app = express();
app.use(function (err, req, res, next) {
  if (err.type === 'entity.parse.failed') return res.status(400).json({ error: 'bad json' });
  if (err.type === 'entity.too.large') return res.status(413).end();
  res.status(500).json({ error: 'internal' });
});`,
    },
    {
      name: 'express: instanceof a domain error first',
      code: `import express from 'express';
import { NotFoundError } from './errors';
const app = express();
app.use((err, req, res, next) => {
  if (err instanceof NotFoundError) return res.status(404).end();
  res.status(500).end();
});`,
    },
    {
      name: 'express: isHttpError',
      code: `import express from 'express';
import { isHttpError } from 'http-errors';
const app = express();
app.use((err, req, res, next) => {
  if (isHttpError(err) && err.expose) return res.status(err.status).json({ error: err.message });
  res.status(500).json({ error: 'internal' });
});`,
    },
    {
      name: 'express: destructures status',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  const { statusCode } = err;
  if (statusCode) return res.sendStatus(statusCode);
  res.sendStatus(500);
});`,
    },
    {
      name: 'express: a mapping helper decides',
      code: `import express from 'express';
import { toHttpError } from './errors';
const app = express();
app.use((err, req, res, next) => {
  const mapped = toHttpError(err);
  if (mapped) return res.status(mapped.status).json(mapped.body);
  res.status(500).json({ error: 'internal' });
});`,
    },
    {
      name: 'not an error handler: 3-parameter route handler',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res, next) => {
  res.status(500).json({ error: 'internal' });
});`,
    },
    {
      name: 'koa: reads err.status',
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try { await next(); } catch (err) {
    ctx.status = err.statusCode || err.status || 500;
    ctx.body = { message: 'x' };
  }
});`,
    },
    {
      name: 'koa: a route handler try/catch is not an error handler',
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/x', async (ctx) => {
  try { ctx.body = await load(); } catch (err) { ctx.status = 500; }
});`,
    },
    {
      name: 'fastify: error.validation first',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  if (error.validation) return reply.status(400).send({ error: error.message });
  reply.status(500).send({ error: 'internal' });
});`,
    },
    {
      name: 'hono: HTTPException first',
      code: `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  return c.json({ error: 'internal' }, 500);
});`,
    },
    {
      name: 'elysia: branches on code',
      code: `import { Elysia } from 'elysia';
new Elysia().onError(({ code, set }) => {
  if (code === 'VALIDATION') { set.status = 400; return 'bad'; }
  set.status = 500;
  return 'internal';
});`,
    },
    {
      name: 'nestjs: getStatus of HttpException',
      code: `import { Catch, HttpException } from '@nestjs/common';
@Catch()
export class AllFilter {
  catch(exception, host) {
    const res = host.switchToHttp().getResponse();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    res.status(status).json({ statusCode: status });
  }
}`,
    },
    {
      name: 'nestjs: a filter for one error class decides by type',
      code: `import { Catch } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
@Catch(QueryFailedError)
export class DbFilter {
  catch(exception, host) {
    host.switchToHttp().getResponse().status(500).json({ error: 'database' });
  }
}`,
    },
    {
      name: 'h3: onError reads statusCode',
      code: `import { createApp, setResponseStatus } from 'h3';
export const app = createApp({
  onError(error, event) {
    setResponseStatus(event, error.statusCode ?? 500);
  },
});`,
    },
  ],
  invalid: [
    {
      name: 'express: logs and answers 500',
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});`,
      errors: [
        {
          messageId: 'ignoresErrorStatus',
          data: data(EXPRESS),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useErrorStatus',
              data: { status: '500' },
              output: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  console.error(err);
  res.status(err.status ?? err.statusCode ?? 500).json({ error: 'Internal Server Error' });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: exported handler, headersSent guard and next(err) do not consult',
      code: `export function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  logger.error({ err }, 'request failed');
  res.sendStatus(500);
}`,
      errors: [
        {
          messageId: 'ignoresErrorStatus',
          data: data(EXPRESS),
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'useErrorStatus',
              data: { status: '500' },
              output: `export function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  logger.error({ err }, 'request failed');
  res.sendStatus(err.status ?? err.statusCode ?? 500);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'express (TS): typed error parameter gets no suggestion; instanceof Error is not consulting',
      code: `import type { ErrorRequestHandler, Request, Response, NextFunction } from 'express';
export const onError = (err: Error, req: Request, res: Response, next: NextFunction) => {
  const message = err instanceof Error ? 'failed' : 'unknown';
  res.status(500).json({ message });
};`,
      errors: [{ messageId: 'ignoresErrorStatus', data: data(EXPRESS), line: 4, column: 3, suggestions: [] }],
    },
    {
      name: 'koa: catch around next()',
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = 500;
    ctx.body = { error: 'Internal Server Error' };
    ctx.app.emit('error', err, ctx);
  }
});`,
      errors: [
        {
          messageId: 'ignoresErrorStatus',
          data: data('`err.status` (with `err.expose`)'),
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'useErrorStatus',
              data: { status: '500' },
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? err.statusCode ?? 500;
    ctx.body = { error: 'Internal Server Error' };
    ctx.app.emit('error', err, ctx);
  }
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: setErrorHandler answering 500',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.status(500).send({ error: 'Internal Server Error' });
});`,
      errors: [
        {
          messageId: 'ignoresErrorStatus',
          data: data('`error.statusCode` (and `error.validation`)'),
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'useErrorStatus',
              data: { status: '500' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.status(error.statusCode ?? error.status ?? 500).send({ error: 'Internal Server Error' });
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
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});`,
      errors: [{ messageId: 'ignoresErrorStatus', data: data('`err instanceof HTTPException` and `err.getResponse()`'), line: 5, column: 10, suggestions: [] }],
    },
    {
      name: 'elysia: onError without looking at code',
      code: `import { Elysia } from 'elysia';
new Elysia().onError(({ error, set }) => {
  set.status = 500;
  return { error: 'internal' };
});`,
      errors: [{ messageId: 'ignoresErrorStatus', data: data('the `code` of the error (`VALIDATION`, `PARSE`, `NOT_FOUND`)'), line: 3, column: 3, suggestions: [] }],
    },
    {
      name: 'nestjs: @Catch() filter answering 500',
      code: `import { Catch, ExceptionFilter, ArgumentsHost, HttpStatus, Logger } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('x');
  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    this.logger.error('failed', exception instanceof Error ? exception.stack : undefined);
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500 });
  }
}`,
      errors: [{ messageId: 'ignoresErrorStatus', data: data('`exception instanceof HttpException` and `exception.getStatus()`'), line: 8, column: 5, suggestions: [] }],
    },
    {
      name: 'h3: createApp onError and Nitro error handler',
      code: `import { createApp, setResponseStatus } from 'h3';
export const app = createApp({
  onError(error, event) {
    setResponseStatus(event, 500);
  },
});
export default defineNitroErrorHandler((error, event) => {
  setResponseStatus(event, 503);
  return send(event, 'unavailable');
});`,
      errors: [
        {
          messageId: 'ignoresErrorStatus',
          data: data('`error.statusCode`'),
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'useErrorStatus',
              data: { status: '500' },
              output: `import { createApp, setResponseStatus } from 'h3';
export const app = createApp({
  onError(error, event) {
    setResponseStatus(event, error.statusCode ?? error.status ?? 500);
  },
});
export default defineNitroErrorHandler((error, event) => {
  setResponseStatus(event, 503);
  return send(event, 'unavailable');
});`,
            },
          ],
        },
        {
          messageId: 'ignoresErrorStatus',
          data: data('`error.statusCode`', '503 Service Unavailable'),
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'useErrorStatus',
              data: { status: '503' },
              output: `import { createApp, setResponseStatus } from 'h3';
export const app = createApp({
  onError(error, event) {
    setResponseStatus(event, 500);
  },
});
export default defineNitroErrorHandler((error, event) => {
  setResponseStatus(event, error.statusCode ?? error.status ?? 503);
  return send(event, 'unavailable');
});`,
            },
          ],
        },
      ],
    },
  ],
});
