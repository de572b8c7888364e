// Accuracy corpus: node:http — plain Node server validating JSON bodies (zod, joi, manual checks). Labels: see test/corpus/README.md.
import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import Joi from 'joi';
import { saveMeasurement, listMeasurements } from './store.mjs';

const Measurement = z.object({ sensor: z.string(), value: z.number().finite() });
const ExportRequest = Joi.object({ from: Joi.date().iso().required(), to: Joi.date().iso().required() });

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function fetchCalibration(sensor) {
  return new Promise((resolve, reject) => {
    const request = https.get(`https://calibration.example.com/v1/sensors/${sensor}`, { timeout: 3000 }, (res) => {
      // negative: `res` here is the upstream IncomingMessage; reading its status is not an emission
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`calibration service answered ${res.statusCode}`));
        return;
      }
      let raw = '';
      res.on('data', (d) => (raw += d));
      res.on('end', () => resolve(JSON.parse(raw)));
    });
    request.on('timeout', () => request.destroy(new Error('calibration timeout')));
    request.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');

  if (req.method === 'POST' && url.pathname === '/measurements') {
    const parsed = Measurement.safeParse(await readJson(req));
    // positive: zod safeParse failed -> res.writeHead(500)
    if (!parsed.success) {
      res.writeHead(500, { 'content-type': 'application/json' }); // expect: no-500-for-validation 400
      res.end(JSON.stringify({ error: 'Could not store measurement' }));
      return;
    }
    await saveMeasurement(parsed.data);
    res.writeHead(201).end();
    return;
  }

  if (req.method === 'POST' && url.pathname === '/exports') {
    const { error } = ExportRequest.validate(await readJson(req));
    // positive: joi validate().error -> res.statusCode = 500
    if (error) {
      res.statusCode = 500; // expect: no-500-for-validation 400
      res.end('Export failed');
      return;
    }
    res.writeHead(202).end();
    return;
  }

  if (req.method === 'GET' && url.pathname === '/measurements') {
    const limit = url.searchParams.get('limit');
    // positive: non-numeric query parameter -> writeHead(500)
    if (limit !== null && !/^[0-9]+$/.test(limit)) {
      res.writeHead(500).end('Listing failed'); // expect: no-500-for-validation 400
      return;
    }
    // negative: storage failure -> 500
    try {
      const rows = await listMeasurements(Number(limit ?? 100));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
    } catch (err) {
      console.error('listing failed', err);
      res.writeHead(500).end('Internal Server Error');
    }
    return;
  }

  if (req.method === 'GET' && url.pathname.startsWith('/calibration/')) {
    const sensor = url.pathname.split('/')[2];
    // negative: validation -> 400
    if (!sensor || sensor.length > 64) {
      res.writeHead(400).end('Invalid sensor id');
      return;
    }
    // negative: calibration service payload fails zod -> 502
    try {
      const calibration = z.object({ offset: z.number() }).safeParse(await fetchCalibration(sensor));
      if (!calibration.success) {
        res.writeHead(502).end('Calibration service returned an invalid response');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(calibration.data));
    } catch (err) {
      console.error('calibration lookup failed', err);
      res.writeHead(502).end('Calibration service unavailable');
    }
    return;
  }

  res.writeHead(404).end('Not Found');
});

server.listen(Number(process.env.PORT ?? 8080));
