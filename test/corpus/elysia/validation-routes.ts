// Accuracy corpus: Elysia — validation failures answered with 5xx (typebox, zod, manual checks). Labels: see test/corpus/README.md.
import { Elysia, t, error } from 'elysia';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Type } from '@sinclair/typebox';
import { z } from 'zod';
import { notes } from './notes-repo';

const NoteBody = Type.Object({ title: Type.String({ minLength: 1 }), body: Type.String({ maxLength: 10_000 }) });
const NoteChecker = TypeCompiler.Compile(NoteBody);
const ShareSchema = z.object({ email: z.string().email(), permission: z.enum(['read', 'write']) });

export const app = new Elysia({ prefix: '/notes' })
  // positive: TypeCompiler check failed -> set.status = 500
  .post('/', async ({ body, set }) => {
    if (!NoteChecker.Check(body)) {
      set.status = 500; // expect: no-500-for-validation 400
      return { error: 'Note could not be saved' };
    }
    set.status = 201;
    return notes.create(body);
  })
  // positive: zod safeParse failed -> error(500, ...)
  .post('/:id/share', async ({ params, body }) => {
    const parsed = ShareSchema.safeParse(body);
    if (!parsed.success) {
      return error(500, 'Sharing failed'); // expect: no-500-for-validation 400
    }
    return notes.share(params.id, parsed.data);
  })
  // positive: numeric query param check -> set.status = 500
  .get('/', async ({ query, set }) => {
    const page = Number(query.page ?? '1');
    if (!Number.isInteger(page) || page < 1) {
      set.status = 500; // expect: no-500-for-validation 400
      return { error: 'Could not list notes' };
    }
    return notes.page(page);
  })
  // negative: t.Object route schema (Elysia answers 422 itself); a db miss after update -> 500
  .put(
    '/:id',
    async ({ params, body, set }) => {
      const updated = await notes.update(params.id, body);
      if (!updated) {
        set.status = 500;
        return { error: 'Update was not persisted' };
      }
      return updated;
    },
    { body: t.Object({ title: t.String(), body: t.String() }) },
  )
  // negative: zod failure -> error(400)
  .patch('/:id/share', async ({ params, body }) => {
    const parsed = ShareSchema.partial().safeParse(body);
    if (!parsed.success) return error(400, 'Invalid share settings');
    return notes.updateShare(params.id, parsed.data);
  })
  // negative: onError maps Elysia's validation code to 422 and keeps statuses carried by errors; 500 only for unknown errors
  .onError(({ code, error: err, set }) => {
    if (code === 'VALIDATION') {
      set.status = 422;
      return { error: 'Invalid request' };
    }
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    set.status = status;
    return { error: status >= 500 ? 'Internal Server Error' : 'Request failed' };
  });
