// /api/entities, /api/currencies, /api/exchange-rates, /api/staff.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createEntity } from './create-entity';
import { listCurrencies } from './list-currencies';
import { listEntities } from './list-entities';
import { listExchangeRates } from './list-exchange-rates';
import { listStaff } from './list-staff';
import {
  CreateEntityBody,
  Currency,
  Entity,
  ExchangeRate,
  RatesQuery,
  StaffMember,
  UpsertRatesBody,
} from './reference-schemas';
import { upsertExchangeRates } from './upsert-exchange-rates';

const tags = ['reference'];

export const referenceRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;

  server.get(
    '/entities',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Selling entities (法人主体)',
        response: { 200: Type.Object({ items: Type.Array(Entity) }) },
      },
    },
    (request) => listEntities(db(), request.actor),
  );

  server.post(
    '/entities',
    {
      config: { permission: 'admin' },
      schema: { tags, summary: 'Create a selling entity', body: CreateEntityBody, response: { 201: Entity } },
    },
    async (request, reply) => reply.status(201).send(await createEntity(db(), request.actor, request.body)),
  );

  server.get(
    '/currencies',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Currencies and their minor units',
        response: { 200: Type.Object({ items: Type.Array(Currency) }) },
      },
    },
    (request) => listCurrencies(db(), request.actor),
  );

  server.get(
    '/exchange-rates',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Exchange rates, newest first; with date, the rate in force on that date per pair',
        querystring: RatesQuery,
        response: { 200: Type.Object({ items: Type.Array(ExchangeRate) }) },
      },
    },
    (request) => listExchangeRates(db(), request.actor, request.query),
  );

  server.post(
    '/exchange-rates',
    {
      config: { permission: 'ledger:write' },
      schema: {
        tags,
        summary: 'Insert or replace dated exchange rates',
        body: UpsertRatesBody,
        response: {
          200: Type.Object({
            items: Type.Array(ExchangeRate),
            inserted: Type.Integer(),
            updated: Type.Integer(),
          }),
        },
      },
    },
    (request) => upsertExchangeRates(db(), request.actor, request.body),
  );

  server.get(
    '/staff',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Salespeople and collectors, for pickers',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(StaffMember) }) },
      },
    },
    (request) => listStaff(db(), request.actor, request.query),
  );
};
