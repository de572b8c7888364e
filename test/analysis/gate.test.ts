/**
 * The model's cheap text gate: files that cannot hold a status emission, an
 * upstream call or an error handler get the empty model without a walk; every
 * file that can must pass.
 */
import { describe, expect, it } from 'vitest';
import { mightHoldHttpFacts } from '../../src/analysis/model';
import { servesRequests } from '../../src/analysis/files';

describe('mightHoldHttpFacts', () => {
  it.each([
    ['a NestJS controller whose only status form is @HttpCode', "import { Controller, HttpCode } from '@nestjs/common';\n@HttpCode(202) class A {}"],
    ['an Express controller with no imports', 'exports.create = async (req, res) => { res.status(500).json({}) };'],
    ['a Lambda result', 'export const handler = async () => ({ statusCode: 502, body: "" });'],
    ['a Koa status assignment', 'export default async (ctx) => { ctx.status = 503; };'],
    ['a fetch call', 'export async function GET() { return fetch(url); }'],
    ['an axios import', "import axios from 'axios';\nexport const get = () => axios.get(u);"],
    ['a Hono app whose only marker is the status argument of c.json(b, 500)', "import { Hono } from 'hono';\napp.get('/', (c) => c.json(b, 500));"],
    ['a SvelteKit endpoint throwing error(502)', "import { error } from '@sveltejs/kit';\nexport const GET = () => { throw error(bad, msg); };"],
    ['a Remix loader passing a status in the init object', "import { json } from '@remix-run/node';\nexport const loader = () => json(b, { status: code });"],
    ['a Fastify plugin whose @fastify/sensible helpers name no status', "import fastify from 'fastify';\napp.get('/', (req, reply) => reply.badGateway());"],
    ['a require of got', "const got = require('got');"],
    ['an SDK from a prefix family', "import { S3Client } from '@aws-sdk/client-s3';"],
  ])('lets through %s', (_name, text) => {
    expect(mightHoldHttpFacts(text, false)).toBe(true);
  });

  it.each([
    ['a React component', "import { useState } from 'react';\nexport function Button() { const [open, setOpen] = useState(false); return null; }"],
    ['a utility module', "export function slugify(s: string) { return s.toLowerCase().replace(/\\s+/g, '-'); }"],
    ['a status comparison is not a status emission', 'if (job.status === "done") notify(job);'],
    ['a component that imports React Router hooks only', "import { Link, useLoaderData } from 'react-router';\nexport default function Page() { return <Link className=\"text-red-500 w-[400px]\" to=\"/\" />; }"],
    ['a Hono app with no status, error or client in it', "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.text('hi'));"],
  ])('skips %s', (_name, text) => {
    expect(mightHoldHttpFacts(text, false)).toBe(false);
  });

  it('never skips a file when the user declared upstream call patterns', () => {
    expect(mightHoldHttpFacts('export const x = 1;', true)).toBe(true);
  });
});

describe('servesRequests', () => {
  it.each([
    ['a route module', '/repo/src/routes/users.ts'],
    ['server code under a folder named test/ (folders are not judged)', '/srv/test/app/src/server.ts'],
    ['a name that only starts with "mock" as part of a word', '/repo/src/mockingbird.ts'],
    ['a Windows path to a handler', 'C:\\repo\\api\\handler.js'],
  ])('keeps %s', (_name, file) => {
    expect(servesRequests(file)).toBe(true);
  });

  it.each([
    ['Mock Service Worker handlers', "import { http, HttpResponse } from 'msw';"],
    ['msw/node', "const { setupServer } = require('msw/node');"],
    ['nock interceptors', "import nock from 'nock';"],
  ])('skips a module that imports a mocking library: %s', (_name, text) => {
    expect(servesRequests('/repo/src/handlers.ts', text)).toBe(false);
  });

  it('keeps a module that only mentions a mock in passing', () => {
    expect(servesRequests('/repo/src/handlers.ts', "import express from 'express';\n// no mock here: msw-like naming in a comment")).toBe(true);
  });

  it.each([
    ['a test file', '/repo/src/routes/users.test.ts'],
    ['a spec file', '/repo/src/app.spec.js'],
    ['a file under __tests__', '/repo/src/__tests__/handler.ts'],
    ['a mock server script', '/repo/scripts/mock-image-server.mjs'],
    ['a *.mock.ts module', '/repo/src/api.mock.ts'],
    ['a tool config', '/repo/vite.config.ts'],
    ['a Windows path to a test', 'C:\\repo\\src\\users.test.ts'],
  ])('skips %s', (_name, file) => {
    expect(servesRequests(file)).toBe(false);
  });
});
