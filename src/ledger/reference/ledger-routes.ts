// The ledger-core-A routes in one plugin, registered once in src/app/routes.ts.
import type { FastifyInstance } from 'fastify';
import { contactRoutes } from '../contacts/contact-routes';
import { customerRoutes } from '../customers/customer-routes';
import { invoiceRoutes } from '../invoices/invoice-routes';
import { referenceRoutes } from './reference-routes';

export async function ledgerCoreRoutes(server: FastifyInstance): Promise<void> {
  await server.register(referenceRoutes);
  await server.register(customerRoutes);
  await server.register(contactRoutes);
  await server.register(invoiceRoutes);
}
