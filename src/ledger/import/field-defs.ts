// The shared field definitions the import kinds are made of (see fields.ts): what a field is, and the
// headers ERP exports give it, Chinese and English.
import type { FieldDef, FieldType } from './fields';

export type Base = Omit<FieldDef, 'required'>;

/** Aliases written as one '|'-separated string, so the catalogue reads as a table. */
export const a = (list: string): string[] => list.split('|');

export const f = (
  name: string,
  type: FieldType,
  description: string,
  aliases: string[],
  maxLength?: number,
): Base => ({ name, type, description, aliases, maxLength });

// Shared field definitions; kinds pick from them and may add aliases of their own.
export const ENTITY = f(
  'entity',
  'text',
  'selling entity code (账套/法人主体); else defaults.entity, else the only entity',
  a('entity|entity code|company code|legal entity|主体|法人主体|主体编码|账套|公司代码|组织编码'),
);
export const CUSTOMER_CODE = f(
  'customer_code',
  'text',
  'customer code (客户编码)',
  a(
    'customer code|customer|customer no|customer number|customer id|cust code|debtor code|account no|客户编码|客户代码|客户编号|客户号',
  ),
  64,
);
export const CUSTOMER_NAME = f(
  'customer_name',
  'text',
  'customer name (客户名称)',
  a('customer name|debtor name|customer full name|客户名称|客户|客户全称|购货单位|购买方名称'),
  300,
);
export const INVOICE_NUMBER = f(
  'invoice_number',
  'text',
  'invoice number (发票号/单据编号)',
  a(
    'invoice no|invoice number|invoice|invoice #|inv no|document no|document number|单据编号|发票号|发票号码|发票编号|应收单号|单据号',
  ),
  100,
);
export const ISSUE_DATE = f(
  'issue_date',
  'date',
  'invoice date (开票日期)',
  a('invoice date|issue date|document date|posting date|date|开票日期|单据日期|业务日期|发票日期|日期'),
);
export const DUE_DATE = f(
  'due_date',
  'date',
  "due date (到期日); when absent it is issue date + terms_days or the customer's payment terms",
  a('due date|due|payment due date|net due date|到期日|到期日期|应收日期|收款到期日'),
);
export const TERMS_DAYS = f(
  'terms_days',
  'integer',
  'payment terms in days, to derive the due date (账期)',
  a('terms days|terms|payment terms|credit days|账期|账期天数|信用期|信用天数|付款期限|收款期限'),
);
export const AMOUNT = f(
  'amount',
  'amount',
  'amount in the document currency, e.g. 1,234.50 or ¥1,234.50',
  a('amount|total|invoice amount|gross amount|amount due|金额|价税合计|应收金额|发票金额|含税金额'),
);
export const CURRENCY = f(
  'currency',
  'currency',
  "ISO currency (币种); else defaults.currency, else the entity's",
  a('currency|curr|ccy|币种|币别|货币'),
);
export const SALESPERSON = f(
  'salesperson',
  'text',
  'salesperson (业务员): user name or display name',
  a('salesperson|sales rep|sales|account manager|业务员|销售员|销售'),
  100,
);
export const COLLECTOR = f(
  'collector',
  'text',
  'collector (催收员): user name or display name',
  a('collector|ar specialist|催收员|收款员|应收专员'),
  100,
);
export const DISPUTED = f(
  'disputed',
  'boolean',
  'invoice in dispute (争议): yes/no, 是/否, 1/0',
  a('disputed|dispute|in dispute|争议|是否争议|有争议'),
);
export const ORDER_NUMBER = f(
  'order_number',
  'text',
  'sales order number (订单号)',
  a('order no|order number|sales order|so number|po|订单号|销售订单号|订单编号|合同号'),
  100,
);
export const DESCRIPTION = f(
  'description',
  'text',
  'description (摘要)',
  a('description|memo|text|摘要|描述|说明|备注'),
);
export const PAYMENT_REFERENCE = f(
  'payment_reference',
  'text',
  'payment reference (收款单号/流水号)',
  a(
    'payment ref|payment reference|reference|ref|receipt no|payment no|收款单号|收款单编号|回款单号|流水号|银行流水号',
  ),
  100,
);
export const SETTLED_DATE = f(
  'settled_date',
  'date',
  'date the invoice was settled (结清日期); empty = still open',
  a(
    'settled date|paid date|settlement date|payment date|date paid|cleared date|核销日期|结清日期|收款日期|付款日期',
  ),
);
export const NOTE = f('note', 'text', 'note (备注)', a('note|memo|remark|remarks|备注|摘要|说明'));
