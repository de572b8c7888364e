/**
 * The model's cheap text gate: files that cannot hold a status emission, an
 * upstream call or an error handler get the empty model without a walk; every
 * file that can must pass.
 */
import { describe, expect, it } from 'vitest';
import { mightHoldHttpFacts } from '../../src/analysis/model';

describe('mightHoldHttpFacts', () => {
  it.each([
    ['a NestJS controller whose only status form is @HttpCode', "import { Controller, HttpCode } from '@nestjs/common';\n@HttpCode(202) class A {}"],
    ['an Express controller with no imports', 'exports.create = async (req, res) => { res.status(500).json({}) };'],
    ['a Lambda result', 'export const handler = async () => ({ statusCode: 502, body: "" });'],
    ['a Koa status assignment', 'export default async (ctx) => { ctx.status = 503; };'],
    ['a fetch call', 'export async function GET() { return fetch(url); }'],
    ['an axios import', "import axios from 'axios';\nexport const get = () => axios.get(u);"],
    ['a Hono app (c.json(b, 500) has no other marker)', "import { Hono } from 'hono';\nconst app = new Hono();"],
    ['a require of got', "const got = require('got');"],
    ['an SDK from a prefix family', "import { S3Client } from '@aws-sdk/client-s3';"],
  ])('lets through %s', (_name, text) => {
    expect(mightHoldHttpFacts(text, false)).toBe(true);
  });

  it.each([
    ['a React component', "import { useState } from 'react';\nexport function Button() { const [open, setOpen] = useState(false); return null; }"],
    ['a utility module', "export function slugify(s: string) { return s.toLowerCase().replace(/\\s+/g, '-'); }"],
    ['a status comparison is not a status emission', 'if (job.status === "done") notify(job);'],
  ])('skips %s', (_name, text) => {
    expect(mightHoldHttpFacts(text, false)).toBe(false);
  });

  it('never skips a file when the user declared upstream call patterns', () => {
    expect(mightHoldHttpFacts('export const x = 1;', true)).toBe(true);
  });
});
