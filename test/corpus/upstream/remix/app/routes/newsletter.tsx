// Accuracy corpus: Remix — newsletter signup through Resend and a ky-based CMS loader. Labels: see test/corpus/README.md.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Resend } from 'resend';
import ky, { HTTPError } from 'ky';
import { db } from '~/lib/db.server';

const resend = new Resend(process.env.RESEND_API_KEY);

// positive no-500-for-upstream-failure (502): ky HTTPError from the CMS answered with a thrown 500 Response; negative require-upstream-timeout: ky's default timeout.
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const issues = await ky.get(`${process.env.CMS_URL}/api/newsletter-issues`, { searchParams: { limit: 5 } }).json<{ title: string; slug: string }[]>();
    return json({ issues });
  } catch (err) {
    if (err instanceof HTTPError) {
      throw new Response('Could not load issues', { status: 500 }); // expect: no-500-for-upstream-failure 502
    }
    throw err;
  }
}

// positive no-500-for-upstream-failure (502): Resend returns { error } instead of throwing; that failed upstream result is answered 500.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  if (!email.includes('@')) return json({ error: 'Enter a valid email' }, { status: 400 });
  await db.subscriber.upsert({ where: { email }, create: { email }, update: {} });
  const { error } = await resend.emails.send({ from: 'news@example.com', to: email, subject: 'Welcome!', html: '<p>Thanks for subscribing.</p>' });
  if (error) {
    return json({ error: 'Could not send the welcome email' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
  return json({ ok: true });
}

export default function Newsletter() {
  const { issues } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <main>
      <ul>{issues.map((i) => <li key={i.slug}>{i.title}</li>)}</ul>
      <Form method="post">
        <input type="email" name="email" required />
        <button type="submit">Subscribe</button>
        {data && 'error' in data ? <p role="alert">{data.error}</p> : null}
      </Form>
    </main>
  );
}
