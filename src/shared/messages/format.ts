// Turns a message code and its params into text in one locale. Pure code with no Node API: the server (its
// English `message`), the CLI (its locale) and the web (the user's locale) share it.
import { MESSAGES, type MessageCode, type MessageLocale, REASON_PATTERNS, REASONS, TERMS } from './catalog';

/** A message inside another's params (the holder of a lock, a hint): formatted in the same locale. */
export interface NestedMessage {
  messageCode: MessageCode;
  params?: MessageParams;
}
export type MessageParams = { [name: string]: string | number | NestedMessage };

const isNested = (value: unknown): value is NestedMessage =>
  typeof value === 'object' && value !== null && isMessageCode((value as NestedMessage).messageCode);

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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (isNested(value)) return formatMessage(locale, value.messageCode, value.params);
    return localizeParam(locale, name, value as string | number);
  });
}

/**
 * A row or field problem's reason in the locale: from the catalog when its code is a message code (import
 * problems, coded reasons), else one of the recurring short reasons, else the English text as sent.
 */
export function problemText(
  locale: MessageLocale,
  problem: { reason: string; code?: string; params?: MessageParams },
): string {
  if (isMessageCode(problem.code)) return formatMessage(locale, problem.code, problem.params ?? {});
  return localizeReason(locale, problem.reason);
}

/** A row or field problem's reason in the locale, when it is one of the recurring short reasons. */
export function localizeReason(locale: MessageLocale, reason: string): string {
  if (locale === 'en') return reason;
  if (REASONS[reason]) return REASONS[reason];
  for (const [pattern, text] of REASON_PATTERNS)
    if (pattern.test(reason)) return reason.replace(pattern, text);
  return reason;
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

/**
 * A message kept in a text column (why a step was skipped): its code and params as JSON, so it is shown in
 * each reader's language. Text written before (plain English) is read back as it is.
 */
export function storedMessage(code: MessageCode, params: Record<string, string | number> = {}): string {
  return JSON.stringify({ messageCode: code, params });
}

/** A stored message's code and params; null for legacy plain text (or nothing). */
export function readStoredMessage(
  text: string | null | undefined,
): { messageCode: MessageCode; params: Record<string, string | number> } | null {
  if (!text?.startsWith('{"messageCode"')) return null;
  try {
    const value = JSON.parse(text) as { messageCode?: unknown; params?: unknown };
    if (!isMessageCode(value.messageCode)) return null;
    const params = typeof value.params === 'object' && value.params !== null ? value.params : {};
    return { messageCode: value.messageCode, params: params as Record<string, string | number> };
  } catch {
    return null;
  }
}

/** A stored message in the locale; legacy plain text as it is. */
export function storedMessageText(locale: MessageLocale, text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const coded = readStoredMessage(text);
  return coded ? formatMessage(locale, coded.messageCode, coded.params) : text;
}
