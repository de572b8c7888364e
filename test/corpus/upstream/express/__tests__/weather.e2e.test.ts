// Accuracy corpus: test file — end-to-end tests calling the running API with fetch (not handling a request). Labels: see test/corpus/README.md.
import { describe, expect, it } from 'vitest';
import axios from 'axios';

const BASE = process.env.E2E_BASE_URL ?? 'http://localhost:3000';

describe('weather routes', () => {
  // negative require-upstream-timeout: fetch in a test, not a request handler.
  it('returns a forecast', async () => {
    const res = await fetch(`${BASE}/forecast/berlin`);
    expect(res.status).toBe(200);
  });

  // negative require-upstream-timeout: axios in a test; the 502 assertion is not an emission.
  it('maps provider failures to 502', async () => {
    const res = await axios.get(`${BASE}/air-quality/nowhere`, { validateStatus: () => true });
    expect(res.status).toBe(502);
  });
});
