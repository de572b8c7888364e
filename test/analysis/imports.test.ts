/**
 * Module resolution (imports.ts): what each `ref(expr)` marker's expression
 * refers to, as `source:path` (`()` marks a call or `new` result, `@L<n>` the
 * line of the call that created an instance), or `-` when it is not a module value.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { probe, type ProbeOptions } from './probe';

function refs(code: string, options?: ProbeOptions): string[] {
  // The probe's text gate needs one HTTP word; `fetch` keeps every snippet past it.
  const { model, sourceCode } = probe(`${code}\nexport const _gate = 'fetch';\n`, options);
  return model.calls
    .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'ref')
    .map((c) => {
      const arg = c.arguments[0]!;
      const r = model.resolve(arg);
      const text = sourceCode.getText(arg);
      if (!r) return `${text} -> -`;
      const creator = r.creator ? ` @L${r.creator.loc.start.line}` : '';
      return `${text} -> ${r.source}:${r.path.join('.')}${creator}`;
    });
}

describe('ESM imports', () => {
  it('default, named, aliased, namespace, and node: prefixes', () => {
    expect(
      refs(`
import express, { Router as R } from 'express';
import * as Boom from '@hapi/boom';
import http from 'node:http';
import { default as axios } from 'axios';
ref(express);
ref(R);
ref(Boom.badGateway);
ref(Boom.default.badGateway);
ref(http.request);
ref(axios.get);
`),
    ).toMatchInlineSnapshot(`
      [
        "express -> express:",
        "R -> express:Router",
        "Boom.badGateway -> @hapi/boom:badGateway",
        "Boom.default.badGateway -> @hapi/boom:badGateway",
        "http.request -> http:request",
        "axios.get -> axios:get",
      ]
    `);
  });

  it('dynamic import()', () => {
    expect(
      refs(`
export async function f() {
  const got = await import('got');
  const { default: ky } = await import('ky');
  ref(got.default);
  ref(ky.get);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "got.default -> got:",
        "ky.get -> ky:get",
      ]
    `);
  });
});

describe('CommonJS', () => {
  it('require, destructured require (nested and renamed), require(...)() and require(...).x', () => {
    expect(
      refs(`
const fastify = require('fastify');
const { badGateway, notFound: nf } = require('@hapi/boom');
const { constants: { HTTP_STATUS_BAD_GATEWAY } } = require('node:http2');
const app = require('express')();
const get = require('axios').get;
ref(fastify);
ref(badGateway);
ref(nf);
ref(HTTP_STATUS_BAD_GATEWAY);
ref(app.get);
ref(get);
`, { filename: 'a.js' }),
    ).toMatchInlineSnapshot(`
      [
        "fastify -> fastify:",
        "badGateway -> @hapi/boom:badGateway",
        "nf -> @hapi/boom:notFound",
        "HTTP_STATUS_BAD_GATEWAY -> http2:constants.HTTP_STATUS_BAD_GATEWAY",
        "app.get -> express:().get @L5",
        "get -> axios:get",
      ]
    `);
  });
});

describe('instances through call and new results', () => {
  it('express(), axios.create(), new Stripe(), and long member chains on an instance', () => {
    expect(
      refs(`
import express from 'express';
import axios from 'axios';
import Stripe from 'stripe';
import OpenAI from 'openai';
const app = express();
const api = axios.create({ baseURL: 'x' });
const stripe = new Stripe('k');
const openai = new OpenAI();
ref(app.get);
ref(api.post);
ref(stripe.paymentIntents.create);
ref(openai.beta.chat.completions.parse);
`),
    ).toMatchInlineSnapshot(`
      [
        "app.get -> express:().get @L6",
        "api.post -> axios:create.().post @L7",
        "stripe.paymentIntents.create -> stripe:().paymentIntents.create @L8",
        "openai.beta.chat.completions.parse -> openai:().beta.chat.completions.parse @L9",
      ]
    `);
  });
});

describe('globals', () => {
  it('fetch, Response and globalThis.fetch resolve to globals; local bindings shadow them', () => {
    expect(
      refs(`
ref(fetch);
ref(Response.json);
ref(globalThis.fetch);
ref(window.fetch);
ref(unknownGlobal);
export function f(fetch) {
  ref(fetch);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "fetch -> global:fetch",
        "Response.json -> global:Response.json",
        "globalThis.fetch -> global:fetch",
        "window.fetch -> global:fetch",
        "unknownGlobal -> -",
        "fetch -> -",
      ]
    `);
  });
});

describe('what is not trusted', () => {
  it('reassigned variables, shadowing parameters and local values', () => {
    expect(
      refs(`
import axios from 'axios';
let client = require('got');
client = makeClient();
const local = { get() {} };
export function f(axios) {
  ref(axios.get);
}
ref(client);
ref(local.get);
`),
    ).toMatchInlineSnapshot(`
      [
        "axios.get -> -",
        "client -> -",
        "local.get -> -",
      ]
    `);
  });

  it('TS wrappers: as, !, satisfies', () => {
    expect(
      refs(`
import axios from 'axios';
import Boom from '@hapi/boom';
ref((axios as any).get);
ref(Boom!.badGateway);
ref((axios satisfies object).post);
`),
    ).toMatchInlineSnapshot(`
      [
        "(axios as any).get -> axios:get",
        "Boom!.badGateway -> @hapi/boom:badGateway",
        "(axios satisfies object).post -> axios:post",
      ]
    `);
  });

  it('a chain of variable hops beyond the limit does not poison later, shorter resolutions', () => {
    // Resolving `e` runs out of hops (e -> d -> c -> b -> a -> require); `b` is then resolved on
    // its own and must not reuse a failure cached while resolving `e`.
    expect(
      refs(`
const a = require('axios');
const b = a;
const c = b;
const d = c;
const e = d;
ref(e);
ref(b);
ref(c);
`, { filename: 'a.js' }),
    ).toMatchInlineSnapshot(`
      [
        "e -> -",
        "b -> axios:",
        "c -> axios:",
      ]
    `);
  });
});
