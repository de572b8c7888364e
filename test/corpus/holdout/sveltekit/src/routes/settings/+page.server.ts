// Accuracy corpus (held-out): sveltekit — settings form action. Labels: see test/corpus/README.md.
import { fail, error } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db';
import type { Actions } from './$types';

const Settings = z.object({ theme: z.enum(['light', 'dark', 'system']), digest: z.enum(['daily', 'weekly', 'never']) });

export const actions: Actions = {
  // negative: form validation failure returned with fail(400); db failure error(500)
  default: async ({ request, locals }) => {
    const form = Object.fromEntries(await request.formData());
    const parsed = Settings.safeParse(form);
    if (!parsed.success) {
      return fail(400, { errors: parsed.error.flatten().fieldErrors });
    }
    try {
      await db.user.update({ where: { id: locals.user.id }, data: parsed.data });
    } catch {
      error(500, 'Could not save settings');
    }
    return { saved: true };
  },
};
