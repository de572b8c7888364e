// Accuracy corpus: node:http — a small reverse proxy and a health endpoint using http(s).request directly. Labels: see test/corpus/README.md.
import http from 'node:http';
import https from 'node:https';
import { URL } from 'node:url';

const TARGET = new URL(process.env.TARGET_URL ?? 'http://localhost:4000');

// Same-file helper: GET JSON with https.request and an explicit timeout.
function getJson(url) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { timeout: 3000 }, (res) => {
      let raw = '';
      res.on('data', (c) => (raw += c));
      res.on('end', () => (res.statusCode < 400 ? resolve(JSON.parse(raw)) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

const server = http.createServer(async (req, res) => {
  // positive no-500-for-upstream-failure (502): the try only calls the same-file https helper; writeHead(500) on failure; negative require-upstream-timeout (helper sets timeout).
  if (req.url === '/health/dependencies') {
    try {
      const status = await getJson('https://status.dependency.example.com/health');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ dependency: status.state }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' }); // expect: no-500-for-upstream-failure 502
      res.end(JSON.stringify({ error: 'Dependency check failed' }));
    }
    return;
  }

  // positive require-upstream-timeout: http.request to the backend without timeout or setTimeout; negative no-500-for-upstream-failure: status forwarded, 502 on transport errors.
  if (req.url?.startsWith('/api/')) {
    const proxyReq = http.request( // expect: require-upstream-timeout
      { host: TARGET.hostname, port: TARGET.port, path: req.url, method: req.method, headers: req.headers },
      (proxyRes) => {
        res.writeHead(proxyRes.statusCode ?? 502, proxyRes.headers);
        proxyRes.pipe(res);
      },
    );
    proxyReq.on('error', () => {
      res.writeHead(502);
      res.end('Bad gateway');
    });
    req.pipe(proxyReq);
    return;
  }

  // negative require-upstream-timeout: proxyReq.setTimeout() bounds the call; negative no-502-for-internal-error: 504 on that timeout is right; positive no-500-for-upstream-failure (502): the proxy's transport error answered 500.
  if (req.url?.startsWith('/static/')) {
    const proxyReq = http.request({ host: TARGET.hostname, port: TARGET.port, path: req.url, method: 'GET' }, (proxyRes) => {
      res.writeHead(proxyRes.statusCode ?? 502, proxyRes.headers);
      proxyRes.pipe(res);
    });
    proxyReq.setTimeout(5000, () => {
      proxyReq.destroy();
      if (!res.headersSent) {
        res.writeHead(504);
        res.end('Gateway timeout');
      }
    });
    proxyReq.on('error', () => {
      if (!res.headersSent) {
        res.statusCode = 500; // expect: no-500-for-upstream-failure 502
        res.end('Proxy error');
      }
    });
    proxyReq.end();
    return;
  }

  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 8080));
