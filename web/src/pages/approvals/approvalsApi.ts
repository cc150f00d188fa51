// Calls and shapes of /api/approvals (src/approvals/approval-routes.ts); shapes generated from the routes.
import { apiRequest } from '../../api/client';
import type { ApiResponse } from '../../api/types';

export type ApprovalList = ApiResponse<'/api/approvals'>;
export type Approval = ApprovalList['items'][number];
export type ApprovalCount = ApiResponse<'/api/approvals/count'>;
export type ApprovalScope = 'todo' | 'mine' | 'all';

/** Fired after a decision so that the menu badge counts again at once. */
export const APPROVALS_CHANGED = 'huikuan:approvals-changed';

export const approvalsApi = {
  list: (scope: ApprovalScope) => apiRequest<ApprovalList>('GET', '/approvals', { query: { scope } }),
  count: () => apiRequest<ApprovalCount>('GET', '/approvals/count'),
  decide: (id: number, action: 'approve' | 'reject' | 'cancel', comment: string | null) =>
    apiRequest<Approval>('POST', `/approvals/${id}/${action}`, { body: { comment } }),
};
