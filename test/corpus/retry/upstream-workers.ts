// Workers and SDK wrappers that call upstreams with hand-written retries.
import axios from 'axios';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => Math.random() * Math.min(20_000, 100 * 2 ** attempt);

// axios throws on every 4xx and the catch retries them all.
export async function fetchTenant(id: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const { data } = await axios.get(`https://tenants.internal/${id}`, { timeout: 3000 }); // expect: no-retry-on-client-error
      return data;
    } catch (err) {
      if (attempt === 3) throw err;
      await sleep(backoff(attempt));
    }
  }
}

// axios, but 4xx stop the loop: fine.
export async function fetchPlan(id: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const { data } = await axios.get(`https://plans.internal/${id}`, { timeout: 3000 });
      return data;
    } catch (err) {
      const status = axios.isAxiosError(err) ? err.response?.status : undefined;
      if (attempt === 3 || (status !== undefined && status < 500 && status !== 429)) throw err;
      await sleep(backoff(attempt));
    }
  }
}

// status >= 400 treated as retryable.
export async function postLedgerEntry(entry: object) {
  let attempt = 0;
  while (attempt < 5) {
    const res = await fetch('https://ledger.internal/entries', {
      method: 'POST',
      body: JSON.stringify(entry),
      signal: AbortSignal.timeout(5000),
    });
    if (res.status >= 400) { // expect: no-retry-on-client-error
      attempt++;
      await sleep(backoff(attempt));
      continue;
    }
    return res.json();
  }
  throw new Error('ledger unavailable');
}

// `status !== 200` retried.
export async function getTranslation(key: string, locale: string) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`https://i18n.example.com/${locale}/${key}`, { signal: AbortSignal.timeout(2000) });
    if (res.status !== 200) { // expect: no-retry-on-client-error
      await sleep(backoff(i));
      continue;
    }
    return res.text();
  }
  return key;
}

// A named isRetryable helper decides: fine.
function isRetryableStatus(status: number) {
  return status === 408 || status === 429 || status >= 500;
}
export async function getBalance(account: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`https://bank.example.com/accounts/${account}/balance`, { signal: AbortSignal.timeout(3000) });
    if (res.ok) return res.json();
    if (!isRetryableStatus(res.status)) throw new Error(`bank ${res.status}`);
    const retryAfter = res.headers.get('retry-after');
    await sleep(retryAfter ? Number(retryAfter) * 1000 : backoff(attempt));
  }
  throw new Error('bank unavailable');
}

// Includes-list of retryable statuses: fine.
const RETRYABLE = [408, 429, 500, 502, 503, 504];
export async function getForecast(city: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(`https://forecast.example.com/${city}`, { signal: AbortSignal.timeout(3000) });
    if (res.ok) return res.json();
    if (!RETRYABLE.includes(res.status)) throw new Error(`forecast ${res.status}`);
    const ra = res.headers.get('Retry-After');
    await sleep(ra ? Number(ra) * 1000 : backoff(attempt));
  }
  throw new Error('forecast unavailable');
}

// Network errors only (fetch does not throw on 4xx): fine for client errors, but it never stops, and
// backoff(3) is the same (jittered) wait every time.
export async function pingUpstream(url: string) {
  while (true) { // expect: no-unbounded-retry, require-retry-backoff
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(backoff(3));
    }
  }
}

// Unbounded with exponential backoff: still unbounded.
export async function acquireLock(tryLock: () => Promise<boolean>) {
  let delay = 50;
  for (;;) { // expect: no-unbounded-retry
    try {
      if (await tryLockOrThrow(tryLock)) return;
    } catch (err) {
      console.warn('lock attempt failed', err);
    }
    await sleep(delay * Math.random());
    delay = Math.min(delay * 2, 5000);
  }
}
async function tryLockOrThrow(tryLock: () => Promise<boolean>) {
  const ok = await tryLock();
  if (!ok) throw new Error('lock busy');
  return ok;
}

// Bounded by a deadline: fine.
export async function waitForService(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let attempt = 0;
  while (true) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await sleep(backoff(attempt++));
  }
}

// Bounded by an abort signal: fine.
export async function streamUpdates(url: string, signal: AbortSignal, onData: (chunk: string) => void) {
  let attempt = 0;
  while (!signal.aborted) {
    try {
      const res = await fetch(url, { signal });
      if (res.status >= 500) throw new Error(`stream ${res.status}`);
      onData(await res.text());
      return;
    } catch (err) {
      if (signal.aborted) throw err;
      await sleep(backoff(attempt++));
    }
  }
}

// Flag loop retrying until connected, forever, at a constant pace.
export async function connectBroker(connect: () => Promise<void>) {
  let connected = false;
  while (!connected) { // expect: no-unbounded-retry, require-retry-backoff
    try {
      await connect();
      connected = true;
    } catch (err) {
      console.error('broker connect failed', err);
      await sleep(5000);
    }
  }
}

// Recursion without any bound, retrying every non-ok response, the same wait each time.
export async function syncContacts(page: string): Promise<void> {
  const res = await fetch(`https://contacts.example.com/sync?page=${page}`, { method: 'POST', signal: AbortSignal.timeout(5000) });
  if (!res.ok) { // expect: no-retry-on-client-error
    await sleep(backoff(2) + 1000);
    return syncContacts(page); // expect: no-unbounded-retry, require-retry-backoff
  }
}

// Recursion with a decreasing bound and a 5xx check: fine.
export async function refreshToken(refresh: string, retriesLeft = 3): Promise<string> {
  const res = await fetch('https://auth.example.com/token', {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh }),
    signal: AbortSignal.timeout(5000),
  });
  if (res.status >= 500 && retriesLeft > 0) {
    await sleep(backoff(3 - retriesLeft));
    return refreshToken(refresh, retriesLeft - 1);
  }
  if (!res.ok) throw new Error(`auth ${res.status}`);
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

// Throw on !res.ok inside the retried try, catch checks only the count.
export async function getCart(id: string) {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(`https://cart.internal/${id}`, { signal: AbortSignal.timeout(2000) });
      if (res.ok === false) throw new Error(`cart ${res.status}`); // expect: no-retry-on-client-error
      return await res.json();
    } catch (err) {
      lastError = err;
      await sleep(backoff(attempt));
    }
  }
  throw lastError;
}
