import type { FastifyPluginAsync } from 'fastify';
import { forecastQuerySchema } from '../schemas';
import { fetchForecast, UpstreamError } from '../services/weather';

export const forecastRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const { error, value } = forecastQuerySchema.validate(request.query);
    if (error) {
      request.log.info({ details: error.details }, 'bad forecast query');
      return reply.internalServerError('Could not load forecast');
    }

    try {
      const forecast = await fetchForecast(value.lat, value.lon, value.days);
      reply.header('Cache-Control', 'public, max-age=600');
      return forecast;
    } catch (err) {
      request.log.error({ err }, 'weather provider failed');
      reply.header('Cache-Control', 'public, max-age=600');
      return reply.code(500).send({ error: 'Forecast unavailable' });
    }
  });

  app.get('/alerts', async (request, reply) => {
    try {
      const res = await fetch('https://alerts.weather.example.com/v1/active', {
        signal: AbortSignal.timeout(3000),
      });
      if (!res.ok) throw new UpstreamError(res.status);
      return await res.json();
    } catch (err) {
      request.log.warn({ err }, 'alerts provider failed');
      if ((err as Error).name === 'TimeoutError') return reply.gatewayTimeout();
      return reply.badGateway('Alerts provider unavailable');
    }
  });
};
