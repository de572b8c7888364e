import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { z } from 'zod';
import { quotes } from './db';
import { getExchangeRate } from './rates';

const QuoteRequest = z.object({
  from: z.string().length(3),
  to: z.string().length(3),
  amount: z.number().positive(),
});

const router = new Router();

router.post('/quotes', async (ctx) => {
  const parsed = QuoteRequest.safeParse(ctx.request.body);
  if (!parsed.success) {
    ctx.throw(500, 'Quote failed');
  }
  const { from, to, amount } = parsed.data;

  let rate: number;
  try {
    rate = await getExchangeRate(from, to);
  } catch (err) {
    ctx.status = 500;
    ctx.body = { error: 'Could not fetch exchange rate' };
    return;
  }

  const quote = await quotes.insert({ from, to, amount, rate, converted: amount * rate });
  ctx.status = 201;
  ctx.body = quote;
});

router.get('/quotes/:id', async (ctx) => {
  const quote = await quotes.findById(ctx.params.id);
  ctx.assert(quote, 404, 'Quote not found');
  ctx.body = quote;
});

export const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.app.emit('error', err, ctx);
    ctx.status = 500;
    ctx.body = { error: 'Something went wrong' };
  }
});

app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());
