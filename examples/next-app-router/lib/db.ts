// Stub of the Prisma client the real app uses.
export interface Product {
  id: string;
  name: string;
  priceCents: number;
  stock: number;
}

const products = new Map<string, Product>([
  ['p_1', { id: 'p_1', name: 'Trail Runner', priceCents: 12900, stock: 4 }],
]);

export const prisma = {
  product: {
    async findUnique({ where }: { where: { id: string } }): Promise<Product | null> {
      return products.get(where.id) ?? null;
    },
    async update({ where, data }: { where: { id: string }; data: Partial<Product> }): Promise<Product> {
      const current = products.get(where.id);
      if (!current) throw new Error(`product ${where.id} not found`);
      const next = { ...current, ...data };
      products.set(where.id, next);
      return next;
    },
  },
};
