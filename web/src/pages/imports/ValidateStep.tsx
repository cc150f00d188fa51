// Step 3: the dry run's verdict. A rejected file lists every bad row; the user fixes the file and uploads
// it again here (same mapping, validated at once). A clean file can be imported for real.
import { CheckCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Upload } from 'antd';
import { useState } from 'react';
import { importsApi } from '../../api/imports';
import type { ImportReport } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';
import { ImportErrors } from './ImportErrors';
import { ImportNotes } from './ImportNotes';
import type { WizardState } from './ImportPage';

export function ValidateStep({
  state,
  onBack,
  onRevalidated,
  onImported,
}: {
  state: WizardState;
  onBack(): void;
  onRevalidated(patch: Partial<WizardState>): void;
  onImported(report: ImportReport): void;
}) {
  const t = useT();
  const [busy, setBusy] = useState<'upload' | 'import'>();
  const [error, setError] = useState<unknown>();
  const report = state.report!;
  const ok = report.status === 'validated' && report.errorCount === 0;

  const reupload = async (file: File) => {
    setBusy('upload');
    setError(undefined);
    try {
      // The fixed file usually has the same columns: keep the mapping and validate straight away.
      const preview = await importsApi.preview(file, state.kind);
      const sameHeaders = Object.values(state.mapping.columns).every((h) => preview.headers.includes(h));
      const mapping = sameHeaders
        ? state.mapping
        : {
            columns: { ...preview.suggestedMapping.columns },
            dateFormat: preview.suggestedMapping.dateFormat,
          };
      const next = await importsApi.run(file, state.kind, mapping, true);
      onRevalidated({ file, preview, mapping, report: next });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const runImport = async () => {
    setBusy('import');
    setError(undefined);
    try {
      onImported(await importsApi.run(state.file!, state.kind, state.mapping, false));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {ok ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
          data-testid="import-valid"
          title={t('imports.valid', { rows: report.rowsTotal, name: report.fileName })}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="import-rejected"
          title={t('imports.rejected', {
            errors: report.errorCount,
            rows: report.rowsTotal,
            name: report.fileName,
          })}
          description={
            report.errorCount > report.errors.length
              ? t('imports.firstErrors', { shown: report.errors.length })
              : undefined
          }
        />
      )}
      <ImportNotes report={report} />
      <ApiErrorAlert error={error} />
      {report.errors.length ? (
        <div style={{ marginTop: 16 }}>
          <ImportErrors errors={report.errors} />
        </div>
      ) : null}
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Space>
          <Button onClick={onBack}>{t('imports.backToMapping')}</Button>
          <Upload
            accept=".csv,.txt,.tsv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              reupload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid="import-reupload">
              {t('imports.uploadFixed')}
            </Button>
          </Upload>
          <Button
            type="primary"
            disabled={!ok}
            loading={busy === 'import'}
            onClick={runImport}
            data-testid="import-confirm"
          >
            {t('imports.confirm', { rows: report.rowsTotal })}
          </Button>
        </Space>
      </Flex>
    </>
  );
}
