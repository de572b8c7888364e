// Accuracy corpus: Next.js pages/api — account endpoints (zod, class-validator, manual checks). Labels: see test/corpus/README.md.
import type { NextApiRequest, NextApiResponse } from 'next';
import { z } from 'zod';
import { plainToInstance } from 'class-transformer';
import { IsEmail, IsString, MinLength, validate } from 'class-validator';
import { db } from '@/lib/db';

class CreateAccountDto {
  @IsEmail()
  email!: string;

  @IsString()
  @MinLength(2)
  company!: string;
}

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).default(1) });

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'POST') {
    const dto = plainToInstance(CreateAccountDto, req.body);
    const errors = await validate(dto);
    // positive: class-validator validate() returned errors -> 500
    if (errors.length > 0) {
      return res.status(500).json({ error: 'Account creation failed' }); // expect: no-500-for-validation 400
    }
    // negative: db insert failed -> 500
    try {
      const account = await db.accounts.create(dto);
      return res.status(201).json(account);
    } catch (err) {
      console.error(err);
      return res.status(500).json({ error: 'Internal Server Error' });
    }
  }

  if (req.method === 'GET') {
    const query = QuerySchema.safeParse(req.query);
    // positive: zod safeParse on the query failed -> res.statusCode = 500
    if (!query.success) {
      res.statusCode = 500; // expect: no-500-for-validation 400
      return res.json({ error: 'Could not list accounts' });
    }
    return res.json(await db.accounts.page(query.data.page));
  }

  if (req.method === 'DELETE') {
    const { id } = req.query;
    // positive: typeof check on a query param -> 500
    if (typeof id !== 'string') {
      return res.status(500).end(); // expect: no-500-for-validation 400
    }
    await db.accounts.delete(id);
    return res.status(204).end();
  }

  // negative: unsupported method -> 405
  res.setHeader('Allow', 'GET, POST, DELETE');
  return res.status(405).json({ error: 'Method Not Allowed' });
}
