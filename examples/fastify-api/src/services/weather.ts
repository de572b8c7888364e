import { request } from 'undici';

const WEATHER_API = process.env.WEATHER_API_URL ?? 'https://api.weather.example.com';

export class UpstreamError extends Error {
  constructor(readonly status: number) {
    super(`weather provider answered ${status}`);
    this.name = 'UpstreamError';
  }
}

export interface Forecast {
  city: string;
  days: Array<{ date: string; minC: number; maxC: number }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fetchForecast(lat: number, lon: number, days: number): Promise<Forecast> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { statusCode, body } = await request(`${WEATHER_API}/v2/forecast?lat=${lat}&lon=${lon}&days=${days}`, {
        headersTimeout: 4000,
        bodyTimeout: 4000,
      });
      if (statusCode !== 200) throw new UpstreamError(statusCode);
      return (await body.json()) as Forecast;
    } catch (err) {
      lastError = err;
      await sleep(200 * 2 ** attempt + Math.random() * 100);
    }
  }
  throw lastError;
}
