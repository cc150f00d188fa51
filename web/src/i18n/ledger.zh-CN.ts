// Navigation entries of the ledger screens (customers, invoices, payments, allocations, imports).
import type { Dictionary } from './types';

const dictionary: Dictionary = {
  'nav.customers': '客户',
  'nav.customerDetail': '客户详情',
  'nav.invoices': '发票',
  'nav.payments': '收款',
  'nav.paymentNew': '登记收款',
  'nav.paymentDetail': '收款详情',
  'nav.allocations': '核销',
  'nav.imports': '导入',
  'nav.importDetail': '导入批次',
};

export default dictionary;
