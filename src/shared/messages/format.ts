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

/**
 * Params as they arrive (an API answer, a stored row): typed MessageParams where they are built, but read
 * here as whatever they are, a nested message recognised by its code.
 */
export type ReceivedParams = Readonly<Record<string, unknown>>;

export function formatMessage(locale: MessageLocale, code: MessageCode, params: ReceivedParams = {}): string {
  const template = MESSAGES[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (isNested(value)) return formatMessage(locale, value.messageCode, value.params);
    if (typeof value === 'string' || typeof value === 'number') return localizeParam(locale, name, value);
    return String(value);
  });
}

/**
 * A row or field problem's reason in the locale: from the catalog when its code is a message code (import
 * problems, coded reasons), else one of the recurring short reasons, else the English text as sent.
 */
export function problemText(
  locale: MessageLocale,
  problem: { reason: string; code?: string; params?: ReceivedParams },
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
