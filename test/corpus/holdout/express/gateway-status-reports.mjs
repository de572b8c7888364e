// Accuracy corpus (held-out): express — report/export routes choosing 502/504. Labels: see test/corpus/README.md.
import { Router } from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Report } from '../models/report.js';
import { renderPdf } from '../services/pdf-renderer.js';
import { knex } from '../db/knex.js';

export const reports = Router();
const TEMPLATE_DIR = path.resolve('templates');

function sendError(out, status, message) {
  return out.status(status).json({ error: message });
}

// positive: a Mongo query fails and the route claims a bad gateway
reports.get('/reports/:id', async (req, out) => {
  try {
    const report = await Report.findById(req.params.id).lean();
    if (!report) return out.status(404).json({ error: 'Report not found' });
    return out.json(report);
  } catch (err) {
    console.error('report lookup failed', req.params.id);
    return out.status(502).json({ error: 'Could not load report' }); // expect: no-502-for-internal-error 500
  }
});

// positive: reading a local template file fails, answered with 504 through a helper
reports.get('/reports/templates/:name', async (req, out) => {
  const file = path.join(TEMPLATE_DIR, path.basename(req.params.name) + '.hbs');
  let source;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    return sendError(out, 504, 'Template unavailable'); // expect: no-502-for-internal-error 500
  }
  return out.type('text/plain').send(source);
});

// positive: a knex aggregate times out — that is our database, not a gateway
reports.get('/reports/:id/stats', (req, out) => {
  knex('report_rows')
    .where({ report_id: req.params.id })
    .count({ n: '*' })
    .timeout(3000, { cancel: true })
    .then(([row]) => out.json({ rows: Number(row.n) }))
    .catch(() => out.sendStatus(504)); // expect: no-502-for-internal-error 500
});

// negative: the try calls an imported renderer service whose internals are unknown
reports.post('/reports/:id/pdf', async (req, out) => {
  try {
    const pdf = await renderPdf(req.params.id, { paper: 'A4' });
    out.type('application/pdf').send(pdf);
  } catch (err) {
    console.error('pdf render failed', req.params.id);
    out.status(502).json({ error: 'Renderer failed' });
  }
});

// negative: a real upstream (the archive service) failed, 502 is right
reports.post('/reports/:id/archive', async (req, out) => {
  const res = await fetch(`${process.env.ARCHIVE_URL}/archive`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reportId: req.params.id }),
    signal: AbortSignal.timeout(8000),
  });
  if (!res.ok) {
    return out.status(502).json({ error: 'Archive service rejected the report' });
  }
  return out.status(202).json(await res.json());
});
