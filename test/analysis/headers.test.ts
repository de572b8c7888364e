/**
 * The response-headers module: for each status emission, the headers its
 * response carries (`name!` on every path, `name?` on some path), and whether
 * the answer is complete.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { probe, type ProbeOptions } from './probe';

function headers(code: string, options?: ProbeOptions): string[] {
  const { model, sourceCode } = probe(code, options);
  return model.emissions.map((e) => {
    const h = model.responseHeaders(e);
    const head = `L${e.node.loc.start.line} ${e.code ?? '?'}`;
    if (!h) return `${head} n/a`;
    const writes = h.writes.map((w) => `${w.name}${w.definite ? '!' : '?'}${w.value ? `=${sourceCode.getText(w.value as TSESTree.Node)}` : ''}`);
    return `${head}${h.complete ? '' : ' incomplete'}${writes.length ? ` ${writes.join(' ')}` : ''}`;
  });
}

describe('express / node:http', () => {
  it('writes before, in the chain, in other branches, after a status-only statement', () => {
    expect(
      headers(`import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  res.set('Cache-Control', 'no-store');
  if (req.query.a) return res.status(503).set('Retry-After', '5').end();
  if (req.query.b) res.set({ 'X-A': '1', 'Retry-After': '9' });
  res.status(503);
  res.append('Retry-After', '10');
  res.end();
});`),
    ).toMatchInlineSnapshot(`
      [
        "L5 503 cache-control!='no-store' retry-after!='5'",
        "L7 503 cache-control!='no-store' x-a?='1' retry-after?='9' retry-after?='10'",
      ]
    `);
  });

  it('writeHead headers; an unresolvable headers object is incomplete', () => {
    expect(
      headers(`import http from 'node:http';
import { base } from './h';
http.createServer((req, res) => {
  if (req.url === '/a') { res.writeHead(503, { 'Retry-After': '1' }); return res.end(); }
  res.setHeader(...base);
  res.writeHead(500, base);
  res.end();
});`),
    ).toMatchInlineSnapshot(`
      [
        "L4 503 retry-after!='1'",
        "L6 500 incomplete",
      ]
    `);
  });

  it('a response handed to an unknown function, route middleware, same-file global middleware', () => {
    expect(
      headers(`import express from 'express';
import { decorate, limiter } from './lib';
const app = express();
app.use((req, res, next) => { res.set('X-Global', '1'); next(); });
app.get('/a', (req, res) => { decorate(res); res.status(503).end(); });
app.get('/b', limiter, (req, res) => res.status(503).end());
app.get('/c', (req, res) => res.status(503).end());`),
    ).toMatchInlineSnapshot(`
      [
        "L5 503 incomplete x-global?='1'",
        "L6 503 incomplete x-global?='1'",
        "L7 503 x-global?='1'",
      ]
    `);
  });

  it('a middleware that answers itself does not set headers for others', () => {
    expect(
      headers(`import express from 'express';
const app = express();
app.use((req, res, next) => { if (req.query.x) { res.set('Retry-After', '1'); return res.status(503).end(); } next(); });
app.get('/c', (req, res) => res.status(503).end());`),
    ).toMatchInlineSnapshot(`
      [
        "L3 503 retry-after!='1'",
        "L4 503",
      ]
    `);
  });
});

describe('koa, hono, fastify, elysia, h3', () => {
  it('koa: writes anywhere in the middleware count, except exclusive branches', () => {
    expect(
      headers(`import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  if (ctx.query.a) { ctx.status = 503; ctx.body = 'x'; return; }
  ctx.status = 429;
  ctx.body = 'y';
  ctx.set('Retry-After', '60');
});`),
    ).toMatchInlineSnapshot(`
      [
        "L4 503",
        "L5 429 retry-after?='60'",
      ]
    `);
  });

  it('hono: c.header, headers argument, init headers; c.req.header() is a read', () => {
    expect(
      headers(`import { Hono } from 'hono';
const app = new Hono();
app.get('/x', (c) => {
  const ip = c.req.header('cf-connecting-ip');
  if (!ip) return c.json({}, 503, { 'Retry-After': '2' });
  if (ip === '1') return c.json({}, { status: 429, headers: { 'retry-after': '3' } });
  c.header('Retry-After', '4');
  return c.text('busy', 503);
});`),
    ).toMatchInlineSnapshot(`
      [
        "L5 503 retry-after!='2'",
        "L6 429 retry-after!='3'",
        "L8 503 retry-after!='4'",
      ]
    `);
  });

  it('fastify: header chained after code()', () => {
    expect(
      headers(`import Fastify from 'fastify';
const app = Fastify();
app.get('/x', async (request, reply) => reply.code(503).headers({ 'Retry-After': '30' }).send());`),
    ).toMatchInlineSnapshot(`
      [
        "L3 503 retry-after!='30'",
      ]
    `);
  });

  it('elysia: set.headers', () => {
    expect(
      headers(`import { Elysia } from 'elysia';
new Elysia().get('/x', ({ set }) => {
  set.headers['retry-after'] = '30';
  set.status = 503;
  return 'down';
});`),
    ).toMatchInlineSnapshot(`
      [
        "L4 503 retry-after!='30'",
      ]
    `);
  });

  it('h3: setResponseHeader(s) on the event', () => {
    expect(
      headers(`import { defineEventHandler, setResponseHeaders, setResponseStatus } from 'h3';
export default defineEventHandler((event) => {
  setResponseHeaders(event, { 'Retry-After': '60', 'Cache-Control': 'no-store' });
  setResponseStatus(event, 503);
  return 'down';
});`),
    ).toMatchInlineSnapshot(`
      [
        "L4 503 retry-after!='60' cache-control!='no-store'",
      ]
    `);
  });
});

describe('response objects', () => {
  it('next / web: init headers, Headers variables, a returned response variable', () => {
    expect(
      headers(`import { NextResponse } from 'next/server';
const COMMON = { 'Cache-Control': 'no-store' };
export async function GET(req: Request) {
  if (req.url) return NextResponse.json({}, { status: 503, headers: { ...COMMON, 'Retry-After': '1' } });
  const h = new Headers(COMMON);
  h.append('Retry-After', '2');
  if (req.body) return new Response(null, { status: 503, headers: h });
  const res = NextResponse.json({}, { status: 429 });
  res.headers.set('Retry-After', '3');
  return res;
}`),
    ).toMatchInlineSnapshot(`
      [
        "L4 503 cache-control!='no-store' retry-after!='1'",
        "L7 503 cache-control!='no-store' retry-after!='2'",
        "L8 429 retry-after?='3'",
      ]
    `);
  });

  it('lambda: headers and multiValueHeaders; an unknown spread is incomplete', () => {
    expect(
      headers(`import { base } from './base';
export const a = async () => ({ statusCode: 503, multiValueHeaders: { 'Retry-After': ['5'] }, body: '' });
export const b = async () => ({ ...base, statusCode: 503, body: '' });`),
    ).toMatchInlineSnapshot(`
      [
        "L2 503 retry-after!=['5']",
        "L3 503 incomplete",
      ]
    `);
  });
});

describe('error objects', () => {
  it('http-errors props and err.headers, Boom output headers, NestJS @Header and @Res', () => {
    expect(
      headers(`import createError from 'http-errors';
import Boom from '@hapi/boom';
import { Controller, Get, Header, Res, ServiceUnavailableException } from '@nestjs/common';
export function a(next) { next(createError(503, 'x', { headers: { 'Retry-After': '1' } })); }
export function b() { const e = createError(429); e.headers = { 'Retry-After': '2' }; throw e; }
export function c() { const e = Boom.serverUnavailable(); e.output.headers['Retry-After'] = '3'; throw e; }
@Controller()
export class C {
  @Get() @Header('Retry-After', '4') d() { throw new ServiceUnavailableException(); }
  @Get() e(@Res() res) { throw new ServiceUnavailableException(); }
}`),
    ).toMatchInlineSnapshot(`
      [
        "L4 503 retry-after!='1'",
        "L5 429 retry-after?='2'",
        "L6 503 retry-after?='3'",
        "L9 503 retry-after!='4'",
        "L10 503 incomplete",
      ]
    `);
  });

  it('forms without a response of their own', () => {
    expect(
      headers(`export function f() { const err = new Error('x'); err.status = 503; throw err; }`),
    ).toMatchInlineSnapshot(`
      [
        "L1 503 n/a",
      ]
    `);
  });
});
