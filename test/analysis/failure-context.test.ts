/**
 * Failure contexts (failure-context.ts): for each `here()` marker, the catch it
 * sits in with the work its try can fail on, and each condition on its path with
 * the facts read from it. Lines read:
 *   `catch <kind> error=<name> work=[<kind>:<callee>, ...] [timeout-armed]`
 *   `if <test> => <facts>` (runs when the test is truthy) / `unless <test> => ...`.
 */
import { contexts } from './probe';

describe('catch: what the try can fail on', () => {
  it('upstream only, validation only, database only, file system only', () => {
    expect(
      contexts(`
import express from 'express';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
const Body = z.object({ email: z.string() });
const app = express();
app.post('/a', async (req, res) => {
  try {
    const r = await fetch('https://api.example.com/a');
    res.json(await r.json());
  } catch (err) {
    here();
  }
  try {
    const body = Body.parse(req.body);
    res.json(body);
  } catch (e) {
    here();
  }
  try {
    res.json(await prisma.user.findMany());
  } catch {
    here();
  }
  try {
    res.send(await readFile('x.txt', 'utf8'));
  } catch (error) {
    here();
  }
});
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "catch try-catch error=err work=[upstream:fetch]",
        ],
        [
          "catch try-catch error=e work=[validation:zod]",
        ],
        [
          "catch try-catch error=- work=[database:prisma.user.findMany()]",
        ],
        [
          "catch try-catch error=error work=[fs:readFile()]",
        ],
      ]
    `);
  });

  it('mixed work, unknown calls, local throws, and a timeout armed on the request', () => {
    expect(
      contexts(`
import axios from 'axios';
export async function h(req, res) {
  try {
    const user = await db.user.findUnique({ where: { id: req.params.id } });
    const { data } = await axios.get('https://api/a', { timeout: 2000 });
    res.json({ user, data });
  } catch (err) {
    here();
  }
  try {
    await paymentService.charge(req.body);
    if (req.body.x) throw new Error('local');
    res.sendStatus(204);
  } catch (err) {
    here();
  }
  try {
    const r = await fetch('https://api/b', { signal: AbortSignal.timeout(5000) });
    if (!r.ok) throw new Error('upstream ' + r.status);
    res.json(await r.json());
  } catch (err) {
    here();
  }
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "catch try-catch error=err work=[upstream:axios, database:db.user.findUnique()] timeout-armed",
        ],
        [
          "catch try-catch error=err work=[unknown:paymentService.charge(), local:throw new Error()]",
        ],
        [
          "catch try-catch error=err work=[upstream:fetch] timeout-armed",
        ],
      ]
    `);
  });

  it('same-file helpers are classified by what they do', () => {
    expect(
      contexts(`
async function getWeather(city) {
  const r = await fetch('https://weather/' + city);
  return r.json();
}
async function loadUser(id) {
  return prisma.user.findUnique({ where: { id } });
}
export async function h(req, res) {
  try {
    res.json(await getWeather(req.query.city));
  } catch (err) {
    here();
  }
  try {
    res.json(await loadUser(req.params.id));
  } catch (err) {
    here();
  }
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "catch try-catch error=err work=[upstream:fetch]",
        ],
        [
          "catch try-catch error=err work=[database:loadUser()]",
        ],
      ]
    `);
  });

  it('.catch() callbacks and .then(ok, onError) on a promise chain', () => {
    expect(
      contexts(`
import axios from 'axios';
import express from 'express';
const app = express();
app.get('/a', (req, res) => {
  axios
    .get('https://api/a')
    .then(({ data }) => res.json(data))
    .catch((err) => here());
  prisma.user.findMany().then(
    (users) => res.json(users),
    (error) => here(),
  );
});
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "catch promise-catch error=err work=[upstream:axios]",
        ],
        [
          "catch promise-catch error=error work=[database:prisma.user.findMany()]",
        ],
      ]
    `);
  });

  it('r.json() in .then() on a fetch is part of the upstream exchange, not request parsing', () => {
    expect(
      contexts(`
export function h(req, res) {
  fetch('https://api/a')
    .then((r) => r.json())
    .then((data) => res.json(data))
    .catch((err) => here());
}
`),
    ).toEqual([['catch promise-catch error=err work=[upstream:fetch]']]);
  });

  it('a node inside the try block, or in a callback inside the catch, has no catch context', () => {
    expect(
      contexts(`
export async function h(req, res) {
  try {
    await fetch('https://api/a');
    here();
  } catch (err) {
    [1].forEach(() => here());
  }
}
`),
    ).toMatchInlineSnapshot(`
      [
        [],
        [],
      ]
    `);
  });
});

describe('conditions on upstream responses', () => {
  it('!res.ok, res.ok else-branch, res.status >= 400, res.status < 300, res.status === 404', () => {
    expect(
      contexts(`
export async function GET() {
  const res = await fetch('https://api/a');
  if (!res.ok) here();
  if (res.ok) { return 1; } else { here(); }
  if (res.status >= 400) here();
  if (res.status < 300) here();
  if (res.status === 404) here();
  if (500 <= res.status) here();
  return Response.json({});
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "if !res.ok => upstream-response(fetch@L3) failed",
        ],
        [
          "unless res.ok => upstream-response(fetch@L3) failed",
        ],
        [
          "if res.status >= 400 => upstream-response(fetch@L3) failed",
        ],
        [
          "if res.status < 300 => upstream-response(fetch@L3) ok",
        ],
        [
          "if res.status === 404 => upstream-response(fetch@L3) failed",
        ],
        [
          "if 500 <= res.status => upstream-response(fetch@L3) failed",
        ],
      ]
    `);
  });

  it('axios response status and a local variable that is not a response', () => {
    expect(
      contexts(`
import axios from 'axios';
export async function h(req, res) {
  const r = await axios.get('https://api/a', { validateStatus: () => true });
  if (r.status >= 500) here();
  const local = { ok: false, status: 500 };
  if (!local.ok) here();
  res.json({});
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "if r.status >= 500 => upstream-response(axios@L4) failed",
        ],
        [
          "if !local.ok",
        ],
      ]
    `);
  });
});

describe('conditions on validation results', () => {
  it('zod !parsed.success, parsed.success === false, else-branch, destructured success', () => {
    expect(
      contexts(`
import { z } from 'zod';
const Body = z.object({ a: z.string() });
export function h(req, res) {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) here();
  if (parsed.success === false) here();
  if (parsed.success) { res.json(parsed.data); } else { here(); }
  const { success, error } = Body.safeParse(req.query);
  if (!success) here();
  if (error) here();
  res.json({});
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "if !parsed.success => validation(zod@L5) failed",
        ],
        [
          "if parsed.success === false => validation(zod@L5) failed",
        ],
        [
          "unless parsed.success => validation(zod@L5) failed",
        ],
        [
          "if !success => validation(zod@L9) failed",
        ],
        [
          "if error => validation(zod@L9) failed",
        ],
      ]
    `);
  });

  it('joi { error }, express-validator !errors.isEmpty(), class-validator errors.length > 0, ajv !valid, superstruct [err]', () => {
    expect(
      contexts(`
import Joi from 'joi';
import { validationResult } from 'express-validator';
import { validate } from 'class-validator';
import Ajv from 'ajv';
import { validate as check } from 'superstruct';
const schema = Joi.object({});
const ajv = new Ajv();
export async function h(req, res) {
  const { error } = schema.validate(req.body);
  if (error) here();
  const errors = validationResult(req);
  if (!errors.isEmpty()) here();
  const problems = await validate(req.body);
  if (problems.length > 0) here();
  if (problems.length === 0) here();
  const valid = ajv.validate(userSchema, req.body);
  if (!valid) here();
  const [err] = check(req.body, User);
  if (err) here();
  res.json({});
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "if error => validation(joi@L10) failed",
        ],
        [
          "if !errors.isEmpty() => validation(express-validator@L12) failed",
        ],
        [
          "if problems.length > 0 => validation(class-validator@L14) failed",
        ],
        [
          "if problems.length === 0 => validation(class-validator@L14) passed",
        ],
        [
          "if !valid => validation(ajv@L17) failed",
        ],
        [
          "if err => validation(superstruct@L19) failed",
        ],
      ]
    `);
  });
});

describe('guard clauses before the node', () => {
  it('if (T) return ...; makes the node run when T is false', () => {
    expect(
      contexts(`
import { z } from 'zod';
const Body = z.object({ a: z.string() });
export async function h(req, res) {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error);
  const r = await fetch('https://api/a');
  if (!r.ok) {
    res.status(502).end();
    return;
  }
  here();
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "unless !parsed.success => validation(zod@L5) passed",
          "unless !r.ok => upstream-response(fetch@L7) ok",
        ],
      ]
    `);
  });

  it('a guard whose body does not always exit is not a guard', () => {
    expect(
      contexts(`
export async function h(req, res) {
  const r = await fetch('https://api/a');
  if (!r.ok) console.log('upstream failed');
  here();
}
`),
    ).toMatchInlineSnapshot(`
      [
        [],
      ]
    `);
  });
});

describe('manual checks of request input', () => {
  it('presence, typeof, nullish, empty string, length and regex checks', () => {
    expect(
      contexts(`
export function h(req, res) {
  const { email, password } = req.body;
  if (!email) here();
  if (typeof req.body.name !== 'string') here();
  if (req.query.id == null) here();
  if (email === '') here();
  if (password.length < 8) here();
  if (!/^[^@]+@[^@]+$/.test(email)) here();
  if (Number.isNaN(Number(req.params.id))) here();
  if (!process.env.KEY) here();
  res.json({});
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "if !email => input-check failed",
        ],
        [
          "if typeof req.body.name !== 'string' => input-check failed",
        ],
        [
          "if req.query.id == null => input-check failed",
        ],
        [
          "if email === '' => input-check failed",
        ],
        [
          "if password.length < 8 => input-check failed",
        ],
        [
          "if !/^[^@]+@[^@]+$/.test(email) => input-check failed",
        ],
        [
          "if Number.isNaN(Number(req.params.id)) => input-check failed",
        ],
        [
          "if !process.env.KEY => config-check missing",
        ],
      ]
    `);
  });
});

describe('tests on the caught error', () => {
  it('instanceof ZodError, axios.isAxiosError, name === AbortError, code === ECONNREFUSED / ETIMEDOUT', () => {
    expect(
      contexts(`
import axios from 'axios';
import { ZodError } from 'zod';
export async function h(req, res) {
  try {
    await axios.get('https://api/a');
  } catch (e) {
    if (e instanceof ZodError) here();
    if (axios.isAxiosError(e)) here();
    if (e.name === 'AbortError') here();
    if (e.code === 'ECONNREFUSED') here();
    if (e.code === 'ETIMEDOUT') here();
    if (e.name !== 'TimeoutError') here();
    if (e.response?.status === 404) here();
    if (e instanceof HttpException) here();
    if (e instanceof SomethingElse) here();
    here();
  }
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e instanceof ZodError => error-test validation yes",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if axios.isAxiosError(e) => error-test upstream yes",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e.name === 'AbortError' => error-test timeout yes",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e.code === 'ECONNREFUSED' => error-test upstream yes",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e.code === 'ETIMEDOUT' => error-test timeout yes",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e.name !== 'TimeoutError' => error-test timeout no",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e.response?.status === 404 => error-test upstream yes",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e instanceof HttpException => error-test http-error yes",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
          "if e instanceof SomethingElse",
        ],
        [
          "catch try-catch error=e work=[upstream:axios]",
        ],
      ]
    `);
  });

  it('the else branch of an error test is the negative answer', () => {
    expect(
      contexts(`
import { ZodError } from 'zod';
export async function h(req, res) {
  try {
    await fetch('https://api/a');
  } catch (err) {
    if (err instanceof ZodError) {
      return res.status(400).end();
    } else {
      here();
    }
  }
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "catch try-catch error=err work=[upstream:fetch]",
          "unless err instanceof ZodError => error-test validation no",
        ],
      ]
    `);
  });
});

describe('logical and ternary tests', () => {
  it('||, && and ?: contribute facts with the right polarity', () => {
    expect(
      contexts(`
export async function h(req, res) {
  const r = await fetch('https://api/a');
  if (!r.ok || !req.body.id) here();
  if (r.ok && req.body.id) here();
  const x = r.ok ? 1 : here();
  r.ok || here();
  res.json({});
}
`),
    ).toMatchInlineSnapshot(`
      [
        [
          "if !r.ok || !req.body.id => upstream-response(fetch@L3) failed; input-check failed",
        ],
        [
          "if r.ok && req.body.id => upstream-response(fetch@L3) ok; input-check passed",
        ],
        [
          "unless r.ok => upstream-response(fetch@L3) failed",
        ],
        [
          "unless r.ok => upstream-response(fetch@L3) failed",
        ],
      ]
    `);
  });
});
