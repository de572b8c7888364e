import express from 'express';
import { errorHandler } from './middleware/error-handler';
import { ordersRouter } from './routes/orders';
import { usersRouter } from './routes/users';

export const app = express();

app.use(express.json({ limit: '100kb' }));
app.use('/users', usersRouter);
app.use('/orders', ordersRouter);

app.get('/healthz', (_req, res) => {
  res.set('Cache-Control', 'no-store');
  res.json({ ok: true });
});

app.use(errorHandler);

const port = Number(process.env.PORT ?? 3000);
if (require.main === module) {
  app.listen(port, () => console.log(`listening on :${port}`));
}
