// Who may receive a dunning message (pure). Guardrails from the compliance rules, enforced here rather than
// left to people: never a contact marked do-not-contact (excluded when loading) or without consent for the
// channel; only the debtor's own people are pressed for payment, guarantors only in strong collection, and
// never a third party (roles `sales` and `other` are not addressed).
import type { Stage } from '../strategy/strategy-schema';
import type { ContactRow } from './snapshot-queries';

export interface Recipient {
  /** null: a letter addressed to the company itself. */
  contactId: number | null;
  name: string;
  address: string;
  language: string | null;
}

const ROLE_ORDER: Record<string, number> = {
  finance: 0,
  owner: 1,
  legal_rep: 2,
  purchasing: 3,
  guarantor: 4,
};

export function chooseRecipients(
  contacts: readonly ContactRow[],
  channel: 'email' | 'sms' | 'letter',
  stage: Stage,
): Recipient[] {
  const eligible = contacts
    .filter((c) => c.role in ROLE_ORDER && (c.role !== 'guarantor' || stage === 'strong'))
    .filter((c) => c.channels?.[channel] !== false)
    .filter((c) => (channel === 'email' ? !!c.email : channel === 'sms' ? !!c.mobile : true))
    .sort(
      (a, b) =>
        Number(b.is_primary) - Number(a.is_primary) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.id - b.id,
    );
  // An email goes to the primary contact and one more debtor contact at most; an SMS or letter to one person.
  const limit = channel === 'email' ? 2 : 1;
  return eligible.slice(0, limit).map((c) => ({
    contactId: c.id,
    name: c.name,
    address: channel === 'email' ? c.email! : channel === 'sms' ? c.mobile! : c.name,
    language: c.language,
  }));
}
