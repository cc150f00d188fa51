// Step 1: what is being imported and the file (CSV in any encoding/delimiter, or XLSX). The server sniffs
// the file and suggests a column mapping from the headers.
import { InboxOutlined } from '@ant-design/icons';
import { Form, Radio, Spin, Upload } from 'antd';
import { useState } from 'react';
import { importsApi } from '../../api/imports';
import type { ImportKind } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';
import type { WizardState } from './ImportPage';

export function UploadStep({
  kinds,
  state,
  onPreviewed,
}: {
  kinds: ImportKind[];
  state: WizardState;
  onPreviewed(patch: Partial<WizardState>): void;
}) {
  const t = useT();
  const [kind, setKind] = useState(state.kind);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const preview = await importsApi.preview(file, kind);
      onPreviewed({
        kind,
        file,
        preview,
        mapping: {
          columns: { ...preview.suggestedMapping.columns },
          dateFormat: preview.suggestedMapping.dateFormat,
        },
        report: undefined,
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" style={{ maxWidth: 720 }}>
      <Form.Item label={t('imports.kind')}>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          optionType="button"
          buttonStyle="solid"
          data-testid="import-kind"
          options={(kinds.length ? kinds.map((k) => k.kind) : [state.kind]).map((k) => ({
            value: k,
            label: t(`imports.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <ApiErrorAlert error={error} />
      <Form.Item label={t('imports.file')}>
        <Spin spinning={busy}>
          <Upload.Dragger
            accept=".csv,.txt,.tsv,.xlsx"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return false; // keep the file in the browser; it is sent with each step
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.dropHint')}</p>
            <p className="ant-upload-hint">{t('imports.formatHint')}</p>
          </Upload.Dragger>
        </Spin>
      </Form.Item>
    </Form>
  );
}
