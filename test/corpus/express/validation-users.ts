// Accuracy corpus: Express — validation failures answered with 5xx (users/accounts routes). Labels: see test/corpus/README.md.
import express, { type NextFunction, type Request, type Response } from 'express';
import { z, ZodError } from 'zod';
import Joi from 'joi';
import { body, validationResult } from 'express-validator';
import { StatusCodes } from 'http-status-codes';
import createError from 'http-errors';
import { db } from '../lib/db';
import { logger } from '../lib/logger';

const router = express.Router();

const SignupSchema = z.object({
  email: z.string().email(),
  password: z.string().min(12),
  displayName: z.string().min(1).max(60),
});

const ProfileSchema = Joi.object({
  bio: Joi.string().max(500).allow(''),
  website: Joi.string().uri().optional(),
});

// positive: zod safeParse failed -> 500 with early return
router.post('/signup', async (req: Request, res: Response) => {
  const parsed = SignupSchema.safeParse(req.body);
  if (!parsed.success) {
    logger.warn({ issues: parsed.error.issues }, 'signup rejected');
    return res.status(500).json({ error: 'Signup failed' }); // expect: no-500-for-validation 400
  }
  const user = await db.users.create(parsed.data);
  return res.status(201).json({ id: user.id });
});

// positive: joi validate() returned an error -> 500 in if/else
router.patch('/me/profile', async (req: Request, res: Response) => {
  const { error, value } = ProfileSchema.validate(req.body);
  if (error) {
    res.status(500).send({ error: 'Could not update profile' }); // expect: no-500-for-validation 400
  } else {
    await db.profiles.update(req.user!.id, value);
    res.json({ ok: true });
  }
});

// positive: express-validator result not empty -> 500 via StatusCodes constant
router.post(
  '/invites',
  body('email').isEmail(),
  body('role').isIn(['admin', 'member']),
  async (req: Request, res: Response) => {
    const errors = validationResult(req);
    if (!errors.isEmpty()) {
      return res.status(StatusCodes.INTERNAL_SERVER_ERROR).json({ error: 'Invite failed' }); // expect: no-500-for-validation 400
    }
    await db.invites.create(req.body.email, req.body.role);
    return res.sendStatus(StatusCodes.CREATED);
  },
);

// positive: catch that singles out ZodError and still answers 500
router.put('/me/password', async (req: Request, res: Response) => {
  try {
    const { password } = SignupSchema.pick({ password: true }).parse(req.body);
    await db.users.setPassword(req.user!.id, password);
    return res.sendStatus(204);
  } catch (err) {
    if (err instanceof ZodError) {
      return res.status(500).json({ error: 'Password does not meet requirements' }); // expect: no-500-for-validation 400
    }
    logger.error({ err }, 'password change failed');
    return res.status(500).json({ error: 'Internal Server Error' });
  }
});

// positive: manual regex check of a route param -> sendStatus(500)
router.get('/:userId', async (req: Request, res: Response) => {
  if (!/^usr_[a-zA-Z0-9]{16}$/.test(req.params.userId)) {
    return res.sendStatus(500); // expect: no-500-for-validation 400
  }
  const user = await db.users.findById(req.params.userId);
  if (!user) return res.sendStatus(404);
  return res.json(user);
});

// positive: next(createError(500)) when a required body field is missing
router.post('/me/avatar', async (req: Request, res: Response, next: NextFunction) => {
  const { imageUrl } = req.body ?? {};
  if (!imageUrl) {
    return next(createError(500, 'imageUrl is required')); // expect: no-500-for-validation 400
  }
  await db.profiles.setAvatar(req.user!.id, imageUrl);
  res.sendStatus(204);
});

// negative: zod validation failure answered with 400
router.post('/login', async (req: Request, res: Response) => {
  const parsed = SignupSchema.pick({ email: true, password: true }).safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ error: 'Invalid credentials payload', issues: parsed.error.issues });
  }
  const session = await db.sessions.create(parsed.data.email, parsed.data.password);
  if (!session) return res.status(401).json({ error: 'Invalid email or password' });
  return res.json({ token: session.token });
});

// negative: try mixes zod parse with db writes and does not single out the validation error
router.post('/teams', async (req: Request, res: Response) => {
  try {
    const input = z.object({ name: z.string().min(2) }).parse(req.body);
    const team = await db.teams.create(req.user!.id, input.name);
    await db.memberships.add(team.id, req.user!.id, 'owner');
    return res.status(201).json(team);
  } catch (err) {
    logger.error({ err }, 'team creation failed');
    return res.status(500).json({ error: 'Could not create team' });
  }
});

// negative: validation handled with 400 first; the 500 only covers the db failure
router.post('/me/email', async (req: Request, res: Response) => {
  const parsed = SignupSchema.pick({ email: true }).safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ error: 'Invalid email' });
  }
  try {
    await db.users.updateEmail(req.user!.id, parsed.data.email);
    return res.sendStatus(204);
  } catch (err) {
    logger.error({ err }, 'email update failed');
    return res.status(500).json({ error: 'Internal Server Error' });
  }
});

// negative: `if (!user)` after an insert that must return a row -> internal failure
router.post('/guests', async (_req: Request, res: Response) => {
  const user = await db.users.createGuest();
  if (!user) {
    return res.status(500).json({ error: 'Could not create guest account' });
  }
  return res.status(201).json({ id: user.id });
});

// negative: 5xx guarded by a check that the error is NOT a validation error
router.delete('/me', async (req: Request, res: Response) => {
  try {
    const { confirm } = z.object({ confirm: z.literal(true) }).parse(req.body);
    if (confirm) await db.users.softDelete(req.user!.id);
    return res.sendStatus(204);
  } catch (err) {
    if (!(err instanceof ZodError)) {
      logger.error({ err }, 'account deletion failed');
      return res.status(500).json({ error: 'Internal Server Error' });
    }
    return res.status(422).json({ error: 'Deletion must be confirmed', issues: err.issues });
  }
});

// negative: error middleware forwards the status carried by the error
router.use((err: { status?: number; statusCode?: number }, _req: Request, res: Response, _next: NextFunction) => {
  const status = err.status || err.statusCode || 500;
  res.status(status).json({ error: status >= 500 ? 'Internal Server Error' : 'Request failed' });
});

export default router;
