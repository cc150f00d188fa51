// The shape of a user in the API, the CLI and the web app.
import type { Role } from './roles';
import type { UserListRow } from './user-queries';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  /** false for staff rows that exist only to be assigned customers (from imports) and cannot sign in. */
  hasPassword: boolean;
  roles: { role: Role; entityId: number | null; entityCode: string | null }[];
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export function toUserView(row: UserListRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    disabled: row.disabled_at !== null,
    hasPassword: row.password_hash !== null,
    roles: row.roles,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
