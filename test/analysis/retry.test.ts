/**
 * Core tests for the retry model: a probe rule records `getRetryModel`'s
 * facts, serialised one line per piece of retry logic:
 * `L<line> <kind>[:<library>] wait=<kind>[(ms)][+jitter][+cap][[helper]] bound=<kind> on=<kind>[@L<line>] [singles@L<line>] [RA] [reconnect]`.
 */
import * as parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getRetryModel, type RetryLogic, type RetryModel } from '../../src/analysis/retry';

function probe(code: string, filename = 'file.ts'): { model: RetryModel; again: RetryModel } {
  let model: RetryModel | undefined;
  let again: RetryModel | undefined;
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        Program() {
          model = getRetryModel(context);
        },
        'Program:exit'() {
          again = getRetryModel(context);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: parser as never, ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { probe: { rules: { retry: rule as never } } },
        rules: { 'probe/retry': 'error' },
      },
    ],
    { filename },
  );
  if (messages.length > 0) throw new Error(messages.map((m) => m.message).join('\n'));
  return { model: model!, again: again! };
}

function line(logic: RetryLogic): string {
  const w = logic.wait;
  const parts = [
    `L${logic.reportNode.loc.start.line}`,
    `${logic.kind}${logic.library ? `:${logic.library}` : ''}`,
    `wait=${w.kind}${w.ms !== undefined ? `(${w.ms})` : ''}${w.jitter ? '+jitter' : ''}${w.capped ? '+cap' : ''}${w.helper ? `[${w.helper}]` : ''}`,
    `bound=${logic.bound.kind}`,
    `on=${logic.retriesOn.kind}${logic.retriesOn.node ? `@L${logic.retriesOn.node.loc.start.line}` : ''}`,
  ];
  if (logic.singlesOut429or503) parts.push(`singles@L${logic.singlesOut429or503.loc.start.line}`);
  if (logic.readsRetryAfter) parts.push('RA');
  if (logic.reconnect) parts.push('reconnect');
  return parts.join(' ');
}

function facts(code: string, filename?: string): string[] {
  return probe(code, filename).model.retries.map(line);
}

const SLEEP = 'const sleep = (ms) => new Promise((r) => setTimeout(r, ms));';

describe('retry model', () => {
  it('is cached per file', () => {
    const { model, again } = probe(`${SLEEP}
async function get(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await sleep(100); } } }`);
    expect(again).toBe(model);
    expect(model.retries).toHaveLength(1);
  });

  it('skips files without loops, timers, catches or libraries', () => {
    expect(facts('export const add = (a, b) => a + b;')).toEqual([]);
  });

  describe('loops', () => {
    it('reads how the wait grows', () => {
      expect(
        facts(`${SLEEP}
const BASE = 100;
async function a(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch {} } }
async function b(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await sleep(BASE); } } }
async function c(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await sleep(i * BASE); } } }
async function d(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await sleep(Math.min(5000, BASE * 2 ** i) * Math.random()); } } }
async function e(u) { let d = 50; for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await sleep(d); d *= 2; } } }
async function f(u) { let d = 50; for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await sleep(d); d += 100; } } }
async function g(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await sleep(nextDelay(i)); } } }`),
      ).toEqual([
        'L3 loop wait=none bound=count on=network-only',
        'L4 loop wait=constant(100) bound=count on=network-only',
        'L5 loop wait=linear bound=count on=network-only',
        'L6 loop wait=exponential+jitter+cap bound=count on=network-only',
        'L7 loop wait=exponential bound=count on=network-only',
        'L8 loop wait=linear bound=count on=network-only',
        'L9 loop wait=unknown[nextDelay] bound=count on=network-only',
      ]);
    });

    it('recognises timers/promises, Atomics.wait and local sleep helpers', () => {
      expect(
        facts(`import { setTimeout as nap } from 'node:timers/promises';
function pause(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
async function a(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await nap(300); } } }
async function b(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch { await pause(2 ** i * 10); } } }
function c(op, arr) { for (let i = 0; i < 3; i++) { try { return op(); } catch { Atomics.wait(arr, 0, 0, 250); } } }`),
      ).toEqual([
        'L3 loop wait=constant(300) bound=count on=network-only',
        'L4 loop wait=exponential bound=count on=network-only',
        'L5 loop wait=constant(250) bound=count on=unknown',
      ]);
    });

    it('reads bounds: count, deadline, signal, none, unknown', () => {
      expect(
        facts(`${SLEEP}
async function a(u) { let n = 0; while (true) { try { return await fetch(u); } catch (e) { if (++n > 3) throw e; await sleep(2 ** n); } } }
async function b(u, end) { while (true) { try { return await fetch(u); } catch (e) { if (Date.now() > end) throw e; await sleep(100); } } }
async function c(u, signal) { while (!signal.aborted) { try { return await fetch(u); } catch { await sleep(100); } } }
async function d(u) { while (true) { try { return await fetch(u); } catch { await sleep(100); } } }
async function e(u, stop) { while (true) { try { return await fetch(u); } catch (err) { if (stop(err)) throw err; await sleep(100); } } }`),
      ).toEqual([
        'L2 loop wait=exponential bound=count on=network-only',
        'L3 loop wait=constant(100) bound=deadline on=network-only',
        'L4 loop wait=constant(100) bound=signal on=network-only',
        'L5 loop wait=constant(100) bound=none on=network-only',
        'L6 loop wait=constant(100) bound=unknown on=unknown',
      ]);
    });

    it('reads which failures are retried and whether 429/503 are singled out', () => {
      expect(
        facts(`${SLEEP}
async function a(u) {
  for (let i = 0; i < 3; i++) {
    try {
      const r = await fetch(u);
      if (!r.ok) throw new Error('x');
      return r;
    } catch { await sleep(2 ** i); }
  }
}
async function b(u) {
  for (let i = 0; i < 3; i++) {
    const r = await fetch(u);
    if (r.status === 429) { await sleep(Number(r.headers.get('retry-after')) * 1000); continue; }
    return r;
  }
}
async function c(u) {
  for (let i = 0; i < 3; i++) {
    const r = await fetch(u);
    if (r.ok) return r;
    if (r.status < 500) throw new Error('client');
    await sleep(2 ** i);
  }
}`),
      ).toEqual([
        'L3 loop wait=exponential bound=count on=any-failure@L6',
        'L12 loop wait=retry-after bound=count on=server-errors singles@L14 RA',
        'L19 loop wait=exponential bound=count on=server-errors',
      ]);
    });

    it('does not treat item loops, mirrors, pagination, polling or workers as retries', () => {
      expect(
        facts(`${SLEEP}
async function mirrors(urls) { for (const u of urls) { try { return await fetch(u); } catch {} } }
async function hosts(hs) { for (let i = 0; i < hs.length; i++) { try { return await fetch(hs[i]); } catch {} } }
async function pages(url) { const all = []; while (url) { const r = await fetch(url); const b = await r.json(); all.push(...b.items); url = b.next; } return all; }
async function poll(id) { for (let i = 0; i < 10; i++) { const j = await job(id); if (j.state === 'done') return j; await sleep(1000); } }
async function work(q) { while (true) { const m = await q.receive(); try { await handle(m); } catch (e) { console.error(e); } } }
async function drain(q) { while (q.length) { const x = q.shift(); try { return await handle(x); } catch {} } }`),
      ).toEqual([]);
    });
  });

  describe('recursion and timers', () => {
    it('reads recursive retries', () => {
      expect(
        facts(`${SLEEP}
async function a(u, left = 3, delay = 100) {
  try { return await fetch(u); } catch (e) {
    if (left === 0) throw e;
    await sleep(delay);
    return a(u, left - 1, delay * 2);
  }
}
async function b(u) {
  const r = await fetch(u);
  if (!r.ok) { await sleep(1000); return b(u); }
  return r;
}`),
      ).toEqual(['L6 recursion wait=exponential bound=count on=network-only', 'L11 recursion wait=constant(1000) bound=none on=any-failure@L11']);
    });

    it('reads timer retries and reconnects', () => {
      expect(
        facts(`let delay = 1000;
function connect() {
  const ws = new WebSocket('wss://x');
  ws.onopen = () => { delay = 1000; };
  ws.onclose = () => { setTimeout(connect, delay); delay = Math.min(delay * 2, 30000); };
}
function send(body) {
  fetch('https://x', { method: 'POST', body }).catch(() => setTimeout(() => send(body), 500));
}
function heartbeat(s) { s.ping(); setTimeout(() => heartbeat(s), 1000); }`),
      ).toEqual([
        'L5 timer wait=exponential+cap bound=none on=network-only reconnect',
        'L8 timer wait=constant(500) bound=none on=unknown',
      ]);
    });
  });

  describe('libraries', () => {
    it('knows each library default', () => {
      expect(
        facts(`import axios from 'axios';
import axiosRetry from 'axios-retry';
import fetchRetry from 'fetch-retry';
import pRetry from 'p-retry';
import asyncRetry from 'async-retry';
import promiseRetry from 'promise-retry';
import retry from 'retry';
import { retry as policy, handleAll } from 'cockatiel';
import { RetryAgent, Agent } from 'undici';
axiosRetry(axios);
export const f = fetchRetry(fetch);
export const p = pRetry(() => fetch('u'));
export const a = asyncRetry(() => fetch('u'));
export const pr = promiseRetry((again) => fetch('u').catch(again));
export const op = retry.operation();
export const c = policy(handleAll, {});
export const d = new RetryAgent(new Agent());`),
      ).toEqual([
        'L10 library:axios-retry wait=none(0) bound=count on=server-errors',
        'L11 library:fetch-retry wait=constant(1000) bound=count on=network-only',
        'L12 library:p-retry wait=exponential bound=count on=network-only',
        'L13 library:async-retry wait=exponential+jitter bound=count on=network-only',
        'L14 library:promise-retry wait=exponential bound=count on=network-only',
        'L15 library:retry wait=exponential bound=count on=unknown',
        'L16 library:cockatiel wait=none(0) bound=none on=unknown',
        'L17 library:undici wait=exponential+cap bound=count on=server-errors RA',
      ]);
    });

    it('follows CommonJS requires, aliases and options in local consts', () => {
      expect(
        facts(
          `const axios = require('axios');
const axiosRetry = require('axios-retry');
const { default: gotDefault } = { default: null };
const opts = { retries: 2, retryDelay: (n) => n * 100 };
axiosRetry(axios, opts);
const wrap = require('fetch-retry');
const fetchWithRetry = wrap(fetch, { retryOn: [429, 503] });
module.exports = { gotDefault, fetchWithRetry };`,
          'file.js',
        ),
      ).toEqual([
        'L5 library:axios-retry wait=linear bound=count on=server-errors',
        'L7 library:fetch-retry wait=constant(1000) bound=count on=server-errors singles@L7',
      ]);
    });

    it('reads got and ky retry options', () => {
      expect(
        facts(`import got from 'got';
import ky from 'ky';
export const a = got.extend({ retry: { limit: Infinity } });
export const b = ky.create({ retry: { limit: 2, delay: (n) => n * 1000, statusCodes: [401, 500] } });
export const c = got('https://x', { retry: { limit: 0 } });`),
      ).toEqual([
        'L3 library:got wait=exponential+jitter bound=none on=server-errors RA',
        'L4 library:ky wait=linear bound=count on=any-failure@L4 RA',
      ]);
    });
  });

  it('does not crash on unusual but valid code', () => {
    expect(() =>
      probe(`label: for (;;) { try { break label; } catch {} }
do { continue; } while (false);
function h() { while (x?.y!) { try { return; } catch { setTimeout(); } } }
class A { #m() { try {} catch { this.#m(); } } }
setTimeout(...args);
const f = async function* () { for (;;) { try { yield await g(); return; } catch { yield* []; } } };`),
    ).not.toThrow();
  });

  it('is empty for test files, whatever they retry', () => {
    const code = `async function get(u) { for (let i = 0; i < 3; i++) { try { return await fetch(u); } catch {} } }`;
    expect(facts(code, 'src/api.test.ts')).toEqual([]);
    expect(facts(code, 'src/api.ts')).toHaveLength(1);
  });

  it('knows the attempts from an exit guard and from a limit picked among constants', () => {
    const attempts = (code: string) => probe(code).model.retries.map((r) => [r.bound.kind, r.bound.attempts]);
    expect(
      attempts(`${SLEEP}
async function a(c) { for (let n = 0; ; n++) { try { return await c.run(); } catch (e) { if (n >= 2 || !e.transient) throw e; await sleep(100 * n); } } }`),
    ).toEqual([['count', 3]]);
    expect(
      attempts(`${SLEEP}
const MAX = 4;
async function b(c, ok) { const limit = ok ? MAX : 1; for (let n = 1; n <= limit; n++) { const r = await c.run(); if (r.ok) return r; await sleep(100 * n); } }`),
    ).toEqual([['count', 4]]);
  });

  it('reads the polarity of an HTTP exit: leaving on failure goes around on success, which retries nothing', () => {
    // Each pair differs only in the polarity of the exit's check.
    expect(facts(`async function a(u) { for (let p = 1; p <= 3; p++) { const r = await fetch(u + p); if (!r.ok) return null; } }`)).toEqual([]);
    expect(facts(`async function a(u) { for (let p = 1; p <= 3; p++) { const r = await fetch(u + p); if (r.ok) return null; } }`)).toEqual([
      'L1 loop wait=none bound=count on=any-failure@L1',
    ]);
    expect(facts(`async function b(u) { while (true) { const r = await fetch(u); if (r.status === 200) { use(r); } else { return null; } } }`)).toEqual([]);
    expect(facts(`async function b(u) { while (true) { const r = await fetch(u); if (r.status !== 200) { use(r); } else { return null; } } }`)).toEqual([
      'L1 loop wait=none bound=none on=any-failure@L1',
    ]);
    // An exit that leaves on failure once the attempts are spent bounds a retry that goes around on failure.
    expect(
      facts(`${SLEEP}
async function c(u) { for (let n = 0; ; n++) { const r = await fetch(u); if (r.ok) return r; if (!r.ok && n >= 2) return null; await sleep(500); } }`),
    ).toEqual(['L2 loop wait=constant(500) bound=count on=any-failure@L2']);
  });

  it('leaves out loops and recursion that go around only on a conflict (duplicate key, 409, a port in use)', () => {
    expect(facts(`async function a(db) { for (;;) { try { return await db.insert(); } catch (e) { if (e.code === '23505') continue; throw e; } } }`)).toEqual([]);
    expect(facts(`async function a(db) { for (;;) { try { return await db.insert(); } catch (e) { if (e.code === '57P01') continue; throw e; } } }`)).toEqual([
      'L1 loop wait=none bound=none on=unknown',
    ]);
    expect(facts(`async function b(db, n = 3) { try { return await db.insert(); } catch (e) { if (!isUniqueViolation(e) || n === 0) throw e; return b(db, n - 1); } }`)).toEqual([]);
    expect(facts(`async function b(db, n = 3) { try { return await db.insert(); } catch (e) { if (!isTimeout(e) || n === 0) throw e; return b(db, n - 1); } }`)).toEqual([
      'L1 recursion wait=none bound=count on=unknown',
    ]);
    // A conflict test beside another way round (falling off the catch) is still a retry.
    expect(facts(`async function c(db) { for (let i = 0; i < 3; i++) { try { return await db.insert(); } catch (e) { if (e.code === 'P2002') continue; log(e); } } }`)).toEqual([
      'L1 loop wait=none bound=count on=unknown',
    ]);
  });
});
