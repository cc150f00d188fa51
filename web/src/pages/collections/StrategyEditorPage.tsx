// Strategy editor: stages, settings and steps of a strategy, saved as a new version; beside it a preview of
// what a chosen customer would receive and when under the edited (unsaved) strategy.
import { Button, Card, Col, Flex, Input, InputNumber, message, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { collectionsApi, type StrategyDefinition } from './collectionsApi';
import { strategyText } from './parts';
import { StepTable } from './StepTable';
import { StrategyPreview } from './StrategyPreview';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Flex align="center" gap={6}>
      <Typography.Text>{label}</Typography.Text>
      {children}
    </Flex>
  );
}

export default function StrategyEditorPage() {
  const t = useT();
  const id = Number(useParams().id);
  const loaded = useRequest(() => collectionsApi.strategy(id), [id]);
  const templates = useRequest(() => collectionsApi.templates(), []);
  const [def, setDef] = useState<StrategyDefinition>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!loaded.data) return;
    const { id: _id, version: _v, active: _a, ...rest } = loaded.data;
    setDef(rest);
  }, [loaded.data]);
  if (loaded.error) return <ApiErrorAlert error={loaded.error} />;
  if (!def) return <Card loading />;

  const save = async (activate: boolean) => {
    setError(undefined);
    try {
      const saved = await collectionsApi.saveStrategy(def, activate);
      message.success(t('col.saved', { name: saved.name, version: saved.version }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <PageTitle
        title={`${def.label} (${strategyText(t, def.name)} v${loaded.data?.version})`}
        extra={
          <Space>
            <Button onClick={() => save(false)} data-testid="save-version">
              {t('col.saveVersion')}
            </Button>
            <Button type="primary" onClick={() => save(true)}>
              {t('col.saveAndActivate')}
            </Button>
          </Space>
        }
      />
      <ApiErrorAlert error={error} onClose={() => setError(undefined)} />
      <Row gutter={16}>
        <Col xs={24} xxl={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Flex gap={16} wrap>
              <Field label={t('col.label')}>
                <Input
                  value={def.label}
                  onChange={(e) => setDef({ ...def, label: e.target.value })}
                  style={{ width: 220 }}
                />
              </Field>
              <Field label={t('col.earlyFrom')}>
                <InputNumber
                  min={1}
                  value={def.stages.early.fromDay}
                  onChange={(v) =>
                    setDef({ ...def, stages: { ...def.stages, early: { fromDay: Number(v) } } })
                  }
                />
              </Field>
              <Field label={t('col.strongFrom')}>
                <InputNumber
                  min={2}
                  value={def.stages.strong.fromDay}
                  onChange={(v) =>
                    setDef({ ...def, stages: { ...def.stages, strong: { fromDay: Number(v) } } })
                  }
                />
              </Field>
              <Field label={t('col.catchUp')}>
                <InputNumber
                  min={0}
                  max={30}
                  value={def.settings.catchUpDays}
                  onChange={(v) => setDef({ ...def, settings: { ...def.settings, catchUpDays: Number(v) } })}
                />
              </Field>
              <Field label={t('col.promiseGrace')}>
                <InputNumber
                  min={0}
                  max={30}
                  value={def.settings.promiseGraceDays}
                  onChange={(v) =>
                    setDef({ ...def, settings: { ...def.settings, promiseGraceDays: Number(v) } })
                  }
                />
              </Field>
            </Flex>
          </Card>
          <StepTable
            steps={def.steps}
            templates={templates.data?.items ?? []}
            onChange={(steps) => setDef({ ...def, steps })}
          />
          <Button
            style={{ marginTop: 8 }}
            onClick={() =>
              setDef({
                ...def,
                steps: [
                  ...def.steps,
                  {
                    key: `step-${def.steps.length + 1}`,
                    stage: 'early',
                    label: '',
                    trigger: { type: 'daysFromDue', days: 5 },
                    action: 'email',
                    channel: 'email',
                    template: 'overdue_notice',
                  },
                ],
              })
            }
          >
            {t('col.addStep')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {def.description}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} xxl={10}>
          <StrategyPreview definition={def} />
        </Col>
      </Row>
    </>
  );
}
