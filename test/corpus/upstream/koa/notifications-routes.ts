// Accuracy corpus: Koa — notification routes calling Slack, an SMS gateway (axios) and a push service (got). Labels: see test/corpus/README.md.
import Router from '@koa/router';
import type { Context } from 'koa';
import axios from 'axios';
import got from 'got';
import { WebClient, ErrorCode } from '@slack/web-api';
import { db } from '../../lib/db';
import { logger } from '../../lib/logger';

const router = new Router({ prefix: '/notifications' });
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
const smsGateway = axios.create({ baseURL: process.env.SMS_GATEWAY_URL });

// positive no-500-for-upstream-failure (502): Slack platform error singled out, answered ctx.status = 500.
router.post('/slack', async (ctx: Context) => {
  const { channel, text } = ctx.request.body as { channel: string; text: string };
  try {
    await slack.chat.postMessage({ channel, text });
    ctx.status = 202;
  } catch (err: any) {
    if (err.code === ErrorCode.PlatformError) {
      logger.warn({ slackError: err.data?.error }, 'slack rejected message');
      ctx.status = 500; // expect: no-500-for-upstream-failure 502
      ctx.body = { error: 'Slack rejected the message' };
      return;
    }
    throw err;
  }
});

// positive require-upstream-timeout: the SMS gateway axios instance has no timeout; positive no-500-for-upstream-failure (504): ECONNABORTED answered 500.
router.post('/sms', async (ctx: Context) => {
  const { to, body } = ctx.request.body as { to: string; body: string };
  try {
    await smsGateway.post('/messages', { to, body }); // expect: require-upstream-timeout
    ctx.status = 202;
  } catch (err) {
    if (axios.isAxiosError(err) && (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT')) {
      ctx.throw(500, 'SMS gateway timed out'); // expect: no-500-for-upstream-failure 504
    }
    ctx.throw(502, 'SMS gateway failed');
  }
});

// positive require-upstream-timeout: got call without a timeout; negative no-500-for-upstream-failure: 502 already.
router.post('/push', async (ctx: Context) => {
  const { deviceToken, title } = ctx.request.body as { deviceToken: string; title: string };
  try {
    await got.post('https://push.example.com/v1/send', { json: { deviceToken, title } }); // expect: require-upstream-timeout
    ctx.status = 202;
  } catch (err) {
    logger.warn({ err }, 'push failed');
    ctx.status = 502;
    ctx.body = { error: 'Push service failed' };
  }
});

// negative require-upstream-timeout: got call with timeout; negative no-500-for-upstream-failure: the try mixes the preference lookup with the push call.
router.post('/push/broadcast', async (ctx: Context) => {
  const { title } = ctx.request.body as { title: string };
  try {
    const tokens = await db.devices.findMany({ where: { optedIn: true }, select: { token: true } });
    await got.post('https://push.example.com/v1/broadcast', {
      json: { tokens: tokens.map((t) => t.token), title },
      timeout: { request: 10_000 },
    });
    ctx.status = 202;
  } catch (err) {
    logger.error({ err }, 'broadcast failed');
    ctx.status = 500;
    ctx.body = { error: 'Broadcast failed' };
  }
});

// positive no-502-for-internal-error (500): only database work, yet ctx.throw(502).
router.get('/preferences', async (ctx: Context) => {
  try {
    ctx.body = await db.notificationPreferences.findUnique({ where: { userId: ctx.state.user.id } });
  } catch (err) {
    logger.error({ err }, 'preferences query failed');
    ctx.throw(502, 'Could not load preferences'); // expect: no-502-for-internal-error 500
  }
});

// negative no-500-for-upstream-failure: the upstream webhook's status is forwarded; negative require-upstream-timeout: signal set.
router.post('/webhooks/test', async (ctx: Context) => {
  const { url } = ctx.request.body as { url: string };
  const res = await fetch(url, { method: 'POST', body: JSON.stringify({ ping: true }), signal: AbortSignal.timeout(5000) });
  ctx.status = res.ok ? 200 : res.status;
  ctx.body = { delivered: res.ok };
});

export default router;
