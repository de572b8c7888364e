import Fastify from 'fastify';
import sensible from '@fastify/sensible';
import { forecastRoutes } from './routes/forecast';
import { subscriptionRoutes } from './routes/subscriptions';

export function buildServer() {
  const app = Fastify({ logger: true });
  app.register(sensible);
  app.register(forecastRoutes, { prefix: '/forecast' });
  app.register(subscriptionRoutes, { prefix: '/subscriptions' });
  return app;
}

if (require.main === module) {
  const app = buildServer();
  app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' }).catch((err) => {
    app.log.error(err);
    process.exit(1);
  });
}
