// Calls for the ledger screens; one function per endpoint so pages never build URLs themselves.
import { api, type Page, type Query } from './client';
import type {
  Contact,
  CreditNote,
  Currency,
  Customer,
  CustomerDetail,
  Entity,
  Invoice,
  InvoiceDetail,
  OpenItems,
  Payment,
  PaymentDetail,
  Staff,
} from './types';

const id = (value: number | string) => encodeURIComponent(String(value));

export const referenceApi = {
  entities: () => api.get<{ items: Entity[] }>('/entities'),
  currencies: () => api.get<{ items: Currency[] }>('/currencies'),
  staff: () => api.get<{ items: Staff[] }>('/staff'),
};

export const customersApi = {
  list: (query: Query) => api.get<Page<Customer>>('/customers', query),
  get: (customerId: number | string) => api.get<CustomerDetail>(`/customers/${id(customerId)}`),
  contacts: (customerId: number | string) =>
    api.get<{ items: Contact[] }>(`/customers/${id(customerId)}/contacts`),
  openItems: (customerId: number | string) => api.get<OpenItems>(`/customers/${id(customerId)}/open-items`),
};

export const invoicesApi = {
  list: (query: Query) => api.get<Page<Invoice>>('/invoices', query),
  get: (invoiceId: number | string) => api.get<InvoiceDetail>(`/invoices/${id(invoiceId)}`),
  update: (invoiceId: number, patch: { disputed?: boolean; description?: string; orderNumber?: string }) =>
    api.patch<Invoice>(`/invoices/${id(invoiceId)}`, patch),
};

export interface NewPayment {
  entityId: number;
  customerId: number;
  reference: string;
  receivedDate: string;
  currency: string;
  amount: number;
  method?: string;
  remittanceInvoiceNumbers?: string[];
  note?: string;
  autoAllocate?: boolean;
}

export const paymentsApi = {
  list: (query: Query) => api.get<Page<Payment>>('/payments', query),
  get: (paymentId: number | string) => api.get<PaymentDetail>(`/payments/${id(paymentId)}`),
  create: (payment: NewPayment) => api.post<PaymentDetail>('/payments', payment),
  autoAllocate: (paymentId: number) => api.post<PaymentDetail>(`/payments/${id(paymentId)}/auto-allocate`),
  reverse: (paymentId: number, body: { reversedOn: string; reason: string }) =>
    api.post<PaymentDetail>(`/payments/${id(paymentId)}/reverse`, body),
};

export const creditNotesApi = {
  list: (query: Query) => api.get<Page<CreditNote>>('/credit-notes', query),
};

export const allocationsApi = {
  create: (body: {
    invoiceId: number;
    paymentId?: number;
    creditNoteId?: number;
    amount: number;
    effectiveOn?: string;
  }) => api.post<{ id: number }>('/allocations', body),
  reverse: (allocationId: number, reversedOn?: string) =>
    api.post<{ id: number }>(`/allocations/${id(allocationId)}/reverse`, reversedOn ? { reversedOn } : {}),
};
