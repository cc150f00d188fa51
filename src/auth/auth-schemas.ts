// Request and response shapes of the auth, user, token and audit routes.
import { Type } from 'typebox';
import { ROLES } from './roles';

const Nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const RoleName = Type.Union(ROLES.map((role) => Type.Literal(role)));

export const Grant = Type.Object({
  role: Type.String({ maxLength: 40 }),
  entityId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  entityCode: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
});

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  disabled: Type.Boolean(),
  hasPassword: Type.Boolean(),
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      entityId: Nullable(Type.Integer()),
      entityCode: Nullable(Type.String()),
    }),
  ),
  lastLoginAt: Nullable(Type.String()),
  lockedUntil: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const Me = Type.Object({
  user: User,
  rights: Type.Array(Type.String()),
  customerScope: Type.Union([Type.Literal('all'), Type.Literal('assigned')]),
  entityIds: Nullable(Type.Array(Type.Integer())),
  csrfToken: Nullable(Type.String()),
  authenticatedBy: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
});

export const ChangePasswordResult = Type.Object({
  endedSessions: Type.Integer({ description: 'Other sessions of the user, ended' }),
  revokedTokens: Type.Integer({ description: 'API tokens of the user, revoked' }),
});

export const RoleInfo = Type.Object({
  role: Type.String(),
  label: Type.String(),
  rights: Type.Array(Type.String()),
});

export const CreateUserBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  password: Type.Optional(Nullable(Type.String({ maxLength: 1024 }))),
  roles: Type.Optional(Type.Array(Grant, { maxItems: 50 })),
});

export const UpdateUserBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  password: Type.Optional(Type.String({ maxLength: 1024 })),
  disabled: Type.Optional(Type.Boolean()),
});

export const RolesBody = Type.Object({ roles: Type.Array(Grant, { maxItems: 50 }) });

export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.Optional(RoleName),
  includeDisabled: Type.Optional(Type.Boolean()),
});

export const Token = Type.Object({
  id: Type.Integer(),
  userId: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

export const CreateTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  userId: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const TokenListQuery = Type.Object({
  userId: Type.Optional(Type.Integer({ minimum: 1 })),
  all: Type.Optional(Type.Boolean()),
});

const auditFilterFields = {
  from: Type.Optional(
    Type.String({ maxLength: 40, description: 'YYYY-MM-DD (business time zone) or ISO time' }),
  ),
  to: Type.Optional(
    Type.String({ maxLength: 40, description: 'exclusive; a date means up to the end of it' }),
  ),
  table: Type.Optional(Type.String({ maxLength: 63 })),
  op: Type.Optional(Type.String({ maxLength: 40 })),
  actorUserId: Type.Optional(Type.Integer({ minimum: 1 })),
  actor: Type.Optional(Type.String({ maxLength: 200, description: 'part of the actor name' })),
  rowId: Type.Optional(Type.String({ maxLength: 200, description: 'the changed row id' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'text in the before or after values' })),
};

export const AuditQuery = Type.Object({
  ...auditFilterFields,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const AuditExportQuery = Type.Object({
  ...auditFilterFields,
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { default: 'csv' })),
});

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Nullable(Type.Integer()),
  actorName: Type.String(),
  table: Type.String(),
  op: Type.String(),
  rowKey: Type.Unknown(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  rowCount: Type.Integer(),
  rowsDigest: Nullable(Type.String()),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  lastId: Type.Integer(),
  lastHash: Type.String(),
  headId: Type.Integer(),
  firstBroken: Nullable(Type.Object({ id: Type.Integer(), reason: Type.String() })),
});
