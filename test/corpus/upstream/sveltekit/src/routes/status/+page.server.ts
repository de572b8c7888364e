// Accuracy corpus: SvelteKit — status page load function aggregating third-party status APIs. Labels: see test/corpus/README.md.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

const PROVIDERS = ['https://status.payments.example.com/api/v2/status.json', 'https://status.cdn.example.net/api/v2/status.json'];

// negative require-upstream-timeout: each fetch has AbortSignal.timeout; positive no-500-for-upstream-failure (504): the catch singles out the timeout and answers 500.
export const load: PageServerLoad = async ({ fetch }) => {
  try {
    const statuses = await Promise.all(
      PROVIDERS.map(async (url) => {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        return { url, ...(await res.json()) };
      }),
    );
    return { statuses };
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') {
      error(500, 'A status provider did not answer in time'); // expect: no-500-for-upstream-failure 504
    }
    error(502, 'Could not load provider status');
  }
};
