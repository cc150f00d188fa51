// /api/approvals: the inbox (to decide, mine, all visible), one request, approve, reject, withdraw; and the
// rules per kind. Anyone signed in may ask: what they see is scoped by rowVisible, what they may decide by
// the rule's roles in the request's entity (approval-rules.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IdParam } from '../platform/http/schemas';
import { todayIn } from '../shared/dates';
import {
  ApprovalCountSchema,
  ApprovalListSchema,
  ApprovalRuleSchema,
  ApprovalRuleViewSchema,
  ApprovalSchema,
  ApprovalStatusSchema,
} from './approval-dto';
import { listApprovalRules, setApprovalRule } from './approval-rule-settings';
import { approveRequest, cancelRequest, rejectRequest } from './decide-approval';
import { countApprovals, getApproval, listApprovals } from './list-approvals';

const tags = ['approvals'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const DecisionBody = Type.Object(
  { comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])) },
  { additionalProperties: false },
);

export const approvalRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/approvals',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'Approval requests (审批): those you may decide now (todo), yours (mine), or all you can see',
        querystring: Type.Object({
          scope: Type.Optional(Type.Union([Type.Literal('todo'), Type.Literal('mine'), Type.Literal('all')])),
          status: Type.Optional(ApprovalStatusSchema),
          kind: Type.Optional(Type.String({ maxLength: 50 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: ApprovalListSchema },
      },
    },
    (request) => listApprovals(db(), request.actor, { ...request.query, today: today() }),
  );

  server.get(
    '/approvals/count',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'How many requests wait for your decision, and how many of yours are pending (the menu badge)',
        response: { 200: ApprovalCountSchema },
      },
    },
    (request) => countApprovals(db(), request.actor, today()),
  );

  server.get(
    '/approvals/rules',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'The approval rule in force per kind, for the company or one entity',
        querystring: Type.Object({ entityId: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: Type.Array(ApprovalRuleViewSchema) },
      },
    },
    (request) => listApprovalRules(db(), request.actor, { entityId: request.query.entityId }),
  );

  server.put(
    '/approvals/rules/:kind',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary:
          'Configure who approves a kind: own authority per role, levels by amount, two-step threshold',
        params: Type.Object({ kind: Type.String({ pattern: '^[a-z][a-z0-9_]{0,49}$' }) }),
        body: Type.Object(
          { entityId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]), rule: ApprovalRuleSchema },
          { additionalProperties: false },
        ),
        response: { 200: ApprovalRuleViewSchema, ...errors },
      },
    },
    (request) => setApprovalRule(db(), request.actor, { kind: request.params.kind, ...request.body }),
  );

  server.get(
    '/approvals/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'One approval request with its decisions',
        params: IdParam,
        response: { 200: ApprovalSchema, ...errors },
      },
    },
    (request) => getApproval(db(), request.actor, { id: request.params.id, today: today() }),
  );

  for (const [action, decide, summary] of [
    ['approve', approveRequest, 'Approve the current step; the last approval makes the subject effective'],
    ['reject', rejectRequest, 'Reject (a comment is required); the subject never becomes effective'],
    ['cancel', cancelRequest, 'Withdraw your own pending request'],
  ] as const) {
    server.post(
      `/approvals/:id/${action}`,
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary,
          params: IdParam,
          body: Type.Optional(DecisionBody),
          response: { 200: ApprovalSchema, ...errors },
        },
      },
      (request) =>
        decide(db(), request.actor, {
          id: request.params.id,
          comment: request.body?.comment,
          today: today(),
        }),
    );
  }
};
