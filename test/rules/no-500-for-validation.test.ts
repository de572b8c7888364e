/**
 * no-500-for-validation: a 5xx sent because request input failed validation.
 * Cases are grouped by framework; each is real handler code with its imports.
 * Invalid cases assert the message data (what failed, the status sent, the
 * status to send), the position, and the suggestion's whole fixed source.
 * The last block holds former engine gaps (ajv compiled validators, the
 * @hono/zod-validator hook, presence checks), checked with a plain Linter run.
 */
import * as parser from '@typescript-eslint/parser';
import type { InvalidTestCase, TestCaseError, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import rule, { type MessageIds, type Options } from '../../rules/no-500-for-validation';
import { ruleTester } from '../rule-tester';

/**
 * @typescript-eslint/rule-tester resolves its own copy of @typescript-eslint/utils
 * (8.72 beside the root 8.73), whose RuleContext type is nominally different
 * from the one the rule is typed with; at runtime they are the same objects.
 */
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

const DESCRIBED = { 400: '400 Bad Request', 422: '422 Unprocessable Content' } as const;
const ACTUAL_500 = '500 Internal Server Error';

/**
 * `code` with each `[from, to]` edit applied. Each `from` must occur exactly
 * once in `code`, so the expected output stays exact (the whole fixed source).
 */
function fixed(code: string, ...edits: [from: string, to: string][]): string {
  let out = code;
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at === -1 || out.indexOf(from, at + 1) !== -1) throw new Error(`fixed(): "${from}" must occur exactly once`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

interface Expected {
  line: number;
  column: number;
  /** The `what` of the message: which validation or check failed. */
  what: string;
  /** The whole source after the suggestion. */
  output: string;
  expected?: 400 | 422;
}

/** One `validation5xx` report with its one `useStatus` suggestion. */
function report({ line, column, what, output, expected = 400 }: Expected): TestCaseError<MessageIds> {
  const status = DESCRIBED[expected];
  return {
    messageId: 'validation5xx',
    data: { what, actual: ACTUAL_500, expected: status },
    line,
    column,
    suggestions: [{ messageId: 'useStatus', data: { expected: status }, output }],
  };
}

// ---------------------------------------------------------------------------
// Express (and Express with http-errors / http-status / http-status-codes)
// ---------------------------------------------------------------------------

const expressZodSafeParse = `import express from 'express';
import { z } from 'zod';

const app = express();
const CreateUser = z.object({ email: z.string().email() });

app.post('/users', (req, res) => {
  const result = CreateUser.safeParse(req.body);
  if (!result.success) {
    return res.status(500).json({ error: result.error.flatten() });
  }
  res.status(201).json(result.data);
});
`;

const expressJoiStringStatus = `const express = require('express');
const Joi = require('joi');

const router = express.Router();
const schema = Joi.object({ name: Joi.string().required() });

router.post('/items', (req, res) => {
  const { error, value } = schema.validate(req.body);
  if (error) {
    return res.status('500').send(error.message);
  }
  res.json(value);
});
module.exports = router;
`;

const expressJoiErrorMember = `const express = require('express');
const Joi = require('joi');

const app = express();
const schema = Joi.object({ q: Joi.string().required() });

app.get('/search', (req, res) => {
  if (schema.validate(req.query).error) {
    return res.status(500).send('bad query');
  }
  res.send('ok');
});
`;

const expressValidatorStatusCodes = `import { Router } from 'express';
import { body, validationResult } from 'express-validator';
import { StatusCodes } from 'http-status-codes';

const router = Router();

router.post('/signup', body('email').isEmail(), (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.status(StatusCodes.INTERNAL_SERVER_ERROR).json({ errors: errors.array() });
  }
  res.sendStatus(201);
});
`;

const expressPresenceConst = `import express from 'express';

const SERVER_ERROR = 500;
const app = express();

app.post('/login', (req, res) => {
  const { email, password } = req.body;
  if (!email || !password) {
    return res.status(SERVER_ERROR).json({ error: 'email and password are required' });
  }
  res.json({ ok: true });
});
`;

const expressParseOnlyTry = `import express from 'express';
import { z } from 'zod';

const app = express();
const Query = z.object({ page: z.coerce.number().int().min(1) });

app.get('/posts', (req, res) => {
  try {
    const query = Query.parse(req.query);
    res.json({ page: query.page });
  } catch (err) {
    res.status(500).json({ error: 'invalid query' });
  }
});
`;

const expressZodErrorSingledOut = `import express from 'express';
import { z, ZodError } from 'zod';
import { db } from './db';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res) => {
  try {
    const body = Body.parse(req.body);
    const post = await db.post.create({ data: body });
    res.status(201).json(post);
  } catch (err) {
    if (err instanceof ZodError) {
      return res.status(500).json({ issues: err.issues });
    }
    res.status(500).json({ error: 'internal' });
  }
});
`;

const expressIsJoi = `const express = require('express');
const Joi = require('joi');
const db = require('./db');

const app = express();
const schema = Joi.object({ name: Joi.string() });

app.post('/teams', async (req, res) => {
  try {
    const value = await schema.validateAsync(req.body);
    const team = await db.teams.insert(value);
    res.json(team);
  } catch (err) {
    if (err.isJoi) {
      res.status(500).json({ error: err.message });
      return;
    }
    res.status(500).end();
  }
});
`;

const expressYupErrorName = `import express from 'express';
import * as yup from 'yup';
import { db } from './db';

const app = express();
const schema = yup.object({ age: yup.number().required() });

app.post('/profile', async (req, res) => {
  try {
    const profile = await schema.validate(req.body);
    await db.profile.update(profile);
    res.sendStatus(204);
  } catch (err) {
    if (err.name === 'ValidationError') {
      return res.status(500).json({ errors: err.errors });
    }
    return res.status(500).json({ error: 'failed' });
  }
});
`;

const expressYupValidateOnlyTry = `import express from 'express';
import * as yup from 'yup';

const app = express();
const schema = yup.object({ name: yup.string().required() });

app.post('/n', async (req, res) => {
  try {
    await schema.validate(req.body);
  } catch (e) {
    return res.status(500).json({ error: (e as Error).message });
  }
  res.json(req.body);
});
`;

const expressMixedTry = `import express from 'express';
import { z } from 'zod';
import { db } from './db';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res) => {
  try {
    const body = Body.parse(req.body);
    const post = await db.post.create({ data: body });
    res.status(201).json(post);
  } catch (err) {
    res.status(500).json({ error: 'could not create post' });
  }
});
`;

const express422 = `import express from 'express';
import { z } from 'zod';

const app = express();
const Order = z.object({ quantity: z.number().int().positive() });

app.post('/orders', (req, res) => {
  const parsed = Order.safeParse(req.body);
  if (!parsed.success) return res.status(500).json(parsed.error.issues);
  res.status(201).json(parsed.data);
});
`;

const expressRouterAliasIsNaN = `import { Router as R } from 'express';

const router = R();

router.get('/users/:id', (req, res) => {
  const id = Number(req.params.id);
  if (Number.isNaN(id)) {
    return res.sendStatus(500);
  }
  res.json({ id });
});
`;

const expressManualChecks = `import express from 'express';
import isEmail from 'validator/lib/isEmail';

const app = express();

app.post('/subscribe', (req, res) => {
  if (!isEmail(req.body.email)) {
    return res.status(500).json({ error: 'invalid email' });
  }
  if (typeof req.body.age !== 'number') {
    return res.status(500).json({ error: 'age must be a number' });
  }
  if (!Array.isArray(req.body.tags)) {
    return res.status(500).json({ error: 'tags must be an array' });
  }
  if (req.body.name.length > 50) {
    return res.status(500).json({ error: 'name too long' });
  }
  if (!/^[a-z]+$/.test(req.body.slug)) {
    return res.status(500).json({ error: 'bad slug' });
  }
  if (req.body.referrer == null) {
    return res.status(500).json({ error: 'referrer required' });
  }
  if (!('plan' in req.body)) {
    return res.status(500).json({ error: 'plan required' });
  }
  res.sendStatus(204);
});
`;

const expressValidatorDefault = `import express from 'express';
import validator from 'validator';

const app = express();

app.post('/contact', (req, res) => {
  const { email } = req.body;
  if (!validator.isEmail(email)) {
    return res.status(500).json({ error: 'invalid email' });
  }
  res.sendStatus(204);
});
`;

const expressRangeStatement = `import express from 'express';

const app = express();

app.get('/items', (req, res) => {
  const limit = parseInt(req.query.limit as string, 10);
  if (limit < 1 || limit > 100) {
    res.status(500);
    return res.json({ error: 'limit must be between 1 and 100' });
  }
  res.json([]);
});
`;

const expressElseBranch = `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (parsed.success) {
    res.status(201).json(parsed.data);
  } else {
    res.status(500).json(parsed.error.issues);
  }
});
`;

const expressTsNonNullAs = `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) {
    return res!.status(500 as const).json({ issues: parsed.error.issues });
  }
  res.status(201).json(parsed.data);
});
`;

const expressTsSatisfies = `import express from 'express';

const app = express();

app.post('/posts', (req, res) => {
  if (!req.body.title) {
    return res.status(500 satisfies number).json({ error: 'title is required' });
  }
  res.status(201).json(req.body);
});
`;

const expressErrorMiddleware = `import express, { type NextFunction, type Request, type Response } from 'express';
import { ZodError } from 'zod';

const app = express();

app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
  if (err instanceof ZodError) {
    return res.status(500).json({ issues: err.issues });
  }
  next(err);
});
`;

const expressHttpErrors = `const express = require('express');
const createError = require('http-errors');
const { assert, object, string } = require('superstruct');

const app = express();
const User = object({ name: string() });

app.post('/users', (req, res, next) => {
  try {
    assert(req.body, User);
  } catch (err) {
    return next(createError(500, err.message));
  }
  res.json(req.body);
});

app.put('/users/:id', (req, res, next) => {
  if (!req.params.id.match(/^[0-9a-f]{24}$/)) {
    return next(createError.InternalServerError('bad id'));
  }
  res.json({ id: req.params.id });
});
`;

const expressHttpStatusSuperstructTuple = `import express from 'express';
import httpStatus from 'http-status';
import { validate, object, string } from 'superstruct';

const app = express();
const Body = object({ name: string() });

app.post('/things', (req, res) => {
  const [error, body] = validate(req.body, Body);
  if (error) {
    return res.status(httpStatus.INTERNAL_SERVER_ERROR).json({ error: error.message });
  }
  res.json(body);
});
`;

const expressValibotParse = `import express from 'express';
import * as v from 'valibot';

const app = express();
const Body = v.object({ name: v.string() });

app.post('/things', (req, res) => {
  try {
    const body = v.parse(Body, req.body);
    res.json(body);
  } catch {
    res.status(500).json({ error: 'invalid body' });
  }
});
`;

const expressTypeboxCompiler = `import express from 'express';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Type } from '@sinclair/typebox';

const app = express();
const C = TypeCompiler.Compile(Type.Object({ n: Type.Number() }));

app.post('/n', (req, res) => {
  if (!C.Check(req.body)) return res.status(500).json([...C.Errors(req.body)]);
  res.json(req.body);
});
`;

const expressThrowInTry = `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res) => {
  try {
    const parsed = Body.safeParse(req.body);
    if (!parsed.success) throw new Error('invalid body');
    res.json(parsed.data);
  } catch (err) {
    res.status(500).json({ error: (err as Error).message });
  }
});
`;

const expressDestructuredSuccess = `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', (req, res) => {
  const { success, data } = Body.safeParse(req.body);
  if (!success) {
    res.statusCode = 500;
    return res.end('invalid body');
  }
  res.json(data);
});
`;

const expressExportedController = `import type { Request, Response } from 'express';
import { createUserSchema } from './schemas';

export const createUser = async (req: Request, res: Response) => {
  const { error, value } = createUserSchema.validate(req.body);
  if (error) {
    return res.status(500).json({ message: error.details[0].message });
  }
  return res.status(201).json(value);
};
`;

const expressTypeofUndefined = `import express from 'express';

const app = express();

app.patch('/users/:id', (req, res) => {
  if (typeof req.body.email === 'undefined') {
    return res.status(500).json({ error: 'email is required' });
  }
  res.sendStatus(204);
});
`;

const expressInvalid: Invalid[] = [
  {
    name: 'zod safeParse failure branch -> res.status(500): literal 500 becomes 400',
    code: expressZodSafeParse,
    errors: [
      report({
        line: 10,
        column: 12,
        what: 'the zod safeParse on line 8',
        output: fixed(expressZodSafeParse, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: "joi validate destructured { error } in a JS file: string '500' becomes '400'",
    code: expressJoiStringStatus,
    filename: 'file.js',
    errors: [
      report({
        line: 10,
        column: 12,
        what: 'the joi validate on line 8',
        output: fixed(expressJoiStringStatus, ["res.status('500')", "res.status('400')"]),
      }),
    ],
  },
  {
    name: 'joi schema.validate(x).error tested directly',
    code: expressJoiErrorMember,
    filename: 'file.js',
    errors: [
      report({
        line: 9,
        column: 12,
        what: 'the joi validate on line 8',
        output: fixed(expressJoiErrorMember, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'express-validator !validationResult(req).isEmpty(): StatusCodes.INTERNAL_SERVER_ERROR becomes StatusCodes.BAD_REQUEST',
    code: expressValidatorStatusCodes,
    errors: [
      report({
        line: 10,
        column: 12,
        what: 'the express-validator validationResult on line 8',
        output: fixed(expressValidatorStatusCodes, ['StatusCodes.INTERNAL_SERVER_ERROR', 'StatusCodes.BAD_REQUEST']),
      }),
    ],
  },
  {
    name: 'presence check of destructured req.body fields: a local const status becomes a literal',
    code: expressPresenceConst,
    errors: [
      report({
        line: 9,
        column: 12,
        what: 'the check of request input on line 8',
        output: fixed(expressPresenceConst, ['res.status(SERVER_ERROR)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'catch of a try whose only failable work is schema.parse(req.query)',
    code: expressParseOnlyTry,
    errors: [
      report({
        line: 12,
        column: 5,
        what: 'the zod parse on line 9',
        output: fixed(expressParseOnlyTry, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'mixed try, catch singles out instanceof ZodError: only the ZodError branch is reported',
    code: expressZodErrorSingledOut,
    errors: [
      report({
        line: 15,
        column: 14,
        what: 'the zod parse on line 10',
        output: fixed(expressZodErrorSingledOut, ['res.status(500).json({ issues', 'res.status(400).json({ issues']),
      }),
    ],
  },
  {
    name: 'mixed try, catch singles out err.isJoi (joi validateAsync)',
    code: expressIsJoi,
    filename: 'file.js',
    errors: [
      report({
        line: 15,
        column: 7,
        what: 'the joi validateAsync on line 10',
        output: fixed(expressIsJoi, ['res.status(500).json', 'res.status(400).json']),
      }),
    ],
  },
  {
    name: "mixed try, catch singles out err.name === 'ValidationError' (yup validate)",
    code: expressYupErrorName,
    errors: [
      report({
        line: 15,
        column: 14,
        what: 'the yup validate on line 10',
        output: fixed(expressYupErrorName, ['res.status(500).json({ errors', 'res.status(400).json({ errors']),
      }),
    ],
  },
  {
    name: 'catch of a try whose only work is await yup validate',
    code: expressYupValidateOnlyTry,
    errors: [
      report({
        line: 11,
        column: 12,
        what: 'the yup validate on line 9',
        output: fixed(expressYupValidateOnlyTry, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'reportMixedTry: true reports a catch whose try mixes parse and a database write',
    code: expressMixedTry,
    options: [{ reportMixedTry: true }],
    errors: [
      report({
        line: 14,
        column: 5,
        what: 'the zod parse on line 10',
        output: fixed(expressMixedTry, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'status: 422 suggests 422 Unprocessable Content',
    code: express422,
    options: [{ status: 422 }],
    errors: [
      report({
        line: 9,
        column: 31,
        what: 'the zod safeParse on line 8',
        expected: 422,
        output: fixed(express422, ['res.status(500)', 'res.status(422)']),
      }),
    ],
  },
  {
    name: "aliased import { Router as R }: Number.isNaN(Number(req.params.id)) -> res.sendStatus(500)",
    code: expressRouterAliasIsNaN,
    errors: [
      report({
        line: 8,
        column: 12,
        what: 'the check of request input on line 7',
        output: fixed(expressRouterAliasIsNaN, ['res.sendStatus(500)', 'res.sendStatus(400)']),
      }),
    ],
  },
  {
    name: 'manual checks: validator isEmail, typeof, Array.isArray, length, regex .test, == null, in',
    code: expressManualChecks,
    errors: [
      report({
        line: 8,
        column: 12,
        what: 'the validator isEmail on line 7',
        output: fixed(expressManualChecks, ["res.status(500).json({ error: 'invalid email' })", "res.status(400).json({ error: 'invalid email' })"]),
      }),
      report({
        line: 11,
        column: 12,
        what: 'the check of request input on line 10',
        output: fixed(expressManualChecks, ["res.status(500).json({ error: 'age", "res.status(400).json({ error: 'age"]),
      }),
      report({
        line: 14,
        column: 12,
        what: 'the check of request input on line 13',
        output: fixed(expressManualChecks, ["res.status(500).json({ error: 'tags", "res.status(400).json({ error: 'tags"]),
      }),
      report({
        line: 17,
        column: 12,
        what: 'the check of request input on line 16',
        output: fixed(expressManualChecks, ["res.status(500).json({ error: 'name", "res.status(400).json({ error: 'name"]),
      }),
      report({
        line: 20,
        column: 12,
        what: 'the check of request input on line 19',
        output: fixed(expressManualChecks, ["res.status(500).json({ error: 'bad slug", "res.status(400).json({ error: 'bad slug"]),
      }),
      report({
        line: 23,
        column: 12,
        what: 'the check of request input on line 22',
        output: fixed(expressManualChecks, ["res.status(500).json({ error: 'referrer", "res.status(400).json({ error: 'referrer"]),
      }),
      report({
        line: 26,
        column: 12,
        what: 'the check of request input on line 25',
        output: fixed(expressManualChecks, ["res.status(500).json({ error: 'plan", "res.status(400).json({ error: 'plan"]),
      }),
    ],
  },
  {
    name: "typeof req.body.email === 'undefined' (a missing field) -> 500",
    code: expressTypeofUndefined,
    errors: [
      report({
        line: 7,
        column: 12,
        what: 'the check of request input on line 6',
        output: fixed(expressTypeofUndefined, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'validator.js default import: !validator.isEmail(email)',
    code: expressValidatorDefault,
    errors: [
      report({
        line: 9,
        column: 12,
        what: 'the validator isEmail on line 8',
        output: fixed(expressValidatorDefault, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'range check on parseInt(req.query.limit): a bare res.status(500) statement',
    code: expressRangeStatement,
    errors: [
      report({
        line: 8,
        column: 5,
        what: 'the check of request input on line 7',
        output: fixed(expressRangeStatement, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'else branch of if (parsed.success)',
    code: expressElseBranch,
    errors: [
      report({
        line: 12,
        column: 5,
        what: 'the zod safeParse on line 8',
        output: fixed(expressElseBranch, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'TS wrappers: res!.status(500 as const) keeps the wrapper in the fix',
    code: expressTsNonNullAs,
    errors: [
      report({
        line: 10,
        column: 12,
        what: 'the zod safeParse on line 8',
        output: fixed(expressTsNonNullAs, ['500 as const', '400 as const']),
      }),
    ],
  },
  {
    name: 'TS wrappers: res.status(500 satisfies number)',
    code: expressTsSatisfies,
    errors: [
      report({
        line: 7,
        column: 12,
        what: 'the check of request input on line 6',
        output: fixed(expressTsSatisfies, ['500 satisfies', '400 satisfies']),
      }),
    ],
  },
  {
    name: 'error middleware: the instanceof ZodError branch sends 500',
    code: expressErrorMiddleware,
    errors: [
      report({
        line: 8,
        column: 12,
        what: 'the validation error tested on line 8',
        output: fixed(expressErrorMiddleware, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'http-errors: createError(500) after superstruct assert, createError.InternalServerError after a regex check',
    code: expressHttpErrors,
    filename: 'file.js',
    errors: [
      report({
        line: 12,
        column: 17,
        what: 'the superstruct assert on line 10',
        output: fixed(expressHttpErrors, ['createError(500,', 'createError(400,']),
      }),
      report({
        line: 19,
        column: 17,
        what: 'the check of request input on line 18',
        output: fixed(expressHttpErrors, ['createError.InternalServerError(', 'createError.BadRequest(']),
      }),
    ],
  },
  {
    name: 'http-status: httpStatus.INTERNAL_SERVER_ERROR after a superstruct validate tuple becomes httpStatus.BAD_REQUEST',
    code: expressHttpStatusSuperstructTuple,
    errors: [
      report({
        line: 11,
        column: 12,
        what: 'the superstruct validate on line 9',
        output: fixed(expressHttpStatusSuperstructTuple, ['httpStatus.INTERNAL_SERVER_ERROR', 'httpStatus.BAD_REQUEST']),
      }),
    ],
  },
  {
    name: 'valibot v.parse as the only work of the try, optional catch binding',
    code: expressValibotParse,
    errors: [
      report({
        line: 12,
        column: 5,
        what: 'the valibot parse on line 9',
        output: fixed(expressValibotParse, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'typebox TypeCompiler.Compile(T).Check(req.body) failing',
    code: expressTypeboxCompiler,
    errors: [
      report({
        line: 9,
        column: 34,
        what: 'the typebox Check on line 9',
        output: fixed(expressTypeboxCompiler, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'a throw under a failed safeParse inside the try: the catch answers the validation failure',
    code: expressThrowInTry,
    errors: [
      report({
        line: 13,
        column: 5,
        what: 'the zod safeParse on line 9',
        output: fixed(expressThrowInTry, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'destructured { success } from safeParse -> res.statusCode = 500',
    code: expressDestructuredSuccess,
    errors: [
      report({
        line: 10,
        column: 5,
        what: 'the zod safeParse on line 8',
        output: fixed(expressDestructuredSuccess, ['res.statusCode = 500', 'res.statusCode = 400']),
      }),
    ],
  },
  {
    name: 'exported controller (registered elsewhere), schema imported from another file',
    code: expressExportedController,
    errors: [
      report({
        line: 7,
        column: 12,
        what: 'the joi validate on line 5',
        output: fixed(expressExportedController, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
];

const expressValid: Valid[] = [
  {
    name: "a database-failure 500 after a `typeof req.body.email === 'undefined'` guard clause that returned 400",
    code: `import express from 'express';
import { db } from './db';

const app = express();

app.post('/users', async (req, res) => {
  if (typeof req.body.email === 'undefined') {
    return res.status(400).json({ error: 'email is required' });
  }
  const user = await db.user.create({ data: { email: req.body.email } });
  if (!user) return res.status(500).json({ error: 'could not create user' });
  res.status(201).json(user);
});
`,
  },
  {
    name: 'parse-only try whose catch answers ZodError with 400 and everything else with 500',
    code: `import express from 'express';
import { z, ZodError } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', (req, res) => {
  try {
    res.json(Body.parse(req.body));
  } catch (err) {
    if (err instanceof ZodError) return res.status(400).json(err.issues);
    return res.status(500).json({ error: 'internal' });
  }
});
`,
  },
  {
    name: 'database failure inside the success branch of if (parsed.success)',
    code: `import express from 'express';
import { z } from 'zod';
import { db } from './db';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (parsed.success) {
    const post = await db.post.create({ data: parsed.data });
    if (!post) return res.status(500).json({ error: 'could not save' });
    return res.status(201).json(post);
  }
  res.status(400).json(parsed.error.issues);
});
`,
  },
  {
    name: 'lookup failure inside a branch on an optional input being present (if (req.query.email), if (couponCode))',
    code: `import express from 'express';
import { db } from './db';

const app = express();

app.get('/users', async (req, res) => {
  if (req.query.email) {
    const user = await db.user.findUnique({ where: { email: String(req.query.email) } });
    if (!user) return res.status(500).json({ error: 'lookup failed' });
    return res.json(user);
  }
  res.json(await db.user.findMany());
});

app.post('/orders', async (req, res) => {
  const { couponCode } = req.body;
  if (couponCode) {
    const coupon = await db.coupon.findUnique({ where: { code: couponCode } });
    if (!coupon) return res.status(500).json({ error: 'coupon service failed' });
  }
  res.sendStatus(201);
});
`,
  },
  {
    name: 'zod safeParse failure already answered with 400',
    code: `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ issues: parsed.error.issues });
  }
  res.status(201).json(parsed.data);
});
`,
  },
  {
    name: 'upstream response validation failing -> 500 is not request validation',
    code: `import express from 'express';
import { z } from 'zod';

const app = express();
const Weather = z.object({ temp: z.number() });

app.get('/weather', async (req, res) => {
  const upstreamRes = await fetch('https://api.example.com/weather');
  const parsed = Weather.safeParse(await upstreamRes.json());
  if (!parsed.success) {
    return res.status(500).json({ error: 'weather service returned an unexpected shape' });
  }
  res.json(parsed.data);
});
`,
  },
  {
    name: 'presence check on upstream data, not on request input',
    code: `import express from 'express';

const app = express();

app.get('/users/:id', async (req, res) => {
  const userRes = await fetch(\`https://users.internal/\${req.params.id}\`);
  const data = await userRes.json();
  if (!data.email) {
    return res.status(500).json({ error: 'user record has no email' });
  }
  res.json(data);
});
`,
  },
  {
    name: 'upstream data parsed inside a try with the fetch',
    code: `import express from 'express';
import { z } from 'zod';

const app = express();
const Rates = z.object({ usd: z.number() });

app.get('/rates', async (req, res) => {
  try {
    const r = await fetch('https://rates.example.com/latest');
    const rates = Rates.parse(await r.json());
    res.json(rates);
  } catch (err) {
    res.status(500).json({ error: 'rates unavailable' });
  }
});
`,
  },
  {
    name: 'env/config validation (schema over process.env, a missing env var) -> 500',
    code: `import express from 'express';
import { z } from 'zod';

const Env = z.object({ DATABASE_URL: z.string().url() });
const app = express();

app.get('/health', (req, res) => {
  const env = Env.safeParse(process.env);
  if (!env.success) {
    return res.status(500).json({ error: 'server misconfigured' });
  }
  if (!process.env.API_KEY) {
    return res.status(500).json({ error: 'missing API key' });
  }
  res.json({ ok: true });
});
`,
  },
  {
    name: 'env parse as the only work of a try -> 500',
    code: `import express from 'express';
import { z } from 'zod';

const app = express();
const EnvSchema = z.object({ STRIPE_KEY: z.string() });

app.post('/checkout', (req, res) => {
  try {
    const env = EnvSchema.parse(process.env);
    res.json({ key: env.STRIPE_KEY.slice(0, 4) });
  } catch {
    res.status(500).json({ error: 'payments are not configured' });
  }
});
`,
  },
  {
    name: 'database result missing -> 500 (if (!user))',
    code: `import express from 'express';
import { db } from './db';

const app = express();

app.get('/users/:id', async (req, res) => {
  const user = await db.user.findUnique({ where: { id: req.params.id } });
  if (!user) return res.status(500).json({ error: 'user lookup failed' });
  res.json(user);
});
`,
  },
  {
    name: '500 after validation passed (guard clause returned 400 first)',
    code: `import express from 'express';
import { z } from 'zod';
import { db } from './db';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.issues);
  const saved = await db.post.create({ data: parsed.data });
  if (!saved) return res.status(500).json({ error: 'could not save' });
  res.status(201).json(saved);
});
`,
  },
  {
    name: 'mixed try (parse + database write) that does not single out the validation error (reportMixedTry off)',
    code: expressMixedTry,
  },
  {
    name: 'catch guarded by !(err instanceof ZodError) before the 500',
    code: `import express from 'express';
import { z, ZodError } from 'zod';
import { db } from './db';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res) => {
  try {
    const body = Body.parse(req.body);
    const post = await db.post.create({ data: body });
    res.status(201).json(post);
  } catch (err) {
    if (!(err instanceof ZodError)) {
      return res.status(500).json({ error: 'internal' });
    }
    res.status(400).json({ issues: err.issues });
  }
});
`,
  },
  {
    name: 'error middleware: ZodError -> 400, everything else -> 500',
    code: `import express from 'express';
import { ZodError, z } from 'zod';
import { db } from './db';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res, next) => {
  try {
    const body = Body.parse(req.body);
    res.status(201).json(await db.post.create({ data: body }));
  } catch (err) {
    if (err instanceof ZodError) return res.status(400).json(err.issues);
    next(err);
  }
});

app.use((err, req, res, next) => {
  if (err instanceof ZodError) return res.status(400).json({ issues: err.issues });
  res.status(500).json({ error: 'internal' });
});
`,
  },
  {
    name: 'unknown status: res.status(err.status || 500) after a failed presence check',
    code: `import express from 'express';

const app = express();

app.post('/jobs', (req, res) => {
  if (!req.body.name) {
    const err = new Error('x') as Error & { status?: number };
    return res.status(err.status || 500).json({ error: 'bad' });
  }
  res.sendStatus(202);
});
`,
  },
  {
    name: 'unknown status: res.status(err.status || 500) in the catch of a parse-only try',
    code: `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', async (req, res) => {
  try {
    const body = Body.parse(req.body);
    res.json(body);
  } catch (err: any) {
    res.status(err.status || 500).json({ error: err.message });
  }
});
`,
  },
  {
    name: 'server-populated request fields (req.user, req.session) are not client input',
    code: `import express from 'express';

const app = express();

app.get('/me', (req, res) => {
  if (!req.user) return res.status(500).json({ error: 'auth middleware not mounted' });
  if (!req.session) return res.status(500).json({ error: 'session store down' });
  res.json(req.user);
});
`,
  },
  {
    name: 'no framework import and no response parameter: a plain object with a status field',
    code: `import { z } from 'zod';

const Config = z.object({ port: z.number() });

export function check(input: unknown, res: { status: number }) {
  const parsed = Config.safeParse(input);
  if (!parsed.success) {
    res.status = 500;
  }
  return parsed;
}
`,
  },
  {
    name: 'non-handler callback: items.map building { status: 500 } records',
    code: `import { z } from 'zod';

const Body = z.object({ name: z.string() });

export function validateAll(items: unknown[]) {
  return items.map((item) => {
    const parsed = Body.safeParse(item);
    if (!parsed.success) return { status: 500, item };
    return { status: 200, item };
  });
}
`,
  },
  {
    name: 'shadowed res: a fetch result named res inside a .then callback',
    code: `import express from 'express';

const app = express();

app.post('/webhooks', async (req, res) => {
  const { url } = req.body;
  if (!url) return res.status(400).json({ error: 'url is required' });
  const result = await fetch(url).then((res) => {
    if (!res.ok) return { status: 500 };
    return { status: res.status };
  });
  res.status(202).json(result);
});
`,
  },
  {
    name: 'shadowed res: a supertest response in a route test',
    code: `import request from 'supertest';
import { app } from '../src/app';

it('answers 500 when the store is down', async () => {
  const res = await request(app).post('/users').send({ email: 'a@b.c' });
  if (!res.body.error) throw new Error('expected an error body');
  expect(res.status).toBe(500);
});
`,
  },
  {
    name: 'TS wrappers on a 4xx: 400 as const, res!',
    code: `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400 as const).json({ issues: parsed.error.issues });
  }
  res!.status(201).json(parsed.data);
});
`,
  },
  {
    name: 'TS wrappers on a 4xx: 400 satisfies number',
    code: `import express from 'express';
import { z } from 'zod';

const app = express();
const Body = z.object({ title: z.string() });

app.post('/posts', (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400 satisfies number).json({ issues: parsed.error.issues });
  }
  res.status(201).json(parsed.data);
});
`,
  },
  {
    name: 'aliased Router, valibot / superstruct / validator.js failures answered with 4xx',
    code: `import express from 'express';
import * as v from 'valibot';
import { is, object, string } from 'superstruct';
import validator from 'validator';
import { Router as R } from 'express';

const app = express();
const router = R();
const Body = v.object({ name: v.string() });
const Struct = object({ name: string() });

router.post('/a', (req, res) => {
  const result = v.safeParse(Body, req.body);
  if (!result.success) return res.status(400).json(result.issues);
  res.json(result.output);
});
router.post('/b', (req, res) => {
  if (!is(req.body, Struct)) return res.status(400).json({ error: 'invalid' });
  if (!validator.isEmail(req.body.email)) return res.status(422).json({ error: 'invalid email' });
  res.json(req.body);
});
app.use(router);
`,
  },
  {
    name: 'express-validator failure answered with 422',
    code: `import { Router } from 'express';
import { body, validationResult } from 'express-validator';

const router = Router();

router.post('/signup', body('email').isEmail(), (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.status(422).json({ errors: errors.array() });
  }
  res.sendStatus(201);
});
`,
  },
  {
    name: 'yup isValid failure answered with 400; joi failure answered with 400 (JS)',
    filename: 'file.js',
    code: `const express = require('express');
const yup = require('yup');
const Joi = require('joi');

const app = express();
const profile = yup.object({ age: yup.number().required() });
const team = Joi.object({ name: Joi.string().required() });

app.post('/profile', async (req, res) => {
  if (!(await profile.isValid(req.body))) return res.status(400).json({ error: 'invalid profile' });
  res.sendStatus(204);
});

app.post('/teams', (req, res) => {
  const { error } = team.validate(req.body);
  if (error) return res.status(400).send(error.message);
  res.sendStatus(201);
});
`,
  },
];

// ---------------------------------------------------------------------------
// Fastify (ajv, typebox, @fastify/sensible)
// ---------------------------------------------------------------------------

const fastifyAjvCompiled = `const fastify = require('fastify')();
const Ajv = require('ajv');

const ajv = new Ajv();
const validateUser = ajv.compile({ type: 'object', required: ['name'] });

fastify.post('/users', async (request, reply) => {
  if (!validateUser(request.body)) {
    return reply.code(500).send({ errors: validateUser.errors });
  }
  return reply.code(201).send(request.body);
});
`;

const fastifySensibleTypebox = `import Fastify from 'fastify';
import sensible from '@fastify/sensible';
import { Value } from '@sinclair/typebox/value';
import { Type } from '@sinclair/typebox';

const app = Fastify();
app.register(sensible);
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });

app.get('/items/:id', async (request, reply) => {
  if (!Value.Check(Params, request.params)) {
    return reply.internalServerError('invalid id');
  }
  return { id: request.params };
});
`;

const fastifyHttpErrors = `import Fastify from 'fastify';
import sensible from '@fastify/sensible';
import { z } from 'zod';

const fastify = Fastify();
fastify.register(sensible);
const Body = z.object({ name: z.string() });

fastify.post('/teams', async (request) => {
  const parsed = Body.safeParse(request.body);
  if (!parsed.success) {
    throw fastify.httpErrors.internalServerError('bad body');
  }
  return parsed.data;
});
`;

const fastifyAjvValidate = `import Fastify from 'fastify';
import Ajv from 'ajv';

const app = Fastify();
const ajv = new Ajv();
const schema = { type: 'object', required: ['email'] };

app.post('/subscribe', async (request, reply) => {
  const valid = ajv.validate(schema, request.body);
  if (!valid) {
    reply.status(500).send({ errors: ajv.errors });
    return;
  }
  reply.send({ ok: true });
});
`;

const fastifyPlugin = `import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const Params = z.object({ id: z.string().uuid() });

export default async function routes(app: FastifyInstance) {
  app.get('/items/:id', async (request, reply) => {
    const parsed = Params.safeParse(request.params);
    if (!parsed.success) return reply.status(500).send({ error: 'invalid id' });
    return { id: parsed.data.id };
  });
}
`;

const fastifyInvalid: Invalid[] = [
  {
    name: "require('fastify')(): ajv compiled validator returning false -> reply.code(500)",
    code: fastifyAjvCompiled,
    filename: 'file.js',
    errors: [
      report({
        line: 9,
        column: 12,
        what: 'the ajv validateUser on line 8',
        output: fixed(fastifyAjvCompiled, ['reply.code(500)', 'reply.code(400)']),
      }),
    ],
  },
  {
    name: 'typebox Value.Check failing -> reply.internalServerError() becomes reply.badRequest()',
    code: fastifySensibleTypebox,
    errors: [
      report({
        line: 12,
        column: 12,
        what: 'the typebox Check on line 11',
        output: fixed(fastifySensibleTypebox, ['reply.internalServerError(', 'reply.badRequest(']),
      }),
    ],
  },
  {
    name: 'fastify.httpErrors.internalServerError() becomes fastify.httpErrors.badRequest()',
    code: fastifyHttpErrors,
    errors: [
      report({
        line: 12,
        column: 11,
        what: 'the zod safeParse on line 10',
        output: fixed(fastifyHttpErrors, ['httpErrors.internalServerError(', 'httpErrors.badRequest(']),
      }),
    ],
  },
  {
    name: 'ajv.validate(schema, body) result false -> reply.status(500)',
    code: fastifyAjvValidate,
    errors: [
      report({
        line: 11,
        column: 5,
        what: 'the ajv validate on line 9',
        output: fixed(fastifyAjvValidate, ['reply.status(500)', 'reply.status(400)']),
      }),
    ],
  },
  {
    name: 'plugin file (FastifyInstance type import only): safeParse(request.params) failing -> reply.status(500)',
    code: fastifyPlugin,
    errors: [
      report({
        line: 9,
        column: 33,
        what: 'the zod safeParse on line 8',
        output: fixed(fastifyPlugin, ['reply.status(500)', 'reply.status(400)']),
      }),
    ],
  },
];

const fastifyValid: Valid[] = [
  {
    name: "require('fastify') alias: database failure -> reply.code(500)",
    filename: 'file.js',
    code: `const fastify = require('fastify')();
const db = require('./db');

fastify.get('/orders/:id', async (request, reply) => {
  try {
    const order = await db.orders.findById(request.params.id);
    return order;
  } catch (err) {
    return reply.code(500).send({ error: 'database unavailable' });
  }
});
`,
  },
  {
    name: 'ajv and typebox failures answered with 400 / 422',
    code: `import Fastify from 'fastify';
import Ajv from 'ajv';
import { Value } from '@sinclair/typebox/value';
import { Type } from '@sinclair/typebox';

const app = Fastify();
const ajv = new Ajv();
const validateBody = ajv.compile({ type: 'object', required: ['name'] });
const Query = Type.Object({ page: Type.Number() });

app.post('/teams', async (request, reply) => {
  if (!validateBody(request.body)) return reply.code(400).send(validateBody.errors);
  return reply.code(201).send(request.body);
});

app.get('/teams', async (request, reply) => {
  if (!Value.Check(Query, request.query)) return reply.code(422).send({ error: 'bad query' });
  return [];
});
`,
  },
];

// ---------------------------------------------------------------------------
// Koa
// ---------------------------------------------------------------------------

const koaStatusAssign = `import Koa from 'koa';
import Router from '@koa/router';
import { z } from 'zod';

const app = new Koa();
const router = new Router();
const Body = z.object({ name: z.string() });

router.post('/users', async (ctx) => {
  const parsed = Body.safeParse(ctx.request.body);
  if (!parsed.success) {
    ctx.status = 500;
    ctx.body = { error: parsed.error.issues };
    return;
  }
  ctx.body = parsed.data;
});
app.use(router.routes());
`;

const koaAssertThrow = `const Router = require('@koa/router');

const router = new Router();

router.get('/search', async (ctx) => {
  const { q } = ctx.query;
  ctx.assert(q, 500, 'q is required');
  if (q.length > 100) ctx.throw(500, 'q too long');
  ctx.body = { q };
});
module.exports = router;
`;

const koaJoiCatch = `import Koa from 'koa';
import Joi from 'joi';

const app = new Koa();
const schema = Joi.object({ name: Joi.string().required() });

app.use(async (ctx) => {
  try {
    ctx.body = await schema.validateAsync(ctx.request.body);
  } catch (err) {
    ctx.throw(500, err.message);
  }
});
`;

const koaInvalid: Invalid[] = [
  {
    name: 'ctx.status = 500 on a failed safeParse of ctx.request.body',
    code: koaStatusAssign,
    errors: [
      report({
        line: 12,
        column: 5,
        what: 'the zod safeParse on line 10',
        output: fixed(koaStatusAssign, ['ctx.status = 500', 'ctx.status = 400']),
      }),
    ],
  },
  {
    name: 'ctx.assert(q, 500) and ctx.throw(500) on checks of ctx.query',
    code: koaAssertThrow,
    filename: 'file.js',
    errors: [
      report({
        line: 7,
        column: 3,
        what: 'the check of request input on line 7',
        output: fixed(koaAssertThrow, ['ctx.assert(q, 500', 'ctx.assert(q, 400']),
      }),
      report({
        line: 8,
        column: 23,
        what: 'the check of request input on line 8',
        output: fixed(koaAssertThrow, ['ctx.throw(500', 'ctx.throw(400']),
      }),
    ],
  },
  {
    name: 'ctx.throw(500) in the catch of a joi validateAsync-only try',
    code: koaJoiCatch,
    errors: [
      report({
        line: 11,
        column: 5,
        what: 'the joi validateAsync on line 9',
        output: fixed(koaJoiCatch, ['ctx.throw(500', 'ctx.throw(400']),
      }),
    ],
  },
];

const koaValid: Valid[] = [
  {
    name: 'validation failure -> 400, database failure -> ctx.throw(500)',
    code: `import Koa from 'koa';
import Router from '@koa/router';
import { z } from 'zod';
import { db } from './db';

const app = new Koa();
const router = new Router();
const Body = z.object({ name: z.string() });

router.post('/users', async (ctx) => {
  const parsed = Body.safeParse(ctx.request.body);
  if (!parsed.success) {
    ctx.status = 400;
    ctx.body = { issues: parsed.error.issues };
    return;
  }
  try {
    ctx.body = await db.user.create({ data: parsed.data });
  } catch {
    ctx.throw(500, 'could not create user');
  }
});
app.use(router.routes());
`,
  },
];

// ---------------------------------------------------------------------------
// Hono
// ---------------------------------------------------------------------------

const honoValibot = `import { Hono } from 'hono';
import * as v from 'valibot';

const app = new Hono();
const Body = v.object({ email: v.pipe(v.string(), v.email()) });

app.post('/signup', async (c) => {
  const result = v.safeParse(Body, await c.req.json());
  if (!result.success) {
    return c.json({ issues: result.issues }, 500);
  }
  return c.json(result.output, 201);
});
export default app;
`;

const honoSuperstructException = `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { is, object, string } from 'superstruct';

const app = new Hono();
const Body = object({ name: string() });

app.post('/teams', async (c) => {
  const body = await c.req.json();
  if (!is(body, Body)) {
    throw new HTTPException(500, { message: 'invalid body' });
  }
  return c.json(body);
});
`;

const honoInvalid: Invalid[] = [
  {
    name: 'valibot safeParse of c.req.json() failing -> c.json(body, 500)',
    code: honoValibot,
    errors: [
      report({
        line: 10,
        column: 12,
        what: 'the valibot safeParse on line 8',
        output: fixed(honoValibot, ['}, 500)', '}, 400)']),
      }),
    ],
  },
  {
    name: 'superstruct is() false -> new HTTPException(500)',
    code: honoSuperstructException,
    errors: [
      report({
        line: 11,
        column: 11,
        what: 'the superstruct is on line 10',
        output: fixed(honoSuperstructException, ['HTTPException(500', 'HTTPException(400']),
      }),
    ],
  },
];

const honoValid: Valid[] = [
  {
    name: 'config validation of c.env -> 500',
    code: `import { Hono } from 'hono';
import { z } from 'zod';

const app = new Hono();
const Config = z.object({ API_URL: z.string().url() });

app.get('/status', (c) => {
  const config = Config.safeParse(c.env);
  if (!config.success) return c.json({ error: 'worker misconfigured' }, 500);
  return c.json({ ok: true });
});
export default app;
`,
  },
  {
    name: 'bad id -> 400, failed lookup -> 500',
    code: `import { Hono } from 'hono';

const app = new Hono();

app.get('/users/:id', async (c) => {
  const id = c.req.param('id');
  if (!/^\\d+$/.test(id)) return c.json({ error: 'id must be numeric' }, 400);
  const user = await c.env.DB.prepare('select * from users where id = ?').bind(id).first();
  if (!user) return c.json({ error: 'lookup failed' }, 500);
  return c.json(user);
});
export default app;
`,
  },
];

// ---------------------------------------------------------------------------
// Next.js (App Router and pages/api)
// ---------------------------------------------------------------------------

const nextAppRouter = `import { NextResponse } from 'next/server';
import { z } from 'zod';

const Body = z.object({ title: z.string().min(1) });

export async function POST(request: Request) {
  const parsed = Body.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 500 });
  }
  return NextResponse.json(parsed.data, { status: 201 });
}
`;

const nextPagesApi = `import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { id } = req.query;
  if (typeof id !== 'string') {
    return res.status(500).json({ error: 'id must be a string' });
  }
  res.status(200).json({ id });
}
`;

const nextNewResponseRange = `import { NextRequest, NextResponse } from 'next/server';

export async function GET(request: NextRequest) {
  const limit = Number(request.nextUrl.searchParams.get('limit'));
  if (limit > 100) {
    return new NextResponse('limit too large', { status: 500 });
  }
  return NextResponse.json({ limit });
}
`;

const nextBodyParseTry = `import { NextResponse } from 'next/server';
import { z } from 'zod';

const Body = z.object({ title: z.string() });

export async function POST(request: Request) {
  try {
    const body = await request.json();
    const data = Body.parse(body);
    return NextResponse.json(data, { status: 201 });
  } catch {
    return NextResponse.json({ error: 'invalid request' }, { status: 500 });
  }
}
`;

const nextInvalid: Invalid[] = [
  {
    name: 'App Router: safeParse(await request.json()) failing -> NextResponse.json(..., { status: 500 })',
    code: nextAppRouter,
    filename: 'app/api/posts/route.ts',
    errors: [
      report({
        line: 9,
        column: 12,
        what: 'the zod safeParse on line 7',
        output: fixed(nextAppRouter, ['{ status: 500 }', '{ status: 400 }']),
      }),
    ],
  },
  {
    name: 'pages/api: typeof req.query.id check -> res.status(500)',
    code: nextPagesApi,
    filename: 'pages/api/user.ts',
    errors: [
      report({
        line: 6,
        column: 12,
        what: 'the check of request input on line 5',
        output: fixed(nextPagesApi, ['res.status(500)', 'res.status(400)']),
      }),
    ],
  },
  {
    name: 'App Router: range check on a search param -> new NextResponse(..., { status: 500 })',
    code: nextNewResponseRange,
    filename: 'app/api/items/route.ts',
    errors: [
      report({
        line: 6,
        column: 12,
        what: 'the check of request input on line 5',
        output: fixed(nextNewResponseRange, ['{ status: 500 }', '{ status: 400 }']),
      }),
    ],
  },
  {
    name: 'App Router: a try that only reads the body and parses it',
    code: nextBodyParseTry,
    filename: 'app/api/posts/route.ts',
    errors: [
      report({
        line: 12,
        column: 12,
        what: 'the zod parse on line 9',
        output: fixed(nextBodyParseTry, ['{ status: 500 }', '{ status: 400 }']),
      }),
    ],
  },
];

const nextValid: Valid[] = [
  {
    name: 'App Router: safeParse failure answered with 400',
    filename: 'app/api/posts/route.ts',
    code: `import { NextResponse } from 'next/server';
import { z } from 'zod';

const Body = z.object({ title: z.string() });

export async function POST(request: Request) {
  const parsed = Body.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  }
  return NextResponse.json(parsed.data, { status: 201 });
}
`,
  },
  {
    name: 'App Router: upstream data failing validation -> 502 (not this rule)',
    filename: 'app/api/products/route.ts',
    code: `import { NextResponse } from 'next/server';
import { z } from 'zod';

const Product = z.object({ id: z.string() });

export async function GET() {
  const upstream = await fetch('https://catalog.internal/products/1');
  const parsed = Product.safeParse(await upstream.json());
  if (!parsed.success) {
    return NextResponse.json({ error: 'catalog returned bad data' }, { status: 502 });
  }
  return NextResponse.json(parsed.data);
}
`,
  },
];

// ---------------------------------------------------------------------------
// NestJS (class-validator, ValidationPipe)
// ---------------------------------------------------------------------------

const nestValidate = `import { Body, Controller, InternalServerErrorException, Post } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() body: unknown) {
    const dto = plainToInstance(CreateUserDto, body);
    const errors = await validate(dto);
    if (errors.length > 0) {
      throw new InternalServerErrorException(errors);
    }
    return dto;
  }
}
`;

const nestValidateOrReject = `import { Body, Controller, HttpException, HttpStatus, Post } from '@nestjs/common';
import { validateOrReject } from 'class-validator';
import { CreateOrderDto } from './create-order.dto';

@Controller('orders')
export class OrdersController {
  @Post()
  async create(@Body() dto: CreateOrderDto) {
    try {
      await validateOrReject(dto);
    } catch (errors) {
      throw new HttpException({ errors }, HttpStatus.INTERNAL_SERVER_ERROR);
    }
    return dto;
  }
}
`;

const nestExceptionFactory = `import { InternalServerErrorException, ValidationPipe } from '@nestjs/common';

export const validationPipe = new ValidationPipe({
  whitelist: true,
  exceptionFactory: (errors) => new InternalServerErrorException(errors),
});
`;

const nest422 = `import { Body, Controller, InternalServerErrorException, Post } from '@nestjs/common';
import { z } from 'zod';

const CreateCat = z.object({ name: z.string() });

@Controller('cats')
export class CatsController {
  @Post()
  create(@Body() body: unknown) {
    const parsed = CreateCat.safeParse(body);
    if (!parsed.success) throw new InternalServerErrorException(parsed.error.issues);
    return parsed.data;
  }
}
`;

const nestValidateSync = `import { Body, Controller, Post, InternalServerErrorException } from '@nestjs/common';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CreateTagDto } from './dto';

@Controller('tags')
export class TagsController {
  @Post()
  create(@Body() body: Record<string, unknown>) {
    const errors = validateSync(plainToInstance(CreateTagDto, body));
    if (errors.length) throw new InternalServerErrorException('invalid tag');
    return body;
  }
}
`;

const nestHttpExceptionLiteral = `import { Body, Controller, HttpException, Post } from '@nestjs/common';

@Controller('invites')
export class InvitesController {
  @Post()
  create(@Body('email') email: string) {
    if (!email) {
      throw new HttpException('email is required', 500);
    }
    return { email };
  }
}
`;

const nestBodyFirstParam = `import { Body, Controller, HttpException, Post } from '@nestjs/common';

@Controller('invites')
export class InvitesController {
  @Post()
  create(@Body() body: { email?: string }) {
    if (!body.email) {
      throw new HttpException('email is required', 500);
    }
    return body;
  }
}
`;

const nestInvalid: Invalid[] = [
  {
    name: 'class-validator validate() errors -> InternalServerErrorException becomes BadRequestException, added to the import',
    code: nestValidate,
    errors: [
      report({
        line: 13,
        column: 13,
        what: 'the class-validator validate on line 11',
        output: fixed(
          nestValidate,
          ['InternalServerErrorException, Post }', 'InternalServerErrorException, Post, BadRequestException }'],
          ['new InternalServerErrorException(', 'new BadRequestException('],
        ),
      }),
    ],
  },
  {
    name: 'validateOrReject in a try -> HttpStatus.INTERNAL_SERVER_ERROR becomes HttpStatus.BAD_REQUEST',
    code: nestValidateOrReject,
    errors: [
      report({
        line: 12,
        column: 13,
        what: 'the class-validator validateOrReject on line 10',
        output: fixed(nestValidateOrReject, ['HttpStatus.INTERNAL_SERVER_ERROR', 'HttpStatus.BAD_REQUEST']),
      }),
    ],
  },
  {
    name: 'ValidationPipe exceptionFactory returning InternalServerErrorException',
    code: nestExceptionFactory,
    errors: [
      report({
        line: 5,
        column: 33,
        what: 'the ValidationPipe exceptionFactory on line 5',
        output: fixed(
          nestExceptionFactory,
          ['ValidationPipe }', 'ValidationPipe, BadRequestException }'],
          ['new InternalServerErrorException(', 'new BadRequestException('],
        ),
      }),
    ],
  },
  {
    name: 'status: 422 -> UnprocessableEntityException, added to the import',
    code: nest422,
    options: [{ status: 422 }],
    errors: [
      report({
        line: 11,
        column: 32,
        what: 'the zod safeParse on line 10',
        expected: 422,
        output: fixed(
          nest422,
          ['InternalServerErrorException, Post }', 'InternalServerErrorException, Post, UnprocessableEntityException }'],
          ['new InternalServerErrorException(', 'new UnprocessableEntityException('],
        ),
      }),
    ],
  },
  {
    name: 'class-validator validateSync(plainToInstance(Dto, @Body())) errors',
    code: nestValidateSync,
    errors: [
      report({
        line: 11,
        column: 30,
        what: 'the class-validator validateSync on line 10',
        output: fixed(
          nestValidateSync,
          ['InternalServerErrorException }', 'InternalServerErrorException, BadRequestException }'],
          ['new InternalServerErrorException(', 'new BadRequestException('],
        ),
      }),
    ],
  },
  {
    name: "missing @Body('email') -> new HttpException(msg, 500): the literal becomes 400",
    code: nestHttpExceptionLiteral,
    errors: [
      report({
        line: 8,
        column: 13,
        what: 'the check of request input on line 7',
        output: fixed(nestHttpExceptionLiteral, ["'email is required', 500", "'email is required', 400"]),
      }),
    ],
  },
  {
    name: '@Body() body as the first parameter: a presence check of body.email',
    code: nestBodyFirstParam,
    errors: [
      report({
        line: 8,
        column: 13,
        what: 'the check of request input on line 7',
        output: fixed(nestBodyFirstParam, ["'email is required', 500", "'email is required', 400"]),
      }),
    ],
  },
];

const nestValid: Valid[] = [
  {
    name: 'service returned nothing -> InternalServerErrorException',
    code: `import { Controller, Get, InternalServerErrorException, Param } from '@nestjs/common';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(':id')
  async findOne(@Param('id') id: string) {
    const user = await this.users.findOne(id);
    if (!user) throw new InternalServerErrorException('user store returned nothing');
    return user;
  }
}
`,
  },
  {
    name: 'class-validator errors answered with BadRequestException',
    code: `import { Body, Controller, BadRequestException, Post } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() body: unknown) {
    const dto = plainToInstance(CreateUserDto, body);
    const errors = await validate(dto);
    if (errors.length > 0) throw new BadRequestException(errors);
    return dto;
  }
}
`,
  },
];

// ---------------------------------------------------------------------------
// h3 / Nuxt
// ---------------------------------------------------------------------------

const h3ReadBody = `import { createError, defineEventHandler, readBody } from 'h3';
import { z } from 'zod';

const Body = z.object({ email: z.string().email() });

export default defineEventHandler(async (event) => {
  const result = Body.safeParse(await readBody(event));
  if (!result.success) {
    throw createError({ statusCode: 500, statusMessage: 'Invalid body' });
  }
  return result.data;
});
`;

const nuxtAutoImports = `export default defineEventHandler(async (event) => {
  const { id } = getQuery(event);
  if (!id) {
    throw createError({ statusCode: 500, statusMessage: 'id is required' });
  }
  return { id };
});
`;

const h3Invalid: Invalid[] = [
  {
    name: 'h3: safeParse(await readBody(event)) failing -> createError({ statusCode: 500 })',
    code: h3ReadBody,
    errors: [
      report({
        line: 9,
        column: 11,
        what: 'the zod safeParse on line 7',
        output: fixed(h3ReadBody, ['statusCode: 500', 'statusCode: 400']),
      }),
    ],
  },
  {
    name: 'Nuxt server route with auto-imports: missing getQuery(event).id',
    code: nuxtAutoImports,
    filename: 'server/api/item.get.ts',
    errors: [
      report({
        line: 4,
        column: 11,
        what: 'the check of request input on line 3',
        output: fixed(nuxtAutoImports, ['statusCode: 500', 'statusCode: 400']),
      }),
    ],
  },
];

const h3Valid: Valid[] = [
  {
    name: 'missing router param -> 400, lookup failure -> 500',
    code: `import { createError, defineEventHandler, getRouterParam } from 'h3';
import { db } from '~/server/db';

export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  if (!id) throw createError({ statusCode: 400, statusMessage: 'id is required' });
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw createError({ statusCode: 500, statusMessage: 'user store returned nothing' });
  return user;
});
`,
  },
];

// ---------------------------------------------------------------------------
// Remix and SvelteKit
// ---------------------------------------------------------------------------

const remixYupIsValid = `import { json, type ActionFunctionArgs } from '@remix-run/node';
import * as yup from 'yup';

const schema = yup.object({ title: yup.string().required() });

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  if (!(await schema.isValid(form))) {
    return json({ error: 'Title is required' }, { status: 500 });
  }
  return json({ ok: true });
}

export default function NewPost() {
  return <form method="post"><input name="title" /></form>;
}
`;

const svelteKitError = `import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request }) => {
  const { quantity } = await request.json();
  if (typeof quantity !== 'number' || quantity < 1) {
    error(500, 'quantity must be a positive number');
  }
  return json({ quantity }, { status: 201 });
};
`;

const svelteKitJson = `import { json } from '@sveltejs/kit';

export async function GET({ url }) {
  const page = Number(url.searchParams.get('page'));
  if (!Number.isInteger(page)) {
    return json({ error: 'page must be an integer' }, { status: 500 });
  }
  return json({ page });
}
`;

const remixSvelteInvalid: Invalid[] = [
  {
    name: 'Remix action (TSX): yup isValid(formData) false -> json(..., { status: 500 })',
    code: remixYupIsValid,
    filename: 'app/routes/posts.new.tsx',
    errors: [
      report({
        line: 9,
        column: 12,
        what: 'the yup isValid on line 8',
        output: fixed(remixYupIsValid, ['{ status: 500 }', '{ status: 400 }']),
      }),
    ],
  },
  {
    name: 'SvelteKit: typeof / range check on the JSON body -> error(500)',
    code: svelteKitError,
    filename: 'src/routes/api/cart/+server.ts',
    errors: [
      report({
        line: 7,
        column: 5,
        what: 'the check of request input on line 6',
        output: fixed(svelteKitError, ['error(500,', 'error(400,']),
      }),
    ],
  },
  {
    name: 'SvelteKit (JS): Number.isInteger on url.searchParams -> json(..., { status: 500 })',
    code: svelteKitJson,
    filename: 'src/routes/api/items/+server.js',
    errors: [
      report({
        line: 6,
        column: 12,
        what: 'the check of request input on line 5',
        output: fixed(svelteKitJson, ['{ status: 500 }', '{ status: 400 }']),
      }),
    ],
  },
];

const remixSvelteValid: Valid[] = [
  {
    name: 'Remix loader: missing slug -> 400, CMS returned a bad post -> 500',
    filename: 'app/routes/posts.$slug.tsx',
    code: `import { json, type LoaderFunctionArgs } from '@remix-run/node';

export async function loader({ params }: LoaderFunctionArgs) {
  if (!params.slug) return json({ error: 'slug is required' }, { status: 400 });
  const upstream = await fetch(\`https://cms.internal/posts/\${params.slug}\`);
  if (!upstream.ok) return json({ error: 'cms unavailable' }, { status: 502 });
  const post = await upstream.json();
  if (!post.title) return json({ error: 'cms returned a post without a title' }, { status: 500 });
  return json(post);
}

export default function Post() {
  return <article />;
}
`,
  },
  {
    name: 'SvelteKit: bad id -> error(400), lookup failure -> error(500)',
    filename: 'src/routes/api/orders/[id]/+server.ts',
    code: `import { error, json } from '@sveltejs/kit';
import { db } from '$lib/server/db';

export async function GET({ params }) {
  if (!/^\\d+$/.test(params.id)) error(400, 'id must be numeric');
  const order = await db.order.findUnique({ where: { id: Number(params.id) } });
  if (!order) error(500, 'order lookup failed');
  return json(order);
}
`,
  },
];

// ---------------------------------------------------------------------------
// Hapi / Boom
// ---------------------------------------------------------------------------

const hapiBoom = `import Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';

const server = Hapi.server({ port: 3000 });
const schema = Joi.object({ name: Joi.string().required() });

server.route({
  method: 'POST',
  path: '/users',
  handler: (request, h) => {
    const { error } = schema.validate(request.payload);
    if (error) {
      throw Boom.badImplementation(error.message);
    }
    return h.response(request.payload).code(201);
  },
});
`;

const hapiFailAction = `import Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'POST',
  path: '/users',
  options: {
    validate: {
      payload: Joi.object({ name: Joi.string().required() }),
      failAction: (request, h, err) => {
        throw Boom.badImplementation(err.message);
      },
    },
  },
  handler: (request) => request.payload,
});
`;

const hapiResponseCode = `const Joi = require('joi');

exports.plugin = {
  name: 'users',
  register(server) {
    server.route({
      method: 'GET',
      path: '/users/{id}',
      handler: (request, h) => {
        const { error } = Joi.string().guid().validate(request.params.id);
        if (error) {
          return h.response({ error: error.message }).code(500);
        }
        return { id: request.params.id };
      },
    });
  },
};
`;

const hapiInvalid: Invalid[] = [
  {
    name: 'joi validate(request.payload) error -> Boom.badImplementation becomes Boom.badRequest',
    code: hapiBoom,
    errors: [
      report({
        line: 14,
        column: 13,
        what: 'the joi validate on line 12',
        output: fixed(hapiBoom, ['Boom.badImplementation(', 'Boom.badRequest(']),
      }),
    ],
  },
  {
    name: 'route validate.failAction throwing Boom.badImplementation',
    code: hapiFailAction,
    errors: [
      report({
        line: 14,
        column: 15,
        what: 'the route validation failAction on line 13',
        output: fixed(hapiFailAction, ['Boom.badImplementation(', 'Boom.badRequest(']),
      }),
    ],
  },
  {
    name: 'h.response(...).code(500) on a joi validate of request.params (JS plugin)',
    code: hapiResponseCode,
    filename: 'file.js',
    errors: [
      report({
        line: 12,
        column: 18,
        what: 'the joi validate on line 10',
        output: fixed(hapiResponseCode, ['.code(500)', '.code(400)']),
      }),
    ],
  },
];

const hapiValid: Valid[] = [
  {
    name: 'joi error -> Boom.badRequest, insert failure -> Boom.badImplementation',
    code: `import Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';
import { db } from './db';

const server = Hapi.server({ port: 3000 });
const schema = Joi.object({ name: Joi.string().required() });

server.route({
  method: 'POST',
  path: '/users',
  handler: async (request, h) => {
    const { error, value } = schema.validate(request.payload);
    if (error) throw Boom.badRequest(error.message);
    try {
      return h.response(await db.users.insert(value)).code(201);
    } catch (err) {
      throw Boom.badImplementation('insert failed');
    }
  },
});
`,
  },
];

// ---------------------------------------------------------------------------
// AWS Lambda
// ---------------------------------------------------------------------------

const lambdaParseTry = `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';

const Body = z.object({ name: z.string() });

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  try {
    const body = Body.parse(JSON.parse(event.body ?? '{}'));
    return { statusCode: 200, body: JSON.stringify(body) };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify({ error: 'invalid body' }) };
  }
};
`;

const lambdaStringStatus = `exports.handler = async (event) => {
  const id = event.pathParameters && event.pathParameters.id;
  if (!id) {
    return { statusCode: '500', body: JSON.stringify({ error: 'id is required' }) };
  }
  return { statusCode: 200, body: JSON.stringify({ id }) };
};
`;

const lambdaInvalid: Invalid[] = [
  {
    name: 'catch of a try that only parses JSON.parse(event.body) with zod -> { statusCode: 500 }',
    code: lambdaParseTry,
    errors: [
      report({
        line: 11,
        column: 12,
        what: 'the zod parse on line 8',
        output: fixed(lambdaParseTry, ['statusCode: 500', 'statusCode: 400']),
      }),
    ],
  },
  {
    name: "missing path parameter (JS) -> { statusCode: '500' }",
    code: lambdaStringStatus,
    filename: 'file.js',
    errors: [
      report({
        line: 4,
        column: 12,
        what: 'the check of request input on line 3',
        output: fixed(lambdaStringStatus, ["statusCode: '500'", "statusCode: '400'"]),
      }),
    ],
  },
];

const lambdaValid: Valid[] = [
  {
    name: 'missing id -> 400, DynamoDB failure -> 500',
    code: `import type { APIGatewayProxyEvent } from 'aws-lambda';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (event: APIGatewayProxyEvent) => {
  const id = event.pathParameters?.id;
  if (!id) return { statusCode: 400, body: JSON.stringify({ error: 'id is required' }) };
  try {
    const item = await client.send(new GetItemCommand({ TableName: 'items', Key: { id: { S: id } } }));
    return { statusCode: 200, body: JSON.stringify(item.Item) };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify({ error: 'storage unavailable' }) };
  }
};
`,
  },
  {
    name: 'non-handler callback: a .map over queue records building { statusCode, body } objects',
    code: `export function toResults(records: { body: string }[]) {
  return records.map((record) => {
    if (!record.body) return { statusCode: 500, body: 'empty record' };
    return { statusCode: 200, body: record.body };
  });
}
`,
  },
];

// ---------------------------------------------------------------------------
// tRPC
// ---------------------------------------------------------------------------

const trpcManual = `import { initTRPC, TRPCError } from '@trpc/server';

const t = initTRPC.create();

export const appRouter = t.router({
  rename: t.procedure.mutation(({ input }) => {
    const { name } = input as { name?: string };
    if (!name || name.length > 40) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'name must be 1-40 characters' });
    }
    return { name };
  }),
});
`;

const trpc422 = `import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';

const t = initTRPC.create();
const Rename = z.object({ name: z.string() });

export const appRouter = t.router({
  rename: t.procedure.mutation(({ input }) => {
    const parsed = Rename.safeParse(input);
    if (!parsed.success) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
    return parsed.data;
  }),
});
`;

const trpcInvalid: Invalid[] = [
  {
    name: "presence / length check of the procedure input -> code 'INTERNAL_SERVER_ERROR' becomes 'BAD_REQUEST'",
    code: trpcManual,
    errors: [
      report({
        line: 9,
        column: 13,
        what: 'the check of request input on line 8',
        output: fixed(trpcManual, ["'INTERNAL_SERVER_ERROR'", "'BAD_REQUEST'"]),
      }),
    ],
  },
  {
    name: 'status: 422 -> "UNPROCESSABLE_CONTENT", keeping double quotes',
    code: trpc422,
    options: [{ status: 422 }],
    errors: [
      report({
        line: 10,
        column: 32,
        what: 'the zod safeParse on line 9',
        expected: 422,
        output: fixed(trpc422, ['"INTERNAL_SERVER_ERROR"', '"UNPROCESSABLE_CONTENT"']),
      }),
    ],
  },
];

const trpcValid: Valid[] = [
  {
    name: "safeParse failure -> 'BAD_REQUEST', update failure -> 'INTERNAL_SERVER_ERROR'",
    code: `import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { db } from './db';

const t = initTRPC.create();
const Rename = z.object({ id: z.string(), name: z.string() });

export const appRouter = t.router({
  rename: t.procedure.mutation(async ({ input }) => {
    const parsed = Rename.safeParse(input);
    if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.message });
    const updated = await db.user.update({ where: { id: parsed.data.id }, data: { name: parsed.data.name } });
    if (!updated) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR' });
    return updated;
  }),
});
`,
  },
];

// ---------------------------------------------------------------------------
// Elysia
// ---------------------------------------------------------------------------

const elysiaCode = `import { Elysia } from 'elysia';

new Elysia()
  .post('/users', ({ body, set }) => {
    const { email } = body as { email?: string };
    if (!email || !email.includes('@')) {
      set.status = 500;
      return { error: 'invalid email' };
    }
    return { email };
  })
  .get('/items/:id', ({ params, error }) => {
    if (!/^\\d+$/.test(params.id)) return error(500, 'id must be numeric');
    return { id: params.id };
  })
  .listen(3000);
`;

const elysiaInvalid: Invalid[] = [
  {
    name: 'set.status = 500 on a body check, error(500) on a params regex check',
    code: elysiaCode,
    errors: [
      report({
        line: 7,
        column: 7,
        what: 'the check of request input on line 6',
        output: fixed(elysiaCode, ['set.status = 500', 'set.status = 400']),
      }),
      report({
        line: 13,
        column: 42,
        what: 'the check of request input on line 13',
        output: fixed(elysiaCode, ['error(500,', 'error(400,']),
      }),
    ],
  },
];

const elysiaValid: Valid[] = [
  {
    name: 'missing email -> set.status = 400, create failure -> set.status = 500',
    code: `import { Elysia } from 'elysia';
import { db } from './db';

new Elysia()
  .post('/users', async ({ body, set }) => {
    const { email } = body as { email?: string };
    if (!email) {
      set.status = 400;
      return { error: 'email is required' };
    }
    const user = await db.user.create({ data: { email } });
    if (!user) {
      set.status = 500;
      return { error: 'could not create user' };
    }
    return user;
  })
  .listen(3000);
`,
  },
];

// ---------------------------------------------------------------------------
// node:http / node:http2 constants
// ---------------------------------------------------------------------------

const nodeHttpWriteHead = `const http = require('node:http');

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const id = url.searchParams.get('id');
  if (!id) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'id is required' }));
    return;
  }
  res.statusCode = 200;
  res.end(id);
}).listen(3000);
`;

const nodeHttp2Constant = `import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { constants } from 'node:http2';

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => { let s = ''; req.on('data', (c) => (s += c)); req.on('end', () => resolve(JSON.parse(s))); });
}

export async function handle(req: IncomingMessage, res: ServerResponse) {
  const body = (await readJson(req)) as { name?: unknown };
  if (typeof body.name !== 'string') {
    res.statusCode = constants.HTTP_STATUS_INTERNAL_SERVER_ERROR;
    res.end('name must be a string');
    return;
  }
  res.statusCode = 201;
  res.end();
}
http.createServer(handle).listen(3000);
`;

const nodeHttpInvalid: Invalid[] = [
  {
    name: 'missing query parameter (JS) -> res.writeHead(500)',
    code: nodeHttpWriteHead,
    filename: 'file.js',
    errors: [
      report({
        line: 7,
        column: 5,
        what: 'the check of request input on line 6',
        output: fixed(nodeHttpWriteHead, ['res.writeHead(500', 'res.writeHead(400']),
      }),
    ],
  },
  {
    name: 'typeof check on the parsed body -> constants.HTTP_STATUS_INTERNAL_SERVER_ERROR becomes HTTP_STATUS_BAD_REQUEST',
    code: nodeHttp2Constant,
    errors: [
      report({
        line: 11,
        column: 5,
        what: 'the check of request input on line 10',
        output: fixed(nodeHttp2Constant, ['constants.HTTP_STATUS_INTERNAL_SERVER_ERROR', 'constants.HTTP_STATUS_BAD_REQUEST']),
      }),
    ],
  },
];

const nodeHttpValid: Valid[] = [
  {
    name: 'file read failure -> res.writeHead(500)',
    filename: 'file.js',
    code: `const http = require('node:http');
const fs = require('node:fs/promises');

http.createServer(async (req, res) => {
  if (!req.url) {
    res.writeHead(400);
    res.end();
    return;
  }
  try {
    const page = await fs.readFile('./public/index.html');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  } catch {
    res.writeHead(500);
    res.end('could not read page');
  }
}).listen(3000);
`,
  },
];

describe('Express', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: expressValid, invalid: expressInvalid });
});
describe('Fastify', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: fastifyValid, invalid: fastifyInvalid });
});
describe('Koa', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: koaValid, invalid: koaInvalid });
});
describe('Hono', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: honoValid, invalid: honoInvalid });
});
describe('Next.js', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: nextValid, invalid: nextInvalid });
});
describe('NestJS', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: nestValid, invalid: nestInvalid });
});
describe('h3 / Nuxt', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: h3Valid, invalid: h3Invalid });
});
describe('Remix / SvelteKit', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: remixSvelteValid, invalid: remixSvelteInvalid });
});
describe('Hapi / Boom', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: hapiValid, invalid: hapiInvalid });
});
describe('AWS Lambda', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: lambdaValid, invalid: lambdaInvalid });
});
describe('tRPC', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: trpcValid, invalid: trpcInvalid });
});
describe('Elysia', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: elysiaValid, invalid: elysiaInvalid });
});
describe('node:http', () => {
  ruleTester.run('no-500-for-validation', tested, { valid: nodeHttpValid, invalid: nodeHttpInvalid });
});

// ---------------------------------------------------------------------------
// Former engine gaps (ajv compiled validators, @hono validator hooks, presence
// checks), checked with a plain Linter run; all pass now.
// ---------------------------------------------------------------------------

function lint(code: string, filename = 'file.ts'): { line: number; column: number; messageId: string | undefined }[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: parser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { 'http-semantics': { rules: { 'no-500-for-validation': rule as never } } },
        rules: { 'http-semantics/no-500-for-validation': 'error' },
      },
    ],
    { filename },
  );
  return messages.map((m) => ({ line: m.line, column: m.column, messageId: m.messageId }));
}

describe('formerly known gaps, now covered', () => {
  it('ajv: a compiled validator called as a statement, then `if (validate.errors)`', () => {
    expect(
      lint(`import express from 'express';
import Ajv from 'ajv';

const app = express();
const ajv = new Ajv();
const validate = ajv.compile({ type: 'object', required: ['sku'] });

app.post('/orders', (req, res) => {
  validate(req.body);
  if (validate.errors) {
    return res.status(500).json({ errors: validate.errors });
  }
  res.sendStatus(201);
});
`),
    ).toEqual([{ line: 11, column: 12, messageId: 'validation5xx' }]);
  });

  it('Hono: the @hono/zod-validator hook answering !result.success with 500', () => {
    expect(
      lint(`import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';

const app = new Hono();

app.post(
  '/posts',
  zValidator('json', z.object({ title: z.string() }), (result, c) => {
    if (!result.success) {
      return c.json({ error: result.error.issues }, 500);
    }
  }),
  (c) => c.json(c.req.valid('json'), 201),
);
`),
    ).toEqual([{ line: 11, column: 14, messageId: 'validation5xx' }]);
  });

  it('a database failure inside `if (items.length > 0)` on request input', () => {
    expect(
      lint(`import express from 'express';
import { db } from './db';

const app = express();

app.post('/batch', async (req, res) => {
  const { items } = req.body;
  if (items.length > 0) {
    const result = await db.item.createMany({ data: items });
    if (!result) return res.status(500).json({ error: 'insert failed' });
  }
  res.sendStatus(204);
});
`),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Shapes first met in the held-out corpus (test/corpus/holdout)
// ---------------------------------------------------------------------------

const fastifyAjvFormats = `import Fastify from 'fastify';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const ajv = addFormats(new Ajv({ allErrors: true }));
const validateOrder = ajv.compile({ type: 'object', required: ['sku'] });
const app = Fastify();

app.post('/orders', async (request, reply) => {
  if (!validateOrder(request.body)) {
    return reply.code(500).send({ error: 'Order rejected' });
  }
  return reply.code(201).send({ ok: true });
});
`;

const nextSafeParseCatch = `import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';

const Body = z.object({ priceId: z.string() });

export async function POST(req: NextRequest) {
  const input = Body.safeParse(await req.json().catch(() => null));
  if (!input.success) {
    return NextResponse.json({ error: 'Invalid checkout request' }, { status: 500 });
  }
  return NextResponse.json({ ok: true });
}
`;

const sveltekitObjectLiteral = `import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';

export const GET = async ({ url }) => {
  const query = v.safeParse(v.object({ postId: v.string() }), { postId: url.searchParams.get('postId') });
  if (!query.success) {
    throw error(500, 'postId must be a uuid');
  }
  return json({ ok: true });
};
`;

const elysiaValidationCode = `import { Elysia } from 'elysia';

export const app = new Elysia().onError(({ code, set }) => {
  if (code === 'VALIDATION') {
    set.status = 500;
    return { error: 'Request did not match the schema' };
  }
});
`;

const expressUpstreamZodError = `import express from 'express';
import { z } from 'zod';
import ky from 'ky';

const app = express();
const VendorFeed = z.object({ items: z.array(z.string()) });

app.get('/prices/:sku', async (req, res) => {
  try {
    const body = await ky.get(\`https://vendor.example/prices/\${req.params.sku}\`).json();
    const { items } = VendorFeed.parse(body);
    res.json(items[0] ?? null);
  } catch (err) {
    if (err instanceof z.ZodError) {
      res.status(502).json({ error: 'Vendor sent an unexpected format' });
      return;
    }
    res.status(500).json({ error: 'Price lookup failed' });
  }
});
`;

ruleTester.run('no-500-for-validation (held-out shapes)', tested, {
  valid: [
    {
      name: 'a ZodError singled out in a catch whose try validated an upstream payload is not a request failure',
      code: expressUpstreamZodError,
    },
  ],
  invalid: [
    {
      name: 'Fastify: an ajv validator compiled on an addFormats(new Ajv()) instance returns false',
      code: fastifyAjvFormats,
      errors: [report({ line: 11, column: 12, what: 'the ajv validateOrder on line 10', output: fastifyAjvFormats.replace('reply.code(500)', 'reply.code(400)') })],
    },
    {
      name: 'Next.js: safeParse of `await req.json().catch(() => null)` is request input',
      code: nextSafeParseCatch,
      errors: [
        report({ line: 9, column: 12, what: 'the zod safeParse on line 7', output: nextSafeParseCatch.replace('{ status: 500 }', '{ status: 400 }') }),
      ],
    },
    {
      name: 'SvelteKit: an object literal built from url.searchParams is request input',
      code: sveltekitObjectLiteral,
      errors: [report({ line: 7, column: 11, what: 'the valibot safeParse on line 5', output: sveltekitObjectLiteral.replace('error(500', 'error(400') })],
    },
    {
      name: "Elysia: onError singling out code === 'VALIDATION' answers 500",
      code: elysiaValidationCode,
      errors: [
        report({ line: 5, column: 5, what: 'the validation error tested on line 5', output: elysiaValidationCode.replace('set.status = 500', 'set.status = 400') }),
      ],
    },
  ],
});

ruleTester.run('no-500-for-validation (error middleware and disjunctions)', tested, {
  valid: [
    {
      name: "an error middleware's first parameter is the caught error, not the request: err.name checks are not input checks",
      code: `import express from 'express';
const app = express();
app.use((err: Error & { code?: number }, req: express.Request, res: express.Response, _next: express.NextFunction) => {
  if (err && err.name === 'AuthError') return res.status(401).json({ message: 'no' });
  if (err) return res.status(500).json({ message: 'internal error' });
  return res.end();
});
`,
    },
    {
      name: 'one side of an || is unknown (a database lookup): the failed branch need not be the validation',
      code: `import express from 'express';
import { z } from 'zod';
import { db } from './db';
const app = express();
const Body = z.object({ id: z.string() });
app.post('/x', async (req, res) => {
  const parsed = Body.safeParse(req.body);
  const user = await db.user.find(req.body.userId);
  if (!parsed.success || !user) return res.status(500).json({ error: 'failed' });
  res.json(user);
});
`,
    },
  ],
  invalid: [
    {
      name: 'an exact-length check on a route parameter (id.length !== 36) answered with 500',
      code: `import express from 'express';
const app = express();
app.get('/orders/:id', (req, res) => {
  const { id } = req.params;
  if (!id || id.length !== 36) return res.status(500).json({ error: 'bad id' });
  res.json({ id });
});
`,
      errors: [
        report({
          line: 5,
          column: 39,
          what: 'the check of request input on line 5',
          output: `import express from 'express';
const app = express();
app.get('/orders/:id', (req, res) => {
  const { id } = req.params;
  if (!id || id.length !== 36) return res.status(400).json({ error: 'bad id' });
  res.json({ id });
});
`,
        }),
      ],
    },
  ],
});

ruleTester.run('no-500-for-validation (guard clauses on optional input)', tested, {
  valid: [
    {
      name: 'after `if (error) return redirect` on an optional query parameter, a later 503 for missing config is no failed input check',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/oauth/callback', (c) => {
  const error = c.req.query('error');
  if (error) return c.redirect('/settings?failed=1');
  const clientId = process.env.SLACK_CLIENT_ID;
  if (!clientId) return c.json({ error: 'not configured' }, 500);
  return c.redirect('/done');
});
`,
    },
  ],
  invalid: [],
});

// Values the server reads about itself with the request in hand are not client input.
const nuxtConfigCheck = (read: string) => `export default defineEventHandler(async (event) => {
  const { apiKey } = ${read};
  if (!apiKey) {
    throw createError({ statusCode: 500, message: 'not configured' });
  }
  return { ok: true };
});
`;
const helperCheck = (helper: string) => `import express from 'express';
const app = express();
app.get('/me', async (req, res) => {
  const value = await ${helper}(req);
  if (!value) return res.status(500).json({ error: 'failed' });
  res.json(value);
});
`;

ruleTester.run('no-500-for-validation (server state read with the request)', tested, {
  valid: [
    {
      name: 'Nuxt: useRuntimeConfig(event) is the server configuration; a missing key is a 500',
      code: nuxtConfigCheck('useRuntimeConfig(event).mail'),
    },
    {
      name: 'a helper named for server state (getSession(req)) does not return client input',
      code: helperCheck('getSession'),
    },
    {
      name: 'Hono: c.get(key) reads a value middleware stored on the context, not client input',
      code: `import type { Context } from 'hono';
export async function createUpload(c: Context) {
  const fileId = c.get('fileId');
  if (typeof fileId !== 'string' || fileId.length === 0) {
    return new Response(JSON.stringify({ error: 'missing fileId' }), { status: 500 });
  }
  return new Response(null, { status: 201 });
}
`,
    },
    {
      name: 'the row a write helper returns (createOrder(req)) is server data: a missing id after the insert is internal',
      code: helperCheck('createOrder'),
    },
  ],
  invalid: [
    {
      name: 'Nuxt: the same check on getQuery(event) is a check of request input (twin of the runtime-config case)',
      code: nuxtConfigCheck('getQuery(event)'),
      errors: [
        report({
          line: 4,
          column: 11,
          what: 'the check of request input on line 3',
          output: nuxtConfigCheck('getQuery(event)').replace('statusCode: 500', 'statusCode: 400'),
        }),
      ],
    },
    {
      name: 'a helper handed the request with a reader name (parseInput(req)) returns client input (twin of getSession)',
      code: helperCheck('parseInput'),
      errors: [
        report({ line: 5, column: 22, what: 'the check of request input on line 5', output: helperCheck('parseInput').replace('status(500)', 'status(400)') }),
      ],
    },
    {
      name: 'Hono: the same check on c.req.query(key) is a check of request input (twin of c.get)',
      code: `import type { Context } from 'hono';
export async function createUpload(c: Context) {
  const fileId = c.req.query('fileId');
  if (typeof fileId !== 'string' || fileId.length === 0) {
    return new Response(JSON.stringify({ error: 'missing fileId' }), { status: 500 });
  }
  return new Response(null, { status: 201 });
}
`,
      errors: [
        report({
          line: 5,
          column: 12,
          what: 'the check of request input on line 4',
          output: `import type { Context } from 'hono';
export async function createUpload(c: Context) {
  const fileId = c.req.query('fileId');
  if (typeof fileId !== 'string' || fileId.length === 0) {
    return new Response(JSON.stringify({ error: 'missing fileId' }), { status: 500 });
  }
  return new Response(null, { status: 201 });
}
`.replace('status: 500', 'status: 400'),
        }),
      ],
    },
    {
      name: 'readBody(req) is a reader: its name holds no server-state word (the "dB" inside "readBody" is not one)',
      code: helperCheck('readBody'),
      errors: [
        report({ line: 5, column: 22, what: 'the check of request input on line 5', output: helperCheck('readBody').replace('status(500)', 'status(400)') }),
      ],
    },
  ],
});
