// Accuracy corpus (held-out): koa — room bookings: superstruct validation, ky upstream, knex storage. Labels: see test/corpus/README.md.
import Router from '@koa/router';
import { object, string, number, size, validate, assert, StructError } from 'superstruct';
import ky from 'ky';
import { knex } from '../db.js';

const router = new Router({ prefix: '/bookings' });

const Booking = object({
  roomId: string(),
  guests: size(number(), 1, 8),
  from: string(),
  to: string(),
});

const calendar = ky.create({ prefixUrl: process.env.CALENDAR_URL, timeout: 5000 });

// positive: superstruct validate() returns an error tuple, handler sets 500
router.post('/', async (ctx) => {
  const [failure, booking] = validate(ctx.request.body, Booking);
  if (failure) {
    ctx.status = 500; // expect: no-500-for-validation 400
    ctx.body = { error: `Invalid field: ${failure.path.join('.')}` };
    return;
  }
  const [id] = await knex('bookings').insert(booking).returning('id');
  ctx.status = 201;
  ctx.body = { id };
});

// positive: the try only asserts the body; the catch throws 500
router.put('/:id', async (ctx) => {
  let patch;
  try {
    assert(ctx.request.body, Booking);
    patch = ctx.request.body;
  } catch (err) {
    ctx.throw(500, 'Booking update is malformed'); // expect: no-500-for-validation 400
  }
  await knex('bookings').where({ id: ctx.params.id }).update(patch);
  ctx.status = 204;
});

// negative: StructError answered with 400, other errors bubble
router.post('/holds', async (ctx) => {
  try {
    assert(ctx.request.body, Booking);
    await knex('holds').insert({ ...ctx.request.body, expires_at: knex.raw("now() + interval '15 minutes'") });
    ctx.status = 201;
  } catch (err) {
    if (err instanceof StructError) {
      ctx.status = 400;
      ctx.body = { error: 'Invalid hold', field: err.key };
      return;
    }
    throw err;
  }
});

// positive: manual date-format check on the query string answered with 500
router.get('/availability', async (ctx) => {
  const { date } = ctx.query;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(date ?? ''))) {
    ctx.status = 500; // expect: no-500-for-validation 400
    ctx.body = { error: 'date must be YYYY-MM-DD' };
    return;
  }
  ctx.body = await knex('rooms').whereNotExists(
    knex('bookings').whereRaw('bookings.room_id = rooms.id').andWhere('from', '<=', date).andWhere('to', '>', date),
  );
});

// positive: ky call is the only failable work, catch answers 500
router.post('/:id/calendar', async (ctx) => {
  const booking = ctx.state.booking;
  try {
    await calendar.post('events', { json: { title: `Room ${booking.roomId}`, start: booking.from, end: booking.to } });
    ctx.status = 204;
  } catch {
    ctx.status = 500; // expect: no-500-for-upstream-failure 502
    ctx.body = { error: 'Calendar sync failed' };
  }
});

// positive: ky TimeoutError singled out in a catch, 500 is set
router.get('/:id/calendar', async (ctx) => {
  try {
    ctx.body = await calendar.get(`events/${ctx.params.id}`).json();
  } catch (err) {
    if (err.name === 'TimeoutError') {
      ctx.throw(500, 'Calendar timed out'); // expect: no-500-for-upstream-failure 504
    }
    ctx.throw(502, 'Calendar unavailable');
  }
});

// positive: knex query failure answered with 502
router.get('/:id', async (ctx) => {
  try {
    const row = await knex('bookings').where({ id: ctx.params.id }).first();
    ctx.assert(row, 404, 'Booking not found');
    ctx.body = row;
  } catch (err) {
    if (err.status === 404) throw err;
    ctx.status = 502; // expect: no-502-for-internal-error 500
    ctx.body = { error: 'Booking store unavailable' };
  }
});

// negative: error middleware reads err.status; validation errors already carry 400
export async function errorMiddleware(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || err.statusCode || 500;
    ctx.body = { error: ctx.status >= 500 ? 'Internal Server Error' : err.expose ? err.message : 'Bad request' };
    ctx.app.emit('error', err, ctx);
  }
}

export default router;
