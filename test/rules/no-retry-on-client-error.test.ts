import rule, { type MessageIds, type Options } from '../../rules/no-retry-on-client-error';
import { ruleTester } from '../rule-tester';

// The rule tester bundles its own copy of @typescript-eslint/utils types.
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const sleep = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n';

ruleTester.run('no-retry-on-client-error', tested, {
  valid: [
    {
      name: 'loop retrying only 5xx',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (res.status >= 500) throw new Error(String(res.status));
      return res;
    } catch (err) { await sleep(100 * 2 ** attempt); }
  }
}`,
    },
    {
      name: 'loop: !res.ok throw but 4xx rethrown by the catch (TS)',
      code: `class HttpError extends Error { constructor(readonly status: number) { super(String(status)); } }
export async function get(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new HttpError(res.status);
      return res;
    } catch (err) {
      if (err instanceof HttpError && err.status < 500) throw err;
    }
  }
  throw new Error('gave up');
}`,
    },
    {
      name: 'loop: list of retryable statuses',
      code: `${sleep}const RETRYABLE = [408, 429, 500, 502, 503, 504];
async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    if (!RETRYABLE.includes(res.status)) throw new Error(String(res.status));
    await sleep(100 * 2 ** attempt);
  }
}`,
    },
    {
      name: 'loop: isRetryable helper',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    if (!isRetryableResponse(res)) return res;
    await sleep(100 * 2 ** attempt);
  }
}`,
    },
    {
      name: 'loop: plain fetch, network errors only',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await fetch(url); } catch { await sleep(100 * 2 ** attempt); }
  }
}`,
    },
    {
      name: 'axios-retry default condition',
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    },
    {
      name: 'axios-retry condition restricted to 5xx',
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryCondition: (e) => !e.response || e.response.status >= 500 });`,
    },
    {
      name: 'axios-retry isNetworkOrIdempotentRequestError via require',
      code: `const axios = require('axios');
const axiosRetry = require('axios-retry');
axiosRetry(axios, { retryCondition: axiosRetry.isNetworkOrIdempotentRequestError });`,
    },
    {
      name: 'fetch-retry default retryOn (network errors)',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryDelay: (n) => 2 ** n * 100 });`,
    },
    {
      name: 'fetch-retry retryOn list of 5xx',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryOn: [500, 502, 503, 504] });`,
    },
    {
      name: 'p-retry with AbortError for 4xx',
      code: `import pRetry, { AbortError } from 'p-retry';
export const get = (url) => pRetry(async () => {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500) throw new AbortError(String(res.status));
  if (!res.ok) throw new Error(String(res.status));
  return res;
}, { retries: 3 });`,
    },
    {
      name: 'async-retry with bail',
      code: `import retry from 'async-retry';
export const get = (url) => retry(async (bail) => {
  const res = await fetch(url);
  if (res.status === 404) return bail(new Error('missing'));
  if (!res.ok) throw new Error(String(res.status));
  return res;
});`,
    },
    {
      name: 'got statusCodes without 4xx',
      code: `import got from 'got';
export const c = got.extend({ retry: { limit: 2, statusCodes: [408, 429, 500, 503] } });`,
    },
    {
      name: 'fetch-retry retryOn list with a 4xx named in allow',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryOn: [409, 500, 503] });`,
      options: [{ allow: [409] }],
    },
    {
      name: 'a loop that is not a retry',
      code: `async function all(urls) {
  for (const url of urls) {
    try { const res = await fetch(url); if (!res.ok) throw new Error('x'); } catch {}
  }
}`,
    },
    {
      name: 'loop: polling a download URL that is refreshed from its API between attempts',
      code: `${sleep}export async function waitForExportFile(api, exportJob) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(exportJob.downloadUrl);
    if (res.ok) return res.arrayBuffer();
    await sleep(1000 * 2 ** i);
    Object.assign(exportJob, await api.exports.retrieve(exportJob.id));
  }
  throw new Error('export not ready');
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
    // Polarity: `if (!res.ok) return null` leaves on failure, so the loop goes around on success: pagination.
    {
      name: 'loop: pages fetched until one fails is pagination, it retries no client error',
      code: `export async function allReleases(api) {
  const releases = [];
  for (let page = 1; page <= 3; page++) {
    const res = await fetch(api + '/releases?page=' + page);
    if (!res.ok) return null;
    const batch = await res.json();
    releases.push(...batch);
    if (batch.length < 100) break;
  }
  return releases;
}`,
    },
    // Going around only on 409 Conflict re-sends with a new value.
    {
      name: 'loop: going around only on 409 Conflict (TS)',
      code: `export async function reserve(api: string, name: string): Promise<Response | undefined> {
  for (let n = 0; n < 3; n++) {
    const res = await fetch(api, { method: 'PUT', body: name + '-' + n });
    if (res.status === 409) continue;
    return res;
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'loop: the pagination twin that leaves on success retries every failure',
      code: `export async function allReleases(api) {
  const releases = [];
  for (let page = 1; page <= 3; page++) {
    const res = await fetch(api + '/releases?page=' + page);
    if (res.ok) return null;
    const batch = await res.json();
    releases.push(...batch);
    if (batch.length < 100) break;
  }
  return releases;
}`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This retry loop' }, line: 5, column: 9 }],
    },
    {
      name: 'loop: the twin going around on every 4xx and 5xx retries client errors (TS)',
      code: `export async function reserve(api: string, name: string): Promise<Response | undefined> {
  for (let n = 0; n < 3; n++) {
    const res = await fetch(api, { method: 'PUT', body: name + '-' + n });
    if (res.status >= 400) continue;
    return res;
  }
}`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This retry loop' }, line: 4, column: 9 }],
    },
    {
      name: 'loop: throw on !res.ok inside the retried try',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(String(res.status));
      return res;
    } catch (err) { await sleep(100 * 2 ** attempt); }
  }
}`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This retry loop' }, line: 6, column: 11 }],
    },
    {
      name: 'loop: continue on any non-ok (TS)',
      code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function get(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await sleep(100 * 2 ** attempt);
  }
  throw new Error('gave up');
}`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This retry loop' }, line: 5, column: 9 }],
    },
    {
      name: 'loop: status >= 400',
      code: `${sleep}async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status >= 400) { await sleep(100 * 2 ** attempt); continue; }
    return res;
  }
}`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This retry loop' }, line: 5, column: 9 }],
    },
    {
      name: 'loop around axios, which throws on every 4xx',
      code: `import axios from 'axios';
${sleep}async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return (await axios.get(url)).data; } catch (err) { await sleep(100 * 2 ** attempt); }
  }
}`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This retry loop' }, line: 5, column: 25 }],
    },
    {
      name: 'recursion on !res.ok',
      code: `${sleep}async function get(url, left = 3) {
  const res = await fetch(url);
  if (!res.ok && left > 0) {
    await sleep(100 * 2 ** (3 - left));
    return get(url, left - 1);
  }
  return res;
}`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This recursive retry' }, line: 4, column: 7 }],
    },
    {
      name: 'axios-retry retryCondition: () => true',
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: () => true });`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This axios-retry setup' }, line: 3, column: 90 }],
    },
    {
      name: 'axios-retry condition on any response status (CommonJS)',
      code: `const axios = require('axios');
const axiosRetry = require('axios-retry');
axiosRetry(axios, { retryCondition: (error) => error.response?.status !== 200 });`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This axios-retry setup' }, line: 3, column: 48 }],
    },
    {
      name: 'fetch-retry retryOn accepting any non-ok response',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryOn: (attempt, error, response) => attempt < 3 && (error !== null || !response.ok) });`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This fetch-retry setup' }, line: 2 }],
    },
    {
      name: 'fetch-retry retryOn list with 404 (409 allowed)',
      code: `import fetchRetry from 'fetch-retry';
export const f = fetchRetry(fetch, { retryOn: [404, 500, 503] });`,
      options: [{ allow: [409] }],
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This fetch-retry setup' }, line: 2, column: 47 }],
    },
    {
      name: 'p-retry without AbortError',
      code: `import pRetry from 'p-retry';
export const get = (url) => pRetry(async () => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(String(res.status));
  return res;
}, { retries: 3 });`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This p-retry setup' }, line: 4, column: 7 }],
    },
    {
      name: 'p-retry around axios',
      code: `import pRetry from 'p-retry';
import axios from 'axios';
export const get = (url) => pRetry(() => axios.get(url), { retries: 3 });`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This p-retry setup' }, line: 3, column: 42 }],
    },
    {
      name: 'got statusCodes including 404',
      code: `import got from 'got';
export const c = got.extend({ retry: { limit: 2, statusCodes: [404, 500, 503] } });`,
      errors: [{ messageId: 'retriesClientErrors', data: { what: 'This got setup' }, line: 2, column: 63 }],
    },
  ],
});
