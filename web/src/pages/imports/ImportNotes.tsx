// What an import left out on purpose (a totals row) and what deserves a look (near-duplicate invoices):
// shown on the validation and result steps, each with its line.
import { Alert } from 'antd';
import type { ImportProblem, ImportReport } from '../../api/types';
import { problemReason } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';

const SHOWN = 20;

function Lines({ items }: { items: ImportProblem[] }) {
  const t = useT();
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {items.slice(0, SHOWN).map((item) => (
        <li key={`${item.line}-${item.field ?? ''}`}>
          {t('imports.note.line', { line: item.line })}
          {problemReason(item, t)}
        </li>
      ))}
      {items.length > SHOWN ? <li>{t('imports.note.more', { count: items.length - SHOWN })}</li> : null}
    </ul>
  );
}

export function ImportNotes({ report }: { report: ImportReport }) {
  const t = useT();
  const skipped = report.skipped ?? [];
  const warnings = report.warnings ?? [];
  return (
    <>
      {skipped.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16, textAlign: 'left' }}
          data-testid="import-skipped"
          title={t('imports.note.skipped', { count: skipped.length })}
          description={<Lines items={skipped} />}
        />
      ) : null}
      {warnings.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16, textAlign: 'left' }}
          data-testid="import-warnings"
          title={t('imports.note.warnings', { count: warnings.length })}
          description={<Lines items={warnings} />}
        />
      ) : null}
    </>
  );
}
