// Upstream clients with hand-written retry loops.
import { setTimeout as sleepFor } from 'node:timers/promises';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Invoice {
  id: string;
  total: number;
}

// Retries immediately: no wait at all between attempts; any non-ok response is retried.
export async function fetchInvoice(id: string): Promise<Invoice> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) { // expect: require-retry-backoff
    try {
      const res = await fetch(`https://billing.internal/invoices/${id}`, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`billing answered ${res.status}`); // expect: no-retry-on-client-error
      return (await res.json()) as Invoice;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

// Constant one-second wait through a module constant.
const RETRY_DELAY_MS = 1000;
export async function getExchangeRate(currency: string): Promise<number> {
  for (let i = 1; i <= 4; i++) { // expect: require-retry-backoff
    try {
      const res = await fetch(`https://fx.example.com/rates/${currency}`, { signal: AbortSignal.timeout(3000) });
      if (res.status >= 500) throw new Error(`fx ${res.status}`);
      const body = (await res.json()) as { rate: number };
      return body.rate;
    } catch (err) {
      if (i === 4) throw err;
      await sleep(RETRY_DELAY_MS);
    }
  }
  throw new Error('unreachable');
}

// Linear growth: attempt * 500 ms.
export async function pushMetrics(payload: unknown): Promise<void> {
  let attempt = 0;
  while (attempt < 5) { // expect: require-retry-backoff
    attempt++;
    try {
      const res = await fetch('https://metrics.example.com/ingest', {
        method: 'POST',
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(2000),
      });
      if (res.status >= 500) throw new Error(`ingest ${res.status}`);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await sleepFor(attempt * 500);
    }
  }
}

// Exponential with full jitter and a cap: fine.
const BASE_MS = 200;
const CAP_MS = 10_000;
export async function getProfile(userId: string): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`https://profiles.internal/users/${userId}`, { signal: AbortSignal.timeout(4000) });
    if (res.ok) return res.json();
    if (res.status < 500 && res.status !== 429) throw new Error(`profiles answered ${res.status}`);
    await sleep(Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt));
  }
  throw new Error('profiles unavailable');
}

// Delay doubled on each pass: fine.
export async function sendWebhook(url: string, body: string): Promise<Response> {
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
      if (res.status >= 500) throw new Error(`webhook ${res.status}`);
      return res;
    } catch (err) {
      if (attempt >= 6) throw err;
      await sleep(delay + Math.random() * 100);
      delay = Math.min(delay * 2, 8000);
    }
  }
}

// Math.pow backoff computed in a helper const inside the loop: fine.
export async function lookupSku(sku: string): Promise<unknown> {
  let tries = 0;
  while (true) {
    try {
      const res = await fetch(`https://catalog.internal/sku/${sku}`, { signal: AbortSignal.timeout(3000) });
      if (res.status >= 500) throw new Error(String(res.status));
      return await res.json();
    } catch (error) {
      tries += 1;
      if (tries > 4) throw error;
      const wait = Math.min(100 * Math.pow(2, tries), 5000);
      await sleep(wait);
    }
  }
}

// A constant wait hidden behind `new Promise(setTimeout)`, and the loop never gives up.
export async function waitForDatabase(connect: () => Promise<void>): Promise<void> {
  while (true) { // expect: require-retry-backoff, no-unbounded-retry
    try {
      await connect();
      return;
    } catch (err) {
      console.warn('database not ready', err);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

// Retry-After honoured on 429/503, exponential otherwise: fine.
export async function createShipment(order: { id: string }): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch('https://shipping.example.com/shipments', {
      method: 'POST',
      body: JSON.stringify(order),
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) return res.json();
    if (res.status === 429 || res.status === 503) {
      const retryAfter = Number(res.headers.get('retry-after') ?? '1');
      await sleep(retryAfter * 1000);
      continue;
    }
    if (res.status >= 500) {
      await sleep(2 ** attempt * 100);
      continue;
    }
    throw new Error(`shipping rejected the order: ${res.status}`);
  }
  throw new Error('shipping unavailable');
}

// Singles out 429 and waits a fixed time, never reading Retry-After.
export async function searchCatalog(query: string): Promise<unknown> {
  for (let attempt = 0; attempt < 4; attempt++) { // expect: require-retry-backoff
    const res = await fetch(`https://search.example.com/?q=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(3000) });
    if (res.status === 429) { // expect: require-retry-backoff
      await sleep(1000);
      continue;
    }
    if (!res.ok) throw new Error(`search ${res.status}`);
    return res.json();
  }
  throw new Error('rate limited');
}

// Singles out 503, exponential, but ignores Retry-After.
export async function reserveSeat(seat: string): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`https://booking.example.com/seats/${seat}`, { method: 'PUT', signal: AbortSignal.timeout(3000) });
    if (res.status !== 503) return res.json(); // expect: require-retry-backoff
    await sleep(Math.random() * 300 * 2 ** attempt);
  }
  throw new Error('booking unavailable');
}

// Bit-shift backoff: fine.
export async function fetchReport(id: string): Promise<ArrayBuffer> {
  for (let n = 0; n < 6; n++) {
    try {
      const res = await fetch(`https://reports.internal/${id}.pdf`, { signal: AbortSignal.timeout(10_000) });
      if (res.status >= 500) throw new Error(`reports ${res.status}`);
      return await res.arrayBuffer();
    } catch (e) {
      if (n === 5) throw e;
      await sleep((1 << n) * 100);
    }
  }
  throw new Error('unreachable');
}

// A backoff helper from another module: accepted by name.
declare function computeBackoff(attempt: number): number;
export async function syncInventory(store: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(`https://inventory.internal/stores/${store}/sync`, { method: 'POST', signal: AbortSignal.timeout(5000) });
      if (res.status >= 500) throw new Error(`inventory ${res.status}`);
      return;
    } catch (err) {
      if (attempt === 4) throw err;
      await sleep(computeBackoff(attempt));
    }
  }
}

// do…while retrying while the upstream answers 503, a fixed 500 ms apart, forever.
export async function getQuote(symbol: string): Promise<Response> {
  let res: Response;
  do { // expect: require-retry-backoff, no-unbounded-retry
    res = await fetch(`https://quotes.example.com/${symbol}`, { signal: AbortSignal.timeout(2000) });
    if (res.status === 503) await sleep(500); // expect: require-retry-backoff
  } while (res.status === 503);
  return res;
}
