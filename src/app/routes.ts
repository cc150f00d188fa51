// Every feature's routes, mounted under /api (part of the composition root). A feature adds its plugin here
// and nowhere else.
import type { FastifyInstance } from 'fastify';
import { reportRoutes } from '../analytics/report-routes';
import { approvalRoutes } from '../approvals/approval-routes';
import { authFeatureRoutes } from '../auth/routes';
import { collectionsRoutes } from '../collections/http/collections-routes';
import { creditRoutes } from '../credit/credit-routes';
import { allocationRoutes } from '../ledger/allocations/allocation-routes';
import { importRoutes } from '../ledger/import/import-routes';
import { paymentRoutes } from '../ledger/payments/payment-routes';
import { ledgerCoreRoutes } from '../ledger/reference/ledger-routes';
import { legalRoutes } from '../legal/legal-routes';
import { systemRoutes } from '../platform/http/system-routes';

export async function registerApiRoutes(server: FastifyInstance): Promise<void> {
  await server.register(systemRoutes);
  await server.register(authFeatureRoutes);
  await server.register(ledgerCoreRoutes);
  await server.register(paymentRoutes);
  await server.register(allocationRoutes);
  await server.register(importRoutes);
  await server.register(reportRoutes);
  await server.register(collectionsRoutes);
  await server.register(approvalRoutes);
  await server.register(legalRoutes);
  await server.register(creditRoutes);
}
