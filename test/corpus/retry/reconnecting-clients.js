// Reconnecting clients: WebSocket, Redis, AMQP, EventSource.
const WebSocket = require('ws');
const amqp = require('amqplib');

// Fixed 5 s reconnect on close.
class PriceFeed {
  constructor(url) {
    this.url = url;
    this.closedByUser = false;
  }

  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('message', (data) => this.onPrice(JSON.parse(data)));
    this.ws.on('close', () => {
      if (this.closedByUser) return;
      setTimeout(() => this.connect(), 5000); // expect: require-retry-backoff
    });
  }

  onPrice(price) {
    console.log(price);
  }

  close() {
    this.closedByUser = true;
    this.ws.close();
  }
}

// Exponential, capped, jittered reconnect: fine.
class ChatSocket {
  constructor(url) {
    this.url = url;
    this.attempts = 0;
  }

  open() {
    const ws = new WebSocket(this.url);
    ws.on('open', () => {
      this.attempts = 0;
    });
    ws.on('close', () => {
      const delay = Math.min(30000, 500 * 2 ** this.attempts) * Math.random();
      this.attempts++;
      setTimeout(() => this.open(), delay);
    });
    this.ws = ws;
  }
}

// Browser-style onclose with a constant delay.
function subscribeToEvents(url, onEvent) {
  const source = new EventSource(url);
  source.onmessage = (e) => onEvent(JSON.parse(e.data));
  source.onerror = () => {
    source.close();
    setTimeout(() => subscribeToEvents(url, onEvent), 3000); // expect: require-retry-backoff
  };
}

// AMQP consumer reconnect from a catch, doubling delay stored in module state: fine.
let reconnectDelay = 1000;
async function startConsumer(queue, handler) {
  try {
    const conn = await amqp.connect(process.env.AMQP_URL);
    reconnectDelay = 1000;
    const channel = await conn.createChannel();
    await channel.consume(queue, handler);
    conn.on('close', () => setTimeout(() => startConsumer(queue, handler), reconnectDelay));
  } catch (err) {
    console.error('amqp connect failed', err);
    setTimeout(() => startConsumer(queue, handler), reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, 60000);
  }
}

// Redis-like client: reconnect on error with linear growth.
let redisAttempts = 0;
function connectCache(createClient) {
  const client = createClient();
  client.on('ready', () => {
    redisAttempts = 0;
  });
  client.on('error', () => {
    redisAttempts += 1;
    setTimeout(() => connectCache(createClient), redisAttempts * 1000); // expect: require-retry-backoff
  });
  return client;
}

// A one-shot upload retried from a catch by timer, every 2 s, forever.
function uploadLogs(batch) {
  fetch('https://logs.example.com/bulk', { method: 'POST', body: JSON.stringify(batch), signal: AbortSignal.timeout(5000) })
    .then((res) => {
      if (res.status >= 500) throw new Error(`logs ${res.status}`);
    })
    .catch(() => setTimeout(() => uploadLogs(batch), 2000)); // expect: require-retry-backoff, no-unbounded-retry
}

module.exports = { PriceFeed, ChatSocket, subscribeToEvents, startConsumer, connectCache, uploadLogs };
