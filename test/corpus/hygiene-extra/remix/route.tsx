// Extra hygiene cases (Remix loader/action).
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { db } from '~/db.server';

export async function loader({ params }: LoaderFunctionArgs) {
  try {
    return json(await db.project.find(params.id));
  } catch (error) {
    throw json({ message: 'Project unavailable', stack: (error as Error).stack }, { status: 500 }); // expect: no-leaked-error-details
  }
}

export async function action() {
  if (await db.maintenance()) {
    throw json({ message: 'Down for maintenance' }, { status: 503, headers: { 'Retry-After': '300' } });
  }
  return json({ ok: true });
}
