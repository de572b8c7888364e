// Extra hygiene cases (node:http).
import http from 'node:http';
import { db } from '../lib/db';

const ONE_DAY = 86_400;

export const server = http.createServer(async (req, res) => {
  if (req.url === '/status') {
    res.writeHead(503, { 'Content-Type': 'text/plain' }); // expect: require-retry-after
    res.end('draining');
    return;
  }
  if (req.url === '/ready') {
    res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '10' });
    res.end('starting');
    return;
  }
  if (req.url === '/logo.svg') {
    res.setHeader('Cache-Control', `public, max-age=${ONE_DAY}, immutable`);
    try {
      const svg = await db.assets.logo();
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      res.end(svg);
    } catch {
      res.statusCode = 500; // expect: no-cacheable-error-response
      res.end('logo unavailable');
    }
    return;
  }
  if (req.url === '/feed.json') {
    try {
      const feed = await db.feed.latest();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' });
      res.end(JSON.stringify(feed));
    } catch {
      res.writeHead(500, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end('{"error":"feed unavailable"}');
    }
    return;
  }
  if (req.url === '/legacy.css') {
    try {
      res.end(await db.assets.css());
    } catch {
      res.writeHead(500, { Expires: new Date(Date.now() + 3_600_000).toUTCString() }); // expect: no-cacheable-error-response
      res.end();
    }
    return;
  }
  res.writeHead(404);
  res.end();
});
