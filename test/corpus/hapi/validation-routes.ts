// Accuracy corpus: Hapi/Boom — validation failures answered with 5xx (joi, failAction, manual checks). Labels: see test/corpus/README.md.
import Hapi, { type Request, type ResponseToolkit } from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';
import { inventory } from '../lib/inventory-repo';

const StockAdjustment = Joi.object({
  sku: Joi.string().alphanum().min(4).required(),
  delta: Joi.number().integer().min(-1000).max(1000).required(),
  reason: Joi.string().valid('sale', 'return', 'recount').required(),
});

export async function createServer() {
  const server = Hapi.server({ port: Number(process.env.PORT ?? 4000) });

  // positive: joi validate() error -> h.response().code(500)
  server.route({
    method: 'POST',
    path: '/stock/adjustments',
    handler: async (request: Request, h: ResponseToolkit) => {
      const { error, value } = StockAdjustment.validate(request.payload);
      if (error) {
        return h.response({ error: 'Adjustment failed' }).code(500); // expect: no-500-for-validation 400
      }
      const result = await inventory.adjust(value);
      return h.response(result).code(201);
    },
  });

  // positive: route validation failAction turns every payload validation failure into Boom.badImplementation
  server.route({
    method: 'PUT',
    path: '/stock/{sku}',
    options: {
      validate: {
        params: Joi.object({ sku: Joi.string().alphanum().required() }),
        payload: Joi.object({ onHand: Joi.number().integer().min(0).required() }),
        failAction: async (_request, _h, err) => {
          throw Boom.badImplementation('Stock update failed', err); // expect: no-500-for-validation 400
        },
      },
    },
    handler: async (request) => inventory.set(request.params.sku, (request.payload as { onHand: number }).onHand),
  });

  // positive: joi validateAsync in a try with only validation, catch checks err.isJoi -> Boom.internal
  server.route({
    method: 'POST',
    path: '/stock/bulk',
    handler: async (request) => {
      let lines;
      try {
        lines = await Joi.array().items(StockAdjustment).min(1).validateAsync(request.payload);
      } catch (err: any) {
        if (err.isJoi) throw Boom.internal('Bulk adjustment rejected'); // expect: no-500-for-validation 400
        throw err;
      }
      return inventory.adjustMany(lines);
    },
  });

  // positive: manual check of a query param -> Boom.badImplementation
  server.route({
    method: 'GET',
    path: '/stock',
    handler: async (request) => {
      const { warehouse } = request.query as { warehouse?: string };
      if (warehouse !== undefined && !/^WH-[0-9]{3}$/.test(warehouse)) {
        return Boom.badImplementation('Stock listing failed'); // expect: no-500-for-validation 400
      }
      return inventory.list(warehouse);
    },
  });

  // negative: joi failure -> Boom.badRequest
  server.route({
    method: 'PATCH',
    path: '/stock/{sku}/reason',
    handler: async (request) => {
      const { error, value } = Joi.object({ reason: Joi.string().required() }).validate(request.payload);
      if (error) throw Boom.badRequest('Invalid reason');
      return inventory.setReason(request.params.sku, value.reason);
    },
  });

  // negative: failAction that answers 400 (the usual setup)
  server.route({
    method: 'POST',
    path: '/stock/recounts',
    options: {
      validate: {
        payload: Joi.object({ sku: Joi.string().required(), counted: Joi.number().integer().min(0).required() }),
        failAction: async (_request, _h, err) => {
          throw Boom.badRequest('Invalid recount', err);
        },
      },
    },
    handler: async (request) => inventory.recount(request.payload as { sku: string; counted: number }),
  });

  // negative: supplier API payload fails joi -> Boom.badGateway; db failure -> Boom.internal
  server.route({
    method: 'POST',
    path: '/stock/{sku}/reorder',
    handler: async (request) => {
      const res = await fetch(`https://supplier.example.com/api/orders`, {
        method: 'POST',
        body: JSON.stringify({ sku: request.params.sku }),
        signal: AbortSignal.timeout(6000),
      });
      if (!res.ok) throw Boom.badGateway('Supplier error');
      const { error, value } = Joi.object({ poNumber: Joi.string().required() }).validate(await res.json(), {
        allowUnknown: true,
      });
      if (error) throw Boom.badGateway('Supplier returned an invalid purchase order');
      try {
        return await inventory.recordReorder(request.params.sku, value.poNumber);
      } catch (err) {
        request.log(['error'], err as Error);
        throw Boom.internal('Could not record reorder');
      }
    },
  });

  return server;
}
