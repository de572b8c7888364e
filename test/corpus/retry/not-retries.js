// Loops that look like retries but are not: items, pages, mirrors, polling, workers.
const { setTimeout: delay } = require('node:timers/promises');

// Mirror fallback: each pass tries a different URL.
async function downloadFromMirrors(mirrors, file) {
  for (const base of mirrors) {
    try {
      const res = await fetch(`${base}/${file}`, { signal: AbortSignal.timeout(10000) });
      if (res.ok) return Buffer.from(await res.arrayBuffer());
    } catch (err) {
      console.warn(`mirror ${base} failed`, err);
    }
  }
  throw new Error(`no mirror has ${file}`);
}

// Indexed mirror loop.
async function resolveHost(hosts) {
  for (let i = 0; i < hosts.length; i++) {
    try {
      const res = await fetch(`https://${hosts[i]}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return hosts[i];
    } catch {
      // next host
    }
  }
  return null;
}

// Pagination.
async function listAllRepos(token) {
  const repos = [];
  let url = 'https://api.github.com/user/repos?per_page=100';
  while (url) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`github ${res.status}`);
    repos.push(...(await res.json()));
    const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') || '');
    url = next ? next[1] : null;
  }
  return repos;
}

// Polling a job until it is done.
async function waitForExport(jobId) {
  for (let i = 0; i < 60; i++) {
    const res = await fetch(`https://exports.internal/jobs/${jobId}`, { signal: AbortSignal.timeout(3000) });
    const job = await res.json();
    if (job.state === 'completed') return job.result;
    if (job.state === 'failed') throw new Error(job.error);
    await delay(5000);
  }
  throw new Error('export timed out');
}

// Polling on HTTP 202 Accepted.
async function awaitTranscode(location) {
  for (;;) {
    const res = await fetch(location, { signal: AbortSignal.timeout(3000) });
    if (res.status === 200) return res.json();
    if (res.status !== 202) throw new Error(`transcode ${res.status}`);
    await delay(Number(res.headers.get('retry-after') || 2) * 1000);
  }
}

// Queue worker: processes messages forever, logging failures.
async function runWorker(queue, handle) {
  while (!queue.closed) {
    const message = await queue.receive();
    try {
      await handle(message);
      await queue.ack(message);
    } catch (err) {
      console.error('message failed', err);
      await queue.nack(message);
    }
  }
}

// Batch over items with per-item error handling.
async function notifyAll(users, send) {
  const failures = [];
  for (let i = 0; i < users.length; i++) {
    try {
      await send(users[i]);
    } catch (err) {
      failures.push({ user: users[i], err });
    }
  }
  return failures;
}

// Draining a queue.
async function drain(queue, handle) {
  while (queue.length > 0) {
    const item = queue.shift();
    try {
      await handle(item);
    } catch (err) {
      console.error(err);
    }
  }
}

// Accept loop of a TCP-ish server.
async function serve(listener, onConnection) {
  for (;;) {
    const conn = await listener.accept();
    onConnection(conn).catch((err) => console.error('connection failed', err));
  }
}

// Reading a stream until the end.
async function readAll(reader) {
  const chunks = [];
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return chunks;
}

// Recursive tree walk: recursion, but not a retry.
async function crawl(url, depth, seen) {
  if (depth === 0 || seen.has(url)) return;
  seen.add(url);
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) return;
  for (const link of extractLinks(await res.text())) await crawl(link, depth - 1, seen);
}

function extractLinks(html) {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
}

// Heartbeat timer from a success path, not a retry.
function startHeartbeat(socket) {
  const beat = () => {
    socket.send('ping');
    setTimeout(beat, 30000);
  };
  beat();
}

// Debounced save; setTimeout not in a failure path.
let pending;
function scheduleSave(save) {
  clearTimeout(pending);
  pending = setTimeout(save, 500);
}

module.exports = {
  downloadFromMirrors,
  resolveHost,
  listAllRepos,
  waitForExport,
  awaitTranscode,
  runWorker,
  notifyAll,
  drain,
  serve,
  readAll,
  crawl,
  startHeartbeat,
  scheduleSave,
};
