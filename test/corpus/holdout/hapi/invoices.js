// Accuracy corpus (held-out): hapi — invoice routes with joi, Boom, Wreck and mongoose. Labels: see test/corpus/README.md.
'use strict';

const Joi = require('joi');
const Boom = require('@hapi/boom');
const Wreck = require('@hapi/wreck');
const mongoose = require('mongoose');

const Invoice = mongoose.model(
  'Invoice',
  new mongoose.Schema({ customerId: String, lines: [{ sku: String, qty: Number, cents: Number }], paidAt: Date }),
);

const taxApi = Wreck.defaults({ baseUrl: process.env.TAX_API_URL, timeout: 5000, json: 'force' });

const invoiceLines = Joi.array()
  .items(Joi.object({ sku: Joi.string().required(), qty: Joi.number().integer().min(1).required(), cents: Joi.number().integer().min(0).required() }))
  .min(1);

module.exports = [
  {
    // positive: route-level validation failAction turns joi failures into a 500
    method: 'POST',
    path: '/invoices',
    options: {
      validate: {
        payload: Joi.object({ customerId: Joi.string().hex().length(24).required(), lines: invoiceLines }),
        failAction: (request, h, err) => {
          request.log(['validation'], 'invoice payload rejected');
          throw Boom.badImplementation('Invoice payload invalid'); // expect: no-500-for-validation 400
        },
      },
    },
    handler: async (request, h) => {
      const invoice = await Invoice.create(request.payload);
      return h.response({ id: invoice.id }).code(201);
    },
  },
  {
    // positive: joi validateAsync is the only work in the try; catch answers 500
    method: 'PUT',
    path: '/invoices/{id}/lines',
    handler: async (request, h) => {
      let lines;
      try {
        lines = await invoiceLines.validateAsync(request.payload, { abortEarly: false });
      } catch (err) {
        return h.response({ error: 'Invoice lines are invalid' }).code(500); // expect: no-500-for-validation 400
      }
      await Invoice.updateOne({ _id: request.params.id }, { $set: { lines } });
      return h.response().code(204);
    },
  },
  {
    // positive: catch singles out joi errors (err.isJoi) in a try that also writes to mongo
    method: 'POST',
    path: '/invoices/{id}/pay',
    handler: async (request, h) => {
      try {
        const { paidAt } = await Joi.object({ paidAt: Joi.date().iso().required() }).validateAsync(request.payload);
        await Invoice.updateOne({ _id: request.params.id }, { $set: { paidAt } });
        return { paid: true };
      } catch (err) {
        if (err.isJoi) {
          throw Boom.internal('Payment date rejected'); // expect: no-500-for-validation 400
        }
        throw Boom.badImplementation();
      }
    },
  },
  {
    // negative: joi failure answered with Boom.badRequest
    method: 'POST',
    path: '/invoices/preview',
    handler: (request) => {
      const { error, value } = invoiceLines.validate(request.payload?.lines);
      if (error) {
        throw Boom.badRequest('Invoice lines are invalid');
      }
      return { totalCents: value.reduce((sum, l) => sum + l.qty * l.cents, 0) };
    },
  },
  {
    // positive: the tax API (Wreck) is the only failable work; failure answered with Boom.badImplementation
    method: 'GET',
    path: '/invoices/{id}/tax',
    handler: async (request) => {
      const invoice = await Invoice.findById(request.params.id).lean();
      if (!invoice) throw Boom.notFound('Invoice not found');
      try {
        const { payload } = await taxApi.post('/v1/quote', { payload: { lines: invoice.lines } });
        return payload;
      } catch (err) {
        if (err.isBoom && err.output.statusCode === 422) throw Boom.badRequest('Tax service rejected the invoice');
        throw Boom.badImplementation('Tax quote failed'); // expect: no-500-for-upstream-failure 502
      }
    },
  },
  {
    // positive: mongoose query failure answered with Boom.badGateway
    method: 'GET',
    path: '/invoices/{id}',
    handler: async (request) => {
      let invoice;
      try {
        invoice = await Invoice.findById(request.params.id).lean();
      } catch {
        throw Boom.badGateway('Invoice database unavailable'); // expect: no-502-for-internal-error 500
      }
      if (!invoice) throw Boom.notFound();
      return invoice;
    },
  },
  {
    // negative: Wreck timeout mapped to Boom.gatewayTimeout, other upstream failures to badGateway
    method: 'GET',
    path: '/invoices/{id}/exchange',
    handler: async (request) => {
      try {
        const { payload } = await taxApi.get(`/v1/rates?currency=${encodeURIComponent(request.query.currency)}`);
        return payload;
      } catch (err) {
        if (err.output && err.output.statusCode === 504) throw Boom.gatewayTimeout('Rates timed out');
        throw Boom.badGateway('Rates unavailable');
      }
    },
  },
];
