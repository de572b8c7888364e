import rule, { type MessageIds, type Options } from '../../rules/require-retry-backoff';
import { ruleTester } from '../rule-tester';

// The rule tester bundles its own copy of @typescript-eslint/utils types.
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const sleep = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n';

ruleTester.run('require-retry-backoff', tested, {
  valid: [
    // Loops with exponential growth in each recognised form.
    {
      name: 'loop: 2 ** attempt, capped, with jitter',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(url);
      if (res.status >= 500) throw new Error(String(res.status));
      return res;
    } catch (err) {
      if (attempt === 4) throw err;
      await sleep(Math.random() * Math.min(10000, 100 * 2 ** attempt));
    }
  }
}`,
    },
    {
      name: 'loop: Math.pow',
      code: `${sleep}async function get(url) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await sleep(250 * Math.pow(2, i));
  }
}`,
    },
    {
      name: 'loop: bit shift',
      code: `${sleep}async function get(url) {
  for (let n = 0; n < 5; n++) {
    try { return await fetch(url); } catch { await sleep((1 << n) * 100); }
  }
}`,
    },
    {
      name: 'loop: delay doubled on each pass (TS, timers/promises alias)',
      code: `import { setTimeout as pause } from 'node:timers/promises';
export async function send(url: string): Promise<Response> {
  let delay = 100;
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      await pause(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }
  throw new Error('gave up');
}`,
    },
    {
      name: 'loop: local helper with the backoff formula',
      code: `${sleep}function getDelay(attempt) { return Math.min(30000, 200 * 2 ** attempt); }
async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch { await sleep(getDelay(attempt)); }
  }
}`,
    },
    {
      name: 'loop: imported helper whose name says backoff',
      code: `import { sleep, exponentialBackoff } from './util';
async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch { await sleep(exponentialBackoff(attempt)); }
  }
}`,
    },
    {
      name: 'loop: helper named in backoffHelpers',
      code: `import { sleep, nextWait } from './util';
async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch { await sleep(nextWait(attempt)); }
  }
}`,
      options: [{ backoffHelpers: ['nextWait'] }],
    },
    {
      name: 'loop: waits the Retry-After of a 429',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await sleep(Number(res.headers.get('retry-after')) * 1000);
      continue;
    }
    return res;
  }
}`,
    },
    {
      name: 'loop: linear growth with allowLinear',
      code: `${sleep}async function get(url) {
  for (let attempt = 1; attempt <= 6; attempt++) {
    try { return await fetch(url); } catch { await sleep(attempt * 1000); }
  }
}`,
      options: [{ allowLinear: true }],
    },
    {
      name: 'loop: unknown wait is never reported',
      code: `async function get(url, policy) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch (err) { await policy.onFailure(err, attempt); }
  }
}`,
    },
    // Not retries.
    {
      name: 'mirror fallback over URLs',
      code: `async function download(mirrors) {
  for (const url of mirrors) {
    try { return await fetch(url); } catch {}
  }
}`,
    },
    {
      name: 'indexed item loop',
      code: `async function firstUp(hosts) {
  for (let i = 0; i < hosts.length; i++) {
    try { return await fetch(hosts[i]); } catch {}
  }
}`,
    },
    {
      name: 'polling a job state',
      code: `${sleep}async function waitFor(id) {
  for (let i = 0; i < 30; i++) {
    const job = await getJob(id);
    if (job.status === 'done') return job;
    await sleep(2000);
  }
}`,
    },
    {
      name: 'worker loop without success exit',
      code: `async function work(queue) {
  while (true) {
    const msg = await queue.receive();
    try { await handle(msg); } catch (err) { console.error(err); }
  }
}`,
    },
    {
      name: 'redirect-following loop changes its target each pass',
      code: `async function follow(url) {
  for (let hops = 0; hops < 5; hops++) {
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (REDIRECTS.has(res.status) && location) { url = new URL(location, url).toString(); continue; }
    return res;
  }
}`,
    },
    {
      name: 'recursion after an awaited helper that may wait (retry config)',
      code: `async function request(opts) {
  try { return await send(opts); } catch (err) {
    const { shouldRetry } = await getRetryConfig(err);
    if (shouldRetry) return request(opts);
    throw err;
  }
}`,
    },
    {
      name: 'one re-authentication on 401 is not a retry',
      code: `async function call(opts) {
  const res = await fetch(opts.url, { headers: { authorization: await token() } });
  if (!res.ok) {
    if (res.status === 401 && !opts.refreshed) { invalidate(); return call({ ...opts, refreshed: true }); }
    throw new Error(String(res.status));
  }
  return res;
}`,
    },
    {
      name: 'waiting for a local service to pass its health check',
      code: `${sleep}async function waitUp(base) {
  for (let i = 0; i < 50; i++) {
    try { await fetch(base + '/api/health'); break; } catch { await sleep(100); }
  }
}`,
    },
    {
      name: 'recursive tree walk',
      code: `async function crawl(url, depth) {
  if (depth === 0) return;
  const res = await fetch(url);
  for (const link of await links(res)) await crawl(link, depth - 1);
}`,
    },
    // Recursion and timers.
    {
      name: 'recursion doubling its delay',
      code: `${sleep}async function get(url, retries = 3, delay = 100) {
  try { return await fetch(url); } catch (err) {
    if (retries === 0) throw err;
    await sleep(delay);
    return get(url, retries - 1, delay * 2);
  }
}`,
    },
    {
      name: 'reconnect with capped exponential delay kept on the instance',
      code: `class Feed {
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.onclose = () => {
      setTimeout(() => this.connect(), Math.min(30000, 1000 * 2 ** this.attempts++));
    };
  }
}`,
    },
    {
      name: 'heartbeat timer is not a retry',
      code: `function beat(socket) { socket.send('ping'); setTimeout(() => beat(socket), 30000); }`,
    },
    // Libraries.
    {
      name: 'axios-retry with exponentialDelay',
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    },
    {
      name: 'p-retry defaults are exponential',
      code: `import pRetry from 'p-retry';
export const run = (task) => pRetry(task, { retries: 5 });`,
    },
    {
      name: 'async-retry defaults are exponential and randomised (CommonJS)',
      code: `const retry = require('async-retry');
module.exports = (task) => retry(task, { retries: 4 });`,
    },
    {
      name: 'got retry with a limit',
      code: `import got from 'got';
export const client = got.extend({ retry: { limit: 3 } });`,
    },
    {
      name: 'ky retry with a number',
      code: `import ky from 'ky';
export const client = ky.create({ retry: 2 });`,
    },
    {
      name: 'undici RetryAgent defaults',
      code: `import { RetryAgent, Agent } from 'undici';
export const d = new RetryAgent(new Agent(), { maxRetries: 3 });`,
    },
    {
      name: 'cockatiel ExponentialBackoff',
      code: `import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
export const p = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });`,
    },
    {
      name: 'fetch-retry with exponential retryDelay',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryDelay: (attempt) => 2 ** attempt * 100 });`,
    },
    {
      name: 'a function named retry from another package is not a library',
      code: `import { retry } from './my-retry';
export const run = (task) => retry(task, { retries: 3, factor: 1 });`,
    },
    {
      name: 'singles out 429 but honorRetryAfter is off',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) { await sleep(2 ** attempt * 100); continue; }
    return res;
  }
}`,
      options: [{ honorRetryAfter: false }],
    },
    // Not retries of one operation: each pass sends something else.
    {
      name: 'loop: a new random slug on each uniqueness conflict',
      code: `import { randomUUID } from 'node:crypto';
export async function reserveSlug(db, title) {
  for (let tries = 0; tries < 4; tries++) {
    const slug = \`\${title}-\${randomUUID().slice(0, 6)}\`;
    try {
      await db.insert('slugs', { slug });
      return slug;
    } catch (err) {
      if (err.code !== '23505') throw err;
    }
  }
  throw new Error('no free slug');
}`,
    },
    {
      name: 'loop: waiting under a deadline for a server on 127.0.0.1 (TS)',
      code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function waitForApi(port: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    try {
      const res = await fetch(\`http://127.0.0.1:\${port}/api/version\`);
      if (res.ok) return;
    } catch {}
    await sleep(250);
  }
  throw new Error('api did not start');
}`,
    },
    {
      name: 'loop: waiting for a file on the local disk (fs default import)',
      code: `${sleep}import fs from 'node:fs';
export async function readLock(path) {
  for (let i = 0; i < 20; i++) {
    try {
      return JSON.parse(await fs.promises.readFile(path, 'utf8'));
    } catch {
      await sleep(100);
    }
  }
  return null;
}`,
    },
    {
      name: 'loop: walking an error cause chain in the for update',
      code: `function upstreamStatus(error) {
  for (let e = error; e; e = e.cause) {
    const status = Number(e.status);
    if (status >= 500) return status;
  }
  return undefined;
}`,
    },
    {
      name: 'recursion: following a redirect Location with a hop count',
      code: `async function resolveFinal(url, hops = 0) {
  const res = await fetch(url, { redirect: 'manual' });
  if ([301, 302, 307, 308].includes(res.status) && hops < 5) return resolveFinal(res.headers.get('location'), hops + 1);
  return res;
}`,
    },
    // At most two attempts: a single wait, which has nothing to grow from.
    {
      name: 'loop: two attempts with a constant wait',
      code: `${sleep}async function ping(url) {
  for (let i = 0; i < 2; i++) {
    try { return await fetch(url); } catch (err) { if (i === 1) throw err; await sleep(1000); }
  }
}`,
    },
    {
      name: 'loop: polling a URL read from a resource that is re-fetched from its API between attempts',
      code: `${sleep}export async function waitForPdf(letters, letter) {
  let tries = 0;
  while (tries < 3) {
    const href = letter.url || letter.href;
    const res = await fetch(href, { signal: AbortSignal.timeout(5000) });
    if (res.ok) break;
    tries += 1;
    await sleep(5000);
    const latest = await letters.get(letter.id);
    Object.assign(letter, latest);
  }
  return letter;
}`,
    },
    // Test files never serve a request: their retries are not server behaviour.
    {
      name: 'a retry loop without a wait in a *.test.ts file is not reported',
      filename: 'src/orders/client.test.ts',
      code: `async function sendOrder(url) {
  for (let n = 0; n < 4; n++) {
    try { return await fetch(url, { method: 'POST' }); } catch (err) { console.warn(err); }
  }
}`,
    },
    // Three attempts at most: two waits, k then 2k, which is exponential too.
    {
      name: 'loop: three attempts with a linear wait (k, then 2k)',
      code: `${sleep}async function getReport(url) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try { return await fetch(url); } catch (err) { if (attempt === 3) throw err; await sleep(attempt * 400); }
  }
}`,
    },
    {
      name: 'loop: open for with a rethrow once the counter reaches 2 (three attempts), linear wait',
      code: `${sleep}const MAX_RECONNECTS = 2;
async function callTool(client, args) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.invoke(args);
    } catch (err) {
      if (attempt >= MAX_RECONNECTS || !(isClosed(err) || isExpiredSession(err))) throw err;
      await sleep(750 * (attempt + 1));
    }
  }
}`,
    },
    {
      name: 'loop: the attempt limit is one of two constants, both at most three, linear wait',
      code: `${sleep}const STUB_ATTEMPTS = 3;
async function forward(stub, req, replayable) {
  const limit = replayable ? STUB_ATTEMPTS : 1;
  for (let attempt = 1; attempt <= limit; attempt++) {
    const res = await stub.fetch(req);
    if (res.status < 500 || attempt === limit) return res;
    await sleep(300 * attempt);
  }
}`,
    },
    // Sending again after renewing credentials is not a retry of a failing call.
    {
      name: 'loop: sending again after renewing the token on 403 is not a retry',
      code: `async function headWithFreshToken(session) {
  let res;
  for (let tries = 0; tries < 3; tries++) {
    res = await fetch(session.url, { method: 'HEAD', headers: { authorization: session.token } });
    if (res.status === 403) {
      session.token = await renewToken(session);
    } else break;
  }
  return res;
}`,
    },
    // A synchronous function that calls itself on part of its input is a parser, not a retry.
    {
      name: 'recursion: a synchronous parser calling itself on a slice of its input from a catch',
      code: `function parseSettings(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    const from = raw.indexOf('{');
    const to = raw.lastIndexOf('}');
    if (from < 0 || to <= from) return null;
    return parseSettings(raw.slice(from, to + 1));
  }
}`,
    },
    // A try in a branch picked by something other than a failure does not run on every pass.
    {
      name: 'loop: a prompt loop whose only try sits in one menu branch is not a retry',
      code: `import { select } from '@clack/prompts';
async function askToDeploy(openDocs) {
  while (true) {
    const answer = await select({ message: 'Deploy now?', options: [{ value: 'yes' }, { value: 'no' }, { value: 'docs' }] });
    if (answer === 'docs') {
      try { await openDocs(); } catch (err) { console.warn('could not open the docs', err); }
      continue;
    }
    return answer === 'yes';
  }
}`,
    },
    // Polarity of an HTTP check: leaving on failure means the loop goes around on success (pagination, not a retry).
    {
      name: 'loop: pages fetched until one fails or comes back short is pagination, not a retry',
      code: `export async function loadTags(api) {
  const tags = [];
  for (let page = 1; page <= 4; page++) {
    const res = await fetch(\`\${api}/tags?page=\${page}\`);
    if (!res.ok) return null;
    const chunk = await res.json();
    tags.push(...chunk);
    if (chunk.length < 30) break;
  }
  return tags;
}`,
    },
    {
      name: 'loop: leaving on status >= 400 (the loop goes on after a success) is not a retry (TS)',
      code: `export async function warm(origin: string): Promise<boolean> {
  for (let page = 1; page <= 3; page++) {
    const res = await fetch(\`\${origin}/catalog?page=\${page}\`);
    if (res.status >= 400) return false;
  }
  return true;
}`,
    },
    // Going around only on a conflict re-runs with a fresh value: regeneration, not a retry.
    {
      name: 'loop: re-running after a unique-constraint violation is regeneration, not a retry',
      code: `import { UniqueConstraintError } from 'sequelize';
export async function withFreshSlug(run, times = 3) {
  for (let n = 1; ; n++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof UniqueConstraintError) || n >= times) throw error;
    }
  }
}`,
    },
    {
      name: 'recursion: calling again on a Prisma P2002 (duplicate key) picks a new code, not a retry',
      code: `export async function createInvite(db, data, left = 2) {
  try {
    return await db.invite.create({ data: { ...data, code: makeCode() } });
  } catch (e) {
    if (e.code === 'P2002' && left > 0) return createInvite(db, data, left - 1);
    throw e;
  }
}`,
    },
    {
      name: 'loop: going around on HTTP 409 only (a conflict) is not a retry',
      code: `export async function claimName(api, base) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(\`\${api}/names\`, { method: 'POST', body: base + i });
    if (res.status === 409) continue;
    return res;
  }
}`,
    },
    {
      name: 'loop: a new port after EADDRINUSE is not a retry',
      code: `export async function listenFree(server, port) {
  for (let tries = 0; tries < 5; tries++) {
    try {
      return await server.listen(port + tries);
    } catch (err) {
      if (err.code !== 'EADDRINUSE') throw err;
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'loop: the pagination twin that leaves on success goes around on failure: a retry',
      code: `export async function loadTags(api) {
  const tags = [];
  for (let page = 1; page <= 4; page++) {
    const res = await fetch(\`\${api}/tags?page=\${page}\`);
    if (res.ok) return null;
    const chunk = await res.json();
    tags.push(...chunk);
    if (chunk.length < 30) break;
  }
  return tags;
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 3, column: 3 }],
    },
    {
      name: 'loop: leaving on status < 400 goes around on failure: a retry (TS)',
      code: `export async function warm(origin: string): Promise<boolean> {
  for (let page = 1; page <= 3; page++) {
    const res = await fetch(\`\${origin}/catalog?page=\${page}\`);
    if (res.status < 400) return false;
  }
  return true;
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 2, column: 3 }],
    },
    {
      name: 'loop: leaving on success and on 4xx, waiting a constant time otherwise, is still a retry',
      code: `${sleep}export async function getJson(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    if (res.status < 500) throw new Error(String(res.status));
    await sleep(2000);
  }
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This retry loop', delay: '2000 ms' }, line: 3, column: 3 }],
    },
    {
      name: 'loop: a 404 that leaves at once does not hide the retry on other failures',
      code: `${sleep}export async function getItem(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status === 404) return null;
    if (res.ok) return res.json();
    await sleep(2000);
  }
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This retry loop', delay: '2000 ms' }, line: 3, column: 3 }],
    },
    {
      name: 'loop: the twin going around on a connection error is a retry',
      code: `import { ConnectionError } from 'sequelize';
export async function withFreshSlug(run, times = 3) {
  for (let n = 1; ; n++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ConnectionError) || n >= times) throw error;
    }
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 3, column: 3 }],
    },
    {
      name: 'recursion: the twin calling again on a Prisma connection error (P1001) is a retry',
      code: `export async function createInvite(db, data, left = 2) {
  try {
    return await db.invite.create({ data: { ...data, code: makeCode() } });
  } catch (e) {
    if (e.code === 'P1001' && left > 0) return createInvite(db, data, left - 1);
    throw e;
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This recursive retry' }, line: 5, column: 48 }],
    },
    {
      name: 'loop: the twin going around on 502 is a retry',
      code: `export async function claimName(api, base) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(\`\${api}/names\`, { method: 'POST', body: base + i });
    if (res.status === 502) continue;
    return res;
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 2, column: 3 }],
    },
    {
      name: 'loop: the twin going around on ECONNREFUSED is a retry',
      code: `export async function listenFree(server, port) {
  for (let tries = 0; tries < 5; tries++) {
    try {
      return await server.listen(port + tries);
    } catch (err) {
      if (err.code !== 'ECONNREFUSED') throw err;
    }
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 2, column: 3 }],
    },
    {
      name: 'loop: a URL copied from an object that is never refreshed is retried, not polled',
      code: `${sleep}export async function getPdf(letter) {
  let tries = 0;
  while (tries < 3) {
    const href = letter.url || letter.href;
    const res = await fetch(href, { signal: AbortSignal.timeout(5000) });
    if (res.ok) break;
    tries += 1;
    await sleep(5000);
    const body = await res.text();
    console.log(body);
  }
  return letter;
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This retry loop', delay: '5000 ms' }, line: 4, column: 3 }],
    },
    {
      name: 'loop: three attempts with a constant wait (two waits, no growth)',
      code: `${sleep}async function ping(url) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch (err) { if (i === 2) throw err; await sleep(1000); }
  }
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This retry loop', delay: '1000 ms' }, line: 3, column: 3 }],
    },
    {
      name: 'loop: two attempts with no wait at all',
      code: `async function ping(url) {
  for (let i = 0; i < 2; i++) {
    try { return await fetch(url); } catch (err) { if (i === 1) throw err; }
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 2, column: 3 }],
    },
    {
      name: 'loop: no wait',
      code: `async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await fetch(url); } catch (err) { console.warn(err); }
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 2, column: 3 }],
    },
    {
      name: 'loop: constant wait through a const (TS)',
      code: `const RETRY_MS = 1000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export async function get(url: string): Promise<Response> {
  let attempt = 0;
  while (attempt < 3) {
    attempt++;
    try {
      return await fetch(url);
    } catch {
      await sleep(RETRY_MS);
    }
  }
  throw new Error('failed');
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This retry loop', delay: '1000 ms' }, line: 5, column: 3 }],
    },
    {
      name: 'loop: new Promise(setTimeout) with a literal',
      code: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This retry loop', delay: '500 ms' }, line: 2 }],
    },
    {
      name: 'loop: linear wait',
      code: `${sleep}async function get(url) {
  for (let attempt = 1; attempt <= 6; attempt++) {
    try { return await fetch(url); } catch { await sleep(attempt * 1000); }
  }
}`,
      errors: [{ messageId: 'linearWait', data: { what: 'This retry loop' }, line: 3 }],
    },
    {
      name: 'loop: do…while on 503',
      code: `${sleep}async function get(url) {
  let res;
  do {
    res = await fetch(url);
    if (res.status === 503) await sleep(500);
  } while (res.status === 503);
  return res;
}`,
      options: [{ honorRetryAfter: false }],
      errors: [{ messageId: 'constantWait', data: { what: 'This retry loop', delay: '500 ms' }, line: 4 }],
    },
    {
      name: 'loop: exponential without jitter when requireJitter',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch { await sleep(100 * 2 ** attempt); }
  }
}`,
      options: [{ requireJitter: true }],
      errors: [{ messageId: 'missingJitter', data: { what: 'This retry loop' }, line: 3 }],
    },
    {
      name: 'loop: singles out 429 and ignores Retry-After',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) { await sleep(Math.random() * 100 * 2 ** attempt); continue; }
    return res;
  }
}`,
      errors: [{ messageId: 'ignoresRetryAfter', data: { status: '429' }, line: 5, column: 9 }],
    },
    {
      name: 'recursion: constant wait',
      code: `${sleep}async function load(url, tries = 3) {
  try {
    return await fetch(url);
  } catch (err) {
    if (tries === 0) throw err;
    await sleep(2000);
    return load(url, tries - 1);
  }
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This recursive retry', delay: '2000 ms' }, line: 8, column: 12 }],
    },
    {
      name: 'recursion: method retrying itself at once (TS)',
      code: `export class Client {
  async send(body: string, left = 2): Promise<Response> {
    const res = await fetch('https://x.example.com', { method: 'POST', body });
    if (res.status >= 500 && left > 0) return this.send(body, left - 1);
    return res;
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This recursive retry' }, line: 4, column: 47 }],
    },
    {
      name: 'timer: reconnect with a constant delay',
      code: `function connect(url) {
  const ws = new WebSocket(url);
  ws.addEventListener('close', () => {
    setTimeout(() => connect(url), 5000);
  });
}`,
      errors: [{ messageId: 'constantWait', data: { what: 'This reconnect timer', delay: '5000 ms' }, line: 4, column: 5 }],
    },
    {
      name: 'timer: setTimeout(reconnect, ms) from a Redis error handler (CommonJS)',
      code: `const RECONNECT_MS = 2000;
function reconnect() {
  const client = createClient();
  client.on('error', () => setTimeout(reconnect, RECONNECT_MS));
}
module.exports = reconnect;`,
      errors: [{ messageId: 'constantWait', data: { what: 'This reconnect timer', delay: '2000 ms' }, line: 4, column: 28 }],
    },
    {
      name: 'axios-retry defaults: no delay',
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3 });`,
      errors: [{ messageId: 'noWait', data: { what: 'This axios-retry setup (library default schedule)' }, line: 3, column: 1 }],
    },
    {
      name: 'axios-retry via require with a linear retryDelay',
      code: `const axios = require('axios');
const axiosRetry = require('axios-retry');
axiosRetry(axios, { retryDelay: (count) => count * 500 });`,
      errors: [{ messageId: 'linearWait', data: { what: 'This axios-retry setup' }, line: 3 }],
    },
    {
      name: 'fetch-retry defaults: constant 1000 ms',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch);`,
      errors: [{ messageId: 'constantWait', data: { what: 'This fetch-retry setup (library default schedule)', delay: '1000 ms' }, line: 2, column: 18 }],
    },
    {
      name: 'fetch-retry: options through a local const',
      code: `import fetchRetry from 'fetch-retry';
const opts = { retries: 5, retryDelay: 800 };
export const f = fetchRetry(fetch, opts);`,
      errors: [{ messageId: 'constantWait', data: { what: 'This fetch-retry setup', delay: '800 ms' }, line: 3 }],
    },
    {
      name: 'p-retry with factor 1',
      code: `import pRetry from 'p-retry';
export const run = (task) => pRetry(task, { retries: 3, factor: 1, minTimeout: 250 });`,
      errors: [{ messageId: 'constantWait', data: { what: 'This p-retry setup', delay: '250 ms' }, line: 2, column: 30 }],
    },
    {
      name: 'p-retry defaults have no jitter (requireJitter)',
      code: `import pRetry from 'p-retry';
export const run = (task) => pRetry(task, { retries: 3 });`,
      options: [{ requireJitter: true }],
      errors: [{ messageId: 'missingJitter', data: { what: 'This p-retry setup (library default schedule)' }, line: 2 }],
    },
    {
      name: 'retry module operation with factor 1',
      code: `const retry = require('retry');
const op = retry.operation({ retries: 3, factor: 1, minTimeout: 1000 });`,
      errors: [{ messageId: 'constantWait', data: { what: 'This retry setup', delay: '1000 ms' }, line: 2, column: 12 }],
    },
    {
      name: 'ky with a constant delay',
      code: `import ky from 'ky';
export const c = ky.create({ retry: { limit: 2, delay: () => 1000 } });`,
      errors: [{ messageId: 'constantWait', data: { what: 'This ky setup', delay: '1000 ms' }, line: 2, column: 37 }],
    },
    {
      name: 'got with a linear calculateDelay',
      code: `import got from 'got';
export const c = got.extend({ retry: { limit: 3, calculateDelay: ({ attemptCount }) => attemptCount * 1000 } });`,
      errors: [{ messageId: 'linearWait', data: { what: 'This got setup' }, line: 2 }],
    },
    {
      name: 'cockatiel without backoff',
      code: `import { retry, handleAll } from 'cockatiel';
export const p = retry(handleAll, { maxAttempts: 3 });`,
      errors: [{ messageId: 'noWait', data: { what: 'This cockatiel setup (library default schedule)' }, line: 2, column: 18 }],
    },
    {
      name: 'undici RetryAgent with timeoutFactor 1',
      code: `import { RetryAgent, Agent } from 'undici';
export const d = new RetryAgent(new Agent(), { timeoutFactor: 1, minTimeout: 2000 });`,
      errors: [{ messageId: 'constantWait', data: { what: 'This undici setup', delay: '2000 ms' }, line: 2 }],
    },
    {
      name: 'the same retry loop without a wait outside a test file is reported',
      filename: 'src/orders/client.ts',
      code: `async function sendOrder(url) {
  for (let n = 0; n < 4; n++) {
    try { return await fetch(url, { method: 'POST' }); } catch (err) { console.warn(err); }
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 2, column: 3 }],
    },
    {
      name: 'loop: five attempts with a linear wait',
      code: `${sleep}async function getReport(url) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try { return await fetch(url); } catch (err) { if (attempt === 5) throw err; await sleep(attempt * 400); }
  }
}`,
      errors: [{ messageId: 'linearWait', data: { what: 'This retry loop' }, line: 3, column: 3 }],
    },
    {
      name: 'loop: open for with a rethrow once the counter reaches 6 (seven attempts), linear wait',
      code: `${sleep}const MAX_RECONNECTS = 6;
async function callTool(client, args) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.invoke(args);
    } catch (err) {
      if (attempt >= MAX_RECONNECTS || !(isClosed(err) || isExpiredSession(err))) throw err;
      await sleep(750 * (attempt + 1));
    }
  }
}`,
      errors: [{ messageId: 'linearWait', data: { what: 'This retry loop' }, line: 4, column: 3 }],
    },
    {
      name: 'loop: the attempt limit is one of two constants, one of them eight, linear wait',
      code: `${sleep}const STUB_ATTEMPTS = 8;
async function forward(stub, req, replayable) {
  const limit = replayable ? STUB_ATTEMPTS : 1;
  for (let attempt = 1; attempt <= limit; attempt++) {
    const res = await stub.fetch(req);
    if (res.status < 500 || attempt === limit) return res;
    await sleep(300 * attempt);
  }
}`,
      errors: [{ messageId: 'linearWait', data: { what: 'This retry loop' }, line: 5, column: 3 }],
    },
    {
      name: 'loop: sending again at once on 502 is a retry',
      code: `async function headWithFreshToken(session) {
  let res;
  for (let tries = 0; tries < 3; tries++) {
    res = await fetch(session.url, { method: 'HEAD', headers: { authorization: session.token } });
    if (res.status === 502) {
      session.token = await renewToken(session);
    } else break;
  }
  return res;
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 3, column: 3 }],
    },
    {
      name: 'recursion: the same parser made async calls itself again, as a retry would',
      code: `async function parseSettings(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    const from = raw.indexOf('{');
    const to = raw.lastIndexOf('}');
    if (from < 0 || to <= from) return null;
    return parseSettings(raw.slice(from, to + 1));
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This recursive retry' }, line: 8, column: 12 }],
    },
    {
      name: 'loop: the same prompt loop with the try on every pass goes around after a failure',
      code: `import { select } from '@clack/prompts';
async function askToDeploy(openDocs) {
  while (true) {
    const answer = await select({ message: 'Deploy now?', options: [{ value: 'yes' }, { value: 'no' }, { value: 'docs' }] });
    try { await openDocs(); } catch (err) { console.warn('could not open the docs', err); }
    if (answer === 'docs') continue;
    return answer === 'yes';
  }
}`,
      errors: [{ messageId: 'noWait', data: { what: 'This retry loop' }, line: 3, column: 3 }],
    },
    // Nested retry loops that share one 429 comparison: one report for it.
    {
      name: 'loop: a 429 comparison shared by nested retry loops is reported once',
      code: `${sleep}async function fetchInRounds(url) {
  for (let round = 0; round < 3; round++) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const res = await fetch(url);
      if (res.ok) return res;
      if (res.status === 429) break;
      await sleep(Math.random() * 100 * 2 ** attempt);
    }
    await sleep(Math.random() * 1000 * 2 ** round);
  }
}`,
      errors: [{ messageId: 'ignoresRetryAfter', data: { status: '429' }, line: 7, column: 11 }],
    },
    {
      name: 'loop: nested retry loops with a 429 comparison each are reported at each',
      code: `${sleep}async function fetchInRounds(url) {
  for (let round = 0; round < 3; round++) {
    const probe = await fetch(url, { method: 'HEAD' });
    if (probe.status === 429) await sleep(Math.random() * 1000 * 2 ** round);
    for (let attempt = 0; attempt < 4; attempt++) {
      const res = await fetch(url);
      if (res.ok) return res;
      if (res.status === 429) break;
      await sleep(Math.random() * 100 * 2 ** attempt);
    }
  }
}`,
      errors: [
        { messageId: 'ignoresRetryAfter', data: { status: '429' }, line: 5, column: 9 },
        { messageId: 'ignoresRetryAfter', data: { status: '429' }, line: 9, column: 11 },
      ],
    },
  ],
});
