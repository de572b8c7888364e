// Minimal data-access layer. In the real service this wraps a pg Pool;
// here it is an in-memory stub so the example stays self-contained.
export interface User {
  id: string;
  email: string;
  name: string;
  plan: 'free' | 'pro';
}

export interface Order {
  id: string;
  userId: string;
  amountCents: number;
  currency: string;
  status: 'pending' | 'paid' | 'failed';
}

const users = new Map<string, User>();
const orders = new Map<string, Order>();

export const db = {
  users: {
    async findById(id: string): Promise<User | undefined> {
      return users.get(id);
    },
    async findByEmail(email: string): Promise<User | undefined> {
      return [...users.values()].find((u) => u.email === email);
    },
    async insert(data: Omit<User, 'id'>): Promise<User> {
      const user = { id: crypto.randomUUID(), ...data };
      users.set(user.id, user);
      return user;
    },
  },
  orders: {
    async insert(data: Omit<Order, 'id' | 'status'>): Promise<Order> {
      const order: Order = { id: crypto.randomUUID(), status: 'pending', ...data };
      orders.set(order.id, order);
      return order;
    },
    async markPaid(id: string): Promise<void> {
      const order = orders.get(id);
      if (order) order.status = 'paid';
    },
  },
};
