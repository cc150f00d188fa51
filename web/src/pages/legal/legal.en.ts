// Limitation periods (诉讼时效).
import type { Dictionary } from '../../i18n/types';

const dictionary: Dictionary = {
  'nav.legal.limitation': 'Limitation periods',
  'limitation.title': 'Limitation periods (诉讼时效)',
  'limitation.asOf': 'As of',
  'limitation.invoice': 'Invoice',
  'limitation.customer': 'Customer',
  'limitation.open': 'Open',
  'limitation.due': 'Due',
  'limitation.start': 'Period from',
  'limitation.expiry': 'Expires',
  'limitation.expiryWithWeak': 'With weak restarts',
  'limitation.setBy': 'Set by',
  'limitation.daysLeft': 'Days left',
  'limitation.band': 'Alert',
  'limitation.action': 'Suggested action',
  'limitation.fallback':
    'Rest days of years the holiday calendar does not cover are taken as Saturday and Sunday.',
  'limitation.waived': 'defence waived by {kind} of {on}',
  'limitation.weak': 'weak (no proof on file)',
  'limitation.band.ok': 'More than 180 days',
  'limitation.band.180': '≤ 180 days',
  'limitation.band.90': '≤ 90 days',
  'limitation.band.30': '≤ 30 days',
  'limitation.band.expired': 'Expired',
  'limitation.kind.due': 'Due date',
  'limitation.kind.payment': 'Partial payment',
  'limitation.kind.promise': 'Promise to pay',
  'limitation.kind.plan': 'Payment plan',
  'limitation.kind.acknowledgement': 'Signed confirmation',
  'limitation.kind.demand': 'Demand sent',
  'limitation.kind.suit': 'Suit or arbitration',
};

export default dictionary;
