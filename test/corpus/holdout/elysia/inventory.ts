// Accuracy corpus (held-out): elysia — inventory service with typebox and a supplier upstream. Labels: see test/corpus/README.md.
import { Elysia, t } from 'elysia';
import { Value } from '@sinclair/typebox/value';
import { Database } from 'bun:sqlite';

const sqlite = new Database('inventory.db');

const Restock = t.Object({ sku: t.String({ pattern: '^[A-Z]{2}\\d{5}$' }), units: t.Integer({ minimum: 1, maximum: 1000 }) });

export const inventory = new Elysia({ prefix: '/inventory' })
  // positive: global onError singles out Elysia validation errors and sets 500
  .onError(({ code, error, set }) => {
    if (code === 'VALIDATION') {
      set.status = 500; // expect: no-500-for-validation 400
      return { error: 'Request did not match the schema' };
    }
    const status = (error as { status?: number }).status;
    set.status = typeof status === 'number' ? status : 500;
    return { error: 'Internal Server Error' };
  })

  // positive: typebox Value.Check fails on the body, status set to 500
  .post('/restock', ({ body, set }) => {
    if (!Value.Check(Restock, body)) {
      set.status = 500; // expect: no-500-for-validation 400
      return { error: 'Invalid restock request' };
    }
    sqlite.query('UPDATE stock SET units = units + ?1 WHERE sku = ?2').run(body.units, body.sku);
    return { ok: true };
  })

  // negative: sqlite failure answered with 500
  .get('/:sku', ({ params, set }) => {
    try {
      const row = sqlite.query('SELECT sku, units FROM stock WHERE sku = ?1').get(params.sku);
      if (!row) {
        set.status = 404;
        return { error: 'Unknown sku' };
      }
      return row;
    } catch {
      set.status = 500;
      return { error: 'Stock lookup failed' };
    }
  })

  // positive: supplier fetch only; catch sets 500
  .get('/:sku/supplier-price', async ({ params, set }) => {
    try {
      const res = await fetch(`https://supplier.example.com/api/prices/${params.sku}`, { signal: AbortSignal.timeout(5000) });
      return await res.json();
    } catch {
      set.status = 500; // expect: no-500-for-upstream-failure 502
      return { error: 'Supplier price unavailable' };
    }
  })

  // negative: supplier timeout mapped to 504, other failures to 502
  .post('/:sku/reorder', async ({ params, set }) => {
    try {
      const res = await fetch('https://supplier.example.com/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku: params.sku, units: 100 }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) {
        set.status = 502;
        return { error: 'Supplier rejected the order' };
      }
      return await res.json();
    } catch (err) {
      set.status = err instanceof Error && err.name === 'TimeoutError' ? 504 : 502;
      return { error: 'Supplier order failed' };
    }
  })

  // positive: local sqlite write fails, answered 502
  .delete('/:sku', ({ params, set }) => {
    try {
      sqlite.query('DELETE FROM stock WHERE sku = ?1').run(params.sku);
      set.status = 204;
      return;
    } catch {
      set.status = 502; // expect: no-502-for-internal-error 500
      return { error: 'Could not delete sku' };
    }
  });
