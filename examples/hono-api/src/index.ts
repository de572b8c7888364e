import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { logger } from 'hono/logger';
import { bookings } from './routes/bookings';
import { weather } from './routes/weather';

const app = new Hono();

app.use('*', logger());
app.route('/bookings', bookings);
app.route('/weather', weather);

app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});

export default app;
