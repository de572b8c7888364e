import { z } from 'zod';

export const CreateUserSchema = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(120),
  plan: z.enum(['free', 'pro']).default('free'),
});

export const CreateOrderSchema = z.object({
  userId: z.string().uuid(),
  amountCents: z.number().int().positive(),
  currency: z.string().length(3),
});

export type CreateUserInput = z.infer<typeof CreateUserSchema>;
export type CreateOrderInput = z.infer<typeof CreateOrderSchema>;
