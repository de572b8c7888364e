import rule, { type MessageIds, type Options } from '../../rules/no-unbounded-retry';
import { ruleTester } from '../rule-tester';

// The rule tester bundles its own copy of @typescript-eslint/utils types.
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const sleep = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n';
const what = (w: string, how: string) => ({ what: w, how });

ruleTester.run('no-unbounded-retry', tested, {
  valid: [
    {
      name: 'for loop with an attempt limit',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch { await sleep(100 * 2 ** attempt); }
  }
}`,
    },
    {
      name: 'while (true) with a counted throw in the catch (TS)',
      code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function get(url: string): Promise<Response> {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      if (++attempt >= 5) throw err;
      await sleep(100 * 2 ** attempt);
    }
  }
}`,
    },
    {
      name: 'while (true) bounded by a deadline',
      code: `${sleep}async function get(url, deadline) {
  while (true) {
    try { return await fetch(url); } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(1000 * Math.random());
    }
  }
}`,
    },
    {
      name: 'loop bounded by an abort signal',
      code: `${sleep}async function get(url, signal) {
  while (!signal.aborted) {
    try { return await fetch(url, { signal }); } catch { await sleep(500 * Math.random()); }
  }
}`,
    },
    {
      name: 'loop calling signal.throwIfAborted()',
      code: `${sleep}async function get(url, signal) {
  for (;;) {
    signal.throwIfAborted();
    try { return await fetch(url); } catch { await sleep(500); }
  }
}`,
    },
    {
      name: 'recursion with a decreasing count',
      code: `${sleep}async function get(url, retries = 3) {
  try { return await fetch(url); } catch (err) {
    if (retries === 0) throw err;
    await sleep(1000);
    return get(url, retries - 1);
  }
}`,
    },
    {
      name: 'reconnect timer of a long-lived connection (not reported by default)',
      code: `function connect(url) {
  const ws = new WebSocket(url);
  ws.onclose = () => setTimeout(() => connect(url), 1000);
}`,
    },
    {
      name: 'success flag combined with an attempt count',
      code: `${sleep}async function write(put, item) {
  let written = false;
  let tries = 0;
  while (!written && tries < 5) {
    try { await put(item); written = true; } catch { tries++; await sleep(100 * 2 ** tries); }
  }
}`,
    },
    {
      name: 'unknown exit condition is not reported',
      code: `${sleep}async function get(url, shouldGiveUp) {
  while (true) {
    try { return await fetch(url); } catch (err) {
      if (shouldGiveUp(err)) throw err;
      await sleep(1000);
    }
  }
}`,
    },
    {
      name: 'worker loop (no success exit) is not a retry',
      code: `async function work(queue) {
  while (true) {
    try { await queue.process(); } catch (err) { console.error(err); }
  }
}`,
    },
    {
      name: 'p-retry with retries: Infinity and maxRetryTime',
      code: `import pRetry from 'p-retry';
export const run = (task) => pRetry(task, { retries: Infinity, maxRetryTime: 30000 });`,
    },
    {
      name: 'axios-retry defaults are bounded',
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay });`,
    },
    {
      name: 'fetch-retry retryOn function that counts attempts',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response.status >= 500) });`,
    },
    {
      name: 'cockatiel with maxAttempts',
      code: `import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
export const p = retry(handleAll, { maxAttempts: 4, backoff: new ExponentialBackoff() });`,
    },
    {
      name: 'recursion: following redirects from an http.get callback',
      code: `import http from 'node:http';
export function fetchFollowing(url, done) {
  http.get(url, (res) => {
    if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
      fetchFollowing(new URL(res.headers.location, url).href, done);
      return;
    }
    done(null, res);
  }).on('error', done);
}`,
    },
    {
      name: 'recursion: bisecting a failed batch down to single rows',
      code: `export async function sendAll(client, rows) {
  try {
    await client.bulkInsert(rows);
  } catch (err) {
    if (rows.length < 2) { report(rows[0], err); return; }
    const half = rows.length >> 1;
    await sendAll(client, rows.slice(0, half));
    await sendAll(client, rows.slice(half));
  }
}`,
    },
    {
      name: 'recursion: bisecting a failed batch passed in a destructured options object (TS)',
      code: `type Row = { id: string };
export async function sendAll({ client, rows }: { client: { bulkInsert(r: Row[]): Promise<void> }; rows: Row[] }): Promise<void> {
  try {
    await client.bulkInsert(rows);
  } catch (err) {
    if (rows.length <= 1) return;
    const half = Math.ceil(rows.length / 2);
    await sendAll({ client, rows: rows.slice(0, half) });
    await sendAll({ client, rows: rows.slice(half) });
  }
}`,
    },
    {
      name: 'recursion: bisecting opts.rows, spread first and the smaller part after it',
      code: `export async function sendAll(opts) {
  try {
    await opts.client.bulkInsert(opts.rows);
  } catch (err) {
    if (!opts.rows.length || opts.rows.length === 1) return;
    const half = opts.rows.length >> 1;
    await sendAll({ ...opts, rows: opts.rows.slice(0, half) });
    await sendAll({ ...opts, rows: opts.rows.slice(half) });
  }
}`,
    },
    {
      name: 'a retry loop with no way out in a *.spec.ts file is not reported',
      filename: 'src/jobs/queue.spec.ts',
      code: `${sleep}async function pushUntilAccepted(job) {
  while (true) {
    try { return await fetch('https://queue.example.com/jobs', { method: 'POST', body: job }); } catch { await sleep(2 ** 3 * 100); }
  }
}`,
    },
    // Every way around the loop passes its own counter check.
    {
      name: 'while (true) whose every continue sits under a check of its own incremented counter (two counters, TS)',
      code: `${sleep}class TimeoutError extends Error {}
async function callApi<T>(run: () => Promise<T>, limits: { timeouts: number; overloads: number }): Promise<T> {
  let timeouts = 0;
  let overloads = 0;
  while (true) {
    try {
      return await run();
    } catch (err: any) {
      if (err instanceof TimeoutError) {
        if (timeouts < limits.timeouts) {
          timeouts++;
          await sleep(200 * 2 ** timeouts);
          continue;
        }
      }
      if (err.status >= 500) {
        if (overloads < limits.overloads) {
          overloads += 1;
          await sleep(500 * 2 ** overloads);
          continue;
        }
      }
      throw err;
    }
  }
}`,
    },
    {
      name: 'recursion: a synchronous parser calling itself on a slice of its input is not a retry',
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
    // Going around only on a duplicate key draws a new value each time: regeneration, not a retry.
    {
      name: 'while (true) going around only on a Postgres unique violation (23505) is not a retry',
      code: `export async function insertShortLink(db, target) {
  while (true) {
    try {
      return await db.links.insert({ target, slug: shortSlug() });
    } catch (err) {
      if (err.code !== '23505') throw err;
    }
  }
}`,
    },
    {
      name: 'for (;;) going around only on MySQL ER_DUP_ENTRY, with continue (TS)',
      code: `export async function insertTicket(db: { insert(row: object): Promise<number> }): Promise<number> {
  for (;;) {
    try {
      return await db.insert({ number: ticketNumber() });
    } catch (err: any) {
      if (err?.code === 'ER_DUP_ENTRY') continue;
      throw err;
    }
  }
}`,
    },
    // Polarity: a loop that leaves on failure goes around on success; it retries nothing.
    {
      name: 'while (true) reading pages until one fails is not a retry',
      code: `export async function drain(feed) {
  const items = [];
  let page = 0;
  while (true) {
    page++;
    const res = await fetch(feed + '?page=' + page);
    if (res.status !== 200) return items;
    items.push(...(await res.json()));
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'while (true) going around on a Postgres serialization failure (40001) is a retry',
      code: `export async function insertShortLink(db, target) {
  while (true) {
    try {
      return await db.links.insert({ target, slug: shortSlug() });
    } catch (err) {
      if (err.code !== '40001') throw err;
    }
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 2, column: 3 }],
    },
    {
      name: 'for (;;) going around on ETIMEDOUT, with continue (TS)',
      code: `export async function insertTicket(db: { insert(row: object): Promise<number> }): Promise<number> {
  for (;;) {
    try {
      return await db.insert({ number: ticketNumber() });
    } catch (err: any) {
      if (err?.code === 'ETIMEDOUT') continue;
      throw err;
    }
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 2, column: 3 }],
    },
    {
      name: 'while (true) that leaves on 200 goes around on failure: a retry',
      code: `export async function drain(feed) {
  const items = [];
  let page = 0;
  while (true) {
    page++;
    const res = await fetch(feed + '?page=' + page);
    if (res.status === 200) return items;
    items.push(...(await res.json()));
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 4, column: 3 }],
    },
    {
      name: 'recursion: an options object whose smaller part a later spread overrides',
      code: `${sleep}export async function sendAll(opts) {
  try {
    await opts.client.bulkInsert(opts.rows);
  } catch (err) {
    if (opts.rows.length <= 1) return;
    await sleep(1000);
    await sendAll({ rows: opts.rows.slice(1), ...opts });
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This recursive retry', 'no count or deadline stops the recursion'), line: 8, column: 11 }],
    },
    {
      name: 'recursion: the same batch again on failure, size check or not',
      code: `${sleep}export async function sendAll(client, rows) {
  try {
    await client.bulkInsert(rows);
  } catch (err) {
    if (rows.length === 0) return;
    await sleep(1000);
    await sendAll(client, rows);
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This recursive retry', 'no count or deadline stops the recursion'), line: 8, column: 11 }],
    },
    {
      name: 'while (true) whose only exit is success',
      code: `${sleep}async function get(url) {
  while (true) {
    try { return await fetch(url); } catch (err) { await sleep(1000); }
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 3, column: 3 }],
    },
    {
      name: 'for (;;) with an error-classifying throw only (TS)',
      code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function get(url: string): Promise<Response> {
  for (;;) {
    const res = await fetch(url);
    if (res.ok) return res;
    if (res.status < 500) throw new Error(String(res.status));
    await sleep(1000);
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 3, column: 3 }],
    },
    {
      name: 'success flag loop',
      code: `${sleep}async function connectDb(connect) {
  let connected = false;
  while (!connected) {
    try { await connect(); connected = true; } catch { await sleep(2000); }
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 4 }],
    },
    {
      name: 'do…while retrying 503 forever',
      code: `${sleep}async function get(url) {
  let res;
  do {
    res = await fetch(url);
    await sleep(200);
  } while (res.status === 503);
  return res;
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 4 }],
    },
    {
      name: 'recursion without a decreasing bound',
      code: `${sleep}async function load(url) {
  try { return await fetch(url); } catch (err) {
    await sleep(1000);
    return load(url);
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This recursive retry', 'no count or deadline stops the recursion'), line: 5, column: 12 }],
    },
    {
      name: 'recursion passing the same count',
      code: `${sleep}const load = async (url, retries) => {
  try { return await fetch(url); } catch (err) {
    await sleep(1000);
    return load(url, retries);
  }
};`,
      errors: [{ messageId: 'unbounded', data: what('This recursive retry', 'no count or deadline stops the recursion'), line: 5 }],
    },
    {
      name: 'timer retry of a one-shot upload',
      code: `function upload(batch) {
  fetch('https://logs.example.com', { method: 'POST', body: batch })
    .catch(() => setTimeout(() => upload(batch), 1000));
}`,
      errors: [{ messageId: 'unbounded', data: what('This timer retry', 'nothing stops it from rescheduling itself'), line: 3, column: 18 }],
    },
    {
      name: 'reconnect timer with reportReconnects',
      code: `function connect(url) {
  const ws = new WebSocket(url);
  ws.onclose = () => setTimeout(() => connect(url), 1000);
}`,
      options: [{ reportReconnects: true }],
      errors: [{ messageId: 'unbounded', data: what('This reconnect timer', 'nothing stops it from rescheduling itself'), line: 3, column: 22 }],
    },
    {
      name: 'p-retry forever',
      code: `import pRetry from 'p-retry';
export const run = (task) => pRetry(task, { forever: true });`,
      errors: [{ messageId: 'unbounded', data: what('This p-retry setup', 'it is configured without an attempt limit'), line: 2, column: 30 }],
    },
    {
      name: 'async-retry with retries: Infinity (CommonJS)',
      code: `const retry = require('async-retry');
module.exports = (task) => retry(task, { retries: Infinity });`,
      errors: [{ messageId: 'unbounded', data: what('This async-retry setup', 'it is configured without an attempt limit'), line: 2 }],
    },
    {
      name: 'retry module operation forever',
      code: `import retry from 'retry';
const op = retry.operation({ forever: true });`,
      errors: [{ messageId: 'unbounded', data: what('This retry setup', 'it is configured without an attempt limit'), line: 2 }],
    },
    {
      name: 'got limit: Infinity',
      code: `import got from 'got';
export const c = got.extend({ retry: { limit: Infinity } });`,
      errors: [{ messageId: 'unbounded', data: what('This got setup', 'it is configured without an attempt limit'), line: 2, column: 38 }],
    },
    {
      name: 'axios-retry retries: Infinity',
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: Infinity, retryDelay: axiosRetry.exponentialDelay });`,
      errors: [{ messageId: 'unbounded', data: what('This axios-retry setup', 'it is configured without an attempt limit'), line: 3 }],
    },
    {
      name: 'fetch-retry retryOn function that ignores the attempt',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryOn: (attempt, error, response) => error !== null || response.status >= 500 });`,
      errors: [{ messageId: 'unbounded', data: what('This fetch-retry setup', 'it is configured without an attempt limit'), line: 2, column: 18 }],
    },
    {
      name: 'cockatiel without maxAttempts',
      code: `import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
export const p = retry(handleAll, { backoff: new ExponentialBackoff() });`,
      errors: [{ messageId: 'unbounded', data: what('This cockatiel setup', 'it is configured without an attempt limit'), line: 2 }],
    },
    {
      name: 'the same retry loop with no way out outside a test file is reported',
      filename: 'src/jobs/queue.ts',
      code: `${sleep}async function pushUntilAccepted(job) {
  while (true) {
    try { return await fetch('https://queue.example.com/jobs', { method: 'POST', body: job }); } catch { await sleep(2 ** 3 * 100); }
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 3, column: 3 }],
    },
    {
      name: 'while (true) where one continue has no counter check (TS)',
      code: `${sleep}class TimeoutError extends Error {}
async function callApi<T>(run: () => Promise<T>, limits: { timeouts: number; overloads: number }): Promise<T> {
  let timeouts = 0;
  let overloads = 0;
  while (true) {
    try {
      return await run();
    } catch (err: any) {
      if (err instanceof TimeoutError) {
        if (timeouts < limits.timeouts) {
          timeouts++;
          await sleep(200 * 2 ** timeouts);
          continue;
        }
      }
      if (err.status >= 500) {
        overloads += 1;
        await sleep(500 * 2 ** overloads);
        continue;
      }
      throw err;
    }
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 6, column: 3 }],
    },
    {
      name: 'while (true) whose counter check guards a counter that never grows',
      code: `${sleep}async function callApi(run, limit) {
  let timeouts = 0;
  while (true) {
    try {
      return await run();
    } catch (err) {
      if (timeouts < limit) {
        await sleep(200 * 2 ** 4);
        continue;
      }
      throw err;
    }
  }
}`,
      errors: [{ messageId: 'unbounded', data: what('This retry loop', 'its only way out is success'), line: 4, column: 3 }],
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
      errors: [{ messageId: 'unbounded', data: what('This recursive retry', 'no count or deadline stops the recursion'), line: 8, column: 12 }],
    },
  ],
});
