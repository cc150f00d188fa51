// 导入: a wizard (choose kind + file → map columns → validate with every bad row shown → import → result)
// and the list of past import batches.
import { Card, Steps, Tabs } from 'antd';
import { useState } from 'react';
import { importsApi } from '../../api/imports';
import type { ImportMapping, ImportPreview, ImportReport } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { ImportHistory } from './ImportHistory';
import { MappingStep } from './MappingStep';
import { ResultStep } from './ResultStep';
import { UploadStep } from './UploadStep';
import { ValidateStep } from './ValidateStep';

export interface WizardState {
  kind: string;
  file?: File;
  preview?: ImportPreview;
  mapping: ImportMapping;
  report?: ImportReport;
}

export default function ImportPage() {
  const t = useT();
  const kinds = useRequest(() => importsApi.kinds(), []);
  const [step, setStep] = useState(0);
  const [state, setState] = useState<WizardState>({ kind: 'invoices', mapping: { columns: {} } });
  const [tab, setTab] = useState('wizard');
  const fields = kinds.data?.items.find((k) => k.kind === state.kind)?.fields ?? [];
  const update = (patch: Partial<WizardState>) => setState((s) => ({ ...s, ...patch }));
  const restart = () => {
    setState((s) => ({ kind: s.kind, mapping: { columns: {} } }));
    setStep(0);
  };

  const body = [
    <UploadStep
      key="upload"
      kinds={kinds.data?.items ?? []}
      state={state}
      onPreviewed={(patch) => {
        update(patch);
        setStep(1);
      }}
    />,
    <MappingStep
      key="mapping"
      fields={fields}
      state={state}
      onChange={(mapping) => update({ mapping })}
      onBack={() => setStep(0)}
      onValidated={(report) => {
        update({ report });
        setStep(2);
      }}
    />,
    <ValidateStep
      key="validate"
      state={state}
      onBack={() => setStep(1)}
      onRevalidated={(patch) => update(patch)}
      onImported={(report) => {
        update({ report });
        setStep(3);
      }}
    />,
    <ResultStep key="result" state={state} onRestart={restart} />,
  ];

  return (
    <>
      <PageTitle title={t('imports.title')} />
      <ApiErrorAlert error={kinds.error} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'wizard',
              label: t('imports.tab.new'),
              children: (
                <>
                  <Steps
                    // On the result every step is done, so none is shown as "in progress".
                    current={step === 3 ? 4 : step}
                    style={{ marginBottom: 24 }}
                    items={[
                      { title: t('imports.step.upload') },
                      { title: t('imports.step.mapping') },
                      { title: t('imports.step.validate') },
                      { title: t('imports.step.result') },
                    ]}
                  />
                  {body[step]}
                </>
              ),
            },
            {
              key: 'history',
              label: t('imports.tab.history'),
              children: <ImportHistory />,
            },
          ]}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
