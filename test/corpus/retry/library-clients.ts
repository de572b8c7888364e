// Retry libraries as configured in real HTTP clients.
import axios from 'axios';
import axiosRetry, { exponentialDelay, isNetworkOrIdempotentRequestError } from 'axios-retry';
import pRetry, { AbortError } from 'p-retry';
import retry from 'async-retry';
import got from 'got';
import ky from 'ky';
import { RetryAgent, Agent } from 'undici';
import { retry as retryPolicy, handleAll, ExponentialBackoff, ConstantBackoff } from 'cockatiel';

// axios-retry with its defaults: 3 retries, no delay at all.
const billing = axios.create({ baseURL: 'https://billing.internal', timeout: 5000 });
axiosRetry(billing, { retries: 3 }); // expect: require-retry-backoff

// axios-retry with exponentialDelay and the default condition: fine.
const catalog = axios.create({ baseURL: 'https://catalog.internal', timeout: 5000 });
axiosRetry(catalog, { retries: 4, retryDelay: exponentialDelay, retryCondition: isNetworkOrIdempotentRequestError });

// axios-retry retrying everything with a constant delay.
const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 5000 });
axiosRetry(crm, { // expect: require-retry-backoff
  retries: 5,
  retryDelay: () => 2000,
  retryCondition: () => true, // expect: no-retry-on-client-error
});

// axios-retry with a custom linear delay.
const maps = axios.create({ baseURL: 'https://maps.example.com', timeout: 5000 });
axiosRetry(maps, { retries: 3, retryDelay: (retryCount) => retryCount * 1000 }); // expect: require-retry-backoff

// axios-retry with a custom exponential, jittered delay and a 5xx/429 condition: fine.
const geo = axios.create({ baseURL: 'https://geo.example.com', timeout: 5000 });
axiosRetry(geo, {
  retries: 4,
  retryDelay: (n) => Math.random() * Math.min(10_000, 2 ** n * 200),
  retryCondition: (error) => !error.response || error.response.status >= 500,
});

// p-retry with its defaults (exponential), but the task throws on any non-ok response.
export function getUser(id: string) {
  return pRetry(async () => {
    const res = await fetch(`https://users.internal/${id}`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`users ${res.status}`); // expect: no-retry-on-client-error
    return res.json();
  }, { retries: 4 });
}

// p-retry with AbortError for 4xx: fine.
export function getOrder(id: string) {
  return pRetry(
    async () => {
      const res = await fetch(`https://orders.internal/${id}`, { signal: AbortSignal.timeout(3000) });
      if (res.status >= 400 && res.status < 500) throw new AbortError(`orders ${res.status}`);
      if (!res.ok) throw new Error(`orders ${res.status}`);
      return res.json();
    },
    { retries: 5, randomize: true, maxTimeout: 10_000 },
  );
}

// p-retry configured to retry forever at a constant pace.
export function pollLeader(elect: () => Promise<string>) {
  return pRetry(elect, { forever: true, factor: 1, minTimeout: 1000 }); // expect: require-retry-backoff, no-unbounded-retry
}

// p-retry with retries: Infinity but a deadline: bounded.
export function registerNode(register: () => Promise<void>) {
  return pRetry(register, { retries: Infinity, maxRetryTime: 60_000, randomize: true });
}

// async-retry with bail() for client errors: fine.
export function getDocument(id: string) {
  return retry(
    async (bail) => {
      const res = await fetch(`https://docs.internal/${id}`, { signal: AbortSignal.timeout(3000) });
      if (res.status >= 400 && res.status < 500) {
        bail(new Error(`docs ${res.status}`));
        return;
      }
      if (!res.ok) throw new Error(`docs ${res.status}`);
      return res.json();
    },
    { retries: 3 },
  );
}

// async-retry with factor 1: a constant wait.
export function getTaxRate(region: string) {
  return retry( // expect: require-retry-backoff
    async () => {
      const res = await fetch(`https://tax.example.com/${region}`, { signal: AbortSignal.timeout(3000) });
      if (res.status >= 500) throw new Error(`tax ${res.status}`);
      return res.json();
    },
    { retries: 3, factor: 1, minTimeout: 500 },
  );
}

// got: default retry with a raised limit: fine (exponential, honours Retry-After).
export const github = got.extend({ prefixUrl: 'https://api.github.com', retry: { limit: 4 }, timeout: { request: 10_000 } });

// got with an unbounded limit.
export const telemetry = got.extend({
  prefixUrl: 'https://telemetry.example.com',
  timeout: { request: 5000 },
  retry: { limit: Infinity }, // expect: no-unbounded-retry
});

// got retrying 404s.
export const assets = got.extend({
  prefixUrl: 'https://assets.example.com',
  timeout: { request: 5000 },
  retry: { limit: 3, statusCodes: [404, 500, 502, 503, 504] }, // expect: no-retry-on-client-error
});

// ky with a constant delay function.
export const weather = ky.create({
  prefixUrl: 'https://weather.example.com',
  timeout: 5000,
  retry: { limit: 3, delay: () => 1500 }, // expect: require-retry-backoff
});

// ky default retry: fine.
export const news = ky.create({ prefixUrl: 'https://news.example.com', timeout: 5000, retry: 3 });

// undici RetryAgent with defaults: fine.
export const dispatcher = new RetryAgent(new Agent(), { maxRetries: 3 });

// undici RetryAgent with timeoutFactor 1: constant 1 s waits.
export const flatDispatcher = new RetryAgent(new Agent(), { maxRetries: 3, minTimeout: 1000, timeoutFactor: 1 }); // expect: require-retry-backoff

// cockatiel with exponential backoff and a limit: fine.
export const inventoryPolicy = retryPolicy(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });

// cockatiel without maxAttempts: retries forever, constant 500 ms.
export const searchPolicy = retryPolicy(handleAll, { backoff: new ConstantBackoff(500) }); // expect: require-retry-backoff, no-unbounded-retry

// cockatiel with no backoff at all.
export const pricingPolicy = retryPolicy(handleAll, { maxAttempts: 5 }); // expect: require-retry-backoff
