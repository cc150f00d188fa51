// /api/collections/strategy-rules, customer strategy overrides, templates.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertCan } from '../../platform/auth/actor';
import { IdParam } from '../../platform/http/schemas';
import { getStrategyRules, putStrategyRules, setCustomerStrategy } from '../strategy/strategy-rules';
import { LOCALES, listTemplates } from '../templates/registry';

const tags = ['collections'];
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

const RuleSchema = Type.Object({
  priority: Type.Integer(),
  strategyName: Type.String({ minLength: 1 }),
  segment: Nullable(Type.String()),
  grade: Nullable(Type.String()),
  language: Nullable(Type.String()),
  minAmount: Nullable(Type.Integer({ minimum: 0 })),
  maxAmount: Nullable(Type.Integer({ minimum: 0 })),
  amountCurrency: Type.String({ pattern: '^[A-Z]{3}$' }),
});

export const ruleRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;

  server.get(
    '/strategy-rules',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'Rules choosing a strategy by segment, grade, language or amount (first match by priority)',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Intersect([Type.Object({ id: Type.Integer() }), RuleSchema])),
          }),
        },
      },
    },
    async (request) => ({ items: await getStrategyRules(db(), request.actor) }),
  );

  server.put(
    '/strategy-rules',
    {
      config: { permission: 'strategies:write' },
      schema: {
        tags,
        summary: 'Replace the strategy rules',
        body: Type.Object(
          { items: Type.Array(RuleSchema, { maxItems: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Intersect([Type.Object({ id: Type.Integer() }), RuleSchema])),
          }),
        },
      },
    },
    async (request) => ({ items: await putStrategyRules(db(), request.actor, request.body.items) }),
  );

  server.put(
    '/customers/:id/strategy',
    {
      config: { permission: 'strategies:write' },
      schema: {
        tags,
        summary: 'Make a customer follow a strategy whatever the rules say (null removes the override)',
        params: IdParam,
        body: Type.Object(
          {
            strategyName: Nullable(Type.String()),
            reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            customerId: Type.Integer(),
            strategyName: Nullable(Type.String()),
            reason: Nullable(Type.String()),
          }),
        },
      },
    },
    (request) => setCustomerStrategy(db(), request.actor, { customerId: request.params.id, ...request.body }),
  );

  server.get(
    '/templates',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'Message and task templates a step can use, with their texts per locale',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                kind: Type.String(),
                tone: Type.String(),
                texts: Type.Record(
                  Type.String(),
                  Type.Object({ subject: Type.String(), body: Type.String() }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      assertCan(request.actor, 'collections:read');
      return {
        items: listTemplates().map((t) => ({
          key: t.key,
          kind: t.kind,
          tone: t.tone,
          texts: Object.fromEntries(
            t.locales.map((l) => [l, { subject: LOCALES[l][t.key].subject, body: LOCALES[l][t.key].body }]),
          ),
        })),
      };
    },
  );
};
