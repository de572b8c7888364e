// Generic retry helpers and SDK classes as they appear in service code.

type Task<T> = () => Promise<T>;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// A reusable helper with a fixed delay option.
export async function withRetry<T>(task: Task<T>, { retries = 3, delayMs = 500 } = {}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) { // expect: require-retry-backoff
    try {
      return await task();
    } catch (err) {
      lastError = err;
      if (attempt < retries) await delay(delayMs);
    }
  }
  throw lastError;
}

// The same helper done right: exponential, capped, full jitter.
export async function withBackoff<T>(task: Task<T>, { retries = 4, baseMs = 100, capMs = 10_000 } = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (err) {
      if (attempt >= retries) throw err;
      await delay(Math.random() * Math.min(capMs, baseMs * 2 ** attempt));
    }
  }
}

// A growing schedule table: not constant, not reported.
const SCHEDULE = [200, 1000, 5000];
export async function withSchedule<T>(task: Task<T>): Promise<T> {
  for (let attempt = 0; attempt <= SCHEDULE.length; attempt++) {
    try {
      return await task();
    } catch (err) {
      if (attempt === SCHEDULE.length) throw err;
      await delay(SCHEDULE[attempt]!);
    }
  }
  throw new Error('unreachable');
}

// An SDK class with a private request method and a sleep method.
export class SearchClient {
  constructor(private readonly endpoint: string, private readonly retryDelayMs = 250) {}

  private sleep(ms: number) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async query(q: string): Promise<unknown> {
    for (let attempt = 1; attempt <= 3; attempt++) { // expect: require-retry-backoff
      const res = await fetch(`${this.endpoint}/search?q=${encodeURIComponent(q)}`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return res.json();
      if (res.status < 500) throw new Error(`search rejected the query: ${res.status}`);
      await this.sleep(this.retryDelayMs);
    }
    throw new Error('search unavailable');
  }

  async suggest(prefix: string): Promise<unknown> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await fetch(`${this.endpoint}/suggest?p=${encodeURIComponent(prefix)}`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return res.json();
      if (res.status < 500) return [];
      await this.sleep(this.retryDelayMs * 2 ** attempt * (0.5 + Math.random()));
    }
    return [];
  }
}

// A batch: retries each item with backoff; the outer loop walks items.
export async function sendAll(items: string[], send: (item: string) => Promise<void>): Promise<void> {
  for (const item of items) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await send(item);
        break;
      } catch (err) {
        if (attempt === 2) throw err;
        await delay(2 ** attempt * 300 + Math.random() * 100);
      }
    }
  }
}

// The same batch, retrying each item immediately.
export async function sendAllQuickly(items: string[], send: (item: string) => Promise<void>): Promise<void> {
  for (const item of items) {
    for (let attempt = 0; attempt < 3; attempt++) { // expect: require-retry-backoff
      try {
        await send(item);
        break;
      } catch (err) {
        if (attempt === 2) throw err;
      }
    }
  }
}

// A lambda-style handler that retries a DynamoDB-like put with a constant pause.
export const handler = async (event: { Records: { body: string }[] }) => {
  for (const record of event.Records) {
    let written = false;
    let tries = 0;
    while (!written && tries < 5) { // expect: require-retry-backoff
      try {
        await putItem(JSON.parse(record.body));
        written = true;
      } catch (err) {
        tries++;
        await delay(100);
      }
    }
    if (!written) throw new Error('could not write record');
  }
};
declare function putItem(item: unknown): Promise<void>;
