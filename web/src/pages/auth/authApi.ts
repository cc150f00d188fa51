// Calls for sign-in, the session, users, API tokens and the audit log.
import { api, apiRequest, type Page, type Query } from '../../api/client';

export interface UserRoleGrant {
  role: string;
  entityId: number | null;
  entityCode: string | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  hasPassword: boolean;
  roles: UserRoleGrant[];
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface Me {
  user: User;
  rights: string[];
  customerScope: 'all' | 'assigned';
  entityIds: number[] | null;
  csrfToken: string | null;
  authenticatedBy: 'session' | 'token';
}

export interface RoleInfo {
  role: string;
  label: string;
  rights: string[];
}

export interface ApiToken {
  id: number;
  userId: number;
  username: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  table: string;
  op: string;
  rowKey: unknown;
  before: unknown;
  after: unknown;
  rowCount: number;
  rowsDigest: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  lastId: number;
  lastHash: string;
  headId: number;
  firstBroken: { id: number; reason: string } | null;
}

export interface GrantInput {
  role: string;
  entityId?: number | null;
}

export const authApi = {
  login: (username: string, password: string) => api.post<Me>('/auth/login', { username, password }),
  logout: () => api.post<void>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ endedSessions: number; revokedTokens: number }>('/auth/password', {
      currentPassword,
      newPassword,
    }),
  roles: () => api.get<{ items: RoleInfo[] }>('/auth/roles'),
  tokens: () => api.get<Page<ApiToken>>('/tokens'),
  createToken: (body: { name: string; scope: 'read' | 'write'; expiresInDays?: number }) =>
    api.post<ApiToken & { token: string }>('/tokens', body),
  revokeToken: (id: number) => api.delete<ApiToken>(`/tokens/${id}`),
};

export const adminApi = {
  users: (query: Query) => api.get<Page<User>>('/users', query),
  createUser: (body: {
    username: string;
    displayName: string;
    email?: string | null;
    password?: string | null;
    roles: GrantInput[];
  }) => api.post<User>('/users', body),
  updateUser: (
    id: number,
    body: { displayName?: string; email?: string | null; password?: string; disabled?: boolean },
  ) => api.patch<User>(`/users/${id}`, body),
  setRoles: (id: number, roles: GrantInput[]) => apiPut<User>(`/users/${id}/roles`, { roles }),
  audit: (query: Query) => api.get<Page<AuditEntry>>('/audit', query),
  verifyAudit: () => api.get<AuditVerifyResult>('/audit/verify'),
};

// The shared client has no PUT shortcut; apiRequest is the general form.
function apiPut<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PUT', path, { body });
}
