// Accuracy corpus (held-out): hono — task board with @hono/zod-validator hooks and a webhook upstream. Labels: see test/corpus/README.md.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { tasksRepo } from './repos/tasks';

const tasks = new Hono();

const TaskInput = z.object({ title: z.string().min(1).max(200), due: z.string().date().optional() });

// positive: validator hook answers a failed parse with 500
tasks.post(
  '/tasks',
  zValidator('json', TaskInput, (result, c) => {
    if (!result.success) {
      return c.json({ error: 'Task is invalid' }, 500); // expect: no-500-for-validation 400
    }
  }),
  async (c) => c.json(await tasksRepo.create(c.req.valid('json')), 201),
);

// negative: validator hook answers with 400
tasks.put(
  '/tasks/:id',
  zValidator('json', TaskInput.partial(), (result, c) => {
    if (!result.success) return c.json({ error: 'Task patch is invalid', issues: result.error.issues }, 400);
  }),
  async (c) => c.json(await tasksRepo.update(c.req.param('id'), c.req.valid('json'))),
);

// positive: manual check that the id param is numeric, answered with an HTTPException(500)
tasks.delete('/tasks/:id', async (c) => {
  const id = c.req.param('id');
  if (Number.isNaN(Number(id))) {
    throw new HTTPException(500, { message: 'id must be numeric' }); // expect: no-500-for-validation 400
  }
  await tasksRepo.remove(Number(id));
  return c.body(null, 204);
});

// negative: the webhook post and the repository write share a try; 500 without singling out is fine
tasks.post('/tasks/:id/complete', async (c) => {
  try {
    const task = await tasksRepo.complete(c.req.param('id'));
    await fetch(process.env.SLACK_WEBHOOK_URL!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `Task done: ${task.title}` }),
      signal: AbortSignal.timeout(3000),
    });
    return c.json(task);
  } catch {
    return c.json({ error: 'Could not complete task' }, 500);
  }
});

// positive: only the Slack webhook can fail here; catch answers 500
tasks.post('/tasks/:id/ping', async (c) => {
  const title = c.req.query('title') ?? 'A task';
  try {
    const res = await fetch(process.env.SLACK_WEBHOOK_URL!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `Reminder: ${title}` }),
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) throw new Error(`slack ${res.status}`);
    return c.body(null, 204);
  } catch {
    return c.json({ error: 'Reminder not sent' }, 500); // expect: no-500-for-upstream-failure 502
  }
});

export default tasks;
