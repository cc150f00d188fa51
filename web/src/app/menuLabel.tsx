// A navigation entry's label: its text, and the route's badge beside it when it has one (e.g. the count of
// approvals waiting).
import type { ReactNode } from 'react';
import type { Translate } from '../i18n';
import type { AppRoute } from './routes';

export function menuLabel(route: AppRoute, t: Translate): ReactNode {
  const Badge = route.badge;
  if (!Badge) return t(route.labelKey);
  return (
    <span>
      {t(route.labelKey)} <Badge />
    </span>
  );
}
