// The one catalogue of what each import kind reads: field names, types, required flags and the column
// headers recognised without a mapping file (Chinese ERP exports such as Kingdee/Yonyou and English ones).
// The API exposes it at /api/imports/kinds; header recognition, mapping validation and row parsing read it.

import {
  AMOUNT,
  a,
  type Base,
  COLLECTOR,
  CURRENCY,
  CUSTOMER_CODE,
  CUSTOMER_NAME,
  DESCRIPTION,
  DISPUTED,
  DUE_DATE,
  ENTITY,
  f,
  INVOICE_NUMBER,
  ISSUE_DATE,
  NOTE,
  ORDER_NUMBER,
  PAYMENT_REFERENCE,
  SALESPERSON,
  SETTLED_DATE,
  TERMS_DAYS,
} from './field-defs';

export const IMPORT_KINDS = [
  'customers',
  'contacts',
  'invoices',
  'payments',
  'credit-notes',
  'orders',
  'history',
  // Loaded by collections (registered by the composition root, src/app/feature-links.ts): open promises to pay
  // and disputes of existing history.
  'promises',
  'disputes',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export type FieldType = 'text' | 'amount' | 'date' | 'integer' | 'boolean' | 'currency' | 'list';

export interface FieldDef {
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
  /** Headers recognised for this field; compared after `normalizeHeader` (case, spaces, punctuation). */
  aliases: string[];
  maxLength?: number;
}

const req = (base: Base, extraAliases: string[] = []): FieldDef => ({
  ...base,
  aliases: [...extraAliases, ...base.aliases],
  required: true,
});
const opt = (base: Base, extraAliases: string[] = []): FieldDef => ({
  ...base,
  aliases: [...extraAliases, ...base.aliases],
  required: false,
});
const text = (name: string, description: string, aliases: string[], maxLength?: number) =>
  f(name, 'text', description, aliases, maxLength);

export const KIND_FIELDS: Record<ImportKind, FieldDef[]> = {
  customers: [
    req(CUSTOMER_CODE),
    req(CUSTOMER_NAME, a('name|名称')),
    opt(
      text(
        'tax_id',
        'tax id (统一社会信用代码/税号)',
        a('tax id|tax number|vat no|vat number|税号|纳税人识别号|统一社会信用代码|信用代码'),
        100,
      ),
    ),
    opt(
      text(
        'parent_code',
        'parent / group customer code (集团)',
        a('parent code|parent|parent customer|上级客户|上级客户编码|集团客户编码|母公司编码'),
        64,
      ),
    ),
    opt(text('region', 'region (地区)', a('region|area|territory|地区|区域|片区'), 100)),
    opt(
      text(
        'country',
        'country: ISO code (CN) or name (中国, China)',
        a('country|country code|国家|国家地区'),
        100,
      ),
    ),
    opt(text('time_zone', 'IANA time zone, e.g. Asia/Shanghai', a('time zone|timezone|时区'), 64)),
    opt(text('language', 'language, e.g. zh-CN or en', a('language|lang|语言'), 20)),
    opt(
      text(
        'segment',
        'segment (客户分类)',
        a('segment|category|customer group|class|客户分类|客户类型|分类|行业'),
        100,
      ),
    ),
    opt({ ...TERMS_DAYS, name: 'payment_terms_days', description: 'payment terms in days (账期)' }),
    opt(SALESPERSON),
    opt(COLLECTOR),
  ],
  contacts: [
    req(CUSTOMER_CODE),
    req(
      text(
        'contact_name',
        'contact name (联系人)',
        a('contact name|contact|name|联系人|联系人姓名|姓名'),
        200,
      ),
    ),
    opt(
      text(
        'role',
        'finance, purchasing, owner, legal_rep, guarantor, sales or other (财务/采购/老板/法人/担保人/销售)',
        a('role|type|角色|身份|联系人类型'),
      ),
    ),
    opt(text('title', 'job title (职务)', a('title|position|job title|职务|职位|头衔'), 100)),
    opt(text('phone', 'phone (电话)', a('phone|telephone|tel|office phone|电话|座机|办公电话|固定电话'), 50)),
    opt(text('mobile', 'mobile (手机)', a('mobile|cell|mobile phone|手机|手机号|手机号码|移动电话'), 50)),
    opt(text('email', 'email (邮箱)', a('email|e-mail|mail|邮箱|电子邮件|电子邮箱'), 200)),
    opt(text('wechat', 'WeChat id (微信)', a('wechat|weixin|微信|微信号'), 100)),
    opt(f('do_not_contact', 'boolean', 'do not contact (勿扰)', a('do not contact|dnc|禁止联系|勿扰'))),
    opt(
      text(
        'preferred_hours',
        'preferred hours, e.g. 09:00-18:00',
        a('preferred hours|contact hours|联系时间|方便联系时间'),
      ),
    ),
    opt(text('language', 'language, e.g. zh-CN or en', a('language|lang|语言'), 20)),
    opt(
      f(
        'is_primary',
        'boolean',
        'primary contact (主要联系人)',
        a('primary|is primary|main contact|主要联系人|是否主联系人|首要联系人'),
      ),
    ),
  ],
  invoices: [
    opt(ENTITY),
    req(CUSTOMER_CODE),
    opt({ ...CUSTOMER_NAME, description: 'customer name; creates the customer when its code is unknown' }),
    req(INVOICE_NUMBER),
    req(ISSUE_DATE),
    opt(DUE_DATE),
    opt(TERMS_DAYS),
    req(AMOUNT),
    opt(CURRENCY),
    opt(ORDER_NUMBER),
    opt(DESCRIPTION),
    opt(DISPUTED),
  ],
  payments: [
    opt(ENTITY),
    req(CUSTOMER_CODE),
    req(PAYMENT_REFERENCE, a('单据编号|document no')),
    req(
      f(
        'received_date',
        'date',
        'date received (收款日期)',
        a(
          'received date|payment date|date received|value date|date|收款日期|到账日期|回款日期|单据日期|日期',
        ),
      ),
    ),
    req(AMOUNT, a('收款金额|回款金额|payment amount')),
    opt(CURRENCY),
    opt(
      text(
        'method',
        'method: bank transfer, acceptance bill (承兑汇票), cash, ...',
        a('method|payment method|结算方式|收款方式|付款方式'),
        100,
      ),
    ),
    opt(
      f(
        'invoice_numbers',
        'list',
        'invoice numbers the remittance names, separated by , ; or spaces',
        a('invoice numbers|invoice no|invoices|remittance|核销发票号|发票号|发票号码|对应发票'),
      ),
    ),
    opt(NOTE),
  ],
  'credit-notes': [
    opt(ENTITY),
    req(CUSTOMER_CODE),
    req(
      text(
        'credit_note_number',
        'credit note number (红字发票号)',
        a(
          'credit note no|credit note number|credit memo no|document no|number|红字发票号|红字发票号码|贷项通知单号|单据编号',
        ),
        100,
      ),
    ),
    req(ISSUE_DATE),
    req(AMOUNT),
    opt(CURRENCY),
    opt({
      ...INVOICE_NUMBER,
      description: 'the invoice it corrects (原发票号)',
      aliases: a(
        'original invoice|original invoice no|invoice no|invoice number|原发票号|蓝字发票号|发票号|发票号码',
      ),
    }),
    opt(text('reason', 'reason (红冲原因)', a('reason|memo|note|原因|红冲原因|退货原因|备注'))),
  ],
  orders: [
    opt(ENTITY),
    req(CUSTOMER_CODE),
    req({ ...ORDER_NUMBER, aliases: ['number', ...ORDER_NUMBER.aliases, '单据编号'] }),
    req(
      f('order_date', 'date', 'order date (订单日期)', a('order date|date|订单日期|下单日期|单据日期|日期')),
    ),
    req(AMOUNT, a('order amount|订单金额')),
    opt(CURRENCY),
    opt(
      f(
        'open_amount',
        'amount',
        'ordered, not yet shipped (default: amount when status is open)',
        a('open amount|unshipped amount|未发货金额|未出库金额'),
      ),
    ),
    opt(
      f(
        'shipped_not_invoiced_amount',
        'amount',
        'shipped, not yet invoiced (default: amount when status is shipped)',
        a('shipped not invoiced|uninvoiced shipments|已发货未开票金额|发出商品金额'),
      ),
    ),
    opt(
      text(
        'status',
        'open, shipped, invoiced, closed or cancelled (未发货/已发货/已开票/关闭/作废)',
        a('status|order status|状态|订单状态'),
      ),
    ),
  ],
  history: [
    opt(ENTITY),
    req(CUSTOMER_CODE),
    opt({ ...CUSTOMER_NAME, description: 'customer name; creates the customer when its code is unknown' }),
    req(INVOICE_NUMBER),
    req(ISSUE_DATE),
    opt(DUE_DATE),
    opt(TERMS_DAYS),
    req(AMOUNT),
    opt(CURRENCY),
    opt(SETTLED_DATE),
    opt({
      ...PAYMENT_REFERENCE,
      description: 'reference of the settling payment; default HIST-<invoice number>',
    }),
    opt(ORDER_NUMBER),
    opt(DESCRIPTION),
    opt(DISPUTED),
  ],
  promises: [
    opt(ENTITY),
    req(CUSTOMER_CODE),
    req(AMOUNT, a('promised amount|承诺金额|承诺还款金额')),
    opt(CURRENCY),
    req(
      f(
        'promised_on',
        'date',
        'date the customer promised (承诺日期)',
        a('promised on|promise date|date promised|承诺日期|登记日期'),
      ),
    ),
    req(
      f(
        'due_on',
        'date',
        'date the customer promised to pay by (承诺还款日)',
        a('due on|pay by|promised payment date|承诺还款日|承诺付款日|还款日期'),
      ),
    ),
    opt(NOTE),
  ],
  disputes: [
    opt(ENTITY),
    req(INVOICE_NUMBER),
    req(
      text(
        'reason_code',
        'reason: price, quantity, quality, not_delivered, duplicate, already_paid or other (价格/数量/质量/未收货/重复/已付款/其他)',
        a('reason|reason code|dispute reason|异议原因|争议原因|原因'),
      ),
    ),
    opt(
      f(
        'amount',
        'amount',
        "amount in dispute; default the invoice's open amount",
        a('amount|disputed amount|异议金额|争议金额|金额'),
      ),
    ),
    opt({
      ...CURRENCY,
      description: "currency of the amount; it must be the invoice's (default the entity's)",
    }),
    req(
      f(
        'raised_on',
        'date',
        'date the customer raised it (提出日期)',
        a('raised on|raised date|dispute date|date|提出日期|异议日期|登记日期|日期'),
      ),
    ),
    opt(
      text(
        'owner_department',
        'department that owns it (负责部门)',
        a('owner department|department|owner|负责部门|责任部门|部门'),
        100,
      ),
    ),
    opt(NOTE),
  ],
};

export function fieldsOf(kind: ImportKind): FieldDef[] {
  return KIND_FIELDS[kind];
}

export function fieldOf(kind: ImportKind, name: string): FieldDef | undefined {
  return KIND_FIELDS[kind].find((field) => field.name === name);
}
