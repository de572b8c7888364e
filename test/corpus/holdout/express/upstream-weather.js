// Accuracy corpus (held-out): express — weather/geo proxy routes calling upstream APIs. Labels: see test/corpus/README.md.
'use strict';

const express = require('express');
const axios = require('axios');
const { pool } = require('../db/pool');
const log = require('../log');

const router = express.Router();
const WEATHER_API = process.env.WEATHER_API_URL;

const weatherClient = axios.create({
  baseURL: WEATHER_API,
  timeout: 5000,
  headers: { 'x-api-key': process.env.WEATHER_API_KEY },
});

// positive: fetch + body parsing is the only failable work, catch answers 500
router.get('/forecast/:city', async (req, res) => {
  try {
    const upstream = await fetch(`${WEATHER_API}/forecast?city=${encodeURIComponent(req.params.city)}`, {
      signal: AbortSignal.timeout(5000),
    });
    const forecast = await upstream.json();
    res.json({ city: req.params.city, days: forecast.daily });
  } catch (e) {
    log.warn('forecast upstream failed', { city: req.params.city });
    res.status(500).json({ error: 'Forecast unavailable' }); // expect: no-500-for-upstream-failure 502
  }
});

// positive: branch on a failed upstream response sends 500
router.get('/alerts/:region', async (req, res) => {
  const r = await fetch(`${WEATHER_API}/alerts/${req.params.region}`, { signal: AbortSignal.timeout(4000) });
  if (!r.ok) {
    return res.status(500).json({ error: 'Alert service error' }); // expect: no-500-for-upstream-failure 502
  }
  return res.json(await r.json());
});

// positive: catch singles out axios errors; timeout branch and generic upstream branch both use 500
router.get('/current/:city', (req, res) => {
  weatherClient
    .get('/current', { params: { q: req.params.city } })
    .then(({ data }) => res.json({ tempC: data.temp_c, wind: data.wind_kph }))
    .catch((err) => {
      if (axios.isAxiosError(err) && err.code === 'ECONNABORTED') {
        return res.status(500).json({ error: 'Weather provider timed out' }); // expect: no-500-for-upstream-failure 504
      }
      return res.status(500).json({ error: 'Weather provider failed' }); // expect: no-500-for-upstream-failure 502
    });
});

// negative: the upstream status is forwarded as-is
router.get('/radar/:tile', async (req, res) => {
  const tile = await fetch(`${WEATHER_API}/radar/${req.params.tile}.png`, { signal: AbortSignal.timeout(5000) });
  if (!tile.ok) {
    return res.status(tile.status).end();
  }
  res.type('png');
  return res.send(Buffer.from(await tile.arrayBuffer()));
});

// negative: try mixes the upstream call with a database insert, no singling out
router.post('/stations/:id/sync', async (req, res) => {
  try {
    const { data } = await weatherClient.get(`/stations/${req.params.id}`);
    await pool.query('INSERT INTO station_snapshots (station_id, payload) VALUES ($1, $2)', [req.params.id, data]);
    res.sendStatus(204);
  } catch (err) {
    log.error('station sync failed', { id: req.params.id });
    res.status(500).json({ error: 'Sync failed' });
  }
});

// negative: upstream failure already answered with 502 (and a 404 passthrough)
router.get('/geocode', async (req, res) => {
  try {
    const { data } = await axios.get('https://geo.example.com/v1/search', {
      params: { q: req.query.q },
      timeout: 5000,
    });
    res.json(data.results[0] ?? null);
  } catch (err) {
    if (err.response && err.response.status === 404) {
      return res.status(404).json({ error: 'No such place' });
    }
    return res.status(502).json({ error: 'Geocoder unavailable' });
  }
});

// negative: the error is passed on to the error middleware, no status chosen here
router.get('/history/:city', async (req, res, next) => {
  try {
    const { data } = await weatherClient.get('/history', { params: { q: req.params.city, days: 7 } });
    res.json(data);
  } catch (err) {
    next(err);
  }
});

// positive: the catch singles out axios errors in a try that also reads the database
router.get('/stations/:id/live', async (req, res) => {
  try {
    const { rows } = await pool.query('SELECT upstream_id FROM stations WHERE id = $1', [req.params.id]);
    if (rows.length === 0) return res.status(404).json({ error: 'Unknown station' });
    const { data } = await weatherClient.get(`/stations/${rows[0].upstream_id}/live`);
    return res.json(data);
  } catch (err) {
    if (axios.isAxiosError(err)) {
      return res.status(500).json({ error: 'Station feed offline' }); // expect: no-500-for-upstream-failure 502
    }
    log.error('live station read failed', { id: req.params.id });
    return res.status(500).json({ error: 'Internal error' });
  }
});

// negative: a database-only try answered with 500
router.get('/stations', async (_req, res) => {
  try {
    const { rows } = await pool.query('SELECT id, name, lat, lon FROM stations ORDER BY name');
    res.json(rows);
  } catch (err) {
    log.error('station list failed');
    res.status(500).json({ error: 'Could not list stations' });
  }
});

module.exports = router;
