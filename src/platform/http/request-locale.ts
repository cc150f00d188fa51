// The language a request wants its files (exports) in: `?locale=zh-CN|en` (the web sends the language the
// user chose), else the first language of Accept-Language (zh… → zh-CN), else English — the language of the
// server's own messages, so scripts get what they always got.
import { Type } from 'typebox';
import type { MessageLocale } from '../../shared/messages';

export const LocaleQuery = Type.Optional(
  Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], {
    description: 'language of a CSV or Excel export; default: Accept-Language, else en',
  }),
);

export function requestLocale(request: {
  query?: unknown;
  headers: Record<string, string | string[] | undefined>;
}): MessageLocale {
  const asked = (request.query as { locale?: unknown } | undefined)?.locale;
  if (asked === 'zh-CN' || asked === 'en') return asked;
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() ?? '';
  return /^zh\b/i.test(first) ? 'zh-CN' : 'en';
}
