// Calls and shapes of /api/collections (see src/collections/cases/case-dto.ts and the route files).
import { api, type Page, type Query } from '../../api/client';
import type { ApiBody, ApiItem, ApiResponse } from '../../api/types';

// The shapes are generated from the routes' schemas (src/collections/http) through the OpenAPI document.
export type CaseSummary = ApiItem<'/api/collections/cases'>;
export type CaseTotals = CaseSummary['totals'][number];
export type CaseDetail = ApiResponse<'/api/collections/cases/{id}'>;
export type OutboxMessage = CaseDetail['messages'][number];
export type Task = ApiResponse<'/api/collections/tasks/{id}', 'patch'>;

export type StrategyDefinition = ApiBody<'/api/collections/strategies', 'post'>['definition'];
export type StrategyStep = StrategyDefinition['steps'][number];
export type Trigger = StrategyStep['trigger'];
export type Strategy = ApiResponse<'/api/collections/strategies/{id}'>;
export type StrategySummary = ApiItem<'/api/collections/strategies'>;
type Preview = ApiResponse<'/api/collections/strategies/preview', 'post'>;
export type PreviewEvent = Preview['items'][number];
export type Template = ApiItem<'/api/collections/templates'>;

export type Simulation = ApiResponse<'/api/collections/simulations/{id}'>;
export type SimulationParams = ApiBody<'/api/collections/simulations', 'post'>;
export type StrategyOutcome = NonNullable<Simulation['result']>['strategies'][number];
type EngineRun = ApiResponse<'/api/collections/engine/run', 'post'>;

const base = '/collections';

export const collectionsApi = {
  cases: (query: Query) => api.get<Page<CaseSummary>>(`${base}/cases`, query),
  getCase: (id: number) => api.get<CaseDetail>(`${base}/cases/${id}`),
  updateCase: (id: number, body: ApiBody<'/api/collections/cases/{id}', 'patch'>) =>
    api.patch<ApiResponse<'/api/collections/cases/{id}', 'patch'>>(`${base}/cases/${id}`, body),
  addPromise: (id: number, body: ApiBody<'/api/collections/cases/{id}/promises', 'post'>) =>
    api.post<ApiResponse<'/api/collections/cases/{id}/promises', 'post'>>(
      `${base}/cases/${id}/promises`,
      body,
    ),
  updateTask: (id: number, status: string) => api.patch<Task>(`${base}/tasks/${id}`, { status }),
  runEngine: () => api.post<EngineRun>(`${base}/engine/run`, {}),
  strategies: () => api.get<ApiResponse<'/api/collections/strategies'>>(`${base}/strategies`),
  strategy: (id: number) => api.get<Strategy>(`${base}/strategies/${id}`),
  saveStrategy: (definition: StrategyDefinition, activate: boolean) =>
    api.post<ApiResponse<'/api/collections/strategies', 'post'>>(`${base}/strategies`, {
      definition,
      activate,
    }),
  setActive: (id: number, active: boolean) =>
    api.post<ApiResponse<'/api/collections/strategies/{id}/activate', 'post'>>(
      `${base}/strategies/${id}/${active ? 'activate' : 'deactivate'}`,
    ),
  preview: (strategy: StrategyDefinition, customerId: number, from?: string, days?: number) =>
    api.post<Preview>(`${base}/strategies/preview`, { strategy, customerId, from, days }),
  templates: () => api.get<ApiResponse<'/api/collections/templates'>>(`${base}/templates`),
  simulate: (body: SimulationParams) => api.post<Simulation>(`${base}/simulations`, body),
  simulations: () => api.get<ApiResponse<'/api/collections/simulations'>>(`${base}/simulations`),
  simulation: (id: number) => api.get<Simulation>(`${base}/simulations/${id}`),
};
