// Navigation entries of the ledger screens (customers, invoices, payments, allocations, imports).
import type { Dictionary } from './types';

const dictionary: Dictionary = {
  'nav.customers': 'Customers',
  'nav.customerDetail': 'Customer',
  'nav.invoices': 'Invoices',
  'nav.payments': 'Payments',
  'nav.paymentNew': 'Record payment',
  'nav.paymentDetail': 'Payment',
  'nav.allocations': 'Allocation',
  'nav.imports': 'Import',
  'nav.importDetail': 'Import batch',
};

export default dictionary;
