export interface Quote {
  id: string;
  from: string;
  to: string;
  amount: number;
  rate: number;
  converted: number;
}

const table = new Map<string, Quote>();

export const quotes = {
  async insert(q: Omit<Quote, 'id'>): Promise<Quote> {
    const row = { id: crypto.randomUUID(), ...q };
    table.set(row.id, row);
    return row;
  },
  async findById(id: string): Promise<Quote | undefined> {
    return table.get(id);
  },
};
