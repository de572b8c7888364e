export interface Subscription {
  id: number;
  email: string;
  city: string;
  frequency: 'daily' | 'weekly';
}

let nextId = 1;
const rows: Subscription[] = [];

export const subscriptions = {
  async create(data: Omit<Subscription, 'id'>): Promise<Subscription> {
    const row = { id: nextId++, ...data };
    rows.push(row);
    return row;
  },
  async countForEmail(email: string): Promise<number> {
    return rows.filter((r) => r.email === email).length;
  },
};
