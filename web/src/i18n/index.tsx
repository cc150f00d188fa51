// A tiny i18n: one dictionary per locale, merged from the core files (zh-CN.ts, en.ts) and every feature's
// own files, found by name so features never edit each other's dictionaries:
//   web/src/i18n/<feature>.zh-CN.ts + <feature>.en.ts, or web/src/pages/<feature>/i18n.zh-CN.ts + i18n.en.ts
// Each file default-exports a Dictionary. The choice of locale is kept in localStorage.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import en from './en';
import type { Dictionary, Locale, Translate, Vars } from './types';
import zhCN from './zh-CN';

export type { Dictionary, Locale, Translate } from './types';

type Module = { default: Dictionary };
const zhFeatures = import.meta.glob<Module>(['./*.zh-CN.ts', '../pages/**/*.zh-CN.ts'], { eager: true });
const enFeatures = import.meta.glob<Module>(['./*.en.ts', '../pages/**/*.en.ts'], { eager: true });

function merge(core: Dictionary, features: Record<string, Module>): Dictionary {
  const merged: Dictionary = { ...core };
  for (const path of Object.keys(features).sort()) Object.assign(merged, features[path].default);
  return merged;
}

export const dictionaries: Record<Locale, Dictionary> = {
  'zh-CN': merge(zhCN, zhFeatures),
  en: merge(en, enFeatures),
};

const STORAGE_KEY = 'huikuan.locale';

// The locale in use, for code outside React that formats text (errorText); kept by I18nProvider.
let currentLocale: Locale = 'zh-CN';
export function activeLocale(): Locale {
  return currentLocale;
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall back to the default
  }
  return 'zh-CN';
}

/** Text for a key; a missing key falls back to the other locale, then to the key itself (visible in QA). */
export function translate(locale: Locale, key: string, vars?: Vars): string {
  const text = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? dictionaries.en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}

/** Text for a key when the dictionary has one, else `fallback` (for open-ended values such as a method). */
export function labelOr(t: Translate, key: string, fallback: string, vars?: Vars): string {
  const text = t(key, vars);
  return text === key ? fallback : text;
}

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({
  locale: 'zh-CN',
  setLocale: () => {},
  t: (key, vars) => translate('zh-CN', key, vars),
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    currentLocale = first;
    document.documentElement.lang = first;
    return first;
  });
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    currentLocale = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the switch still applies to this page
    }
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function of the current locale. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): { locale: Locale; setLocale(locale: Locale): void } {
  const { locale, setLocale } = useContext(I18nContext);
  return { locale, setLocale };
}
