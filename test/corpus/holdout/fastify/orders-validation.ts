// Accuracy corpus (held-out): fastify — order intake with ajv and typebox validation. Labels: see test/corpus/README.md.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { db } from '../db';

const ajv = addFormats(new Ajv({ allErrors: true }));

const orderSchema = {
  type: 'object',
  required: ['sku', 'quantity', 'shipTo'],
  properties: {
    sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
    quantity: { type: 'integer', minimum: 1, maximum: 99 },
    shipTo: { type: 'string', format: 'email' },
  },
  additionalProperties: false,
} as const;

const validateOrder = ajv.compile(orderSchema);

const RefundBody = Type.Object({
  orderId: Type.String({ format: 'uuid' }),
  reason: Type.Union([Type.Literal('damaged'), Type.Literal('late'), Type.Literal('other')]),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
type RefundBody = Static<typeof RefundBody>;

const ConfigShape = Type.Object({ ORDERS_TABLE: Type.String(), MAX_OPEN_ORDERS: Type.String() });

export default async function orderRoutes(app: FastifyInstance) {
  // positive: ajv compiled validator fails, reply is 500
  app.post('/orders', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!validateOrder(request.body)) {
      return reply.code(500).send({ error: 'Order rejected', count: validateOrder.errors?.length ?? 0 }); // expect: no-500-for-validation 400
    }
    const order = await db.insertInto('orders').values(request.body as any).returningAll().executeTakeFirstOrThrow();
    return reply.code(201).send(order);
  });

  // negative: ajv.validate failure answered with 400
  app.post('/orders/preview', async (request, reply) => {
    const valid = ajv.validate(orderSchema, request.body);
    if (!valid) {
      return reply.status(400).send({ error: 'Invalid order', details: ajv.errorsText() });
    }
    return { ok: true };
  });

  // positive: typebox Value.Check fails, reply is 500
  app.post('/refunds', async (request, reply) => {
    if (!Value.Check(RefundBody, request.body)) {
      reply.status(500); // expect: no-500-for-validation 400
      return { error: 'Refund request malformed' };
    }
    const body = request.body as RefundBody;
    await db.insertInto('refunds').values({ order_id: body.orderId, reason: body.reason, note: body.note ?? null }).execute();
    return reply.code(202).send({ queued: true });
  });

  // negative: typebox validates env configuration, not request input — 500 is right
  app.get('/orders/limits', async (_request, reply) => {
    if (!Value.Check(ConfigShape, process.env)) {
      request_log(app, 'orders config incomplete');
      return reply.code(500).send({ error: 'Service misconfigured' });
    }
    return { maxOpen: Number(process.env.MAX_OPEN_ORDERS) };
  });

  // positive: manual presence check of a route param answered with 500
  app.get<{ Params: { orderId?: string } }>('/orders/:orderId/label', async (request, reply) => {
    const { orderId } = request.params;
    if (!orderId || orderId.length !== 36) {
      return reply.code(500).send({ error: 'orderId is required' }); // expect: no-500-for-validation 400
    }
    const label = await db.selectFrom('labels').selectAll().where('order_id', '=', orderId).executeTakeFirst();
    return label ?? reply.code(404).send({ error: 'No label yet' });
  });

  // negative: the order exists check is a lookup, not validation; 404 anyway
  app.delete<{ Params: { orderId: string } }>('/orders/:orderId', async (request, reply) => {
    const deleted = await db.deleteFrom('orders').where('id', '=', request.params.orderId).executeTakeFirst();
    if (deleted.numDeletedRows === 0n) {
      return reply.code(404).send({ error: 'No such order' });
    }
    return reply.code(204).send();
  });

  // positive: error handler singles out fastify's own schema validation errors and answers 500
  app.setErrorHandler((error, request, reply) => {
    if (error.validation) {
      request.log.info({ context: error.validationContext }, 'schema validation failed');
      return reply.code(500).send({ error: 'Invalid request' }); // expect: no-500-for-validation 400
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : 'Request failed' });
  });
}

function request_log(app: FastifyInstance, msg: string) {
  app.log.error(msg);
}
