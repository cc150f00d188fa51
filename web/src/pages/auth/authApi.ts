// Calls for sign-in, the session, users, API tokens and the audit log.
import { api, apiRequest, type Page, type Query } from '../../api/client';
import type { ApiBody, ApiItem, ApiResponse } from '../../api/types';

// The shapes are generated from the routes' schemas (src/auth/*-schemas.ts) through the OpenAPI document.
export type Me = ApiResponse<'/api/auth/me'>;
export type User = Me['user'];
export type UserRoleGrant = User['roles'][number];
export type RoleInfo = ApiItem<'/api/auth/roles'>;
export type ApiToken = ApiItem<'/api/tokens'>;
export type NewApiToken = ApiResponse<'/api/tokens', 'post'>;
export type AuditEntry = ApiItem<'/api/audit'>;
export type AuditVerifyResult = ApiResponse<'/api/audit/verify'>;
/** A role granted to a user, everywhere or in one entity (the body of PUT /users/:id/roles). */
export type GrantInput = ApiBody<'/api/users/{id}/roles', 'put'>['roles'][number];
type PasswordChanged = ApiResponse<'/api/auth/password', 'post'>;

export const authApi = {
  login: (username: string, password: string) => api.post<Me>('/auth/login', { username, password }),
  logout: () => api.post<void>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<PasswordChanged>('/auth/password', {
      currentPassword,
      newPassword,
    }),
  roles: () => api.get<ApiResponse<'/api/auth/roles'>>('/auth/roles'),
  tokens: () => api.get<Page<ApiToken>>('/tokens'),
  createToken: (body: ApiBody<'/api/tokens', 'post'>) => api.post<NewApiToken>('/tokens', body),
  revokeToken: (id: number) => api.delete<ApiToken>(`/tokens/${id}`),
};

export const adminApi = {
  users: (query: Query) => api.get<Page<User>>('/users', query),
  createUser: (body: ApiBody<'/api/users', 'post'>) => api.post<User>('/users', body),
  updateUser: (id: number, body: ApiBody<'/api/users/{id}', 'patch'>) =>
    api.patch<User>(`/users/${id}`, body),
  setRoles: (id: number, roles: GrantInput[]) => apiPut<User>(`/users/${id}/roles`, { roles }),
  audit: (query: Query) => api.get<Page<AuditEntry>>('/audit', query),
  verifyAudit: () => api.get<AuditVerifyResult>('/audit/verify'),
};

// The shared client has no PUT shortcut; apiRequest is the general form.
function apiPut<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PUT', path, { body });
}
