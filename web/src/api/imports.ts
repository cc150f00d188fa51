// Calls for the import wizard: the file goes up as multipart form data with the kind and the mapping.
import { api, type Page } from './client';
import type { ImportKind, ImportMapping, ImportPreview, ImportReport } from './types';

function form(kind: string, mapping?: ImportMapping): FormData {
  const data = new FormData();
  // Text fields before the file: a streaming multipart parser sees them before it reaches the upload.
  data.append('kind', kind);
  if (mapping) data.append('mapping', JSON.stringify(mapping));
  return data;
}

export const importsApi = {
  kinds: () => api.get<{ items: ImportKind[] }>('/imports/kinds'),
  preview: (file: File, kind: string, mapping?: ImportMapping) => {
    const data = form(kind, mapping);
    data.append('file', file, file.name);
    return api.upload<ImportPreview>('/imports/preview', data);
  },
  run: (file: File, kind: string, mapping: ImportMapping, dryRun: boolean) => {
    const data = form(kind, mapping);
    data.append('dryRun', dryRun ? 'true' : 'false');
    data.append('file', file, file.name);
    return api.upload<ImportReport>('/imports', data);
  },
  list: (query: { limit?: number; cursor?: string; dryRun?: boolean } = {}) =>
    api.get<Page<ImportReport> | { items: ImportReport[] }>('/imports', query),
  get: (batchId: number | string) => api.get<ImportReport>(`/imports/${encodeURIComponent(String(batchId))}`),
};
