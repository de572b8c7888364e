// Accuracy corpus: Remix / React Router — profile settings route actions and loaders (zod, yup, manual checks). Labels: see test/corpus/README.md.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { data } from 'react-router';
import { z } from 'zod';
import * as yup from 'yup';
import { db } from '~/db.server';
import { requireUserId } from '~/session.server';

const ProfileForm = z.object({
  displayName: z.string().min(1).max(50),
  bio: z.string().max(300).optional(),
});

const NotificationsForm = yup.object({ digest: yup.string().oneOf(['daily', 'weekly', 'never']).required() });

// negative: the signed-in user's row is missing (inconsistent data) -> 500
export async function loader({ request }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) {
    throw json({ message: 'Profile unavailable' }, { status: 500 });
  }
  return json({ user });
}

export async function action({ request }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  const form = Object.fromEntries(await request.formData());

  if (form.intent === 'profile') {
    const parsed = ProfileForm.safeParse(form);
    // positive: form data failed zod -> json(..., { status: 500 })
    if (!parsed.success) {
      return json({ errors: parsed.error.flatten().fieldErrors }, { status: 500 }); // expect: no-500-for-validation 400
    }
    await db.user.update({ where: { id: userId }, data: parsed.data });
    return json({ ok: true });
  }

  if (form.intent === 'notifications') {
    // positive: yup isValid false -> json(body, 500) shorthand
    if (!(await NotificationsForm.isValid(form))) {
      return json({ error: 'Could not save notification settings' }, 500); // expect: no-500-for-validation 400
    }
    await db.user.update({ where: { id: userId }, data: { digest: String(form.digest) } });
    return json({ ok: true });
  }

  if (form.intent === 'avatar') {
    const url = String(form.avatarUrl ?? '');
    // positive: URL format check on a form field -> data(..., { status: 500 })
    if (!/^https:\/\//.test(url)) {
      return data({ error: 'Avatar update failed' }, { status: 500 }); // expect: no-500-for-validation 400
    }
    await db.user.update({ where: { id: userId }, data: { avatarUrl: url } });
    return data({ ok: true });
  }

  if (form.intent === 'delete') {
    // negative: zod failure -> 400
    const confirm = z.object({ confirm: z.literal('DELETE') }).safeParse(form);
    if (!confirm.success) {
      return json({ errors: { confirm: 'Type DELETE to confirm' } }, { status: 400 });
    }
    // negative: db failure -> 500
    try {
      await db.user.delete({ where: { id: userId } });
    } catch (error) {
      console.error('account deletion failed', error);
      throw json({ message: 'Could not delete account' }, { status: 500 });
    }
    return json({ ok: true });
  }

  // negative: unknown intent is a client error -> 400
  return json({ error: `Unknown intent` }, { status: 400 });
}

export default function ProfileSettings() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Form method="post">
      <input name="displayName" defaultValue={user.displayName} />
      {actionData && 'errors' in actionData ? <p role="alert">Please fix the highlighted fields</p> : null}
      <button name="intent" value="profile">
        Save
      </button>
    </Form>
  );
}
