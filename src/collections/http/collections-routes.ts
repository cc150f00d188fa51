// Everything under /api/collections.
import type { FastifyInstance } from 'fastify';
import { casesRoutes } from './cases-routes';
import { disputeRoutes } from './dispute-routes';
import { ruleRoutes } from './rule-routes';
import { simulationRoutes } from './simulation-routes';
import { strategyRoutes } from './strategy-routes';
import { worklistRoutes } from './worklist-routes';

export async function collectionsRoutes(server: FastifyInstance): Promise<void> {
  await server.register(casesRoutes, { prefix: '/collections' });
  await server.register(strategyRoutes, { prefix: '/collections' });
  await server.register(worklistRoutes, { prefix: '/collections' });
  await server.register(ruleRoutes, { prefix: '/collections' });
  await server.register(simulationRoutes, { prefix: '/collections' });
  await server.register(disputeRoutes, { prefix: '/collections' });
}
