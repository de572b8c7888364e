'use strict';
// Deterministic benchmark corpus: route files across the frameworks the plugin
// knows (with the shapes its rules look at: validation, upstream calls,
// try/catch, retry loops, 5xx/503/429 responses) and, mostly, ordinary code
// the rules must ignore (components, utilities, classes, types, tests,
// clients). Everything comes from a seeded PRNG, so the same seed gives the
// same files byte for byte.
const fs = require('node:fs');
const path = require('node:path');

/** mulberry32: small, fast, good enough for picking templates. */
function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const NOUNS = ['user', 'order', 'invoice', 'product', 'session', 'device', 'report', 'booking', 'ticket', 'payment', 'account', 'shipment', 'review', 'team', 'project'];
const UPSTREAMS = ['https://billing.internal/api', 'https://geo.example.com/v2', 'https://inventory.svc/api', 'https://search.internal', 'https://mailer.example.net'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

// Type annotations appear only while generating a TypeScript file.
let TS = true;
const ty = (text) => (TS ? text : '');

// ---------------------------------------------------------------------------
// Framework adapters: how a handler is declared, how it answers, how it reads
// input. `respond(status, body)` returns statements; `input` an expression.
// ---------------------------------------------------------------------------
const FRAMEWORKS = {
  express: {
    ext: ['.ts', '.js'],
    header: () => [`import express from 'express';`, `import axios from 'axios';`, `import { z } from 'zod';`, `import { db } from '../db';`, ``, `export const router = express.Router();`],
    handler: (name, method, body) => [`router.${method}('/${name}s/:id', async (req, res, next) => {`, ...body, `});`],
    respond: (s, b) => [`return res.status(${s}).json(${b});`],
    input: 'req.body',
    param: 'req.params.id',
  },
  fastify: {
    ext: ['.ts', '.js'],
    header: () => [`import Fastify from 'fastify';`, `import { request as undiciRequest } from 'undici';`, `import { z } from 'zod';`, `import { db } from '../db';`, ``, `const app = Fastify({ logger: true });`],
    handler: (name, method, body) => [`app.${method}('/${name}s/:id', async (request, reply) => {`, ...body, `});`],
    respond: (s, b) => [`return reply.code(${s}).send(${b});`],
    input: 'request.body',
    get param() {
      return TS ? '(request.params as { id: string }).id' : 'request.params.id';
    },
  },
  koa: {
    ext: ['.ts', '.js'],
    header: () => [`import Router from '@koa/router';`, `import axios from 'axios';`, `import Joi from 'joi';`, `import { db } from '../db';`, ``, `export const router = new Router();`],
    handler: (name, method, body) => [`router.${method}('/${name}s/:id', async (ctx) => {`, ...body, `});`],
    respond: (s, b) => [`ctx.status = ${s};`, `ctx.body = ${b};`, `return;`],
    input: 'ctx.request.body',
    param: 'ctx.params.id',
  },
  hono: {
    ext: ['.ts'],
    header: () => [`import { Hono } from 'hono';`, `import { z } from 'zod';`, `import { db } from '../db';`, ``, `const app = new Hono();`],
    handler: (name, method, body) => [`app.${method}('/${name}s/:id', async (c) => {`, ...body, `});`],
    respond: (s, b) => [`return c.json(${b}, ${s});`],
    input: 'await c.req.json()',
    param: "c.req.param('id')",
  },
  next: {
    ext: ['.ts'],
    header: () => [`import { NextResponse, type NextRequest } from 'next/server';`, `import { z } from 'zod';`, `import { db } from '@/lib/db';`],
    handler: (name, method, body, i) =>
      i === 0
        ? [`export async function ${method.toUpperCase()}(request: NextRequest, { params }: { params: { id: string } }) {`, ...body, `}`]
        : [`async function handle${cap(name)}${i}(request: NextRequest, { params }: { params: { id: string } }) {`, ...body, `}`],
    respond: (s, b) => [`return NextResponse.json(${b}, { status: ${s} });`],
    input: 'await request.json()',
    param: 'params.id',
  },
  nextPages: {
    ext: ['.ts'],
    header: () => [`import type { NextApiRequest, NextApiResponse } from 'next';`, `import { z } from 'zod';`, `import { db } from '@/lib/db';`],
    handler: (name, _m, body, i) =>
      i === 0
        ? [`export default async function handler(req: NextApiRequest, res: NextApiResponse) {`, ...body, `}`]
        : [`export async function ${name}Handler${i}(req: NextApiRequest, res: NextApiResponse) {`, ...body, `}`],
    respond: (s, b) => [`return res.status(${s}).json(${b});`],
    input: 'req.body',
    param: 'String(req.query.id)',
  },
  nest: {
    ext: ['.ts'],
    header: (name) => [
      `import { Body, Controller, Get, HttpException, HttpStatus, Param, Post, Put, Injectable } from '@nestjs/common';`,
      `import { HttpService } from '@nestjs/axios';`,
      `import { firstValueFrom } from 'rxjs';`,
      `import { z } from 'zod';`,
      ``,
      `@Injectable()`,
      `export class ${cap(name)}Store { private readonly rows = new Map<string, unknown>(); get(id: string) { return this.rows.get(id); } }`,
      ``,
      `@Controller('${name}s')`,
      `export class ${cap(name)}Controller {`,
      `  constructor(private readonly http: HttpService, private readonly store: ${cap(name)}Store) {}`,
    ],
    footer: () => [`}`],
    handler: (name, method, body, i) => [
      `  @${method === 'get' ? 'Get' : method === 'put' ? 'Put' : 'Post'}('${i}/:id')`,
      `  async ${method}${cap(name)}${i}(@Param('id') id: string, @Body() dto: Record<string, unknown>) {`,
      ...body.map((l) => `  ${l}`),
      `  }`,
    ],
    respond: (s, b) => (s < 300 ? [`return ${b};`] : [`throw new HttpException(${b}, ${s});`]),
    input: 'dto',
    param: 'id',
    noUpstreamVar: true,
  },
  h3: {
    ext: ['.ts'],
    header: () => [`import { defineEventHandler, readBody, createError, getRouterParam, setResponseStatus } from 'h3';`, `import { z } from 'zod';`, `import { db } from '~/server/db';`],
    handler: (name, _m, body, i) =>
      i === 0 ? [`export default defineEventHandler(async (event) => {`, ...body, `});`] : [`export const ${name}Handler${i} = defineEventHandler(async (event) => {`, ...body, `});`],
    respond: (s, b) => (s < 300 ? [`setResponseStatus(event, ${s});`, `return ${b};`] : [`throw createError({ statusCode: ${s}, statusMessage: 'Request failed', data: ${b} });`]),
    input: 'await readBody(event)',
    param: "getRouterParam(event, 'id')",
  },
  remix: {
    ext: ['.tsx'],
    header: () => [`import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';`, `import { useLoaderData } from '@remix-run/react';`, `import { z } from 'zod';`, `import { db } from '~/db.server';`],
    handler: (name, _m, body, i) =>
      i === 0
        ? [`export async function action({ request, params }: ActionFunctionArgs) {`, ...body, `}`]
        : i === 1
          ? [`export async function loader({ request, params }: LoaderFunctionArgs) {`, ...body, `}`]
          : [`async function ${name}Action${i}({ request, params }: ActionFunctionArgs) {`, ...body, `}`],
    respond: (s, b) => [`return json(${b}, { status: ${s} });`],
    input: 'Object.fromEntries(await request.formData())',
    param: 'params.id',
    footer: (name) => [``, `export default function ${cap(name)}Route() {`, `  const data = useLoaderData<typeof loader>();`, `  return (`, `    <main className="page">`, `      <h1>{String(data)}</h1>`, `      {[1, 2, 3].map((n) => <p key={n}>{n}</p>)}`, `    </main>`, `  );`, `}`],
  },
  sveltekit: {
    ext: ['.ts'],
    header: () => [`import { json, error } from '@sveltejs/kit';`, `import type { RequestHandler } from './$types';`, `import { z } from 'zod';`, `import { db } from '$lib/server/db';`],
    handler: (name, method, body, i) =>
      i === 0 ? [`export const ${method.toUpperCase()}: RequestHandler = async ({ request, params, fetch }) => {`, ...body, `};`] : [`const ${name}${i}: RequestHandler = async ({ request, params, fetch }) => {`, ...body, `};`],
    respond: (s, b) => (s < 400 ? [`return json(${b}, { status: ${s} });`] : [`error(${s}, ${b});`]),
    input: 'await request.json()',
    param: 'params.id',
  },
  hapi: {
    ext: ['.js', '.ts'],
    header: () => [`import Hapi from '@hapi/hapi';`, `import Boom from '@hapi/boom';`, `import Wreck from '@hapi/wreck';`, `import Joi from 'joi';`, `import { db } from '../db';`, ``, `const server = Hapi.server({ port: 3000 });`],
    handler: (name, method, body) => [`server.route({`, `  method: '${method.toUpperCase()}',`, `  path: '/${name}s/{id}',`, `  handler: async (request, h) => {`, ...body.map((l) => `  ${l}`), `  },`, `});`],
    respond: (s, b) => [`return h.response(${b}).code(${s});`],
    input: 'request.payload',
    param: 'request.params.id',
  },
  lambda: {
    ext: ['.ts'],
    header: () => [`import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';`, `import { z } from 'zod';`, `import { db } from './db';`],
    handler: (name, _m, body, i) => [`export const ${i === 0 ? 'handler' : `${name}Handler${i}`} = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {`, ...body, `};`],
    respond: (s, b) => [`return { statusCode: ${s}, headers: { 'content-type': 'application/json' }, body: JSON.stringify(${b}) };`],
    input: "JSON.parse(event.body ?? '{}')",
    param: "event.pathParameters?.id ?? ''",
  },
  trpc: {
    ext: ['.ts'],
    header: () => [`import { TRPCError, initTRPC } from '@trpc/server';`, `import { z } from 'zod';`, `import { db } from '../db';`, ``, `const t = initTRPC.create();`, `export const procedures = {};`],
    handler: (name, _m, body, i) => [`export const ${name}Procedure${i} = t.procedure.input(z.object({ id: z.string() }).passthrough()).mutation(async ({ input }) => {`, ...body, `});`],
    respond: (s, b) => (s < 300 ? [`return ${b};`] : [`throw new TRPCError({ code: '${s === 400 ? 'BAD_REQUEST' : s === 404 ? 'NOT_FOUND' : s === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR'}', message: 'failed' });`]),
    input: 'input',
    param: 'input.id',
  },
  elysia: {
    ext: ['.ts'],
    header: () => [`import { Elysia } from 'elysia';`, `import { z } from 'zod';`, `import { db } from '../db';`, ``, `export const app = new Elysia();`],
    handler: (name, method, body) => [`app.${method}('/${name}s/:id', async ({ body: payload, params, set }) => {`, ...body, `});`],
    respond: (s, b) => [`set.status = ${s};`, `return ${b};`],
    input: 'payload',
    param: 'params.id',
  },
  nodeHttp: {
    ext: ['.js', '.mjs'],
    header: () => [`import http from 'node:http';`, `import { db } from './db.js';`, ``, `async function readJson(req) {`, `  let raw = '';`, `  for await (const chunk of req) raw += chunk;`, `  return JSON.parse(raw || '{}');`, `}`],
    handler: (name, _m, body, i) => [`export const server${i} = http.createServer(async (req, res) => {`, ...body, `});`],
    respond: (s, b) => [`res.writeHead(${s}, { 'content-type': 'application/json' });`, `res.end(JSON.stringify(${b}));`, `return;`],
    input: 'await readJson(req)',
    param: "new URL(req.url ?? '/', 'http://x').searchParams.get('id')",
  },
};

// ---------------------------------------------------------------------------
// Handler bodies. Each returns lines (2-space indented relative to handler).
// ---------------------------------------------------------------------------
function handlerBody(fw, rng, noun) {
  const R = fw.respond;
  const ind = (lines, n = 1) => lines.map((l) => '  '.repeat(n) + l);
  const url = rng.pick(UPSTREAMS);
  const kind = rng.int(0, 9);
  switch (kind) {
    case 0: // zod safeParse: 400 (right) or 500 (wrong)
      return ind([
        `const parsed = z.object({ name: z.string().min(1), qty: z.number().int().positive() }).safeParse(${fw.input});`,
        `if (!parsed.success) {`,
        ...ind(R(rng.chance(0.3) ? 500 : 400, `{ error: 'invalid ${noun}', issues: parsed.error.issues }`)),
        `}`,
        `const saved = await db.${noun}.create({ data: parsed.data });`,
        ...R(201, 'saved'),
      ]);
    case 1: // manual required-field check
      return ind([
        `const input = ${fw.input};`,
        `if (!input || typeof input.email !== 'string' || !input.email.includes('@')) {`,
        ...ind(R(rng.chance(0.3) ? 500 : 422, `{ error: 'email is required' }`)),
        `}`,
        `const existing = await db.${noun}.findUnique({ where: { email: input.email } });`,
        `if (existing) {`,
        ...ind(R(409, `{ error: '${noun} exists' }`)),
        `}`,
        ...R(200, `{ ok: true }`),
      ]);
    case 2: // upstream fetch in try/catch: 502 (right) or 500 (wrong)
      return ind([
        `try {`,
        `  const upstream = await fetch(\`${url}/${noun}s/\${${fw.param}}\`, { signal: AbortSignal.timeout(5000) });`,
        `  if (!upstream.ok) {`,
        ...ind(R(502, `{ error: 'upstream ' + upstream.status }`), 2),
        `  }`,
        `  const data = await upstream.json();`,
        ...ind(R(200, 'data')),
        `} catch (err) {`,
        `  console.error('${noun} lookup failed', err);`,
        ...ind(R(rng.chance(0.4) ? 500 : 504, `{ error: 'lookup failed' }`)),
        `}`,
      ]);
    case 3: // database failure: 500 is right
      return ind([
        `try {`,
        `  const row = await db.${noun}.findUnique({ where: { id: ${fw.param} } });`,
        `  if (!row) {`,
        ...ind(R(404, `{ error: 'not found' }`), 2),
        `  }`,
        ...ind(R(200, 'row')),
        `} catch (err) {`,
        ...ind(R(500, `{ error: 'internal error' }`)),
        `}`,
      ]);
    case 4: // maintenance 503, sometimes with Retry-After nearby
      return ind([
        `const maintenance = process.env.MAINTENANCE === '1';`,
        `if (maintenance) {`,
        ...ind(R(503, `{ error: 'maintenance', retryAfterSeconds: 120 }`)),
        `}`,
        `const items = await db.${noun}.findMany({ take: 50 });`,
        `const summary = items.reduce((acc, item) => { acc[item.status] = (acc[item.status] ?? 0) + 1; return acc; }, {});`,
        ...R(200, `{ items, summary }`),
      ]);
    case 5: // schema parse throws inside try, catch answers
      return ind([
        `try {`,
        `  const body = z.object({ title: z.string(), tags: z.array(z.string()).max(10) }).parse(${fw.input});`,
        `  const created = await db.${noun}.create({ data: body });`,
        ...ind(R(201, 'created')),
        `} catch (error) {`,
        `  if (error instanceof z.ZodError) {`,
        ...ind(R(rng.chance(0.3) ? 500 : 400, `{ error: 'bad input', details: error.flatten() }`), 2),
        `  }`,
        ...ind(R(500, `{ error: 'could not save' }`)),
        `}`,
      ]);
    case 6: // pagination, pure data work
      return ind([
        `const page = Math.max(1, Number(${fw.param}) || 1);`,
        `const pageSize = 25;`,
        `const [rows, total] = await Promise.all([db.${noun}.findMany({ skip: (page - 1) * pageSize, take: pageSize }), db.${noun}.count()]);`,
        `const pages = Math.ceil(total / pageSize);`,
        `const links = { next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null };`,
        ...R(200, `{ rows, total, pages, links }`),
      ]);
    case 7: // upstream via axios-like helper with status mapping
      return ind([
        `const controller = new AbortController();`,
        `const timer = setTimeout(() => controller.abort(), 3000);`,
        `try {`,
        `  const response = await fetch('${url}/quote', { method: 'POST', body: JSON.stringify({ id: ${fw.param} }), signal: controller.signal });`,
        `  const quote = await response.json();`,
        ...ind(R(200, 'quote')),
        `} catch (err) {`,
        `  if (${TS ? '(err as Error)' : 'err'}.name === 'AbortError') {`,
        ...ind(R(504, `{ error: 'quote service timed out' }`), 2),
        `  }`,
        ...ind(R(502, `{ error: 'quote service failed' }`)),
        `} finally {`,
        `  clearTimeout(timer);`,
        `}`,
      ]);
    case 8: // rate limit 429
      return ind([
        `const key = \`rl:${noun}:\${${fw.param}}\`;`,
        `const used = await db.rateLimit.increment(key);`,
        `if (used > 100) {`,
        ...ind(R(429, `{ error: 'too many requests' }`)),
        `}`,
        ...R(200, `{ used }`),
      ]);
    default: // a plain read
      return ind([`const item = await db.${noun}.findUnique({ where: { id: ${fw.param} } });`, `if (!item) {`, ...ind(R(404, `{ error: '${noun} not found' }`)), `}`, ...R(200, 'item')]);
  }
}

// ---------------------------------------------------------------------------
// Chunks of ordinary code (most of any repository).
// ---------------------------------------------------------------------------
function retryChunk(rng, i) {
  const url = rng.pick(UPSTREAMS);
  switch (rng.int(0, 3)) {
    case 0:
      return [
        `export async function fetchWithRetry${i}(path${ty(': string')}, attempts = 3)${ty(': Promise<Response>')} {`,
        `  let lastError${ty(': unknown')};`,
        `  for (let attempt = 0; attempt < attempts; attempt++) {`,
        `    try {`,
        `      const res = await fetch('${url}' + path);`,
        `      if (res.ok) return res;`,
        `      lastError = new Error('status ' + res.status);`,
        `    } catch (err) {`,
        `      lastError = err;`,
        `    }`,
        rng.chance(0.5) ? `    await new Promise((r) => setTimeout(r, 2 ** attempt * 200 + Math.random() * 100));` : `    // try again right away`,
        `  }`,
        `  throw lastError;`,
        `}`,
      ];
    case 1:
      return [
        `export async function poll${i}(jobId${ty(': string')}) {`,
        `  let delay = 500;`,
        `  while (true) {`,
        `    const res = await fetch(\`${url}/jobs/\${jobId}\`);`,
        `    const job = await res.json();`,
        `    if (job.state === 'done') return job;`,
        `    await new Promise((r) => setTimeout(r, delay));`,
        `    delay = Math.min(delay * 2, 10_000);`,
        `  }`,
        `}`,
      ];
    case 2:
      return [
        `export async function sendWebhook${i}(payload${ty(': unknown')}, tries = 5) {`,
        `  try {`,
        `    const res = await fetch('${url}/hooks', { method: 'POST', body: JSON.stringify(payload) });`,
        `    if (res.status >= 500 && tries > 0) return sendWebhook${i}(payload, tries - 1);`,
        `    return res;`,
        `  } catch (err) {`,
        `    if (tries > 0) {`,
        `      await new Promise((r) => setTimeout(r, 1000));`,
        `      return sendWebhook${i}(payload, tries - 1);`,
        `    }`,
        `    throw err;`,
        `  }`,
        `}`,
      ];
    default:
      return [`export function sumBy${i}${ty('<T>')}(items${ty(': T[]')}, pick${ty(': (item: T) => number')})${ty(': number')} {`, `  let total = 0;`, `  for (const item of items) total += pick(item);`, `  return total;`, `}`];
  }
}

function plainChunk(rng, i) {
  const noun = rng.pick(NOUNS);
  switch (rng.int(0, 9)) {
    case 0:
      return [
        `export function format${cap(noun)}${i}(value${ty(': { id: string; name?: string; createdAt: Date }')})${ty(': string')} {`,
        `  const name = value.name?.trim() ?? 'unnamed';`,
        `  const date = value.createdAt.toISOString().slice(0, 10);`,
        `  return \`\${name} (#\${value.id}) on \${date}\`;`,
        `}`,
      ];
    case 1:
      return [
        `export class ${cap(noun)}Cache${i}${ty('<V>')} {`,
        `  #entries = new Map${ty('<string, { value: V; expires: number }>')}();`,
        TS ? `  constructor(private readonly ttlMs = 60_000) {}` : `  constructor(ttlMs = 60_000) { this.ttlMs = ttlMs; }`,
        `  get(key${ty(': string')})${ty(': V | undefined')} {`,
        `    const hit = this.#entries.get(key);`,
        `    if (!hit || hit.expires < Date.now()) {`,
        `      this.#entries.delete(key);`,
        `      return undefined;`,
        `    }`,
        `    return hit.value;`,
        `  }`,
        `  set(key${ty(': string')}, value${ty(': V')})${ty(': void')} {`,
        `    this.#entries.set(key, { value, expires: Date.now() + this.ttlMs });`,
        `  }`,
        `  static #instances = 0;`,
        `  static create${ty('<V>')}() { ${cap(noun)}Cache${i}.#instances++; return new ${cap(noun)}Cache${i}${ty('<V>')}(); }`,
        `}`,
      ];
    case 2:
      if (!TS) {
        return [
          `/** @typedef {{ id: string, status: 'active' | 'archived' | 'pending' }} ${cap(noun)}Dto${i} */`,
          `export const ${cap(noun)}Kind${i} = Object.freeze({ Basic: 'basic', Pro: 'pro', Enterprise: 'enterprise' });`,
        ];
      }
      return [
        `export interface ${cap(noun)}Dto${i} {`,
        `  id: string;`,
        `  status: 'active' | 'archived' | 'pending';`,
        `  tags?: readonly string[];`,
        `  meta: Record<string, unknown>;`,
        `}`,
        ``,
        `export enum ${cap(noun)}Kind${i} { Basic = 'basic', Pro = 'pro', Enterprise = 'enterprise' }`,
        ``,
        `export type ${cap(noun)}Patch${i} = Partial<Omit<${cap(noun)}Dto${i}, 'id'>>;`,
      ];
    case 3:
      return [
        `export function reducer${i}(state${ty(': { count: number; status: number; items: string[] }')}, action${ty(': { type: string; payload?: string }')}) {`,
        `  switch (action.type) {`,
        `    case 'add':`,
        `      return { ...state, count: state.count + 1, items: [...state.items, action.payload ?? ''] };`,
        `    case 'reset':`,
        `      return { ...state, count: 0, status: 500, items: [] };`,
        `    default:`,
        `      return state;`,
        `  }`,
        `}`,
      ];
    case 4:
      return [
        `export function* chunks${i}${ty('<T>')}(items${ty(': readonly T[]')}, size${ty(': number')})${ty(': Generator<T[]>')} {`,
        `  outer: for (let start = 0; start < items.length; start += size) {`,
        `    const slice = items.slice(start, start + size);`,
        `    for (const item of slice) {`,
        `      if (item === undefined) continue outer;`,
        `    }`,
        `    yield slice;`,
        `  }`,
        `}`,
      ];
    case 5:
      return [
        `export const ${noun}Config${i} = {`,
        `  retries: 3,`,
        `  timeoutMs: 5000,`,
        `  statusPage: { ok: 200, error: 500, unavailable: 503 },`,
        `  endpoints: { list: '/${noun}s', detail: (id${ty(': string')}) => \`/${noun}s/\${id}\` },`,
        `}${ty(' as const')};`,
      ];
    case 6:
      return [
        `export function validate${cap(noun)}${i}(input${ty(': unknown')})${ty(': string[]')} {`,
        `  const errors${ty(': string[]')} = [];`,
        `  if (typeof input !== 'object' || input === null) return ['not an object'];`,
        `  const record = input${ty(' as Record<string, unknown>')};`,
        `  if (typeof record.id !== 'string') errors.push('id must be a string');`,
        `  if (record.qty !== undefined && typeof record.qty !== 'number') errors.push('qty must be a number');`,
        `  return errors;`,
        `}`,
      ];
    case 7:
      return [
        `export function handle${cap(noun)}Event${i}(event${ty(': { type: string; detail?: { status?: number } }')}, res${ty(': { status: number }')}) {`,
        `  // not an HTTP handler: res is a plain record`,
        `  if (event.detail?.status === 500) res.status = 500;`,
        `  else res.status = event.detail?.status ?? 200;`,
        `  return res;`,
        `}`,
      ];
    case 8:
      return [
        `export async function load${cap(noun)}s${i}(client${ty(': { get(url: string): Promise<{ data: unknown[] }> }')}) {`,
        `  const { data } = await client.get('/${noun}s');`,
        `  return data.filter(Boolean).map((row, index) => ({ index, row }));`,
        `}`,
      ];
    default:
      return [
        `export function debounce${i}${ty('<A extends unknown[]>')}(fn${ty(': (...args: A) => void')}, ms${ty(': number')}) {`,
        `  let timer${ty(': ReturnType<typeof setTimeout> | undefined')};`,
        `  return (...args${ty(': A')}) => {`,
        `    if (timer) clearTimeout(timer);`,
        `    timer = setTimeout(() => fn(...args), ms);`,
        `  };`,
        `}`,
      ];
  }
}

function componentChunk(rng, i) {
  const noun = rng.pick(NOUNS);
  return [
    `export function ${cap(noun)}Card${i}({ ${noun}, onSelect }: { ${noun}: { id: string; title: string; status: number }; onSelect?: (id: string) => void }) {`,
    `  const [open, setOpen] = useState(false);`,
    `  const label = ${noun}.status >= 500 ? 'error' : ${noun}.status >= 400 ? 'warning' : 'ok';`,
    `  useEffect(() => {`,
    `    if (!open) return;`,
    `    const id = setTimeout(() => setOpen(false), 5000);`,
    `    return () => clearTimeout(id);`,
    `  }, [open]);`,
    `  return (`,
    `    <div className={\`card card--\${label}\`} onClick={() => { setOpen(!open); onSelect?.(${noun}.id); }}>`,
    `      <h3>{${noun}.title}</h3>`,
    `      {open && <p aria-live="polite">Status {${noun}.status}</p>}`,
    `    </div>`,
    `  );`,
    `}`,
  ];
}

function testChunk(rng, i) {
  const noun = rng.pick(NOUNS);
  return [
    `describe('${noun} ${i}', () => {`,
    `  it('answers 500 when the store throws', async () => {`,
    `    const res = { status: vi.fn().mockReturnThis(), json: vi.fn() };`,
    `    res.status(500).json({ error: 'boom' });`,
    `    expect(res.status).toHaveBeenCalledWith(500);`,
    `  });`,
    `  it('retries', async () => {`,
    `    for (let i = 0; i < 3; i++) {`,
    `      await fetch('http://localhost/${noun}s').catch(() => undefined);`,
    `    }`,
    `  });`,
    `});`,
  ];
}

// ---------------------------------------------------------------------------
// Files.
// ---------------------------------------------------------------------------
const FRAMEWORK_DIRS = {
  express: 'express/routes',
  fastify: 'fastify/routes',
  koa: 'koa/routes',
  hono: 'hono/src',
  next: 'next/app/api',
  nextPages: 'next/pages/api',
  nest: 'nest/src',
  h3: 'nuxt/server/api',
  remix: 'remix/app/routes',
  sveltekit: 'sveltekit/src/routes',
  hapi: 'hapi/routes',
  lambda: 'lambda/functions',
  trpc: 'trpc/server',
  elysia: 'elysia/src',
  nodeHttp: 'node-http',
};

function lineTarget(rng) {
  // Mostly small files, a long tail up to 5,000 lines.
  const u = rng.next();
  return Math.round(50 * 100 ** u ** 5); // median ~55 lines, mean ~310
}

function buildRouteFile(rng, fwName, target) {
  const fw = FRAMEWORKS[fwName];
  const noun = rng.pick(NOUNS);
  const lines = [`// ${fwName} ${noun} routes (generated benchmark input)`, ...fw.header(noun), ``];
  const footer = fw.footer ? fw.footer(noun) : [];
  let i = 0;
  while (lines.length + footer.length < target) {
    const r = rng.next();
    if (r < 0.6 || i === 0) {
      lines.push(...fw.handler(noun, rng.pick(METHODS), handlerBody(fw, rng, noun), i), ``);
    } else if (fwName !== 'nest') {
      lines.push(...(r < 0.75 ? retryChunk(rng, i) : plainChunk(rng, i)), ``);
    } else {
      lines.push(...retryChunk(rng, i).map((l) => `  ${l.replace(/^export (async )?function (\w+)/, (_m, a) => `${a ?? ''}helper${i}`)}`), ``);
    }
    i++;
  }
  lines.push(...footer);
  return lines;
}

function buildPlainFile(rng, kind, target) {
  const lines = [`// ${kind} module (generated benchmark input)`];
  if (kind === 'component') lines.push(`import { useEffect, useState } from 'react';`, ``);
  if (kind === 'test') lines.push(`import { describe, it, expect, vi } from 'vitest';`, ``);
  if (kind === 'client') lines.push(`import axios from 'axios';`, `const api = axios.create({ baseURL: '/api', timeout: 5000 });`, `export const client = api;`, ``);
  let i = 0;
  while (lines.length < target) {
    if (kind === 'component') lines.push(...(rng.chance(0.7) ? componentChunk(rng, i) : plainChunk(rng, i)), ``);
    else if (kind === 'test') lines.push(...testChunk(rng, i), ``);
    else if (kind === 'client') lines.push(...(rng.chance(0.5) ? retryChunk(rng, i) : plainChunk(rng, i)), ``);
    else lines.push(...plainChunk(rng, i), ``);
    i++;
  }
  return lines;
}

/**
 * Writes the corpus into `dir` (emptied first) and returns
 * `[{ file, lines }]`. Roughly a third of the files are route files.
 */
function generateCorpus(dir, { seed = 20240607, files = 300 } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  const rng = createRng(seed);
  const fwNames = Object.keys(FRAMEWORKS);
  const out = [];
  for (let n = 0; n < files; n++) {
    const target = lineTarget(rng);
    let rel;
    let lines;
    if (rng.chance(0.35)) {
      const fwName = fwNames[n % fwNames.length];
      const fw = FRAMEWORKS[fwName];
      const ext = rng.pick(fw.ext);
      TS = ext === '.ts' || ext === '.tsx';
      lines = buildRouteFile(rng, fwName, target);
      if (!TS) lines = lines.filter((l) => !l.startsWith('import type '));
      const base = fwName === 'next' ? `r${n}/route` : fwName === 'sveltekit' ? `r${n}/+server` : `${rng.pick(NOUNS)}-${n}`;
      rel = path.join(FRAMEWORK_DIRS[fwName], base + ext);
    } else {
      const kind = rng.pick(['component', 'util', 'util', 'test', 'client', 'model']);
      const ext = kind === 'component' ? '.tsx' : rng.chance(0.25) ? '.js' : '.ts';
      TS = ext !== '.js';
      lines = buildPlainFile(rng, kind, target);
      rel = path.join('lib', kind, `${kind}-${n}${kind === 'test' ? '.test' : ''}${ext}`);
    }
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    out.push({ file, lines: lines.length });
  }
  TS = true;
  return out;
}

/**
 * One unit of route-file content (imports hoisted) for the growth test:
 * `{ head, body }`, where `body` can be repeated inside fresh blocks.
 */
function growthUnit(seed = 7, target = 250) {
  TS = true;
  const rng = createRng(seed);
  const lines = buildRouteFile(rng, 'express', target);
  const head = lines.filter((l) => l.startsWith('import '));
  const body = lines
    .filter((l) => !l.startsWith('import ') && !l.startsWith('//'))
    .map((l) => l.replace(/^export (const|async function|function|class|interface|enum|type) /, '$1 '));
  return { head, body };
}

module.exports = { createRng, generateCorpus, growthUnit };
