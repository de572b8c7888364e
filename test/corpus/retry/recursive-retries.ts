// Recursive retries in SDK wrappers.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Decrementing count, doubling delay: fine.
export async function fetchWithRetry(url: string, retries = 4, delay = 200): Promise<Response> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (res.status >= 500) throw new Error(`upstream ${res.status}`);
    return res;
  } catch (err) {
    if (retries <= 0) throw err;
    await sleep(delay + Math.random() * delay);
    return fetchWithRetry(url, retries - 1, delay * 2);
  }
}

// Same wait on every call and nothing stops it.
export async function getConfig(service: string): Promise<unknown> {
  try {
    const res = await fetch(`https://config.internal/${service}`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) throw new Error(`config ${res.status}`); // expect: no-retry-on-client-error
    return await res.json();
  } catch (err) {
    console.error('config fetch failed, retrying', err);
    await sleep(3000);
    return getConfig(service); // expect: require-retry-backoff, no-unbounded-retry
  }
}

// Counted, but retried at once.
export async function publishEvent(event: object, attemptsLeft = 3): Promise<void> {
  try {
    const res = await fetch('https://events.internal/publish', {
      method: 'POST',
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(3000),
    });
    if (res.status >= 500) throw new Error(`events ${res.status}`);
  } catch (err) {
    if (attemptsLeft === 0) throw err;
    return publishEvent(event, attemptsLeft - 1); // expect: require-retry-backoff
  }
}

// Failure branch without try: retries on any non-ok response, linearly growing wait.
export async function loadAvatar(id: string, attempt = 1): Promise<Blob> {
  const res = await fetch(`https://cdn.example.com/avatars/${id}`, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) { // expect: no-retry-on-client-error
    if (attempt >= 3) throw new Error(`avatar ${res.status}`);
    await sleep(attempt * 1000);
    return loadAvatar(id, attempt + 1); // expect: require-retry-backoff
  }
  return res.blob();
}

// Class method retrying itself with Retry-After on 429: fine.
export class PaymentsClient {
  constructor(private readonly baseUrl: string) {}

  async charge(body: object, attempt = 0): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}/charges`, {
      method: 'POST',
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 429 && attempt < 3) {
      const seconds = Number(res.headers.get('Retry-After') ?? 1);
      await sleep(seconds * 1000);
      return this.charge(body, attempt + 1);
    }
    if (!res.ok) throw new Error(`payments ${res.status}`);
    return res.json();
  }
}

// Node-style callback retry with a fixed wait.
export function readRemote(client: { get(key: string, cb: (err: Error | null, value?: string) => void): void }, key: string, tries: number, cb: (err: Error | null, value?: string) => void): void {
  client.get(key, (err, value) => {
    if (err) {
      if (tries <= 1) return cb(err);
      return void sleep(500).then(() => readRemote(client, key, tries - 1, cb)); // expect: require-retry-backoff
    }
    cb(null, value);
  });
}
