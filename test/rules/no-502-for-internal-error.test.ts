/**
 * no-502-for-internal-error: a 502/504 where no upstream call can have failed.
 * Grouped by framework; invalid cases assert the reason in the message, the
 * position and the suggestion's whole fixed source. Valid cases are the
 * look-alikes: an upstream call in the try or the handler, an unknown call
 * (maybe an upstream call in another file), error handlers, timeouts singled out.
 */
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-502-for-internal-error';
import { ruleTester } from '../rule-tester';
import { at, fixed } from './upstream-helpers';

const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const line = (code: string, snippet: string) => at(code, snippet).line;

function invalid(name: string, code: string, report: string, actual: 502 | 504, why: string, output: string | null): Invalid {
  return {
    name,
    code,
    errors: [
      {
        messageId: 'internal502',
        data: { actual: actual === 502 ? '502 Bad Gateway' : '504 Gateway Timeout', why },
        ...at(code, report),
        suggestions: output === null ? [] : [{ messageId: 'useStatus', output }],
      },
    ],
  };
}

const expressPrisma = `
import express from 'express';
const app = express();
app.get('/invoices', async (req, res) => {
  try {
    res.json(await prisma.invoice.findMany({ where: { accountId: req.user.id } }));
  } catch (err) {
    res.status(502).json({ error: 'could not load invoices' });
  }
});
`;

const expressFs = `
import express from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
const app = express();
app.get('/templates/:name', async (req, res) => {
  try {
    const html = await readFile(path.join('/tpl', path.basename(req.params.name)), 'utf8');
    res.type('html').send(html);
  } catch {
    res.sendStatus(502);
  }
});
`;

const expressNoCatch = `
import express from 'express';
const app = express();
app.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  if (!user) return res.status(502).json({ error: 'no user' });
  res.json(user);
});
`;

const expressService = `
import express from 'express';
const app = express();
const reportService = {
  async monthly(accountId: string) {
    return prisma.report.findMany({ where: { accountId } });
  },
};
app.get('/reports', async (req, res) => {
  try {
    res.json(await reportService.monthly(req.user.id));
  } catch {
    res.status(502).end();
  }
});
`;

const expressChildProcess = `
import express from 'express';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
const app = express();
app.post('/thumbs/:id', async (req, res) => {
  try {
    await run('convert', [req.params.id, 'out.png']);
    res.sendStatus(204);
  } catch {
    res.status(502).json({ error: 'thumbnail failed' });
  }
});
`;

const expressHttpErrors = `
import express from 'express';
import createError from 'http-errors';
const app = express();
app.get('/balance', async (req, res, next) => {
  try {
    res.json(await redis.get(\`balance:\${req.user.id}\`));
  } catch {
    next(createError(502, 'balance cache unavailable'));
  }
});
`;

const fastifyQueryRaw = `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/stats', async (request, reply) => {
  try {
    return await db.$queryRaw\`SELECT count(*) FROM watches\`;
  } catch {
    return reply.gatewayTimeout();
  }
});
`;

const nestRepository = `
import { BadGatewayException, Controller, Get } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Shipment } from './shipment.entity';
@Controller('shipments')
export class ShipmentsController {
  constructor(@InjectRepository(Shipment) private readonly shipments: Repository<Shipment>) {}
  @Get()
  async list() {
    try {
      return await this.shipments.find({ take: 100 });
    } catch {
      throw new BadGatewayException('could not list shipments');
    }
  }
}
`;

const hapiKnex = `
import Boom from '@hapi/boom';
import knex from '../db';
export const routes = [{
  method: 'GET',
  path: '/payments',
  handler: async () => {
    try {
      return await knex('payments').where({ settled: true }).limit(100);
    } catch {
      throw Boom.badGateway('could not list payments');
    }
  },
}];
`;

const nextSharp = `
import { NextResponse } from 'next/server';
import sharp from 'sharp';
export async function PUT(req: Request) {
  const buf = Buffer.from(await req.arrayBuffer());
  try {
    const meta = await sharp(buf).metadata();
    return NextResponse.json({ width: meta.width });
  } catch {
    return NextResponse.json({ error: 'could not read image' }, { status: 502 });
  }
}
`;

const trpcDb = `
import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context<{ db: any }>().create();
export const router = t.router({
  addresses: t.procedure.query(async ({ ctx }) => {
    try {
      return await ctx.db.address.findMany();
    } catch (cause) {
      throw new TRPCError({ code: 'BAD_GATEWAY', message: 'could not list', cause });
    }
  }),
});
`;

const svelteDb = `
import { error, json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
export const GET = async ({ locals }) => {
  try {
    return json(await db.message.findMany({ where: { ownerId: locals.user.id } }));
  } catch {
    error(502, 'could not load messages');
  }
};
`;

const koaMongoose = `
import Router from '@koa/router';
import { Order } from './models';
const router = new Router();
router.get('/orders', async (ctx) => {
  try {
    ctx.body = await Order.find({ user: ctx.state.user.id });
  } catch {
    ctx.status = 504;
  }
});
`;

const trySample = (code: string, sample: string, where = sample.replace(/\(\)$/, '(')) =>
  `the try block on line ${line(code, 'try {')} makes no upstream call (only database work such as \`${sample}\` on line ${line(code, where)})`;

ruleTester.run('no-502-for-internal-error', tested, {
  valid: [
    {
      name: 'the 502 follows a failed upstream response',
      code: `
import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  const r = await fetch('https://x.example.com', { signal: AbortSignal.timeout(1000) });
  if (!r.ok) return res.status(502).end();
  res.json(await r.json());
});
`,
    },
    {
      name: 'a catch around an upstream call',
      code: `
import express from 'express';
import axios from 'axios';
const app = express();
app.get('/x', async (req, res) => {
  try { res.json((await axios.get('https://x.example.com', { timeout: 1000 })).data); } catch { res.status(502).end(); }
});
`,
    },
    {
      name: 'upstream call mixed with database work',
      code: `
import express from 'express';
const app = express();
app.post('/x', async (req, res) => {
  try {
    await prisma.log.create({ data: {} });
    await stripe.charges.create({});
  } catch { res.status(502).end(); }
});
`,
    },
    {
      name: 'an unknown call from another file (may call a payment provider)',
      code: `
import express from 'express';
import { billingService } from './billing';
const app = express();
app.post('/refund', async (req, res) => {
  try { await billingService.refund(req.body.id); res.sendStatus(204); } catch { res.status(502).end(); }
});
`,
    },
    {
      name: 'Express error middleware answers for errors thrown elsewhere',
      code: `
import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(502).json({ error: err.message });
});
`,
    },
    {
      name: 'a helper with an error parameter',
      code: `
import { BadGatewayException } from '@nestjs/common';
export function toHttp(error: unknown) {
  JSON.stringify(error);
  throw new BadGatewayException('upstream failed');
}
`,
    },
    {
      name: 'the catch singles out a timeout (deliberate 504)',
      code: `
import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try { res.json(await prisma.user.findMany()); } catch (err) {
    if (err.code === 'ETIMEDOUT') return res.status(504).end();
    res.status(500).end();
  }
});
`,
    },
    {
      name: 'a handler with no failable work at all (a 502 helper)',
      code: `
export function badGateway(res) {
  return res.status(502).json({ error: 'upstream failed' });
}
`,
    },
    {
      name: 'the handler calls a same-file fetch helper',
      code: `
import express from 'express';
const app = express();
async function load() { return fetch('https://x.example.com', { signal: AbortSignal.timeout(1000) }); }
app.get('/x', async (req, res) => {
  const r = await load();
  const u = await prisma.user.findFirst();
  if (!u) return res.status(502).end();
  res.json(await r.json());
});
`,
    },
    {
      name: 'SvelteKit event.fetch is an upstream call',
      code: `
import { error } from '@sveltejs/kit';
export const load = async ({ fetch }) => {
  try { return await (await fetch('https://status.example.com', { signal: AbortSignal.timeout(1000) })).json(); } catch { error(502, 'status failed'); }
};
`,
    },
    {
      name: 'a Promise.race with an unknown timeout helper',
      code: `
import express from 'express';
import { withTimeout } from './util';
const app = express();
app.get('/x', async (req, res) => {
  try { res.json(await withTimeout(prisma.user.findMany(), 1000)); } catch { res.status(504).end(); }
});
`,
    },
    {
      name: '500 is not this rule’s business',
      code: expressPrisma.replace('status(502)', 'status(500)'),
    },
  ],
  invalid: [
    invalid('Express: Prisma in the try', expressPrisma, 'res.status(502)', 502, trySample(expressPrisma, 'prisma.invoice.findMany()'), fixed(expressPrisma, ['status(502)', 'status(500)'])),
    invalid('Express: fs read in the try (sendStatus)', expressFs, 'res.sendStatus(502)', 502, `the try block on line ${line(expressFs, 'try {')} makes no upstream call (only file-system work such as \`readFile()\` on line ${line(expressFs, 'await readFile(')})`, fixed(expressFs, ['sendStatus(502)', 'sendStatus(500)'])),
    invalid('Express: no catch, the handler only queries the database', expressNoCatch, 'res.status(502)', 502, `this handler makes no upstream call (only database work such as \`prisma.user.findUnique()\` on line ${line(expressNoCatch, 'await prisma.')})`, fixed(expressNoCatch, ['status(502)', 'status(500)'])),
    invalid('Express: same-file service object that only queries the database', expressService, 'res.status(502)', 502, `the try block on line ${line(expressService, 'try {')} makes no upstream call (only database work such as \`reportService.monthly()\` on line ${line(expressService, 'await reportService.')})`, fixed(expressService, ['status(502)', 'status(500)'])),
    invalid('Express: promisified child process', expressChildProcess, 'res.status(502)', 502, `the try block on line ${line(expressChildProcess, 'try {')} makes no upstream call (only local work such as \`run()\` on line ${line(expressChildProcess, "await run(")})`, fixed(expressChildProcess, ['status(502)', 'status(500)'])),
    invalid('Express: http-errors createError(502) for a Redis failure', expressHttpErrors, 'createError(502', 502, trySample(expressHttpErrors, 'redis.get()'), fixed(expressHttpErrors, ['createError(502', 'createError(500'])),
    invalid('Fastify: reply.gatewayTimeout() for a tagged-template query', fastifyQueryRaw, 'reply.gatewayTimeout()', 504, `the try block on line ${line(fastifyQueryRaw, 'try {')} makes no upstream call (only database work such as \`db.$queryRaw\` on line ${line(fastifyQueryRaw, 'db.$queryRaw')})`, fixed(fastifyQueryRaw, ['reply.gatewayTimeout()', 'reply.internalServerError()'])),
    invalid('NestJS: injected TypeORM repository', nestRepository, 'new BadGatewayException', 502, trySample(nestRepository, 'this.shipments.find()'), fixed(nestRepository, ['Controller, Get }', 'Controller, Get, InternalServerErrorException }'], ['new BadGatewayException', 'new InternalServerErrorException'])),
    invalid('Hapi: Boom.badGateway for a knex query', hapiKnex, 'Boom.badGateway', 502, trySample(hapiKnex, 'knex().where().limit()', "knex('payments')"), fixed(hapiKnex, ['Boom.badGateway', 'Boom.badImplementation'])),
    invalid('Next.js: sharp (local image work)', nextSharp, "NextResponse.json({ error: 'could not read image' }, { status: 502 })", 502, `the try block on line ${line(nextSharp, 'try {')} makes no upstream call (only local work such as \`sharp().metadata()\` on line ${line(nextSharp, 'await sharp(')})`, fixed(nextSharp, ['status: 502', 'status: 500'])),
    invalid('tRPC: BAD_GATEWAY for ctx.db', trpcDb, 'new TRPCError', 502, trySample(trpcDb, 'ctx.db.address.findMany()'), fixed(trpcDb, ["'BAD_GATEWAY'", "'INTERNAL_SERVER_ERROR'"])),
    invalid('SvelteKit: error(502) for a database read', svelteDb, 'error(502', 502, trySample(svelteDb, 'db.message.findMany()'), fixed(svelteDb, ['error(502', 'error(500'])),
    invalid('Koa: ctx.status = 504 for a Mongoose query', koaMongoose, 'ctx.status = 504', 504, trySample(koaMongoose, 'Order.find()'), fixed(koaMongoose, ['ctx.status = 504', 'ctx.status = 500'])),
  ],
});

// ---------------------------------------------------------------------------
// AWS data services (DynamoDB, S3, SQS...) are the application's own stores: a
// try that only calls them has no upstream to blame, so 502 is wrong there.
// The valid twin calls a gateway-like AWS service (another Lambda function).

/** A Lambda handler whose try makes one AWS SDK v2 call and answers 502. */
const awsV2Gateway = (client: string, method: string) => `
const AWS = require('aws-sdk');
const client = new AWS.${client}();
exports.handler = async (event) => {
  const params = { Key: event.pathParameters.id };
  try {
    const out = await client.${method}(params).promise();
    return { statusCode: 200, body: JSON.stringify(out) };
  } catch (err) {
    return { statusCode: 502, body: 'failed' };
  }
};
`;

const v2DocumentGet = awsV2Gateway('DynamoDB.DocumentClient', 'get');

const v3SqsSend = `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event) => {
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: event.body }));
    return { statusCode: 202, body: '' };
  } catch (err) {
    return { statusCode: 502, body: 'could not queue' };
  }
};
`;

ruleTester.run('no-502-for-internal-error (AWS data services are the app’s own stores)', tested, {
  valid: [
    { name: 'aws-sdk v2: invoking another Lambda function can fail upstream (twin of the DocumentClient get)', code: awsV2Gateway('Lambda', 'invoke') },
    { name: 'aws-sdk v3: invoking another Lambda function can fail upstream (twin of the SQS send)', code: v3SqsSend.replace(/SQSClient/g, 'LambdaClient').replace(/SendMessageCommand/g, 'InvokeCommand').replace('@aws-sdk/client-sqs', '@aws-sdk/client-lambda') },
  ],
  invalid: [
    invalid(
      'aws-sdk v2: a DynamoDB DocumentClient get is database work',
      v2DocumentGet,
      '{ statusCode: 502',
      502,
      trySample(v2DocumentGet, 'client.get().promise()', 'client.get('),
      fixed(v2DocumentGet, ['statusCode: 502', 'statusCode: 500']),
    ),
    invalid('aws-sdk v3: an SQS send is the app’s own queue', v3SqsSend, '{ statusCode: 502', 502, trySample(v3SqsSend, 'sqs.send()', 'sqs.send('), fixed(v3SqsSend, ['statusCode: 502', 'statusCode: 500'])),
  ],
});
