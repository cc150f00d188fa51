// The auth feature's HTTP routes, registered once in src/app/routes.ts.
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit-routes';
import { authRoutes } from './auth-routes';
import { tokenRoutes } from './token-routes';
import { userRoutes } from './user-routes';

export async function authFeatureRoutes(server: FastifyInstance): Promise<void> {
  await server.register(authRoutes);
  await server.register(userRoutes);
  await server.register(tokenRoutes);
  await server.register(auditRoutes);
}
