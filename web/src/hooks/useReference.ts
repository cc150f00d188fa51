// Reference data (entities, currencies, staff) changes rarely: fetched once per page load and shared by
// every screen. A failed fetch is forgotten, so the next screen that needs it tries again.
import { referenceApi } from '../api/ledger';
import type { Currency, Entity, Staff } from '../api/types';
import { useRequest } from './useRequest';

function shared<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  let cached: Promise<T[]> | undefined;
  return () => {
    if (!cached) {
      const promise = load();
      cached = promise;
      promise.catch(() => {
        if (cached === promise) cached = undefined;
      });
    }
    return cached;
  };
}

const entities = shared<Entity>(() => referenceApi.entities().then((r) => r.items));
const currencies = shared<Currency>(() => referenceApi.currencies().then((r) => r.items));
const staff = shared<Staff>(() => referenceApi.staff().then((r) => r.items));

export function useEntities(): Entity[] {
  return useRequest(entities, []).data ?? [];
}

export function useCurrencies(): Currency[] {
  return useRequest(currencies, []).data ?? [];
}

export function useStaff(): Staff[] {
  return useRequest(staff, []).data ?? [];
}
