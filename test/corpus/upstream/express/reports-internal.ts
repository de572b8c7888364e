// Accuracy corpus: Express — 502/504 sent for internal (database, file-system, local) failures vs real upstream failures. Labels: see test/corpus/README.md.
import express, { type NextFunction, type Request, type Response } from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import createError from 'http-errors';
import axios from 'axios';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { Prisma } from '@prisma/client';
import { prisma } from '../../lib/prisma';
import { redis } from '../../lib/redis';
import { billingService } from '../../services/billing';
import PDFDocument from 'pdfkit';
import { logger } from '../../lib/logger';

const run = promisify(execFile);
const router = express.Router();
const TEMPLATES_DIR = path.join(__dirname, '../../templates');

// Same-file PDF rendering with pdfkit: purely local work.
function renderInvoicePdf(invoice: { id: string; amountCents: number; currency: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(`Invoice ${invoice.id}`);
    doc.fontSize(12).text(`${(invoice.amountCents / 100).toFixed(2)} ${invoice.currency}`);
    doc.end();
  });
}

const ledger = axios.create({ baseURL: process.env.LEDGER_URL, timeout: 5000 });

// Same-file service: its internals are visible and touch only the database.
const reportService = {
  async monthlyTotals(accountId: string, month: string) {
    return prisma.invoice.groupBy({
      by: ['currency'],
      where: { accountId, month },
      _sum: { amountCents: true },
    });
  },
};

// positive no-502-for-internal-error (500): the try holds only a Prisma query; a database failure is not a bad gateway.
router.get('/invoices', async (req: Request, res: Response) => {
  try {
    const invoices = await prisma.invoice.findMany({ where: { accountId: req.user!.accountId }, take: 50 });
    res.json(invoices);
  } catch (err) {
    logger.error({ err }, 'invoice query failed');
    res.status(502).json({ error: 'Could not load invoices' }); // expect: no-502-for-internal-error 500
  }
});

// positive no-502-for-internal-error (500): reading a local template file failed, answered 502 via sendStatus.
router.get('/templates/:name', async (req: Request, res: Response) => {
  try {
    const html = await readFile(path.join(TEMPLATES_DIR, `${path.basename(req.params.name)}.html`), 'utf8');
    res.type('html').send(html);
  } catch (err) {
    logger.error({ err }, 'template read failed');
    res.sendStatus(502); // expect: no-502-for-internal-error 500
  }
});

// positive no-502-for-internal-error (500): handler makes no upstream call at all; the same-file pdfkit rendering failure is answered 502.
router.get('/invoices/:id/pdf', async (req: Request, res: Response) => {
  const invoice = await prisma.invoice.findUnique({ where: { id: req.params.id } });
  if (!invoice) return res.status(404).json({ error: 'Invoice not found' });
  const pdf = await renderInvoicePdf(invoice).catch(() => null);
  if (!pdf) {
    return res.status(502).json({ error: 'Could not render invoice' }); // expect: no-502-for-internal-error 500
  }
  return res.type('application/pdf').send(pdf);
});

// positive no-502-for-internal-error (500): the same-file service only queries the database, so 502 is wrong.
router.get('/reports/:month', async (req: Request, res: Response) => {
  try {
    const totals = await reportService.monthlyTotals(req.user!.accountId, req.params.month);
    res.json(totals);
  } catch (err) {
    logger.error({ err }, 'report failed');
    res.status(502).json({ error: 'Report generation failed' }); // expect: no-502-for-internal-error 500
  }
});

// positive no-502-for-internal-error (500): a Prisma pool timeout answered 504; the database is not an HTTP upstream gateway.
router.get('/reports/:month/export', async (req: Request, res: Response) => {
  try {
    const rows = await prisma.invoice.findMany({ where: { accountId: req.user!.accountId, month: req.params.month } });
    res.json(rows);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2024') {
      return res.status(504).json({ error: 'Export timed out' }); // expect: no-502-for-internal-error 500
    }
    return res.status(500).json({ error: 'Export failed' });
  }
});

// positive no-502-for-internal-error (500): Redis cache read failure passed on as a 502 http-errors object.
router.get('/balances/cached', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const cached = await redis.get(`balance:${req.user!.accountId}`);
    res.json(cached ? JSON.parse(cached) : { balanceCents: 0 });
  } catch (err) {
    next(createError(502, 'Balance cache unavailable')); // expect: no-502-for-internal-error 500
  }
});

// positive no-502-for-internal-error (500): a local ffmpeg child process failed; no gateway involved.
router.post('/receipts/:id/thumbnail', async (req: Request, res: Response) => {
  try {
    const src = path.join('/var/receipts', path.basename(req.params.id));
    await run('convert', [`${src}.pdf[0]`, '-resize', '320x', `${src}.png`]);
    res.sendStatus(204);
  } catch (err) {
    logger.error({ err }, 'thumbnail conversion failed');
    res.status(502).json({ error: 'Thumbnail failed' }); // expect: no-502-for-internal-error 500
  }
});

// negative no-502-for-internal-error: billingService is imported and its internals are unknown; it may call a payment provider.
router.post('/invoices/:id/pay', async (req: Request, res: Response) => {
  try {
    const receipt = await billingService.charge(req.params.id, req.user!.accountId);
    res.json(receipt);
  } catch (err) {
    logger.error({ err }, 'charge failed');
    res.status(502).json({ error: 'Payment could not be completed' });
  }
});

// negative no-502-for-internal-error: 502 after the ledger HTTP call failed (try mixes db and upstream); negative require-upstream-timeout: instance timeout.
router.post('/invoices/:id/sync', async (req: Request, res: Response) => {
  try {
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: req.params.id } });
    await ledger.post('/entries', { externalId: invoice.id, amountCents: invoice.amountCents });
    res.sendStatus(204);
  } catch (err) {
    logger.error({ err }, 'ledger sync failed');
    res.status(502).json({ error: 'Ledger sync failed' });
  }
});

// negative no-502-for-internal-error: axios ECONNABORTED (its timeout) answered 504, the right status; negative no-500-for-upstream-failure.
router.get('/ledger/balance', async (req: Request, res: Response) => {
  try {
    const { data } = await ledger.get(`/accounts/${req.user!.accountId}/balance`);
    res.json(data);
  } catch (err) {
    if (axios.isAxiosError(err) && err.code === 'ECONNABORTED') {
      return res.status(504).json({ error: 'Ledger timed out' });
    }
    return res.status(502).json({ error: 'Ledger failed' });
  }
});

// negative no-502-for-internal-error: a reverse proxy answers 502 when the target cannot be reached.
router.use(
  '/legacy',
  createProxyMiddleware({
    target: process.env.LEGACY_BILLING_URL,
    changeOrigin: true,
    proxyTimeout: 10_000,
    on: {
      error: (err, _req, res) => {
        logger.warn({ err }, 'legacy proxy error');
        (res as Response).status(502).json({ error: 'Legacy billing unreachable' });
      },
    },
  }),
);

export default router;
