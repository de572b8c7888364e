/**
 * Validation calls (validation.ts): library, result shape, subject and the
 * subject's origin. Each line is `L<line> <library> <shape> subject=<text> origin=<origin>`.
 */
import { validations } from './probe';

describe('zod', () => {
  it('safeParse / safeParseAsync (success flag) and parse / parseAsync (throws)', () => {
    expect(
      validations(`
import { z } from 'zod';
const UserSchema = z.object({ email: z.string().email() });
export async function h(req, res) {
  const r = UserSchema.safeParse(req.body);
  const a = await UserSchema.safeParseAsync(req.query);
  const user = UserSchema.parse(req.body);
  const b = await z.object({ id: z.string() }).parseAsync(req.params);
  res.status(201).json({ r, a, user, b });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 zod success-flag subject=req.body origin=request",
        "L6 zod success-flag subject=req.query origin=request",
        "L7 zod throws subject=req.body origin=request",
        "L8 zod throws subject=req.params origin=request",
      ]
    `);
  });

  it('validating an upstream response and configuration', () => {
    expect(
      validations(`
import { z } from 'zod';
const WeatherSchema = z.object({ temp: z.number() });
const EnvSchema = z.object({ PORT: z.string() });
export const env = EnvSchema.parse(process.env);
export async function h(req, res) {
  const upstream = await fetch('https://weather');
  const parsed = WeatherSchema.safeParse(await upstream.json());
  res.json(parsed);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 zod throws subject=process.env origin=env",
        "L8 zod success-flag subject=await upstream.json() origin=upstream",
      ]
    `);
  });
});

describe('valibot', () => {
  it('v.safeParse(schema, x), v.parse(schema, x) and named imports', () => {
    expect(
      validations(`
import * as v from 'valibot';
import { safeParse } from 'valibot';
const Schema = v.object({ name: v.string() });
export function h(req, res) {
  const a = v.safeParse(Schema, req.body);
  const b = v.parse(Schema, req.body);
  const c = safeParse(Schema, req.query);
  res.json({ a, b, c });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 valibot success-flag subject=req.body origin=request",
        "L7 valibot throws subject=req.body origin=request",
        "L8 valibot success-flag subject=req.query origin=request",
      ]
    `);
  });
});

describe('joi', () => {
  it('schema.validate (error field) and validateAsync (throws)', () => {
    expect(
      validations(`
import Joi from 'joi';
const schema = Joi.object({ email: Joi.string().email() });
export async function h(req, res) {
  const { error, value } = schema.validate(req.body);
  const checked = await schema.validateAsync(req.query);
  res.json({ error, value, checked });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 joi error-field subject=req.body origin=request",
        "L6 joi throws subject=req.query origin=request",
      ]
    `);
  });
});

describe('yup', () => {
  it('await schema.validate (throws) and isValid (boolean)', () => {
    expect(
      validations(`
import * as yup from 'yup';
const schema = yup.object({ email: yup.string().email() });
export async function h(req, res) {
  const ok = await schema.isValid(req.body);
  const user = await schema.validate(req.body);
  res.json({ ok, user });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 yup boolean subject=req.body origin=request",
        "L6 yup throws subject=req.body origin=request",
      ]
    `);
  });
});

describe('express-validator', () => {
  it('validationResult(req) (is-empty)', () => {
    expect(
      validations(`
import { body, validationResult } from 'express-validator';
export function h(req, res) {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
  res.sendStatus(204);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L4 express-validator is-empty subject=req origin=request",
      ]
    `);
  });
});

describe('class-validator', () => {
  it('validate (errors array) and validateOrReject (throws)', () => {
    expect(
      validations(`
import { validate, validateOrReject } from 'class-validator';
import { plainToInstance } from 'class-transformer';
export async function h(req, res) {
  const dto = plainToInstance(CreateUserDto, req.body);
  const errors = await validate(dto);
  await validateOrReject(dto);
  res.status(201).json(errors);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 class-validator errors-array subject=dto origin=request",
        "L7 class-validator throws subject=dto origin=request",
      ]
    `);
  });
});

describe('ajv', () => {
  it('ajv.validate(schema, x) and a compiled validator (boolean)', () => {
    expect(
      validations(`
import Ajv from 'ajv';
const ajv = new Ajv();
const validateUser = ajv.compile(userSchema);
export function h(req, res) {
  const a = ajv.validate(userSchema, req.body);
  const b = validateUser(req.body);
  res.json({ a, b });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 ajv boolean subject=req.body origin=request",
        "L7 ajv boolean subject=req.body origin=request",
      ]
    `);
  });
});

describe('typebox', () => {
  it('Value.Check (boolean), Value.Parse (throws), TypeCompiler.Compile(T).Check (boolean)', () => {
    expect(
      validations(`
import { Value } from '@sinclair/typebox/value';
import { TypeCompiler } from '@sinclair/typebox/compiler';
const C = TypeCompiler.Compile(User);
export function h(req, res) {
  const a = Value.Check(User, req.body);
  const b = Value.Parse(User, req.body);
  const c = C.Check(req.body);
  res.json({ a, b, c });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 typebox boolean subject=req.body origin=request",
        "L7 typebox throws subject=req.body origin=request",
        "L8 typebox boolean subject=req.body origin=request",
      ]
    `);
  });
});

describe('superstruct', () => {
  it('is (boolean), validate (tuple), assert (throws)', () => {
    expect(
      validations(`
import { assert, is, validate, object, string } from 'superstruct';
const User = object({ email: string() });
export function h(req, res) {
  const ok = is(req.body, User);
  const [err, user] = validate(req.body, User);
  assert(req.query, User);
  res.json({ ok, err, user });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 superstruct boolean subject=req.body origin=request",
        "L6 superstruct tuple subject=req.body origin=request",
        "L7 superstruct throws subject=req.query origin=request",
      ]
    `);
  });
});

describe('validator.js', () => {
  it('validator.isEmail(x) and a named isUUID import (boolean)', () => {
    expect(
      validations(`
import validator from 'validator';
import { isUUID } from 'validator';
export function h(req, res) {
  if (!validator.isEmail(req.body.email)) return res.status(400).end();
  if (!isUUID(req.params.id)) return res.status(400).end();
  res.sendStatus(204);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 validator boolean subject=req.body.email origin=request",
        "L6 validator boolean subject=req.params.id origin=request",
      ]
    `);
  });

  // A per-function module's default import is the validator itself.
  it('a default import from validator/lib/<isX>', () => {
    expect(
      validations(`
import isUUID from 'validator/lib/isUUID';
export function h(req, res) {
  if (!isUUID(req.params.id)) return res.status(400).end();
  res.sendStatus(204);
}
`),
    ).toEqual(['L4 validator boolean subject=req.params.id origin=request']);
  });
});

describe('look-alikes that are not validation', () => {
  it('JSON.parse, URL/Date/qs parsing, a non-schema parse, a generic validate()', () => {
    expect(
      validations(`
import qs from 'qs';
export function h(req, res) {
  const a = JSON.parse(req.body);
  const b = qs.parse(req.url);
  const c = Date.parse(req.query.since);
  const d = parser.parse(req.body);
  const e = csvParser.parse(req.body, { columns: true }, 3);
  const f = validate(req.body);
  res.json({ a, b, c, d, e, f });
}
`),
    ).toEqual([]);
  });
});
