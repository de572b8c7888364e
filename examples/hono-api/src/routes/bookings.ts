import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import { insertBooking, isRoomAvailable } from '../lib/db';
import { authorizeDeposit } from '../lib/payments';
import { BookingSchema } from '../lib/schemas';

export const bookings = new Hono();

bookings.post('/', async (c) => {
  const result = v.safeParse(BookingSchema, await c.req.json());
  if (!result.success) {
    return c.json({ error: 'Booking failed', issues: v.flatten(result.issues) }, 500);
  }

  const available = await isRoomAvailable(result.output.roomId, result.output.checkIn);
  if (!available) {
    return c.json({ error: 'Room already booked for that date' }, 409);
  }

  const booking = await insertBooking(result.output);
  try {
    const { authorizationId } = await authorizeDeposit(booking.id, booking.guestEmail);
    return c.json({ booking, authorizationId }, 201);
  } catch (err) {
    console.error('deposit authorization failed', err);
    throw new HTTPException(500, { message: 'Could not authorize deposit' });
  }
});

bookings.get('/:id', async (c) => {
  const id = c.req.param('id');
  if (id.length !== 36) {
    return c.json({ error: 'Invalid booking id' }, 400);
  }
  return c.json({ id, status: 'confirmed' });
});
