// The templates a strategy step can name: messages (email, letter, statement), SMS, and the instructions of
// worklist tasks (call scripts, escalations). Each locale is one file (zh-CN.ts, en.ts); adding a locale is
// adding a file and one line in LOCALES. Texts are polite and factual: consequences are stated, never
// threatened (no abusive or threatening language, per the compliance rules).
import { EN } from './en';
import type { LocaleTexts, TemplateKind } from './types';
import { ZH_CN } from './zh-CN';

export type { LocaleTexts, TemplateKind, TemplateText, Tone } from './types';

export const LOCALES: Record<string, LocaleTexts> = { 'zh-CN': ZH_CN, en: EN };
export const DEFAULT_LOCALE = 'zh-CN';

const KIND_OF_ACTION: Record<string, TemplateKind> = {
  email: 'message',
  letter: 'message',
  statement: 'message',
  sms: 'sms',
  call: 'task',
  visit: 'task',
  escalate: 'task',
  credit_hold: 'task',
  legal_review: 'task',
  agency_referral: 'task',
};

/** A template exists for an action when every locale has it with the kind the action needs. */
export function templateExists(key: string, action: string): boolean {
  const kind = KIND_OF_ACTION[action];
  return Object.values(LOCALES).every((texts) => texts[key]?.kind === kind);
}

/** `zh`, `zh-Hans`, `zh_CN` → zh-CN; `en-US` → en; unknown → the fallback. */
export function resolveLocale(language: string | null | undefined, fallback = DEFAULT_LOCALE): string {
  const value = (language ?? '').trim().toLowerCase().replace('_', '-');
  if (value.startsWith('zh')) return 'zh-CN';
  if (value.startsWith('en')) return 'en';
  return LOCALES[fallback] ? fallback : DEFAULT_LOCALE;
}

export function listTemplates(): Array<{ key: string; kind: TemplateKind; tone: string; locales: string[] }> {
  const keys = Object.keys(LOCALES[DEFAULT_LOCALE]);
  return keys.map((key) => ({
    key,
    kind: LOCALES[DEFAULT_LOCALE][key].kind,
    tone: LOCALES[DEFAULT_LOCALE][key].tone,
    locales: Object.keys(LOCALES).filter((locale) => LOCALES[locale][key]),
  }));
}
