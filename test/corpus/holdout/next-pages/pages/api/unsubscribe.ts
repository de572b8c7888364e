// Accuracy corpus (held-out): next-pages — unsubscribe with yup validateSync. Labels: see test/corpus/README.md.
import type { NextApiRequest, NextApiResponse } from 'next';
import { object, string, ValidationError } from 'yup';
import { sql } from '@vercel/postgres';

const schema = object({ token: string().length(48).required() });

// positive: the catch singles out yup's ValidationError and answers 500
export default async function unsubscribe(req: NextApiRequest, res: NextApiResponse) {
  try {
    const { token } = schema.validateSync(req.query, { stripUnknown: true });
    await sql`UPDATE subscribers SET active = false WHERE unsubscribe_token = ${token}`;
    res.status(204).end();
  } catch (e) {
    if (e instanceof ValidationError) {
      res.status(500).json({ error: 'Invalid unsubscribe link' }); // expect: no-500-for-validation 400
    } else {
      res.status(500).json({ error: 'Unsubscribe failed' });
    }
  }
}
