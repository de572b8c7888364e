// Accuracy corpus (held-out): node-http — small plain node:http service (uploads, status page, mirror). Labels: see test/corpus/README.md.
import http from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { getJobStatus } from './jobs/client.mjs';

const MIRROR = process.env.MIRROR_URL ?? 'https://mirror.example.org';

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res, status, data) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
}

async function handleNote(req, res) {
  const raw = await readBody(req);
  // positive: JSON.parse of the request body is the only work in the try; catch writes 500
  let note;
  try {
    note = JSON.parse(raw);
  } catch {
    res.writeHead(500, { 'content-type': 'text/plain' }); // expect: no-500-for-validation 400
    res.end('Body must be JSON');
    return;
  }
  // positive: missing required field answered with 500 via sendJson
  if (!note.title) {
    return sendJson(res, 500, { error: 'title is required' }); // expect: no-500-for-validation 400
  }
  // negative: writing the note to disk fails — an internal failure, 500 is right
  const id = createHash('sha1').update(raw).digest('hex').slice(0, 12);
  try {
    await writeFile(`./notes/${id}.json`, raw);
  } catch {
    return sendJson(res, 500, { error: 'Could not store note' });
  }
  sendJson(res, 201, { id });
}

async function handleStatusPage(_req, res) {
  // positive: reading a local file fails and the server claims a bad gateway
  try {
    const html = await readFile(new URL('./public/status.html', import.meta.url));
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  } catch {
    res.statusCode = 502; // expect: no-502-for-internal-error 500
    res.end('Status page unavailable');
  }
}

async function handleMirror(req, res) {
  const path = new URL(req.url, 'http://localhost').pathname.replace(/^\/mirror/, '');
  // positive: fetch is the only failable work; catch writes 500
  try {
    const upstream = await fetch(MIRROR + path, { signal: AbortSignal.timeout(5000) });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  } catch (err) {
    if (err.name === 'AbortError' || err.name === 'TimeoutError') {
      res.writeHead(500); // expect: no-500-for-upstream-failure 504
      res.end('Mirror timed out');
      return;
    }
    res.writeHead(500); // expect: no-500-for-upstream-failure 502
    res.end('Mirror unavailable');
  }
}

async function handleJob(req, res) {
  const id = new URL(req.url, 'http://localhost').searchParams.get('id');
  if (!id) return sendJson(res, 400, { error: 'id is required' });
  // negative: 502 after an imported job-client module whose internals are unknown
  try {
    sendJson(res, 200, await getJobStatus(id));
  } catch {
    sendJson(res, 502, { error: 'Job runner unreachable' });
  }
}

async function handleVersion(_req, res) {
  // positive: the handler makes no upstream call; missing build metadata reported as 502
  const version = process.env.BUILD_SHA;
  if (!version) {
    return sendJson(res, 502, { error: 'Version unknown' }); // expect: no-502-for-internal-error 500
  }
  return sendJson(res, 200, { version });
}

async function handleMirrorHealth(_req, res) {
  // negative: the mirror answered with an error; 502 is right
  const probe = await fetch(`${MIRROR}/health`, { signal: AbortSignal.timeout(2000) });
  if (!probe.ok) return sendJson(res, 502, { mirror: 'down' });
  return sendJson(res, 200, { mirror: 'up' });
}

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  const route =
    req.method === 'POST' && pathname === '/notes'
      ? handleNote
      : pathname === '/status'
        ? handleStatusPage
        : pathname.startsWith('/mirror/')
          ? handleMirror
          : pathname === '/job'
            ? handleJob
            : pathname === '/version'
              ? handleVersion
              : pathname === '/mirror-health'
                ? handleMirrorHealth
                : null;
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  route(req, res).catch(() => {
    if (!res.headersSent) sendJson(res, 500, { error: 'Internal Server Error' });
  });
});

server.listen(Number(process.env.PORT ?? 3000));
