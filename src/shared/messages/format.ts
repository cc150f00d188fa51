// Turns a message code and its params into text in one locale. Pure code with no Node API: the server (its
// English `message`), the CLI (its locale) and the web (the user's locale) share it.
import { MESSAGES, type MessageCode, type MessageLocale, REASONS, TERMS } from './catalog';

export type MessageParams = Record<string, string | number>;

export const MESSAGE_LOCALES: readonly MessageLocale[] = ['zh-CN', 'en'];

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}

/** A parameter value in the locale: English values are the source; Chinese ones come from TERMS. */
export function localizeParam(locale: MessageLocale, name: string, value: string | number): string {
  const text = String(value);
  if (locale === 'en') return text;
  const group = TERMS[name];
  if (!group) return text;
  // A list ("entity_id, number") translates item by item.
  return text
    .split(', ')
    .map((part) => group[part.toLowerCase()] ?? part)
    .join('、');
}

export function formatMessage(locale: MessageLocale, code: MessageCode, params: MessageParams = {}): string {
  const template = MESSAGES[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : localizeParam(locale, name, params[name]),
  );
}

/** A row or field problem's reason in the locale, when it is one of the recurring short reasons. */
export function localizeReason(locale: MessageLocale, reason: string): string {
  return locale === 'en' ? reason : (REASONS[reason] ?? reason);
}

/** The CLI's locale: `--locale xx` on the command line, else LC_ALL / LC_MESSAGES / LANG (zh_* → zh-CN). */
export function localeFrom(argv: readonly string[], env: Record<string, string | undefined>): MessageLocale {
  const flag = argv.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  const value =
    flag >= 0
      ? argv[flag].includes('=')
        ? argv[flag].slice('--locale='.length)
        : argv[flag + 1]
      : (env.HUIKUAN_LOCALE ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '');
  return /^zh/i.test(value ?? '') ? 'zh-CN' : 'en';
}
