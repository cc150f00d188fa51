// The legal endpoints (/api/legal/…) as the web app uses them; shapes generated from src/legal/legal-schemas.ts.
import { api, type Query } from '../../api/client';
import type { ApiResponse } from '../../api/types';

export type LimitationReport = ApiResponse<'/api/legal/limitation'>;
export type LimitationLine = LimitationReport['invoices'][number];
export type LimitationEvent = LimitationLine['setBy'];

export const legalApi = {
  limitation: (query: Query) => api.get<LimitationReport>('/legal/limitation', query),
};
