import * as v from 'valibot';

export const BookingSchema = v.object({
  roomId: v.pipe(v.string(), v.minLength(1)),
  guestEmail: v.pipe(v.string(), v.email()),
  nights: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
  checkIn: v.pipe(v.string(), v.isoDate()),
});

export type BookingInput = v.InferOutput<typeof BookingSchema>;
