import type { ErrorRequestHandler } from 'express';
import { logger } from '../logger';

// Last middleware in the chain.
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  logger.error({ err, path: req.path }, 'unhandled error');
  res.status(500).json({ error: 'Internal Server Error', stack: err.stack });
};
