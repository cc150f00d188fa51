// Extension points of the shell for other features, so none of them edits App.tsx:
// - headerItems: components shown at the right of the header (e.g. the user menu); append an entry.
// - providers: components wrapped around the whole app, outermost first (e.g. an auth/session provider
//   that shows the login page when there is no session).
// - access.useCan: a React hook returning "does the signed-in user hold this right?"; the navigation hides
//   routes whose `right` the user lacks and such a route shows 403 instead of its page. The auth feature
//   sets it once at module load, e.g. `access.useCan = () => useSession().can`.
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

export interface HeaderItem {
  key: string;
  /** Lower comes first (left); the language switch is at 100, items without an order at 200. */
  order?: number;
  component: ComponentType | LazyExoticComponent<ComponentType>;
}

export const headerItems: HeaderItem[] = [];

export const providers: Array<ComponentType<{ children: ReactNode }>> = [];

export const access: { useCan: () => (right: string) => boolean } = {
  useCan: () => () => true,
};
