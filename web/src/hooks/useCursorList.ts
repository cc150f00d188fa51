// A keyset-paginated list: the first page loads when the filters change; "load more" appends the next page
// using the server's opaque cursor (no page numbers, so page 100 costs what page 1 costs).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page, Query } from '../api/client';

export interface CursorList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

export function useCursorList<T>(fetchPage: (query: Query) => Promise<Page<T>>, query: Query): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const ticket = useRef(0);
  const key = JSON.stringify(query);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(
    (after: string | null) => {
      const mine = ++ticket.current;
      setLoading(true);
      setError(undefined);
      fetchRef.current({ ...(JSON.parse(key) as Query), cursor: after ?? undefined }).then(
        (page) => {
          if (mine !== ticket.current) return;
          setItems((previous) => (after ? [...previous, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (failure: unknown) => {
          if (mine !== ticket.current) return;
          setError(failure);
          setLoading(false);
        },
      );
    },
    [key],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: version forces a reload from the first page
  useEffect(() => load(null), [load, version]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => cursor && load(cursor),
    reload: () => setVersion((v) => v + 1),
  };
}
