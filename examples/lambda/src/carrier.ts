const CARRIER_API = process.env.CARRIER_API_URL ?? 'https://api.carrier.example.com';

export interface TrackingStatus {
  trackingNumber: string;
  state: 'label_created' | 'in_transit' | 'delivered';
  updatedAt: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function shipmentTracking(trackingNumber: string): Promise<TrackingStatus> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(`${CARRIER_API}/track/${encodeURIComponent(trackingNumber)}`, {
      signal: AbortSignal.timeout(2500),
    });
    if (res.ok) return (await res.json()) as TrackingStatus;
    if (res.status < 500 && res.status !== 429) {
      throw new Error(`carrier rejected tracking lookup: ${res.status}`);
    }
    await sleep(250 * 2 ** attempt + Math.random() * 250);
  }
  throw new Error('carrier unavailable after retries');
}
