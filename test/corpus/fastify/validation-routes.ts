// Accuracy corpus: Fastify — validation failures answered with 5xx (typebox, superstruct, manual checks). Labels: see test/corpus/README.md.
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import sensible from '@fastify/sensible';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { object, string, number, integer, size, min, validate, is, StructError } from 'superstruct';
import { StatusCodes } from 'http-status-codes';
import { listings } from '../lib/listings-repo';

const ListingBody = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 120 }),
  priceCents: Type.Integer({ minimum: 0 }),
});
type ListingBody = Static<typeof ListingBody>;

const ReviewStruct = object({
  listingId: size(string(), 10, 40),
  rating: min(integer(), 1),
  comment: string(),
});

const ConfigSchema = Type.Object({
  PORT: Type.Integer(),
  GEOCODER_URL: Type.String(),
});

// negative: typebox check of configuration at startup, throws before any request
export function loadConfig(): Static<typeof ConfigSchema> {
  const raw = { PORT: Number(process.env.PORT), GEOCODER_URL: process.env.GEOCODER_URL };
  if (!Value.Check(ConfigSchema, raw)) {
    throw new Error('Invalid configuration: ' + [...Value.Errors(ConfigSchema, raw)].map((e) => e.path).join(', '));
  }
  return raw;
}

export const listingRoutes: FastifyPluginAsync = async (app) => {
  // positive: typebox Value.Check false -> reply.internalServerError()
  app.post('/listings', async (request, reply) => {
    if (!Value.Check(ListingBody, request.body)) {
      return reply.internalServerError('Listing could not be saved'); // expect: no-500-for-validation 400
    }
    const listing = await listings.insert(request.body as ListingBody);
    return reply.code(201).send(listing);
  });

  // positive: superstruct validate() returned an error tuple -> reply.code(500)
  app.post('/reviews', async (request, reply) => {
    const [error, review] = validate(request.body, ReviewStruct);
    if (error) {
      request.log.info({ path: error.path }, 'review rejected');
      return reply.code(500).send({ error: 'Review failed' }); // expect: no-500-for-validation 400
    }
    await listings.addReview(review);
    return reply.code(201).send({ ok: true });
  });

  // positive: superstruct is() false -> reply.status(StatusCodes.INTERNAL_SERVER_ERROR)
  app.put('/reviews/:id', async (request, reply) => {
    if (!is(request.body, ReviewStruct)) {
      return reply.status(StatusCodes.INTERNAL_SERVER_ERROR).send({ error: 'Update failed' }); // expect: no-500-for-validation 400
    }
    await listings.updateReview((request.params as { id: string }).id, request.body);
    return { ok: true };
  });

  // positive: `!('id' in body)` -> throw app.httpErrors.internalServerError()
  app.post('/listings/archive', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!('id' in body)) {
      throw app.httpErrors.internalServerError('Archive failed'); // expect: no-500-for-validation 400
    }
    await listings.archive(String(body.id));
    return { archived: true };
  });

  // positive: price range check on a query parameter -> reply.status(500)
  app.get('/listings', async (request, reply) => {
    const { maxPrice } = request.query as { maxPrice?: string };
    const max = maxPrice === undefined ? Infinity : Number(maxPrice);
    if (max < 0 || max > 1_000_000) {
      return reply.status(500).send({ error: 'Search failed' }); // expect: no-500-for-validation 400
    }
    return listings.search({ maxPrice: max });
  });

  // negative: typebox failure answered with reply.badRequest()
  app.patch('/listings/:id', async (request, reply) => {
    const patch = Type.Partial(ListingBody);
    if (!Value.Check(patch, request.body)) {
      return reply.badRequest('Invalid listing patch');
    }
    return listings.update((request.params as { id: string }).id, request.body as Partial<ListingBody>);
  });

  // negative: geocoder (upstream) answered with a body that fails superstruct -> 502
  app.get('/listings/:id/location', async (request, reply) => {
    const listing = await listings.findById((request.params as { id: string }).id);
    if (!listing) return reply.notFound();
    const res = await fetch(`${process.env.GEOCODER_URL}/geocode?q=${encodeURIComponent(listing.address)}`, {
      signal: AbortSignal.timeout(4000),
    });
    if (!res.ok) return reply.badGateway('Geocoder error');
    const payload: unknown = await res.json();
    if (!is(payload, object({ lat: number(), lon: number() }))) {
      return reply.badGateway('Geocoder returned an unexpected payload');
    }
    return payload;
  });

  // negative: db failure after successful validation -> 500
  app.delete('/listings/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!/^[a-z0-9]{10,40}$/.test(id)) return reply.code(400).send({ error: 'Invalid id' });
    try {
      await listings.delete(id);
      return reply.code(204).send();
    } catch (err) {
      request.log.error({ err }, 'delete failed');
      return reply.code(500).send({ error: 'Internal Server Error' });
    }
  });
};

export function buildApp(): FastifyInstance {
  const app = Fastify({ logger: true });
  app.register(sensible);

  app.setErrorHandler((error, request, reply) => {
    // positive: error handler singles out Fastify schema-validation errors and answers 500
    if (error.validation) {
      return reply.status(500).send({ error: 'Request could not be processed' }); // expect: no-500-for-validation 400
    }
    // negative: other errors keep their own status code, 500 only as a fallback
    if (error instanceof StructError) {
      return reply.status(400).send({ error: 'Invalid request' });
    }
    request.log.error({ err: error }, 'request failed');
    const status = error.statusCode ?? 500;
    return reply.status(status).send({ error: status >= 500 ? 'Internal Server Error' : error.code });
  });

  app.register(listingRoutes, { prefix: '/api' });
  return app;
}
