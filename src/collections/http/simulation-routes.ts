// /api/collections/simulations: compare strategies on a copy of the data (runs as a background job). The
// results cover the whole company, so reading them needs simulations:read (managers), not collections:read.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam, IsoDate } from '../../platform/http/schemas';
import { createSimulation, getSimulation, listSimulations } from '../simulator/simulation-jobs';

const tags = ['collections'];
const Params = Type.Object({
  from: IsoDate,
  days: Type.Integer({ minimum: 1, maximum: 366 }),
  strategies: Type.Array(Type.String({ minLength: 1, maxLength: 63 }), { minItems: 1, maxItems: 6 }),
  seed: Type.Optional(Type.Integer({ minimum: 0 })),
  maxCustomers: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  reportCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
});
const View = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  params: Params,
  result: Type.Union([Type.Unknown(), Type.Null()], {
    description: 'see SimulationResult in src/collections/simulator/simulate.ts',
  }),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const simulationRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;

  server.post(
    '/simulations',
    {
      config: { permission: 'strategies:write' },
      schema: {
        tags,
        summary: 'Queue a simulation of strategies ("none" = nobody chases) from a date',
        body: Params,
        response: { 202: View },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await createSimulation(db(), request.actor, request.body)),
  );

  server.get(
    '/simulations',
    {
      config: { permission: 'simulations:read' },
      schema: {
        tags,
        summary: 'Recent simulations (without results)',
        response: { 200: Type.Object({ items: Type.Array(View) }) },
      },
    },
    async (request) => ({ items: await listSimulations(db(), request.actor) }),
  );

  server.get(
    '/simulations/:id',
    {
      config: { permission: 'simulations:read' },
      schema: {
        tags,
        summary: 'A simulation and, when done, its comparison',
        params: IdParam,
        response: { 200: View },
      },
    },
    (request) => getSimulation(db(), request.actor, request.params.id),
  );
};
