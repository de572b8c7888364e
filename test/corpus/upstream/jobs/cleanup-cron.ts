// Accuracy corpus: cron job (node-cron) — purges expired uploads and pings a heartbeat URL; no request is being handled. Labels: see test/corpus/README.md.
import cron from 'node-cron';
import { request } from 'undici';
import { db } from '../lib/db';

// negative require-upstream-timeout: a scheduled job, not a request handler; the heartbeat ping has no timeout but nothing waits on it.
cron.schedule('*/15 * * * *', async () => {
  const { count } = await db.upload.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await fetch(process.env.HEARTBEAT_URL!, { method: 'POST', body: JSON.stringify({ purged: count }) });
});

// negative require-upstream-timeout: undici call inside a nightly job.
cron.schedule('0 3 * * *', async () => {
  const { body } = await request(`${process.env.REPORTS_URL}/nightly`, { method: 'POST' });
  await body.dump();
});
