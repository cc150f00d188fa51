// /api/collections/strategies, strategy-rules, customer overrides, templates, preview.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam, IsoDate } from '../../platform/http/schemas';
import { todayIn } from '../../shared/dates';
import { getStrategy } from '../strategy/get-strategy';
import { listStrategies } from '../strategy/list-strategies';
import { previewStrategy } from '../strategy/preview-strategy';
import { saveStrategy, setStrategyActive } from '../strategy/save-strategy';
import {
  StrategyDefinition,
  StrategySettings,
  StrategyStages,
  StrategySteps,
  validateStrategy,
} from '../strategy/strategy-schema';

const tags = ['collections'];
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

const StrategySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  version: Type.Integer(),
  active: Type.Boolean(),
  label: Type.String(),
  description: Type.Optional(Nullable(Type.String())),
  // Validated like any definition when read back (strategyFromRow), so one of the definition's locales.
  locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
  stages: StrategyStages,
  settings: StrategySettings,
  steps: StrategySteps,
});

const PreviewEventSchema = Type.Object({
  date: Type.String(),
  entityId: Type.Integer(),
  stepKey: Type.String(),
  label: Type.String(),
  action: Type.String(),
  channel: Type.String(),
  stage: Type.String(),
  message: Nullable(
    Type.Object({
      channel: Type.String(),
      locale: Type.String(),
      subject: Nullable(Type.String()),
      body: Type.String(),
      recipients: Type.Array(Type.String()),
    }),
  ),
  task: Nullable(
    Type.Object({
      type: Type.String(),
      title: Type.String(),
      instructions: Type.String(),
      assigneeRole: Type.String(),
    }),
  ),
  skipped: Nullable(Type.String()),
});

export const strategyRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/strategies',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'Strategy versions (催收策略); one version per name is active',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                version: Type.Integer(),
                label: Type.String(),
                locale: Type.String(),
                active: Type.Boolean(),
                stepCount: Type.Integer(),
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listStrategies(db(), request.actor) }),
  );

  server.get(
    '/strategies/:id',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'One strategy version with its stages, settings and steps',
        params: IdParam,
        response: { 200: StrategySchema },
      },
    },
    (request) => getStrategy(db(), request.actor, { id: request.params.id }),
  );

  server.post(
    '/strategies',
    {
      config: { permission: 'strategies:write' },
      schema: {
        tags,
        summary: 'Save a strategy as a new version of its name (optionally activating it)',
        body: Type.Object(
          { definition: StrategyDefinition, activate: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 201: StrategySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await saveStrategy(db(), request.actor, request.body)),
  );

  for (const [path, active] of [
    ['activate', true],
    ['deactivate', false],
  ] as const) {
    server.post(
      `/strategies/:id/${path}`,
      {
        config: { permission: 'strategies:write' },
        schema: {
          tags,
          summary: active ? 'Turn this version on (others of its name off)' : 'Turn this version off',
          params: IdParam,
          response: { 200: StrategySchema },
        },
      },
      (request) => setStrategyActive(db(), request.actor, { id: request.params.id, active }),
    );
  }

  server.post(
    '/strategies/preview',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary:
          'What a customer would receive under a (possibly unsaved) strategy, day by day, if nothing is paid',
        body: Type.Object(
          {
            strategy: StrategyDefinition,
            customerId: Type.Integer({ minimum: 1 }),
            entityId: Type.Optional(Type.Integer({ minimum: 1 })),
            from: Type.Optional(IsoDate),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(PreviewEventSchema) }) },
      },
    },
    async (request) => {
      const def = validateStrategy(request.body.strategy);
      const items = await previewStrategy(db(), request.actor, {
        strategy: { ...def, id: 0, version: 0, active: false },
        customerId: request.body.customerId,
        entityId: request.body.entityId,
        from: request.body.from ?? today(),
        days: request.body.days ?? 120,
      });
      return { items };
    },
  );
};
