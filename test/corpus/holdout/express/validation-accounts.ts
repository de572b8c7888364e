// Accuracy corpus (held-out): express — request validation in account routes. Labels: see test/corpus/README.md.
import express, { type NextFunction, type Request, type Response } from 'express';
import { z, ZodError } from 'zod';
import { body, query, validationResult } from 'express-validator';
import { prisma } from '../lib/prisma';
import { hashPassword } from '../lib/passwords';
import { logger } from '../lib/logger';

const accounts = express.Router();

const SignupSchema = z.object({
  email: z.string().email(),
  password: z.string().min(12),
  displayName: z.string().min(1).max(40),
});

const AccountPatch = z
  .object({
    displayName: z.string().min(1).max(40),
    locale: z.enum(['en', 'fr', 'de']),
  })
  .partial();

// positive: failed zod safeParse of the signup body answered with 500
accounts.post('/signup', async (req: Request, res: Response) => {
  const parsed = SignupSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(500).json({ error: 'Signup payload is invalid' }); // expect: no-500-for-validation 400
  }
  const account = await prisma.account.create({
    data: {
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
      displayName: parsed.data.displayName,
    },
  });
  return res.status(201).json({ id: account.id });
});

// negative: same safeParse, failure correctly answered with 400
accounts.post('/invite', async (req: Request, res: Response) => {
  const result = SignupSchema.pick({ email: true }).safeParse(req.body);
  if (!result.success) {
    return res.status(400).json({ error: 'Invalid invite', fields: result.error.flatten().fieldErrors });
  }
  await prisma.invite.create({ data: { email: result.data.email } });
  return res.sendStatus(202);
});

// positive: express-validator reports errors, handler sends a bare 500
accounts.put(
  '/profile',
  body('bio').isString().isLength({ max: 280 }),
  body('website').optional().isURL(),
  async (req: Request, response: Response) => {
    const errors = validationResult(req);
    if (!errors.isEmpty()) {
      response.sendStatus(500); // expect: no-500-for-validation 400
      return;
    }
    await prisma.profile.update({ where: { accountId: req.user!.id }, data: req.body });
    response.sendStatus(204);
  },
);

// negative: express-validator errors answered with 422
accounts.get('/search', query('q').isString().isLength({ min: 2 }), async (req: Request, res: Response) => {
  const problems = validationResult(req);
  if (!problems.isEmpty()) {
    res.status(422).json({ errors: problems.array() });
    return;
  }
  const hits = await prisma.account.findMany({ where: { displayName: { contains: String(req.query.q) } }, take: 20 });
  res.json(hits);
});

// positive: the catch singles out ZodError although the try also writes to the database
accounts.patch('/:id', async (req: Request, res: Response) => {
  try {
    const patch = AccountPatch.parse(req.body);
    const updated = await prisma.account.update({ where: { id: req.params.id }, data: patch });
    res.json(updated);
  } catch (err) {
    if (err instanceof ZodError) {
      res.status(500).json({ error: 'Invalid account patch' }); // expect: no-500-for-validation 400
      return;
    }
    logger.error({ err }, 'account update failed');
    res.status(500).json({ error: 'Could not update account' });
  }
});

// negative: try mixes parsing with a database write and nothing singles the validation error out
accounts.post('/:id/locale', async (req: Request, res: Response) => {
  try {
    const { locale } = AccountPatch.required({ locale: true }).parse(req.body);
    await prisma.account.update({ where: { id: req.params.id }, data: { locale } });
    res.sendStatus(204);
  } catch (err) {
    logger.error({ err }, 'locale update failed');
    res.status(500).json({ error: 'Could not change locale' });
  }
});

// negative: 500 only when the error is NOT a validation error
accounts.post('/:id/rename', async (req: Request, res: Response) => {
  try {
    const { displayName } = AccountPatch.required({ displayName: true }).parse(req.body);
    await prisma.account.update({ where: { id: req.params.id }, data: { displayName } });
    return res.sendStatus(204);
  } catch (err) {
    if (!(err instanceof ZodError)) {
      logger.error({ err }, 'rename failed');
      return res.status(500).json({ error: 'Internal error' });
    }
    return res.status(400).json({ error: 'Invalid name', issues: err.issues });
  }
});

// positive: manual check of a query parameter format branches to 500
accounts.get('/', async (req: Request, res: Response) => {
  const { limit } = req.query;
  if (typeof limit !== 'string' || !/^\d{1,3}$/.test(limit)) {
    res.status(500).send('limit must be a number'); // expect: no-500-for-validation 400
    return;
  }
  const rows = await prisma.account.findMany({ take: Number(limit) });
  res.json(rows);
});

// positive: range check on a body field answered with 500
accounts.post('/:id/seats', async (req: Request, res: Response) => {
  const seats = Number(req.body.seats);
  if (!Number.isInteger(seats) || seats < 1 || seats > 500) {
    return res.status(500).json({ error: 'seats must be between 1 and 500' }); // expect: no-500-for-validation 400
  }
  await prisma.subscription.update({ where: { accountId: req.params.id }, data: { seats } });
  return res.sendStatus(204);
});

// negative: the database row fails the schema — our own data is broken, 500 is right
accounts.get('/:id/settings', async (req: Request, res: Response) => {
  const row = await prisma.settings.findUnique({ where: { accountId: req.params.id } });
  if (!row) return res.status(404).json({ error: 'Not found' });
  const stored = AccountPatch.safeParse(row.payload);
  if (!stored.success) {
    logger.error({ accountId: req.params.id }, 'stored settings are corrupt');
    return res.status(500).json({ error: 'Settings unavailable' });
  }
  return res.json(stored.data);
});

// positive: error middleware singles out validation errors by name and answers 500
export function accountErrors(err: any, _req: Request, res: Response, _next: NextFunction) {
  if (err.name === 'ValidationError') {
    return res.status(500).json({ error: 'Validation failed' }); // expect: no-500-for-validation 400
  }
  const status = typeof err.status === 'number' ? err.status : 500;
  return res.status(status).json({ error: status >= 500 ? 'Internal Server Error' : 'Request failed' });
}

export default accounts;
