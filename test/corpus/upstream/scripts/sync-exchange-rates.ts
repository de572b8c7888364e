// Accuracy corpus: CLI script — nightly exchange-rate sync run from the command line (not handling a request). Labels: see test/corpus/README.md.
import axios from 'axios';
import got from 'got';
import { db } from '../lib/db';

// negative require-upstream-timeout: a CLI script, not a request handler; a slow provider only delays this script.
async function fetchRates(base: string) {
  const res = await fetch(`https://rates.example.com/latest?base=${base}`);
  if (!res.ok) throw new Error(`rates provider answered ${res.status}`);
  return (await res.json()) as { rates: Record<string, number> };
}

// negative require-upstream-timeout: got in a script without a timeout is not reported.
async function fetchCryptoRates() {
  return got('https://crypto.example.com/v1/tickers').json<{ symbol: string; price: number }[]>();
}

// negative require-upstream-timeout: axios in a script, no request being handled.
async function fetchHolidays(year: number) {
  const { data } = await axios.get(`https://holidays.example.com/api/v3/PublicHolidays/${year}/DE`);
  return data as { date: string; name: string }[];
}

async function main() {
  const { rates } = await fetchRates('EUR');
  for (const [currency, rate] of Object.entries(rates)) {
    await db.exchangeRate.upsert({ where: { currency }, create: { currency, rate }, update: { rate } });
  }
  const crypto = await fetchCryptoRates();
  await db.cryptoRate.createMany({ data: crypto });
  const holidays = await fetchHolidays(new Date().getFullYear());
  console.log(`synced ${Object.keys(rates).length} rates, ${crypto.length} tickers, ${holidays.length} holidays`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
