// Accuracy corpus (upstream-extra): Express account routes mixing database, file and upstream work. Labels: see test/corpus/README.md.
import express, { type Request, type Response } from 'express';
import axios from 'axios';
import got from 'got';
import { readFile, writeFile } from 'node:fs/promises';
import bcrypt from 'bcrypt';
import { prisma } from '../lib/prisma';
import { mailer } from '../lib/mailer';

const router = express.Router();
const geo = axios.create({ baseURL: 'https://geo.example.com', timeout: 4000 });
const avatars = axios.create({ baseURL: 'https://avatars.example.com' });

// positive no-502-for-internal-error (500): password hashing and a database write only.
router.post('/accounts', async (req: Request, res: Response) => {
  try {
    const hash = await bcrypt.hash(String(req.body.password), 12);
    const account = await prisma.account.create({ data: { email: String(req.body.email), hash } });
    res.status(201).json({ id: account.id });
  } catch (err) {
    res.status(502).json({ error: 'Could not create account' }); // expect: no-502-for-internal-error 500
  }
});

// positive no-502-for-internal-error (500): a local export file write failed.
router.post('/accounts/:id/export', async (req: Request, res: Response) => {
  try {
    const rows = await prisma.event.findMany({ where: { accountId: req.params.id } });
    await writeFile(`/tmp/export-${req.params.id}.json`, JSON.stringify(rows));
    res.sendStatus(202);
  } catch {
    res.sendStatus(504); // expect: no-502-for-internal-error 500
  }
});

// positive no-502-for-internal-error (500): no catch; the handler only reads the database, then answers 502 for a missing row.
router.get('/accounts/:id', async (req: Request, res: Response) => {
  const account = await prisma.account.findUnique({ where: { id: req.params.id } });
  if (!account) return res.status(502).json({ error: 'Account missing' }); // expect: no-502-for-internal-error 500
  res.json(account);
});

// negative no-502-for-internal-error: the mailer lives in another file and may call an email API.
router.post('/accounts/:id/welcome', async (req: Request, res: Response) => {
  try {
    await mailer.sendWelcome(req.params.id);
    res.sendStatus(204);
  } catch {
    res.status(502).json({ error: 'Mail provider failed' });
  }
});

// negative no-502-for-internal-error; negative require-upstream-timeout: the geo instance has a timeout and its failure is a 502.
router.get('/accounts/:id/region', async (req: Request, res: Response) => {
  try {
    const { data } = await geo.get(`/ip/${req.ip}`);
    res.json({ region: data.region });
  } catch {
    res.status(502).json({ error: 'Geo lookup failed' });
  }
});

// positive require-upstream-timeout: the avatars instance was created without a timeout.
router.get('/accounts/:id/avatar', async (req: Request, res: Response) => {
  const { data } = await avatars.get(`/u/${req.params.id}.png`, { responseType: 'arraybuffer' }); // expect: require-upstream-timeout
  res.type('png').send(data);
});

// positive require-upstream-timeout: got call with options but no timeout.
router.post('/accounts/:id/verify', async (req: Request, res: Response) => {
  const result = await got.post('https://kyc.example.com/v1/checks', { json: { accountId: req.params.id } }).json(); // expect: require-upstream-timeout
  res.json(result);
});

// positive require-upstream-timeout: fetch with headers only, in a same-file helper the handler calls.
async function loadTerms(locale: string) {
  const response = await fetch(`https://legal.example.com/terms/${locale}`, { headers: { accept: 'text/html' } }); // expect: require-upstream-timeout
  return response.text();
}

router.get('/terms/:locale', async (req: Request, res: Response) => {
  res.type('html').send(await loadTerms(req.params.locale));
});

// negative require-upstream-timeout: a local template read, no upstream call.
router.get('/templates/welcome', async (_req: Request, res: Response) => {
  res.type('html').send(await readFile('/srv/templates/welcome.html', 'utf8'));
});

export default router;
