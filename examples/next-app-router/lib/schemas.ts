import { z } from 'zod';

export const checkoutSchema = z.object({
  items: z
    .array(z.object({ productId: z.string().min(1), quantity: z.number().int().min(1).max(10) }))
    .min(1),
  email: z.string().email(),
});

export const productPatchSchema = z.object({
  name: z.string().min(1).optional(),
  priceCents: z.number().int().nonnegative().optional(),
});

export type CheckoutInput = z.infer<typeof checkoutSchema>;
