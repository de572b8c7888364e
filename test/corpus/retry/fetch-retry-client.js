// fetch-retry wrappers.
const fetchRetry = require('fetch-retry');

// Defaults: 3 retries, a constant 1000 ms, network errors only.
const fetchWithDefaults = fetchRetry(global.fetch); // expect: require-retry-backoff

async function getStock(sku) {
  const res = await fetchWithDefaults(`https://stock.internal/${sku}`, { signal: AbortSignal.timeout(3000) });
  return res.json();
}

// Exponential retryDelay and 5xx-only retryOn array: fine.
const resilientFetch = fetchRetry(global.fetch, {
  retries: 4,
  retryDelay: (attempt) => Math.pow(2, attempt) * 250,
  retryOn: [500, 502, 503, 504],
});

async function getPrices(ids) {
  const res = await resilientFetch(`https://prices.internal/?ids=${ids.join(',')}`, { signal: AbortSignal.timeout(3000) });
  return res.json();
}

// retryOn function that accepts any failed response, and never stops on its own.
const eagerFetch = fetchRetry(global.fetch, { // expect: no-unbounded-retry
  retryDelay: (attempt) => 2 ** attempt * 100,
  retryOn: (attempt, error, response) => error !== null || response.status >= 400, // expect: no-retry-on-client-error
});

async function postAudit(entry) {
  return eagerFetch('https://audit.internal/entries', { method: 'POST', body: JSON.stringify(entry), signal: AbortSignal.timeout(3000) });
}

// retryOn function bounded by attempt, 5xx only, exponential: fine.
const carefulFetch = fetchRetry(global.fetch, {
  retryDelay: (attempt) => Math.min(2 ** attempt * 100, 5000),
  retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response.status >= 500),
});

async function getFlags() {
  const res = await carefulFetch('https://flags.internal/all', { signal: AbortSignal.timeout(2000) });
  return res.json();
}

module.exports = { getStock, getPrices, postAudit, getFlags };
