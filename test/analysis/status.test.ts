/**
 * Status resolution (status.ts, status-codes.ts): which code an expression
 * stands for, that unknown values stay unknown, and the edits `rewrite(code)`
 * proposes (applied to the source to read the result).
 */
import { probe, type ProbeOptions } from './probe';

/** The codes of an Express handler's `res.status(<expr>)` calls, one per expression. */
function statusOf(preamble: string, exprs: string[], options?: ProbeOptions): (number | undefined)[] {
  const body = exprs.map((e) => `  res.status(${e}).json({});`).join('\n');
  const { model } = probe(`${preamble}\nexport function h(req, res) {\n${body}\n}\n`, options);
  expect(model.emissions).toHaveLength(exprs.length);
  return model.emissions.map((e) => e.code);
}

/** Apply `emission.status.rewrite(to)` for the emission on `line` and return the changed lines. */
function rewritten(code: string, to: number, options?: ProbeOptions): string | undefined {
  const { model } = probe(code, options);
  const emission = model.emissions[0];
  if (!emission) throw new Error('no emission');
  const edits = emission.status.rewrite?.(to);
  if (!edits) return undefined;
  let out = code;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]);
  }
  const before = code.split('\n');
  return out
    .split('\n')
    .filter((l, i) => l !== before[i])
    .join('\n');
}

describe('literal values', () => {
  it('numbers, numeric strings and plain template literals', () => {
    expect(statusOf('', ['500', "'502'", '`504`', '400 + 22'])).toEqual([500, 502, 504, 422]);
  });

  it('values that are not status codes stay unknown', () => {
    expect(statusOf('', ['99', '600', "'5xx'", '`${500}`', 'true', '500.5'])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('local constants, objects and enums', () => {
  it('a const, a const initialised from a const, an `as const` object, a TS enum', () => {
    expect(
      statusOf(
        `
const BAD_GATEWAY = 502;
const UPSTREAM = BAD_GATEWAY;
const Status = { INVALID: 422, 'TIMEOUT': 504 } as const;
enum Code { Unavailable = 503, Other = 'x' }`,
        ['BAD_GATEWAY', 'UPSTREAM', 'Status.INVALID', "Status['TIMEOUT']", 'Code.Unavailable'],
      ),
    ).toEqual([502, 502, 422, 504, 503]);
  });

  it('let/var, parameters, reassigned values and unknown members stay unknown', () => {
    expect(
      statusOf(
        `
let code = 500;
var other = 502;
const Status = { A: 500 };
enum Code { A = 500 }`,
        ['code', 'other', 'req.query.status', 'Status.B', 'Code.B', 'Status[key]'],
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('err.status || 500 and other computed values are unknown', () => {
    expect(statusOf('', ['err.status || 500', 'err.status ?? 500', 'ok ? 200 : 500', 'Number(x)', 'getStatus()'])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('constant modules', () => {
  it('HttpStatus from @nestjs/common', () => {
    expect(
      statusOf(`import { HttpStatus } from '@nestjs/common';`, [
        'HttpStatus.BAD_GATEWAY',
        'HttpStatus.UNPROCESSABLE_ENTITY',
        'HttpStatus.GATEWAY_TIMEOUT',
      ]),
    ).toEqual([502, 422, 504]);
  });

  it('StatusCodes from http-status-codes (named import and require)', () => {
    expect(statusOf(`import { StatusCodes } from 'http-status-codes';`, ['StatusCodes.BAD_GATEWAY', 'StatusCodes.BAD_REQUEST'])).toEqual([
      502, 400,
    ]);
    expect(statusOf(`const { StatusCodes } = require('http-status-codes');`, ['StatusCodes.SERVICE_UNAVAILABLE'], { filename: 'a.js' })).toEqual([
      503,
    ]);
  });

  it('httpStatus from http-status (default and named import)', () => {
    expect(statusOf(`import httpStatus from 'http-status';`, ['httpStatus.BAD_GATEWAY', 'httpStatus.INTERNAL_SERVER_ERROR'])).toEqual([502, 500]);
    expect(statusOf(`import { status } from 'http-status';`, ['status.NOT_FOUND'])).toEqual([404]);
  });

  it('node constants.HTTP_STATUS_X from http2', () => {
    expect(
      statusOf(`import { constants } from 'node:http2';\nimport http2 from 'http2';`, [
        'constants.HTTP_STATUS_BAD_GATEWAY',
        'http2.constants.HTTP_STATUS_GATEWAY_TIMEOUT',
      ]),
    ).toEqual([502, 504]);
  });

  it('constants bound by name: named imports and destructuring from the module', () => {
    expect(
      statusOf(
        `import { BAD_GATEWAY } from 'http-status-codes';
import http2 from 'node:http2';
import { HttpStatus } from '@nestjs/common';
const { HTTP_STATUS_GATEWAY_TIMEOUT } = http2.constants;
const { SERVICE_UNAVAILABLE } = HttpStatus;`,
        ['BAD_GATEWAY', 'HTTP_STATUS_GATEWAY_TIMEOUT', 'SERVICE_UNAVAILABLE'],
      ),
    ).toEqual([502, 504, 503]);
  });

  it('a look-alike HttpStatus that is not imported from a known module stays unknown', () => {
    expect(statusOf(`import { HttpStatus } from './my-status';`, ['HttpStatus.BAD_GATEWAY'])).toEqual([undefined]);
  });
});

describe('rewrite(code)', () => {
  it('keeps the literal kind: number, quoted string, template', () => {
    expect(rewritten(`export function h(req, res) { res.status(500).json({}); }`, 502)).toBe(
      'export function h(req, res) { res.status(502).json({}); }',
    );
    expect(rewritten(`export function h(req, res) { res.status('500').json({}); }`, 400)).toBe(
      "export function h(req, res) { res.status('400').json({}); }",
    );
    expect(rewritten('export function h(req, res) { res.status(`500`).json({}); }', 504)).toBe(
      'export function h(req, res) { res.status(`504`).json({}); }',
    );
  });

  it('renames constant members within their module (HttpStatus, http2 constants)', () => {
    expect(
      rewritten(
        `import { HttpStatus, HttpException } from '@nestjs/common';
export function f() { throw new HttpException('x', HttpStatus.INTERNAL_SERVER_ERROR); }`,
        502,
      ),
    ).toBe(`export function f() { throw new HttpException('x', HttpStatus.BAD_GATEWAY); }`);
    expect(
      rewritten(
        `import { constants } from 'http2';
export function h(req, res) { res.status(constants.HTTP_STATUS_INTERNAL_SERVER_ERROR).json({}); }`,
        504,
      ),
    ).toBe(`export function h(req, res) { res.status(constants.HTTP_STATUS_GATEWAY_TIMEOUT).json({}); }`);
  });

  it('replaces a local constant reference by the literal code', () => {
    expect(rewritten(`const CODE = 500;\nexport function h(req, res) { res.status(CODE).json({}); }`, 400)).toBe(
      'export function h(req, res) { res.status(400).json({}); }',
    );
  });

  it('renames a named helper and adds it to the import (NestJS, Boom, @fastify/sensible, tRPC)', () => {
    expect(
      rewritten(
        `import { InternalServerErrorException } from '@nestjs/common';
export function f() { throw new InternalServerErrorException(); }`,
        502,
      ),
    ).toBe(
      `import { InternalServerErrorException, BadGatewayException } from '@nestjs/common';
export function f() { throw new BadGatewayException(); }`,
    );
    expect(rewritten(`import Boom from '@hapi/boom';\nexport const f = () => { throw Boom.badImplementation(); };`, 504)).toBe(
      'export const f = () => { throw Boom.gatewayTimeout(); };',
    );
    expect(
      rewritten(`import Fastify from 'fastify';\nexport async function h(request, reply) { return reply.internalServerError(); }`, 502),
    ).toBe('export async function h(request, reply) { return reply.badGateway(); }');
    expect(
      rewritten(`import { TRPCError } from '@trpc/server';\nexport const f = () => { throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" }); };`, 400),
    ).toBe('export const f = () => { throw new TRPCError({ code: "BAD_REQUEST" }); };');
  });

  it('reuses an existing import of the new name instead of adding a second one', () => {
    expect(
      rewritten(
        `import { InternalServerErrorException, BadGatewayException as BGE } from '@nestjs/common';
export function f() { throw new InternalServerErrorException(); }`,
        502,
      ),
    ).toBe('export function f() { throw new BGE(); }');
  });

  it('offers no rewrite when the target has no helper of that code', () => {
    expect(rewritten(`import Boom from '@hapi/boom';\nexport const f = () => { throw Boom.badImplementation(); };`, 418 + 1)).toBeUndefined();
  });
});
