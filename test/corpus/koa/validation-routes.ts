// Accuracy corpus: Koa — validation failures answered with 5xx (joi, zod, manual checks). Labels: see test/corpus/README.md.
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import Joi from 'joi';
import { z } from 'zod';
import { articles } from '../lib/articles-repo';

const router = new Router({ prefix: '/articles' });

const ArticleSchema = Joi.object({
  title: Joi.string().min(3).max(200).required(),
  body: Joi.string().required(),
  tags: Joi.array().items(Joi.string()).max(10),
});

const CommentSchema = z.object({
  author: z.string().min(1),
  text: z.string().min(1).max(2000),
});

// positive: joi validate() error -> ctx.status = 500
router.post('/', async (ctx) => {
  const { error, value } = ArticleSchema.validate(ctx.request.body);
  if (error) {
    ctx.status = 500; // expect: no-500-for-validation 400
    ctx.body = { error: 'Could not publish article' };
    return;
  }
  ctx.status = 201;
  ctx.body = await articles.insert(value);
});

// positive: joi validateAsync in a try with only validation, catch checks err.isJoi -> ctx.throw(500)
router.put('/:id', async (ctx) => {
  let value;
  try {
    value = await ArticleSchema.validateAsync(ctx.request.body);
  } catch (err: any) {
    if (err.isJoi) ctx.throw(500, 'Article update failed'); // expect: no-500-for-validation 400
    throw err;
  }
  ctx.body = await articles.update(ctx.params.id, value);
});

// positive: zod safeParse failed -> ctx.throw(500)
router.post('/:id/comments', async (ctx) => {
  const parsed = CommentSchema.safeParse(ctx.request.body);
  if (!parsed.success) {
    ctx.throw(500, 'Comment could not be saved'); // expect: no-500-for-validation 400
  }
  ctx.status = 201;
  ctx.body = await articles.addComment(ctx.params.id, parsed.data);
});

// positive: ctx.assert with 500 on an Array.isArray check of the body
router.post('/:id/tags', async (ctx) => {
  const { tags } = ctx.request.body as { tags?: unknown };
  ctx.assert(Array.isArray(tags), 500, 'Tagging failed'); // expect: no-500-for-validation 400
  ctx.body = await articles.setTags(ctx.params.id, tags as string[]);
});

// positive: page size out of range -> ctx.status = 500 in the else branch
router.get('/', async (ctx) => {
  const limit = Number(ctx.query.limit ?? 20);
  if (Number.isInteger(limit) && limit > 0 && limit <= 100) {
    ctx.body = await articles.list(limit);
  } else {
    ctx.status = 500; // expect: no-500-for-validation 400
    ctx.body = { error: 'Listing failed' };
  }
});

// negative: zod failure -> ctx.throw(400)
router.patch('/:id/comments/:commentId', async (ctx) => {
  const parsed = CommentSchema.partial().safeParse(ctx.request.body);
  if (!parsed.success) ctx.throw(400, 'Invalid comment');
  ctx.body = await articles.updateComment(ctx.params.commentId, parsed.data);
});

// negative: joi failure -> ctx.assert(..., 422)
router.post('/drafts', async (ctx) => {
  const { error, value } = ArticleSchema.validate(ctx.request.body);
  ctx.assert(!error, 422, 'Invalid draft');
  ctx.status = 201;
  ctx.body = await articles.insertDraft(value);
});

// negative: `if (!article)` after a db write that should return the row -> internal failure
router.post('/:id/publish', async (ctx) => {
  const article = await articles.publish(ctx.params.id);
  if (!article) {
    ctx.status = 500;
    ctx.body = { error: 'Publish did not return the article' };
    return;
  }
  ctx.body = article;
});

const app = new Koa();

// negative: error middleware forwards err.status, 500 only as fallback
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err: any) {
    ctx.status = err.status || err.statusCode || 500;
    ctx.body = { error: ctx.status >= 500 ? 'Internal Server Error' : 'Request failed' };
    ctx.app.emit('error', err, ctx);
  }
});

app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());

export default app;
