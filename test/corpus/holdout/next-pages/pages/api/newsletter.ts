// Accuracy corpus (held-out): next-pages — newsletter signup with yup and a mailing-list API. Labels: see test/corpus/README.md.
import type { NextApiRequest, NextApiResponse } from 'next';
import * as yup from 'yup';
import axios from 'axios';

const subscribeSchema = yup.object({
  email: yup.string().email().required(),
  topics: yup.array(yup.string().oneOf(['product', 'engineering', 'events'])).min(1).required(),
});

const mailer = axios.create({
  baseURL: 'https://api.mailinglist.example/v3',
  timeout: 5000,
  auth: { username: 'api', password: process.env.MAILER_KEY ?? '' },
});

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return res.status(405).end();
  }

  // positive: yup isValid() false answered with 500
  const ok = await subscribeSchema.isValid(req.body);
  if (!ok) {
    return res.status(500).json({ error: 'Please provide an email and at least one topic' }); // expect: no-500-for-validation 400
  }

  // positive: the mailing-list call is the only failable work; its failure becomes 500
  try {
    await mailer.post('/lists/main/members', { email_address: req.body.email, tags: req.body.topics });
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 409) {
      return res.status(200).json({ subscribed: true });
    }
    return res.status(500).json({ error: 'Could not subscribe right now' }); // expect: no-500-for-upstream-failure 502
  }
  return res.status(201).json({ subscribed: true });
}
