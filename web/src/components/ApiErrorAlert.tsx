// Shows an API failure in the user's language: the server's message translated from its code and params
// (the shared catalog, src/shared/messages), else the translated kind and the server's text; and any
// row/field problems with their reasons translated where the catalog knows them.
import { Alert, Table } from 'antd';
import { formatMessage, isMessageCode, localizeParam, problemText } from '../../../src/shared/messages';
import { ApiError, type ApiProblem } from '../api/client';
import { activeLocale, labelOr, type Translate, useT } from '../i18n';

export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (isMessageCode(error.messageCode))
      return formatMessage(activeLocale(), error.messageCode, error.params);
    const title = error.code === 'NETWORK' ? t('error.network') : t(`error.${error.code}`);
    const known = !title.startsWith('error.');
    return known ? `${title}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : t('error.generic');
}

/**
 * A problem's reason in the user's language, from the shared catalog (src/shared/messages): by its code
 * (import problems and coded reasons), else a recurring short reason, else the server's text.
 */
export function problemReason(
  problem: { reason: string; code?: string; params?: Record<string, string | number> },
  _t?: Translate,
): string {
  return problemText(activeLocale(), problem);
}

/** A problem's field and reason in the user's language, where the catalogs know them. */
export function localizeProblem(problem: ApiProblem, t: Translate): ApiProblem {
  const locale = activeLocale();
  const field = problem.field?.replace(/^\/?(body|query|params)?\/?/, '');
  return {
    ...problem,
    field: field ? labelOr(t, `field.${field}`, localizeParam(locale, 'field', field)) : problem.field,
    reason: problemReason(problem, t),
  };
}

export function ApiErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useT();
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems.map((p) => localizeProblem(p, t)) : [];
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : undefined}
      style={{ marginBottom: 16 }}
      title={errorText(error, t)}
      description={
        problems.length > 0 ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(_, index) => String(index)}
            dataSource={problems}
            columns={[
              { title: t('imports.col.line'), dataIndex: 'line', width: 80 },
              { title: t('imports.col.field'), dataIndex: 'field', width: 160 },
              { title: t('imports.col.value'), dataIndex: 'value', width: 160 },
              { title: t('imports.col.reason'), dataIndex: 'reason' },
            ]}
          />
        ) : undefined
      }
    />
  );
}
