// /api/collections/tasks (the worklist from strategies), outbox, engine runs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination';
import { IdParam, IsoDate } from '../../platform/http/schemas';
import { todayIn } from '../../shared/dates';
import { OutboxMessageSchema, TaskSchema } from '../cases/case-dto';
import { listOutbox } from '../cases/list-outbox';
import { listTasks } from '../cases/list-tasks';
import { updateTask } from '../cases/update-task';
import { listEngineRuns } from '../engine/list-runs';
import { runCycle } from '../engine/run-cycle';

const tags = ['collections'];
const Id = Type.Integer({ minimum: 1 });
const EngineResultSchema = Type.Object({
  runId: Type.Integer(),
  asOf: Type.String(),
  kind: Type.String(),
  casesOpened: Type.Integer(),
  casesClosed: Type.Integer(),
  casesEvaluated: Type.Integer(),
  stepsFired: Type.Integer(),
  messages: Type.Integer(),
  tasks: Type.Integer(),
  durationMs: Type.Integer(),
});

const EngineRunSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  asOf: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  casesOpened: Type.Integer(),
  casesClosed: Type.Integer(),
  casesEvaluated: Type.Integer(),
  stepsFired: Type.Integer(),
  messages: Type.Integer(),
  tasks: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const worklistRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/tasks',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'Worklist tasks from strategies (calls, visits, escalations, legal review, ...)',
        querystring: Type.Object({
          ...PageQuery,
          caseId: Type.Optional(Id),
          assigneeId: Type.Optional(Id),
          assigneeRole: Type.Optional(Type.String()),
          type: Type.Optional(Type.String()),
          status: Type.Optional(
            Type.Union([
              Type.Literal('open'),
              Type.Literal('done'),
              Type.Literal('cancelled'),
              Type.Literal('all'),
            ]),
          ),
          dueBy: Type.Optional(IsoDate),
        }),
        response: { 200: Page(TaskSchema) },
      },
    },
    (request) => listTasks(db(), request.actor, request.query),
  );

  server.patch(
    '/tasks/:id',
    {
      config: { permission: 'collections:write' },
      schema: {
        tags,
        summary: 'Complete, cancel or reopen a task',
        params: IdParam,
        body: Type.Object(
          {
            status: Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')]),
            outcome: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: TaskSchema },
      },
    },
    (request) => updateTask(db(), request.actor, { ...request.body, id: request.params.id, today: today() }),
  );

  server.get(
    '/outbox',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'Consolidated messages queued by the engine (one per case, channel and day)',
        querystring: Type.Object({
          ...PageQuery,
          caseId: Type.Optional(Id),
          customerId: Type.Optional(Id),
          status: Type.Optional(Type.String()),
          channel: Type.Optional(Type.String()),
        }),
        response: { 200: Page(OutboxMessageSchema) },
      },
    },
    (request) => listOutbox(db(), request.actor, request.query),
  );

  server.get(
    '/engine/runs',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary:
          'Engine runs, newest first: done, running, or failed with the error (also when its process died)',
        querystring: Type.Object({
          ...PageQuery,
          status: Type.Optional(
            Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
          ),
        }),
        response: { 200: Page(EngineRunSchema) },
      },
    },
    (request) => listEngineRuns(db(), request.actor, request.query),
  );

  server.post(
    '/engine/run',
    {
      // Every customer, any as-of date: a manager's decision, not a collector's (recorded on the audit log).
      config: { permission: 'collections:manage' },
      schema: {
        tags,
        summary: 'Run an engine cycle now (all customers, or the named ones)',
        body: Type.Object(
          { asOf: Type.Optional(IsoDate), customerIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: EngineResultSchema },
      },
    },
    (request) =>
      runCycle(db(), request.actor, {
        asOf: request.body.asOf ?? today(),
        customerIds: request.body.customerIds,
        concurrency: server.app.store.kind === 'postgres' ? 2 : 1,
      }),
  );
};
