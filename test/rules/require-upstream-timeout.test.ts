/**
 * require-upstream-timeout: an upstream call made while handling a request
 * with no timeout. Grouped by client (each timeout form, set and missing) and
 * by framework (what counts as request code). Invalid cases assert the label,
 * the reason, the fix and the position of the call.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/require-upstream-timeout';
import { ruleTester } from '../rule-tester';
import { at } from './upstream-helpers';

const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

const FETCH_REASON = 'no `signal`, and fetch has no total timeout of its own';
const FETCH_FIX = 'pass `signal: AbortSignal.timeout(ms)`';

/** An Express route around `body` (imports first). */
const express = (imports: string, body: string) => `
import express from 'express';
${imports}
const app = express();
app.get('/x', async (req, res) => {
${body}
  res.json({ ok: true });
});
`;

function invalid(name: string, code: string, report: string, upstream: string, reason: string, fix: string, filename?: string): Invalid {
  const position = at(code, report);
  return {
    name,
    code,
    ...(filename ? { filename } : {}),
    errors: [{ messageId: 'missingTimeout', data: { upstream: upstream.replace('{line}', String(position.line)), reason, fix }, ...position }],
  };
}

const valid = (name: string, code: string, filename?: string): Valid => ({ name, code, ...(filename ? { filename } : {}) });

ruleTester.run('require-upstream-timeout', tested, {
  valid: [
    // fetch
    valid('fetch with AbortSignal.timeout', express('', "  await fetch('https://a.example.com', { signal: AbortSignal.timeout(3000) });")),
    valid('fetch with AbortSignal.any including a timeout', express('', "  await fetch('https://a.example.com', { signal: AbortSignal.any([req.signal, AbortSignal.timeout(3000)]) });")),
    valid('fetch with a signal variable', express('', "  const signal = AbortSignal.timeout(3000);\n  await fetch('https://a.example.com', { signal });")),
    valid(
      'fetch with a controller aborted by a timer',
      express('', "  const controller = new AbortController();\n  const t = setTimeout(() => controller.abort(), 3000);\n  await fetch('https://a.example.com', { signal: controller.signal });\n  clearTimeout(t);"),
    ),
    valid('fetch with options from a spread it cannot resolve (unknown)', express('import { defaults } from "./http";', "  await fetch('https://a.example.com', { ...defaults, method: 'POST' });")),
    valid('fetch with options from a parameter (unknown)', express('', '  const call = (init) => fetch("https://a.example.com", init);\n  await call({});')),
    valid('fetch to a relative URL (an in-process route)', express('', "  await fetch('/api/internal');")),
    valid('fetch to a relative URL held in a const (an in-process route)', express("const INTERNAL = '/api/internal';", '  await fetch(INTERNAL);')),
    valid('node-fetch v2 timeout option', express("import fetch from 'node-fetch';", "  await fetch('https://a.example.com', { timeout: 3000 });")),
    valid('undici fetch with a dispatcher that has timeouts', express("import { fetch, Agent } from 'undici';", "  await fetch('https://a.example.com', { dispatcher: new Agent({ headersTimeout: 3000, bodyTimeout: 3000 }) });")),
    valid('a global dispatcher is set in this file (unknown)', express("import { setGlobalDispatcher, Agent } from 'undici';\nsetGlobalDispatcher(new Agent({ headersTimeout: 5000 }));", "  await fetch('https://a.example.com');")),
    valid(
      'shared same-file fetch wrapper sets the signal',
      `
import express from 'express';
const app = express();
async function api(path: string) {
  return fetch(\`https://api.example.com\${path}\`, { signal: AbortSignal.timeout(5000) });
}
app.get('/x', async (req, res) => res.json(await (await api('/x')).json()));
`,
    ),
    // axios
    valid('axios per-call timeout', express("import axios from 'axios';", "  await axios.get('https://a.example.com', { timeout: 3000 });")),
    valid('axios post config (third argument)', express("import axios from 'axios';", "  await axios.post('https://a.example.com', { a: 1 }, { timeout: 3000 });")),
    valid('axios.create() with timeout', express("import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://a.example.com', timeout: 5000 });", "  await api.get('/x');")),
    valid('instance.defaults.timeout assigned', express("import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://a.example.com' });\napi.defaults.timeout = 5000;", "  await api.get('/x');")),
    valid('axios.defaults.timeout assigned', express("import axios from 'axios';\naxios.defaults.timeout = 5000;", "  await axios.get('https://a.example.com');")),
    valid('axios instance with interceptors (unknown)', express("import axios from 'axios';\nconst api = axios.create({});\napi.interceptors.request.use((c) => c);", "  await api.get('/x');")),
    // got, ky, undici, superagent, http, ofetch
    valid('got timeout object', express("import got from 'got';", "  await got('https://a.example.com', { timeout: { request: 3000 } });")),
    valid('got.extend() with timeout', express("import got from 'got';\nconst client = got.extend({ prefixUrl: 'https://a.example.com', timeout: { request: 3000 } });", "  await client.get('x').json();")),
    valid('ky default timeout (10 s)', express("import ky from 'ky';", "  await ky.get('https://a.example.com').json();")),
    valid('ky instance without timeout: false', express("import ky from 'ky';\nconst api = ky.create({ prefixUrl: 'https://a.example.com' });", "  await api.get('x').json();")),
    valid('undici request with headersTimeout', express("import { request } from 'undici';", "  await request('https://a.example.com', { headersTimeout: 3000, bodyTimeout: 3000 });")),
    valid('undici Pool with timeouts', express("import { Pool } from 'undici';\nconst pool = new Pool('https://a.example.com', { headersTimeout: 3000, bodyTimeout: 3000 });", "  await pool.request({ path: '/x', method: 'GET' });")),
    valid('superagent .timeout()', express("import superagent from 'superagent';", "  await superagent.get('https://a.example.com').set('a', 'b').timeout(3000);")),
    valid('http.get with req.setTimeout()', express("import http from 'node:http';", "  const r = http.get('http://a.example.com', () => {});\n  r.setTimeout(3000);")),
    valid('https.request with a timeout option', express("import https from 'node:https';", "  https.request('https://a.example.com', { timeout: 3000 }, () => {}).end();")),
    valid('ofetch with timeout', express("import { ofetch } from 'ofetch';", "  await ofetch('https://a.example.com', { timeout: 3000 });")),
    // SDKs and settings: their own defaults, never reported
    valid('Stripe SDK (own default timeout)', express("import Stripe from 'stripe';\nconst stripe = new Stripe('k');", "  await stripe.customers.list();")),
    // Not request code
    valid('a script (no handler)', "async function main() { await fetch('https://a.example.com'); }\nmain();"),
    valid('a test file', express('', "  await fetch('https://a.example.com');"), 'src/routes/users.test.ts'),
    valid('a config file', "export default async () => (await fetch('https://a.example.com')).json();", 'vite.config.ts'),
    valid('a helper nobody in this file calls from a handler', "export async function getWeather() { return fetch('https://weather.example.com'); }"),
  ],
  invalid: [
    invalid('Express: fetch without a signal', express('', "  await fetch('https://a.example.com');"), "fetch('https", 'The fetch to `https://a.example.com` on line {line}', FETCH_REASON, FETCH_FIX),
    invalid(
      'an absolute URL held in a const is another service (twin of the relative const)',
      express("const INTERNAL = 'https://a.example.com/internal';", '  await fetch(INTERNAL);'),
      'fetch(INTERNAL',
      'The fetch to `INTERNAL` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
    ),
    invalid(
      'fetch with an AbortController nobody aborts on a timer',
      express('', "  const controller = new AbortController();\n  req.on('close', () => controller.abort());\n  await fetch('https://a.example.com', { signal: controller.signal });"),
      "fetch('https",
      'The fetch to `https://a.example.com` on line {line}',
      'its AbortController is never aborted by a timer',
      FETCH_FIX,
    ),
    invalid(
      "Next.js: fetch with only the incoming request's signal",
      `
export async function GET(request: Request) {
  const r = await fetch('https://a.example.com', { signal: request.signal });
  return Response.json(await r.json());
}
`,
      "fetch('https",
      'The fetch to `https://a.example.com` on line {line}',
      "its `signal` is the incoming request's, which aborts only when the client disconnects",
      FETCH_FIX,
      'app/api/x/route.ts',
    ),
    invalid(
      'same-file helper called from a handler: the helper’s fetch is reported',
      `
import express from 'express';
const app = express();
async function getWeather(city: string) {
  return fetch(\`https://weather.example.com/\${city}\`);
}
app.get('/w/:city', async (req, res) => res.json(await (await getWeather(req.params.city)).json()));
`,
      'fetch(`https',
      'The fetch to `https://weather.example.com/${city}` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
    ),
    invalid('axios.get without timeout', express("import axios from 'axios';", "  await axios.get('https://a.example.com');"), 'axios.get(', 'The axios request to `https://a.example.com` on line {line}', "no `timeout`, and axios's default is 0 (none)", 'set `timeout` in the config or on the `axios.create()` instance'),
    invalid('axios timeout: 0', express("import axios from 'axios';", "  await axios.get('https://a.example.com', { timeout: 0 });"), 'axios.get(', 'The axios request to `https://a.example.com` on line {line}', '`timeout: 0` means no timeout in axios', 'set `timeout` in the config or on the `axios.create()` instance'),
    invalid(
      'axios.create() without timeout',
      express("import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://a.example.com' });", "  await api.post('/x', { a: 1 });"),
      'api.post(',
      'The axios request to `/x` on line {line}',
      'neither the call nor its `axios.create()` config sets `timeout`, and axios defaults to none',
      'set `timeout` in the config or on the `axios.create()` instance',
    ),
    invalid('got without timeout', express("import got from 'got';", "  await got('https://a.example.com').json();"), "got('https", 'The got request to `https://a.example.com` on line {line}', 'no `timeout`, and got has none by default', 'set `timeout: { request: ms }`'),
    invalid('ky with timeout: false', express("import ky from 'ky';", "  await ky('https://a.example.com', { timeout: false }).json();"), "ky('https", 'The ky request to `https://a.example.com` on line {line}', '`timeout: false` turns off the 10 s default of ky', 'remove `timeout: false` or set a number'),
    invalid(
      'undici request on its 300 s defaults',
      express("import { request } from 'undici';", "  await request('https://a.example.com');"),
      "request('https",
      'The undici request to `https://a.example.com` on line {line}',
      "undici's defaults wait 300 s for headers and 300 s between body chunks, longer than any client waits",
      'set `headersTimeout` and `bodyTimeout` (or a `signal`)',
    ),
    invalid('superagent without .timeout()', express("import superagent from 'superagent';", "  await superagent.get('https://a.example.com').set('a', 'b');"), 'superagent.get(', 'The superagent request to `https://a.example.com` on line {line}', 'no `.timeout()`, and superagent has none by default', 'chain `.timeout(ms)`'),
    invalid(
      'node:http request in createServer',
      `
import http from 'node:http';
http.createServer((req, res) => {
  const up = http.request({ host: 'backend', path: req.url }, (r) => r.pipe(res));
  req.pipe(up);
});
`,
      'http.request(',
      'The http.request call `http.request()` on line {line}',
      'no `timeout` option and no `req.setTimeout()`, and node:http has none by default',
      'set the `timeout` option or call `req.setTimeout(ms)`',
    ),
    invalid('ofetch without timeout', express("import { ofetch } from 'ofetch';", "  await ofetch('https://a.example.com');"), "ofetch('https", 'The fetch to `https://a.example.com` on line {line}', 'no `timeout` or `signal`, and ofetch has no timeout by default', 'set its `timeout` option'),
    invalid(
      'h3 defineEventHandler with $fetch',
      `
export default defineEventHandler(async () => {
  return await $fetch('https://pim.example.com/products');
});
`,
      "$fetch('https",
      'The fetch to `https://pim.example.com/products` on line {line}',
      'no `timeout` or `signal`, and ofetch has no timeout by default',
      'set its `timeout` option',
    ),
    invalid(
      'tRPC procedure',
      `
import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
export const router = t.router({
  weather: t.procedure.query(async () => (await fetch('https://weather.example.com')).json()),
});
`,
      "fetch('https",
      'The fetch to `https://weather.example.com` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
    ),
    invalid(
      'SvelteKit load with event.fetch',
      `
export const load = async ({ fetch }) => {
  const r = await fetch('https://status.example.com/api');
  return { status: await r.json() };
};
`,
      "fetch('https",
      'The fetch to `https://status.example.com/api` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
      'src/routes/status/+page.server.ts',
    ),
    invalid(
      'Remix loader',
      `
export async function loader() {
  const r = await fetch('https://cms.example.com/issues');
  return r.json();
}
`,
      "fetch('https",
      'The fetch to `https://cms.example.com/issues` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
      'app/routes/issues.tsx',
    ),
    invalid(
      'NestJS controller method',
      `
import { Controller, Get } from '@nestjs/common';
import axios from 'axios';
@Controller('fx')
export class FxController {
  @Get()
  async rates() {
    return (await axios.get('https://fx.example.com')).data;
  }
}
`,
      'axios.get(',
      'The axios request to `https://fx.example.com` on line {line}',
      "no `timeout`, and axios's default is 0 (none)",
      'set `timeout` in the config or on the `axios.create()` instance',
    ),
    invalid(
      'Lambda handler',
      `
export const handler = async (event) => {
  const r = await fetch('https://a.example.com');
  return { statusCode: 200, body: await r.text() };
};
`,
      "fetch('https",
      'The fetch to `https://a.example.com` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
    ),
  ],
});

ruleTester.run('require-upstream-timeout (local resources)', tested, {
  valid: [
    {
      name: 'fetch(new URL(path, import.meta.url)) reads a file bundled with the route, not a service',
      code: `export async function GET() {
  const font = await fetch(new URL('../fonts/Inter.ttf', import.meta.url)).then((r) => r.arrayBuffer());
  return new Response(font, { status: 200 });
}
`,
    },
    {
      name: 'fetch of a data: URL reads inline data',
      code: `export async function GET() {
  const blob = await fetch('data:text/plain;base64,aGk=').then((r) => r.blob());
  return new Response(blob, { status: 200 });
}
`,
    },
  ],
  invalid: [
    {
      name: 'the same route fetching a font from a remote host has no timeout',
      code: `export async function GET() {
  const font = await fetch('https://fonts.example.com/Inter.ttf').then((r) => r.arrayBuffer());
  return new Response(font, { status: 200 });
}
`,
      errors: [{ messageId: 'missingTimeout', line: 2 }],
    },
  ],
});

// Lambda extensions serve over loopback inside the function's own execution
// environment: calling them reads a local cache (the remote call, and its
// timeout, belong to the extension). Each valid case has an invalid twin that
// differs only in the host or port: a separate service is a real upstream.
const lambdaAxios = (url: string) => `
import axios from 'axios';
export const handler = async (event) => {
  const url = ${url};
  const { data } = await axios.get(url);
  return { statusCode: 200, body: JSON.stringify(data) };
};
`;

const lambdaFetch = (url: string) => `
export const handler = async (event) => {
  const res = await fetch(${url});
  return { statusCode: 200, body: await res.text() };
};
`;

const AXIOS_REASON = "no `timeout`, and axios's default is 0 (none)";
const AXIOS_FIX = 'set `timeout` in the config or on the `axios.create()` instance';

ruleTester.run('require-upstream-timeout (local sidecars)', tested, {
  valid: [
    valid('the AppConfig agent extension on localhost:2772 (a URL built by concatenation)', lambdaAxios("'http://localhost:2772/applications/' + process.env.APP_ID + '/environments/prod/configurations/flags'")),
    valid(
      'the AppConfig agent extension on localhost:2772 (a long concatenation of constants)',
      lambdaAxios("'http://localhost:2772/applications/' + process.env.APP_ID + '/environments/' + process.env.ENV_ID + '/configurations/' + process.env.PROFILE_ID + '?flag=' + event.flag"),
    ),
    valid('the Parameters and Secrets extension on 127.0.0.1:2773 (a template literal)', lambdaAxios('`http://127.0.0.1:2773/systemsmanager/parameters/get?name=${event.name}`')),
    valid('the Lambda Runtime API at the host from AWS_LAMBDA_RUNTIME_API', lambdaFetch('`http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next`')),
  ],
  invalid: [
    invalid(
      'a long concatenation to another loopback port is a real upstream (twin of the long AppConfig URL)',
      lambdaAxios("'http://localhost:1337/applications/' + process.env.APP_ID + '/environments/' + process.env.ENV_ID + '/configurations/' + process.env.PROFILE_ID + '?flag=' + event.flag"),
      'axios.get(',
      'The axios request to `url` on line {line}',
      AXIOS_REASON,
      AXIOS_FIX,
    ),
    invalid(
      'a separate service on another loopback port is a real upstream (twin of the AppConfig agent)',
      lambdaAxios("'http://localhost:1337/applications/' + process.env.APP_ID + '/environments/prod/configurations/flags'"),
      'axios.get(',
      'The axios request to `url` on line {line}',
      AXIOS_REASON,
      AXIOS_FIX,
    ),
    invalid(
      'the same path on a remote host is a real upstream (twin of the Parameters and Secrets extension)',
      lambdaAxios('`http://params.example.com:2773/systemsmanager/parameters/get?name=${event.name}`'),
      'axios.get(',
      'The axios request to `url` on line {line}',
      AXIOS_REASON,
      AXIOS_FIX,
    ),
    invalid(
      'a host from another environment variable is a real upstream (twin of the Runtime API)',
      lambdaFetch('`http://${process.env.ORDERS_API_HOST}/2018-06-01/runtime/invocation/next`'),
      'fetch(`http',
      'The fetch to `http://${process.env.ORDERS_API_HOST}/2018-06-01/runtime/...` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
    ),
  ],
});

// A fetch-style handler that returns `fetch(request)` with its own incoming
// Request, unchanged, forwards the client's request: the client's own timeout
// governs, and the proxy adds no wait of its own. Building a new Request or
// URL, or fetching anything else, is a call to an upstream again.
const worker = (body: string) => `
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/blocked')) return new Response('Forbidden', { status: 403 });
${body}
  },
};
`;

ruleTester.run('require-upstream-timeout (transparent pass-through)', tested, {
  valid: [
    valid(
      'a Mock Service Worker handler module: its fetch stands in for an upstream in development',
      `import { http, passthrough } from 'msw';
export const handlers = [
  http.get('https://auth.example.com/*', async ({ request }) => {
    const local = new Request('http://localhost:8787' + new URL(request.url).pathname, request);
    const response = await fetch(local);
    return response.ok ? response : passthrough();
  }),
];
`,
      'src/handlers.ts',
    ),
    valid('Cloudflare Worker: return fetch(request) forwards the incoming request unchanged', worker('    return fetch(request);')),
    valid('Cloudflare Worker: the forwarded response is awaited, then returned', worker('    const response = await fetch(request);\n    return response;')),
    valid(
      'Cloudflare Worker typed with satisfies, forwarding the incoming Request',
      `
interface Env { ORIGIN: string }
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method === 'TRACE') return new Response(null, { status: 405 });
    return await fetch(request);
  },
} satisfies ExportedHandler<Env>;
`,
    ),
    valid(
      'Cloudflare Worker: the same request to the same URL with a header added is still a pass-through',
      worker("    const headers = new Headers(request.headers);\n    headers.set('x-edge', '1');\n    return fetch(new Request(request, { headers }));"),
    ),
    valid(
      'Next.js route handler forwarding its Request',
      `
export async function GET(request: Request) {
  if (!request.headers.get('authorization')) return new Response(null, { status: 401 });
  return fetch(request);
}
`,
      'app/api/proxy/route.ts',
    ),
  ],
  invalid: [
    invalid(
      'the same handler module with a router of its own (no mocking library) makes a real fetch (twin of the msw module)',
      `import { http, passthrough } from './router';
export const handlers = [
  http.get('https://auth.example.com/*', async ({ request }) => {
    const local = new Request('http://localhost:8787' + new URL(request.url).pathname, request);
    const response = await fetch(local);
    return response.ok ? response : passthrough();
  }),
];
`,
      'fetch(local)',
      'The fetch to `local` on line {line}',
      "its `signal` is the incoming request's, which aborts only when the client disconnects",
      FETCH_FIX,
      'src/handlers.ts',
    ),
    invalid(
      'Cloudflare Worker: a new Request to another URL built from the incoming one (twin of return fetch(request))',
      worker("    return fetch(new Request('https://origin.example.com' + url.pathname, request));"),
      'fetch(new Request',
      "The fetch to `new Request('https://origin.example.com' + url.pathname, ...` on line {line}",
      "its `signal` is the incoming request's, which aborts only when the client disconnects",
      FETCH_FIX,
    ),
    invalid(
      'Cloudflare Worker: the same added header on a request to another URL (twin of the header pass-through)',
      worker("    const headers = new Headers(request.headers);\n    headers.set('x-edge', '1');\n    return fetch(new Request('https://origin.example.com/api', { headers }));"),
      'fetch(new Request',
      "The fetch to `new Request('https://origin.example.com/api', { headers })` on line {line}",
      FETCH_REASON,
      FETCH_FIX,
    ),
    invalid(
      'Cloudflare Worker: another URL with the incoming request as init',
      worker("    return fetch('https://origin.example.com/api', request);"),
      "fetch('https",
      'The fetch to `https://origin.example.com/api` on line {line}',
      "its `signal` is the incoming request's, which aborts only when the client disconnects",
      FETCH_FIX,
    ),
    invalid(
      'Cloudflare Worker: fetching something other than the incoming request',
      worker('    return fetch(env.ORIGIN_URL);'),
      'fetch(env',
      'The fetch to `env.ORIGIN_URL` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
    ),
    invalid(
      'Cloudflare Worker: the request parameter was replaced before the fetch',
      worker("    request = new Request('https://origin.example.com/api', { method: 'POST' });\n    return fetch(request);"),
      'fetch(request)',
      'The fetch to `request` on line {line}',
      FETCH_REASON,
      FETCH_FIX,
    ),
  ],
});
