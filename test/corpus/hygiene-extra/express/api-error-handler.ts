// Extra hygiene cases (Express, TypeScript): error handlers that consult the error, and ones that do not.
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { logger } from '../lib/logger';

// negative: consults the status the error carries.
export const apiErrorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const status = typeof err.status === 'number' ? err.status : 500;
  if (status >= 500) logger.error({ err }, 'unhandled error');
  res.status(status).json({ error: status >= 500 ? 'Internal Server Error' : err.message });
};

// negative: branches on a known error type before the fallback.
export function zodAwareErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction) {
  if (err instanceof ZodError) return res.status(400).json({ issues: err.issues });
  logger.error({ err }, 'unhandled error');
  return res.status(500).json({ error: 'Internal Server Error' });
}

// positive: answers every error with 500, and leaks the raw error in development and production alike.
export function legacyErrorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  logger.error({ err }, 'legacy failure');
  res.status(500).json({ ok: false, error: err }); // expect: error-handler-respects-status, no-leaked-error-details
}

// negative: a stack only in development, and a generic status for everything (reported by the other rule only).
export function devErrorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  const body: Record<string, unknown> = { error: 'Internal Server Error' };
  if (process.env.NODE_ENV === 'development') body.stack = err.stack;
  res.status(500).json(body); // expect: error-handler-respects-status
}
