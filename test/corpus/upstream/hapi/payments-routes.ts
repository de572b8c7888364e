// Accuracy corpus: Hapi — payment provider (Stripe, axios) and database failures with Boom. Labels: see test/corpus/README.md.
import Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
import Stripe from 'stripe';
import axios from 'axios';
import { knex } from '../../lib/knex';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20', timeout: 10_000 });
const fraud = axios.create({ baseURL: 'https://fraud.example.com/api', timeout: 3000 });

export const paymentRoutes: Hapi.ServerRoute[] = [
  // positive no-500-for-upstream-failure (502): Stripe refund only, Boom.internal() on failure.
  {
    method: 'POST',
    path: '/payments/{id}/refund',
    handler: async (request) => {
      try {
        const refund = await stripe.refunds.create({ payment_intent: request.params.id });
        return { refundId: refund.id, status: refund.status };
      } catch (err) {
        request.log(['error', 'stripe'], err as Error);
        throw Boom.internal('Refund failed'); // expect: no-500-for-upstream-failure 502
      }
    },
  },
  // positive no-500-for-upstream-failure (502): axios error with err.response singled out, answered h.response().code(500).
  {
    method: 'POST',
    path: '/payments/{id}/screen',
    handler: async (request, h) => {
      try {
        const { data } = await fraud.post('/screen', { paymentId: request.params.id });
        return { risk: data.score };
      } catch (err: any) {
        if (err.response) {
          return h.response({ error: 'Fraud screening rejected the request' }).code(500); // expect: no-500-for-upstream-failure 502
        }
        throw Boom.badGateway('Fraud screening unreachable');
      }
    },
  },
  // positive no-502-for-internal-error (500): Boom.badGateway() for a knex query failure.
  {
    method: 'GET',
    path: '/payments',
    handler: async (request) => {
      try {
        return await knex('payments').where({ account_id: request.auth.credentials.accountId }).limit(100);
      } catch (err) {
        throw Boom.badGateway('Could not list payments'); // expect: no-502-for-internal-error 500
      }
    },
  },
  // negative no-502-for-internal-error: Boom.badGateway() after the Stripe call failed; negative no-500-for-upstream-failure.
  {
    method: 'GET',
    path: '/payments/{id}/intent',
    handler: async (request) => {
      try {
        return await stripe.paymentIntents.retrieve(request.params.id);
      } catch (err) {
        throw Boom.badGateway('Payment provider failed');
      }
    },
  },
  // negative no-500-for-upstream-failure: 500 for a database failure; the Stripe call ran earlier and succeeded outside the try.
  {
    method: 'POST',
    path: '/payments/{id}/capture',
    handler: async (request) => {
      const intent = await stripe.paymentIntents.capture(request.params.id);
      try {
        await knex('payments').where({ intent_id: intent.id }).update({ status: intent.status, captured_at: knex.fn.now() });
        return { status: intent.status };
      } catch (err) {
        throw Boom.internal('Could not record capture');
      }
    },
  },
];
