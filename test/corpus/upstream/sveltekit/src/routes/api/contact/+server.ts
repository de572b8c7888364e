// Accuracy corpus: SvelteKit — contact form endpoint sending through @sendgrid/mail and a CRM (fetch). Labels: see test/corpus/README.md.
import { error, json } from '@sveltejs/kit';
import sgMail from '@sendgrid/mail';
import { env } from '$env/dynamic/private';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

sgMail.setApiKey(env.SENDGRID_API_KEY);

// positive no-500-for-upstream-failure (502): after local checks, the try only sends the email through SendGrid; error(500) on failure.
export const POST: RequestHandler = async ({ request }) => {
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  const message = String(form.get('message') ?? '');
  if (!email.includes('@') || message.length < 10) error(400, 'A valid email and a message are required');
  try {
    await sgMail.send({ to: env.CONTACT_INBOX, from: 'noreply@example.com', replyTo: email, subject: 'Contact form', text: message });
  } catch (err) {
    console.error('sendgrid failed', err);
    error(500, 'Could not send your message'); // expect: no-500-for-upstream-failure 502
  }
  return json({ sent: true });
};

// positive require-upstream-timeout: event.fetch to the CRM with no signal; positive no-500-for-upstream-failure (502): !res.ok answered error(500).
export const PUT: RequestHandler = async ({ request, fetch }) => {
  const lead = await request.json();
  const res = await fetch(`${env.CRM_URL}/api/leads`, { // expect: require-upstream-timeout
    method: 'POST',
    headers: { authorization: `Bearer ${env.CRM_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(lead),
  });
  if (!res.ok) {
    error(500, 'CRM rejected the lead'); // expect: no-500-for-upstream-failure 502
  }
  return json(await res.json(), { status: 201 });
};

// positive no-502-for-internal-error (500): a database-only failure answered error(502).
export const GET: RequestHandler = async ({ locals }) => {
  try {
    const messages = await db.contactMessage.findMany({ where: { ownerId: locals.user.id }, take: 20 });
    return json(messages);
  } catch {
    error(502, 'Could not load messages'); // expect: no-502-for-internal-error 500
  }
};
