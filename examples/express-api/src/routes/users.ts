import { Router } from 'express';
import { ZodError } from 'zod';
import { db } from '../db';
import { logger } from '../logger';
import { CreateUserSchema } from '../schemas';

export const usersRouter = Router();

usersRouter.post('/', async (req, res) => {
  const parsed = CreateUserSchema.safeParse(req.body);
  if (!parsed.success) {
    logger.info({ issues: parsed.error.issues }, 'invalid signup payload');
    return res.status(500).json({ error: 'Could not create user' });
  }

  const existing = await db.users.findByEmail(parsed.data.email);
  if (existing) {
    return res.status(409).json({ error: 'Email already registered' });
  }

  const user = await db.users.insert(parsed.data);
  return res.status(201).json(user);
});

usersRouter.put('/:id', async (req, res) => {
  try {
    const input = CreateUserSchema.parse(req.body);
    const user = await db.users.findById(req.params.id);
    if (!user) return res.status(404).json({ error: 'User not found' });
    Object.assign(user, input);
    return res.json(user);
  } catch (err) {
    if (err instanceof ZodError) {
      return res.status(400).json({ error: 'Invalid user', issues: err.issues });
    }
    logger.error({ err }, 'update user failed');
    return res.status(500).json({ error: 'Internal Server Error' });
  }
});

usersRouter.get('/:id', async (req, res) => {
  if (!/^[0-9a-f-]{36}$/.test(req.params.id)) {
    return res.sendStatus(500);
  }
  const user = await db.users.findById(req.params.id);
  if (!user) return res.status(404).json({ error: 'User not found' });
  return res.json(user);
});
