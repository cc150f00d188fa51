// /api/collections/simulations: compare strategies on a copy of the data (runs as a background job). The
// results cover the whole company, so reading them needs simulations:read (managers), not collections:read.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { IdParam, IsoDate } from '../../platform/http/schemas';
import type { SimulationResult } from '../simulator/simulate';
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
const MaybeAmount = Type.Union([Type.Integer(), Type.Null()], {
  description: 'minor units of the report currency; null when it needs a rate the store does not have',
});
const Outcome = Type.Object({
  name: Type.String(),
  label: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  collected: MaybeAmount,
  collectedByCurrency: Type.Array(Type.Object({ currency: Type.String(), amount: Type.Integer() })),
  overdueStart: MaybeAmount,
  overdueEnd: MaybeAmount,
  openEnd: MaybeAmount,
  dso: Type.Union([Type.Number(), Type.Null()], { description: 'days; null without credit sales' }),
  messages: Type.Object({
    email: Type.Integer(),
    sms: Type.Integer(),
    letter: Type.Integer(),
    total: Type.Integer(),
  }),
  tasks: Type.Record(Type.String(), Type.Integer(), { description: 'tasks by type, and total' }),
  promises: Type.Object({ made: Type.Integer(), kept: Type.Integer(), broken: Type.Integer() }),
  stepsFired: Type.Integer(),
  daily: Type.Array(Type.Object({ date: IsoDate, collected: MaybeAmount, overdue: MaybeAmount })),
  durationMs: Type.Number(),
});
/** SimulationResult (src/collections/simulator/simulate.ts). */
const Result = Type.Object({
  from: IsoDate,
  to: IsoDate,
  days: Type.Integer(),
  seed: Type.Integer(),
  customers: Type.Integer(),
  invoices: Type.Integer(),
  sampled: Type.Boolean(),
  reportCurrency: Type.String(),
  missingRates: Type.Array(Type.String(), { description: 'pairs such as USD/CNY with no rate' }),
  strategies: Type.Array(Outcome),
});
// Compile-time: what the simulator returns fits the schema.
const RESULT_FITS: SimulationResult extends Static<typeof Result> ? true : false = true;
void RESULT_FITS;

const View = Type.Object({
  id: Type.Integer(),
  status: Type.String({ description: 'queued | running | done | failed' }),
  params: Params,
  result: Type.Union([Result, Type.Null()]),
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
