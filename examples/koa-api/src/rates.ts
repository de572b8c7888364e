import axios from 'axios';

const client = axios.create({ baseURL: 'https://api.rates.example.com/v1' });

export async function getExchangeRate(from: string, to: string): Promise<number> {
  const { data } = await client.get<{ rate: number }>('/rates', { params: { from, to } });
  return data.rate;
}
