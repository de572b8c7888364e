// Accuracy corpus: Express — error-handling middleware (status respected or not) and error details in 5xx bodies. Labels: see test/corpus/README.md.
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import createError, { isHttpError } from 'http-errors';
import rateLimit from 'express-rate-limit';
import { ZodError } from 'zod';
import { db } from '../lib/db';
import { logger } from '../lib/logger';

export const app = express();
const isDev = process.env.NODE_ENV !== 'production';

// negative error-handler-respects-status: express-rate-limit's handler has 4 parameters but is not error middleware; negative require-retry-after: the library sets Retry-After and the status comes from its options.
export const limiter = rateLimit({
  windowMs: 60_000,
  limit: 100,
  standardHeaders: 'draft-7',
  handler: (req: Request, res: Response, next: NextFunction, options) => {
    res.status(options.statusCode).json({ error: 'Too many requests' });
  },
});

// negative error-handler-respects-status: router.param callback (req, res, next, id) is not error middleware; its 500 follows a database failure.
const invoices = express.Router();
invoices.param('invoiceId', async (req: Request, res: Response, next: NextFunction, invoiceId: string) => {
  try {
    const invoice = await db.invoice.findUnique({ where: { id: invoiceId } });
    if (!invoice) return res.status(404).json({ error: 'Invoice not found' });
    res.locals.invoice = invoice;
    next();
  } catch (err) {
    logger.error({ err }, 'invoice lookup failed');
    res.status(500).json({ error: 'Could not load invoice' });
  }
});

// positive error-handler-respects-status: every error (404s from http-errors included) becomes 500; negative no-leaked-error-details: generic body.
export function apiErrorHandler(err: Error, req: Request, res: Response, next: NextFunction) {
  logger.error({ err, path: req.path }, 'request failed');
  res.status(500).json({ error: 'Internal Server Error' }); // expect: error-handler-respects-status
}

// positive error-handler-respects-status and positive no-leaked-error-details: always 500, and the message goes to the client.
export const adminErrorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  res.status(500).json({ // expect: error-handler-respects-status
    error: err.message, // expect: no-leaked-error-details
  });
};

// positive error-handler-respects-status and positive no-leaked-error-details: the stack is sent as the body of a blanket 500.
export function legacyErrorHandler(err: any, req: Request, res: Response, _next: NextFunction) {
  res.status(500).send(err.stack); // expect: error-handler-respects-status, no-leaked-error-details
}

// negative error-handler-respects-status: reads err.status / err.statusCode; negative no-leaked-error-details: the message is exposed only for client errors, the stack only in development.
export const respectfulErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const status = err.status ?? err.statusCode ?? 500;
  if (status >= 500) logger.error({ err }, 'unhandled error');
  res.status(status).json({
    error: status < 500 ? err.message : 'Internal Server Error',
    ...(isDev && { stack: err.stack }),
  });
};

// negative error-handler-respects-status: branches on known error types (ZodError, http-errors) before falling back to 500.
export function typedErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction) {
  if (err instanceof ZodError) {
    return res.status(400).json({ error: 'Invalid request', issues: err.issues });
  }
  if (isHttpError(err) && err.expose) {
    return res.status(err.status).json({ error: err.message });
  }
  logger.error({ err }, 'unexpected error');
  return res.status(500).json({ error: 'Something went wrong' });
}

// negative error-handler-respects-status: delegates to the next handler after logging.
export function loggingErrorHandler(err: Error, req: Request, _res: Response, next: NextFunction) {
  logger.error({ err, requestId: req.headers['x-request-id'] }, 'request error');
  next(err);
}

// negative no-leaked-error-details: the stack is attached only when app.get('env') === 'development'; negative error-handler-respects-status: consults err.status.
export function devAwareErrorHandler(err: any, req: Request, res: Response, _next: NextFunction) {
  res.status(err.status || 500);
  if (req.app.get('env') === 'development') {
    return res.json({ error: err.message, stack: err.stack });
  }
  return res.json({ error: 'Internal Server Error' });
}

// positive no-leaked-error-details: the raw error object is serialised into the 500 body of a route (not an error handler).
app.get('/api/exports/:id', async (req: Request, res: Response) => {
  try {
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: req.params.id } });
    res.json(job);
  } catch (err) {
    logger.error({ err }, 'export lookup failed');
    res.status(500).json({ error: err }); // expect: no-leaked-error-details
  }
});

// positive no-leaked-error-details: String(err) in the 500 body.
app.delete('/api/exports/:id', async (req: Request, res: Response) => {
  try {
    await db.exportJob.delete({ where: { id: req.params.id } });
    res.sendStatus(204);
  } catch (err) {
    res.status(500).send(String(err)); // expect: no-leaked-error-details
  }
});

// positive no-leaked-error-details: res.json(err) answers the 500 with the whole error.
app.post('/api/exports', async (req: Request, res: Response) => {
  try {
    const job = await db.exportJob.create({ data: { ownerId: req.user!.id, kind: 'csv' } });
    res.status(202).json(job);
  } catch (err) {
    res.status(500).json(err); // expect: no-leaked-error-details
  }
});

// negative no-leaked-error-details: the error is logged, the client gets a generic message and a request id.
app.patch('/api/exports/:id', async (req: Request, res: Response) => {
  try {
    await db.exportJob.update({ where: { id: req.params.id }, data: { label: String(req.body.label ?? '') } });
    res.sendStatus(204);
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Could not update export', requestId: req.headers['x-request-id'] });
  }
});

// negative no-leaked-error-details: a 409 explaining the client's conflict may carry the message.
app.post('/api/exports/:id/cancel', async (req: Request, res: Response, next: NextFunction) => {
  try {
    await db.exportJob.cancel(req.params.id);
    res.sendStatus(204);
  } catch (err) {
    if (err instanceof Error && err.name === 'JobAlreadyFinishedError') {
      return res.status(409).json({ error: err.message });
    }
    next(createError(500));
  }
});

app.use('/invoices/:invoiceId', invoices);
app.use('/api', limiter);
app.use('/admin', adminErrorHandler);
app.use(respectfulErrorHandler);
