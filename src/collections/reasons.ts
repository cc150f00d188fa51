// Reasons the engine stores in text columns (step_firing.detail, outbox.error) as a message code of the shared
// catalog with its params, so the API, the CLI and the web say them in their user's language. Stored as JSON
// {"code", "params"}; older rows hold plain English text, which reads back as text without a code.
import { formatMessage, isMessageCode, type MessageCode, type MessageParams } from '../shared/messages';

export const codedReason = (code: MessageCode, params: MessageParams = {}): string =>
  JSON.stringify({ code, params });

export interface ReadReason {
  /** The English text (the code's English template filled in, or the stored text). */
  text: string | null;
  code: MessageCode | null;
  params: MessageParams | null;
}

export function readReason(stored: string | null): ReadReason {
  if (stored === null) return { text: null, code: null, params: null };
  if (isMessageCode(stored)) return { text: formatMessage('en', stored), code: stored, params: {} };
  if (stored.startsWith('{"code"')) {
    try {
      const parsed = JSON.parse(stored) as { code: unknown; params?: MessageParams };
      if (isMessageCode(parsed.code)) {
        const params = parsed.params ?? {};
        return { text: formatMessage('en', parsed.code, params), code: parsed.code, params };
      }
    } catch {
      // not one of ours: shown as stored
    }
  }
  return { text: stored, code: null, params: null };
}

/** A stored step detail as the API gives it: the English text, its code and params. */
export function detailFields(stored: string | null) {
  const reason = readReason(stored);
  return { detail: reason.text, detailCode: reason.code, detailParams: reason.params };
}

/** A stored message error (why it was cancelled or failed) as the API gives it. */
export function errorFields(stored: string | null) {
  const reason = readReason(stored);
  return { error: reason.text, errorCode: reason.code, errorParams: reason.params };
}
