/**
 * Error-handler detection: each handler as `kind Lline errors=[...] consults=[lines] emissions=[Lline code]`,
 * plus the caught-error leaks the error-values module finds in response bodies.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { probe, type ProbeOptions } from './probe';

function handlers(code: string, options?: ProbeOptions): string[] {
  const { model, sourceCode } = probe(code, options);
  const lineOf = (offset: number) => sourceCode.getLocFromIndex(offset).line;
  return model.errorHandlers.all.map((h) => {
    const errors = h.errors.map((v) => v.name).join(',');
    const consults = h.consults.map((c) => `L${lineOf(c)}`).join(',');
    const emissions = h.emissions.map((e) => `L${e.node.loc.start.line}:${e.code ?? '?'}`).join(',');
    return `${h.kind} L${h.region.loc.start.line} errors=[${errors}] consults=[${consults}] emissions=[${emissions}]`;
  });
}

function leaks(code: string, options?: ProbeOptions): string[] {
  const { model, sourceCode } = probe(code, options);
  const all = [...model.emissions, ...model.errorHandlers.all.flatMap((h) => h.emissions)];
  const seen = new Set<TSESTree.Node>();
  const out: string[] = [];
  for (const e of all) {
    if (seen.has(e.node)) continue;
    seen.add(e.node);
    for (const body of model.errorValues.bodiesOf(e)) {
      const found = model.errorValues.leaksIn(body, e.node).map((l) => `${l.kind}:${sourceCode.getText(l.node as TSESTree.Node)}`);
      out.push(`L${e.node.loc.start.line} ${e.code ?? '?'} body=${sourceCode.getText(body as TSESTree.Node).replace(/\s+/g, ' ')}${found.length ? ` leaks=[${found.join(', ')}]` : ''}`);
    }
  }
  return out;
}

describe('error handlers', () => {
  it('express: 4-parameter middleware, registered or exported; aliases of the error', () => {
    expect(
      handlers(`import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  const e = err as any;
  console.error(e);
  if (e.status) return res.status(e.status).end();
  res.status(500).end();
});
export function onError(error, req, res, next) {
  res.status(500).json({ message: 'x' });
}
function notAHandler(a, b, c, d) { return a + b + c + d; }`),
    ).toMatchInlineSnapshot(`
      [
        "express L3 errors=[err,e] consults=[L6,L6] emissions=[L6:?,L7:500]",
        "express L9 errors=[error] consults=[] emissions=[L10:500]",
      ]
    `);
  });

  it('koa: only a catch around await next()', () => {
    expect(
      handlers(`import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try { await next(); } catch (err) {
    if (err instanceof SyntaxError) ctx.status = 400;
    else ctx.status = 500;
  }
});
app.use(async (ctx) => {
  try { ctx.body = await load(); } catch (err) { ctx.status = 500; }
});`),
    ).toMatchInlineSnapshot(`
      [
        "koa L4 errors=[err] consults=[L5] emissions=[L5:400,L6:500]",
      ]
    `);
  });

  it('fastify, hono, elysia, h3, nitro', () => {
    expect(
      handlers(`import Fastify from 'fastify';
import { Hono } from 'hono';
import { Elysia } from 'elysia';
import { createApp, setResponseStatus } from 'h3';
Fastify().setErrorHandler((error, request, reply) => { reply.status(500).send(); });
new Hono().onError((err, c) => c.json({}, 500));
new Elysia().onError(({ code, error, set }) => { if (code === 'NOT_FOUND') return; set.status = 500; });
createApp({ onError: (error, event) => { setResponseStatus(event, 500); } });
export default defineNitroErrorHandler((error, event) => { setResponseStatus(event, error.statusCode || 500); });`),
    ).toMatchInlineSnapshot(`
      [
        "fastify L5 errors=[error] consults=[] emissions=[L5:500]",
        "hono L6 errors=[err] consults=[] emissions=[L6:500]",
        "elysia L7 errors=[error] consults=[L7] emissions=[L7:500]",
        "h3 L8 errors=[error] consults=[] emissions=[L8:500]",
        "h3 L9 errors=[error] consults=[L9] emissions=[L9:?]",
      ]
    `);
  });

  it('nestjs: @Catch() and @Catch(HttpException), not @Catch(OtherError)', () => {
    expect(
      handlers(`import { Catch, HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
@Catch()
export class A { catch(exception, host) { host.switchToHttp().getResponse().status(500).json({}); } }
@Catch(HttpException)
export class B { catch(exception, host) { const r = host.switchToHttp().getResponse(); r.status(exception.getStatus()).json({}); } }
@Catch(QueryFailedError)
export class C { catch(exception, host) { host.switchToHttp().getResponse().status(500).json({}); } }`),
    ).toMatchInlineSnapshot(`
      [
        "nestjs L4 errors=[exception] consults=[] emissions=[L4:500]",
        "nestjs L6 errors=[exception] consults=[L6] emissions=[L6:?]",
      ]
    `);
  });

  it('logging and next(err) do not consult; helpers and super.catch do', () => {
    expect(
      handlers(`import { Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
export function h(err, req, res, next) {
  logger.error({ err });
  Sentry.captureException(err);
  if (res.headersSent) return next(err);
  const status = statusFor(err);
  res.status(500).end();
}
@Catch()
export class F extends BaseExceptionFilter { catch(exception, host) { super.catch(exception, host); } }`),
    ).toMatchInlineSnapshot(`
      [
        "express L3 errors=[err] consults=[L7] emissions=[L8:500]",
        "nestjs L11 errors=[exception] consults=[L11] emissions=[]",
      ]
    `);
  });
});

describe('error values', () => {
  it('bodies and leaks across forms', () => {
    expect(
      leaks(`import express from 'express';
import { NextResponse } from 'next/server';
const app = express();
app.get('/a', async (req, res) => {
  try { res.json(await load()); } catch (err) {
    const { stack } = err;
    res.status(500).json({ message: \`\${err.message}\`, stack, raw: { ...err }, code: err.code });
  }
});
app.get('/b', async (req, res) => {
  try { res.json(await load()); } catch (err) {
    res.status(400).json({ message: err.message });
  }
});
export async function GET() {
  try { return NextResponse.json(await load()); } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return NextResponse.json({ error: error.toString(), detail: process.env.NODE_ENV === 'development' ? error.stack : undefined }, { status: 500 });
  }
}`),
    ).toMatchInlineSnapshot(`
      [
        "L7 500 body={ message: \`\${err.message}\`, stack, raw: { ...err }, code: err.code } leaks=[message:err.message, stack:stack, error:...err]",
        "L12 400 body={ message: err.message } leaks=[message:err.message]",
        "L18 500 body={ error: error.toString(), detail: process.env.NODE_ENV === 'development' ? error.stack : undefined } leaks=[message:error.toString()]",
      ]
    `);
  });
});
