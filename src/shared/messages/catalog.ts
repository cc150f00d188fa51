// The one catalog of user-facing server messages: a stable message code → an English and a Chinese template
// with named {params}. The server sends the code, the params and the English text; the web translates the code
// with these same templates (web/src/i18n merges this file), the CLI prints in its locale. Never copy it.
//
// The English template must give exactly the English message the code replaces: tests and scripts read it.

export type MessageLocale = 'zh-CN' | 'en';
export interface MessageText {
  en: string;
  'zh-CN': string;
}

export const MESSAGES = {
  // Lookups and database rules (src/platform/errors.ts)
  notFound: { en: '{what} {key} not found', 'zh-CN': '{what} {key} 不存在' },
  alreadyExists: { en: '{field} {value} already exists', 'zh-CN': '{field}为“{value}”的记录已存在' },
  alreadyExistsRule: { en: 'Already exists: {rule}', 'zh-CN': '记录已存在（{rule}）' },
  refersToMissing: {
    en: 'Refers to something that does not exist: {field} {value}',
    'zh-CN': '引用的{field}“{value}”不存在',
  },
  refersToMissingRule: {
    en: 'Refers to something that does not exist: {rule}',
    'zh-CN': '引用的记录不存在（{rule}）',
  },
  stillReferenced: {
    en: 'Still referenced by other records: {rule}',
    'zh-CN': '仍被其他记录引用，不能删除（{rule}）',
  },
  overAllocated: {
    en: 'Allocation would exceed the open amount ({document})',
    'zh-CN': '核销金额将超过{document}的未结金额',
  },
  breaksRule: { en: 'Value breaks rule {rule}', 'zh-CN': '数值不符合规则 {rule}' },
  invalidValue: { en: '{detail}', 'zh-CN': '数值无效：{detail}' },
  invalidRequest: { en: 'Invalid request: {detail}', 'zh-CN': '请求无效，请检查标出的字段' },
  internal: { en: 'Internal error; see the server log', 'zh-CN': '内部错误，请查看服务器日志' },
  noRoute: { en: 'No route {method} {url}', 'zh-CN': '没有此接口：{method} {url}' },
  rateLimited: { en: 'Too many requests; wait a moment', 'zh-CN': '请求过于频繁，请稍候再试' },
  payloadTooLarge: { en: 'The file is larger than the upload limit', 'zh-CN': '文件超过上传大小限制' },

  // Who may do what (src/platform/auth, src/auth)
  signInFirst: {
    en: 'Sign in first (session expired or missing)',
    'zh-CN': '请先登录（会话已过期或不存在）',
  },
  signInFirstShort: { en: 'Sign in first', 'zh-CN': '请先登录' },
  notAllowed: { en: 'Not allowed: {permission}', 'zh-CN': '没有权限：{permission}' },
  routeClosed: {
    en: 'Route {method} {url} has no access rule and is closed to everyone',
    'zh-CN': '接口 {method} {url} 没有访问规则，对所有人关闭',
  },
  tokenReadOnly: { en: 'This API token is read-only', 'zh-CN': '此 API 令牌只读' },
  csrfMissing: {
    en: 'Missing or wrong {header} header',
    'zh-CN': '缺少或错误的 {header} 请求头，请刷新页面',
  },
  passwordWrong: { en: 'The current password is wrong', 'zh-CN': '当前密码不正确' },
  passwordRejected: { en: 'The new password is not accepted', 'zh-CN': '新密码不符合要求' },
  userCannotBeCreated: { en: 'The user cannot be created', 'zh-CN': '无法创建用户' },
  userCannotBeChanged: { en: 'The user cannot be changed', 'zh-CN': '无法修改用户' },
  userDisabled: { en: 'The user is disabled', 'zh-CN': '该用户已停用' },
  tokenCannotBeCreated: { en: 'The token cannot be created', 'zh-CN': '无法创建令牌' },
  tokenForWhom: { en: 'Say which user the token is for', 'zh-CN': '请指定令牌所属的用户' },
  tokensOfOthers: {
    en: 'Only an administrator can list others’ tokens',
    'zh-CN': '只有管理员可以查看他人的令牌',
  },
  tokenForOthers: {
    en: 'Only an administrator can make tokens for someone else',
    'zh-CN': '只有管理员可以为他人创建令牌',
  },
  lastAdmin: {
    en: 'This is the last administrator; make someone else admin first',
    'zh-CN': '这是最后一位管理员，请先指定其他管理员',
  },
  lastEnabledAdmin: {
    en: 'This is the last enabled administrator; make someone else admin first',
    'zh-CN': '这是最后一位启用的管理员，请先指定其他管理员',
  },
  cannotDisableSelf: { en: 'You cannot disable yourself', 'zh-CN': '不能停用自己' },
  rolesInvalid: { en: 'Some roles are not valid', 'zh-CN': '部分角色无效' },
  rolesOutsideEntities: {
    en: 'Roles can be granted or revoked only within your own entities; a role for all entities needs an administrator for all entities',
    'zh-CN': '只能在自己所属的主体内授予或撤销角色；面向全部主体的角色需由全部主体的管理员授予',
  },
  auditFilterInvalid: { en: 'Invalid audit filter', 'zh-CN': '审计筛选条件无效' },

  // Lists
  cursorInvalid: {
    en: 'cursor is not valid for this list; start again without it',
    'zh-CN': '分页位置对此列表无效，请从第一页重新开始',
  },
  limitRange: { en: 'limit must be an integer from 1 to {max}', 'zh-CN': '每页条数须为 1 到 {max} 的整数' },
  sortOneOf: { en: 'sort must be one of {allowed}', 'zh-CN': '排序方式须为以下之一：{allowed}' },

  // Ledger
  customerCodeTaken: { en: 'Customer code {code} already exists', 'zh-CN': '客户编码 {code} 已存在' },
  entityCodeTaken: { en: 'Entity code {code} already exists', 'zh-CN': '主体编码 {code} 已存在' },
  invoiceNumberTaken: {
    en: 'Invoice number {number} already exists for entity {entity}',
    'zh-CN': '主体 {entity} 已有发票号 {number}',
  },
  contactNameTaken: {
    en: 'This customer already has a contact named {name}',
    'zh-CN': '该客户已有名为 {name} 的联系人',
  },
  contactReferenced: {
    en: 'Contact {id} is referenced by collection records and cannot be deleted; set doNotContact instead',
    'zh-CN': '联系人 {id} 已被催收记录引用，不能删除；请改为设置“请勿联系”',
  },
  paymentInvalid: { en: 'The payment is not valid', 'zh-CN': '付款信息无效' },
  creditNoteInvalid: { en: 'The credit note is not valid', 'zh-CN': '贷项通知单无效' },
  allocationInvalid: { en: 'The allocation is not valid', 'zh-CN': '核销无效' },
  reversalInvalid: { en: 'The reversal is not valid', 'zh-CN': '冲销无效' },
  writeOffInvalid: { en: 'The write-off is not valid', 'zh-CN': '核销坏账无效' },
  paymentReversed: {
    en: 'Payment {reference} was reversed on {date}',
    'zh-CN': '付款 {reference} 已于 {date} 冲销',
  },
  paymentAlreadyReversed: {
    en: 'Payment {reference} was already reversed on {date}',
    'zh-CN': '付款 {reference} 已于 {date} 冲销过',
  },
  allocationAlreadyReversed: {
    en: 'Allocation {id} was already reversed on {date}',
    'zh-CN': '核销 {id} 已于 {date} 撤销过',
  },
  documentsMismatch: {
    en: 'These documents cannot be allocated to each other',
    'zh-CN': '这些单据不能相互核销',
  },
  allocationDate: {
    en: 'The allocation cannot take effect on that date',
    'zh-CN': '核销不能在该日期生效',
  },
  raceRetry: {
    en: 'The same documents were being changed at the same time; try again',
    'zh-CN': '相同单据正被同时修改，请重试',
  },
  raceOverAllocated: {
    en: 'The {document} was allocated by someone else at the same time: the allocation would exceed its open amount',
    'zh-CN': '{document}刚被他人同时核销：本次核销将超过其未结金额',
  },
  unknownCurrency: { en: 'Unknown currency {currency}', 'zh-CN': '未知币种 {currency}' },
  noRate: {
    en: 'No exchange rate {from}→{to} (or {to}→{from}) on or before {date}',
    'zh-CN': '{date} 及之前没有 {from}→{to}（或 {to}→{from}）的汇率',
  },
  oldXls: {
    en: 'Old binary .xls files are not read; save the sheet as .xlsx or CSV',
    'zh-CN': '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV',
  },
  mappingInvalid: { en: 'The mapping is not valid', 'zh-CN': '字段映射无效' },

  // Collections
  caseClosed: { en: 'Case {id} is closed', 'zh-CN': '案件 {id} 已结案' },
  taskAlreadyDone: { en: 'Task {id} is already {status}', 'zh-CN': '任务 {id} 已是“{status}”状态' },
  promiseInvalid: { en: 'Invalid promise', 'zh-CN': '承诺付款无效' },
  planInvalid: { en: 'Invalid payment plan', 'zh-CN': '还款计划无效' },
  strategyRulesInvalid: { en: 'Invalid strategy rules', 'zh-CN': '策略规则无效' },
  simulationInvalid: { en: 'Invalid simulation', 'zh-CN': '模拟参数无效' },

  // Reports
  dateRequired: { en: '{field} must be a date YYYY-MM-DD', 'zh-CN': '{field}须为 YYYY-MM-DD 格式的日期' },
  fromAfterTo: { en: 'from must be on or before to', 'zh-CN': '开始日期不能晚于结束日期' },

  // Report exports (CSV and Excel, src/analytics/report-tables.ts): sheet names, headers and labels
  xGroup: { en: 'Group', 'zh-CN': '分组' },
  xCode: { en: 'Code', 'zh-CN': '编码' },
  xCustomer: { en: 'Customer', 'zh-CN': '客户' },
  xCustomerCode: { en: 'Customer code', 'zh-CN': '客户编码' },
  xEntity: { en: 'Entity', 'zh-CN': '主体' },
  xCurrency: { en: 'Currency', 'zh-CN': '币种' },
  xAmount: { en: 'Amount', 'zh-CN': '金额' },
  xInvoices: { en: 'Invoices', 'zh-CN': '发票数' },
  xTotal: { en: 'Total', 'zh-CN': '合计' },
  xTotalIn: { en: 'Total ({currency})', 'zh-CN': '合计（{currency}）' },
  xBucketCount: { en: '{bucket} #', 'zh-CN': '{bucket} 笔数' },
  xByCurrency: { en: 'By currency', 'zh-CN': '按币种' },
  xAgingTitleDue: { en: 'Aging {asOf} (due)', 'zh-CN': '账龄 {asOf}（按到期日）' },
  xAgingTitleInvoice: { en: 'Aging {asOf} (invoice)', 'zh-CN': '账龄 {asOf}（按开票日）' },
  xInvoicesTitle: { en: 'Invoices {asOf}', 'zh-CN': '发票 {asOf}' },
  xInvoice: { en: 'Invoice', 'zh-CN': '发票号' },
  xOpenOn: { en: 'Open on {date}', 'zh-CN': '{date} 未结金额' },
  xIssueDate: { en: 'Issue date', 'zh-CN': '开票日期' },
  xDueDate: { en: 'Due date', 'zh-CN': '到期日' },
  xDaysPastDue: { en: 'Days past due', 'zh-CN': '逾期天数' },
  xAgeDays: { en: 'Age (days)', 'zh-CN': '账龄（天）' },
  xBucketNotDue: { en: 'Not yet due', 'zh-CN': '未到期' },
  xBucketRange: { en: '{min}–{max}', 'zh-CN': '{min}–{max} 天' },
  xBucketAbove: { en: '>{days}', 'zh-CN': '{days} 天以上' },
  xFrom: { en: 'From', 'zh-CN': '开始日期' },
  xTo: { en: 'To', 'zh-CN': '结束日期' },
  xDays: { en: 'Days', 'zh-CN': '天数' },
  xOpeningAr: { en: 'Opening AR', 'zh-CN': '期初应收' },
  xCreditSales: { en: 'Credit sales', 'zh-CN': '赊销额' },
  xClosingAr: { en: 'Closing AR', 'zh-CN': '期末应收' },
  xClosingCurrentAr: { en: 'Closing current AR', 'zh-CN': '期末未到期应收' },
  xClosingOverdueAr: { en: 'Closing overdue AR', 'zh-CN': '期末逾期应收' },
  xDso: { en: 'DSO (days)', 'zh-CN': 'DSO（天）' },
  xCountbackDso: { en: 'Countback DSO (days)', 'zh-CN': '倒推法 DSO（天）' },
  xBestDso: { en: 'Best possible DSO (days)', 'zh-CN': '最佳可能 DSO（天）' },
  xAdd: { en: 'ADD (days)', 'zh-CN': '平均逾期天数 ADD（天）' },
  xCei: { en: 'CEI %', 'zh-CN': '回款效率 CEI %' },
  xPeriod: { en: 'Period', 'zh-CN': '期间' },
  xMonths: { en: 'Months', 'zh-CN': '各月' },
  xMonth: { en: 'Month', 'zh-CN': '月份' },
  xCeiSheet: { en: 'CEI', 'zh-CN': '回款效率 CEI' },
  xFigure: { en: 'Figure', 'zh-CN': '指标' },
  xValue: { en: 'Value', 'zh-CN': '数值' },
  xFormula: { en: 'Formula', 'zh-CN': '公式' },
  xPeriodCei: { en: 'Period CEI % (N = {months})', 'zh-CN': '期间 CEI %（N = {months}）' },
  xMonthlyCeiAverage: { en: 'Average of the monthly CEI %', 'zh-CN': '各月 CEI % 的平均值' },
  xNote: { en: 'Note', 'zh-CN': '说明' },
  ceiFormula: {
    en: 'CEI = (opening AR + credit sales / N − closing AR) / (opening AR + credit sales / N − closing current AR) × 100, N = months',
    'zh-CN':
      'CEI = (期初应收 + 赊销额 / N − 期末应收) / (期初应收 + 赊销额 / N − 期末未到期应收) × 100，N = 月数',
  },
  ceiNoteArGrew: {
    en:
      'Closing AR is more than opening AR plus one average month of credit sales (AR grew in the period), so the ' +
      'formula gives a figure that says nothing about collections; read the average of the monthly figures.',
    'zh-CN':
      '期末应收大于期初应收加一个月平均赊销额（期间应收增长），公式得出的数字不能反映回款情况，请看各月数字的平均值。',
  },
  ceiNoteNotDefined: {
    en: 'Opening AR plus one average month of credit sales is not more than closing current AR: the formula has no meaning here.',
    'zh-CN': '期初应收加一个月平均赊销额不大于期末未到期应收，公式在此没有意义。',
  },
  ceiNoteAboveHundred: {
    en: 'Closing current AR exceeds closing total AR (credit balances), so the figure is above 100 % and not meaningful.',
    'zh-CN': '期末未到期应收大于期末应收总额（存在贷方余额），数字超过 100 %，没有意义。',
  },
  xCustomers: { en: 'Customers', 'zh-CN': '客户' },
  xPaid: { en: 'Paid', 'zh-CN': '回款金额' },
  xAvgDaysToPay: { en: 'Avg days to pay (days)', 'zh-CN': '平均回款天数（天）' },
  xAvgDaysLate: { en: 'Avg days late (days)', 'zh-CN': '平均逾期天数（天）' },
  xInvoicesPaid: { en: 'Invoices paid', 'zh-CN': '已付发票数' },
  xPaidLate: { en: 'Paid late', 'zh-CN': '逾期付款数' },
  xPaidLateShare: { en: 'Paid late %', 'zh-CN': '逾期付款占比 %' },
  xAgingMethod: { en: 'Aging method', 'zh-CN': '账龄分析法' },
  xAgeBucket: { en: 'Age bucket', 'zh-CN': '账龄区间' },
  xBalance: { en: 'Balance', 'zh-CN': '余额' },
  xRate: { en: 'Rate', 'zh-CN': '计提比例' },
  xProvision: { en: 'Provision', 'zh-CN': '坏账准备' },
  xProvisionMatrix: { en: 'Provision matrix', 'zh-CN': '减值矩阵' },
  xOverdueBucket: { en: 'Overdue bucket', 'zh-CN': '逾期区间' },
  xEntered: { en: 'Entered (cohort)', 'zh-CN': '进入金额（批次）' },
  xRolled: { en: 'Rolled to next', 'zh-CN': '迁徙至下一区间' },
  xRollRate: { en: 'Roll rate', 'zh-CN': '迁徙率' },
  xHistoricalLossRate: { en: 'Historical loss rate', 'zh-CN': '历史损失率' },
  xLossRate: { en: 'Loss rate', 'zh-CN': '预期损失率' },
  xSpecific: { en: 'Specific', 'zh-CN': '单项计提' },
  xReason: { en: 'Reason', 'zh-CN': '原因' },
  xDerivation: { en: 'Derivation', 'zh-CN': '计算说明' },
  xHowDerived: { en: 'How each figure is derived', 'zh-CN': '各数字的计算方法' },
  provisionBalances: {
    en: 'Balances are open invoice amounts on {asOf} (allocations effective on or before it and not reversed by it), converted to {currency}.',
    'zh-CN': '余额为 {asOf} 的发票未结金额（计入当日及以前生效且未被冲回的核销），折算为 {currency}。',
  },
  provisionSpecificRule: {
    en: 'Customers with a specific provision are provided for at their own rate on their whole balance and left out of the collective figures.',
    'zh-CN': '单项计提的客户按其自己的比例对全部余额计提，不计入组合计提的数字。',
  },
  provisionAgingRule: {
    en: 'Aging method: balance of each age bucket (days since invoice date) × its rate, rounded half to even.',
    'zh-CN': '账龄分析法：各账龄区间（自开票日起的天数）的余额 × 该区间的计提比例，按四舍六入五成双取整。',
  },
  provisionMatrixRule: {
    en: 'Provision matrix: roll rate of bucket k = open amount of the invoices when they reached bucket k+1 / their open amount when they entered bucket k, for invoices that entered bucket k on or after {windowStart} and reached k+1 by {asOf}; write-offs count as rolled. Historical loss rate of k = product of the roll rates from k to the last bucket × {finalRate}; loss rate = historical × forward-looking factor {factor}, at most 1; provision = balance × loss rate, rounded half to even.',
    'zh-CN':
      '减值矩阵：区间 k 的迁徙率 = 发票进入区间 k+1 时的未结金额 / 进入区间 k 时的未结金额，取 {windowStart} 及以后进入区间 k、并于 {asOf} 前进入 k+1 的发票；核销坏账计为迁徙。区间 k 的历史损失率 = 从 k 到最后一个区间的迁徙率之积 × {finalRate}；预期损失率 = 历史损失率 × 前瞻调整系数 {factor}，最高为 1；坏账准备 = 余额 × 预期损失率，按四舍六入五成双取整。',
  },
  provisionBookedAging: {
    en: 'Booked provision uses the aging method plus specific provisions.',
    'zh-CN': '计提的坏账准备 = 账龄分析法的结果 + 单项计提。',
  },
  provisionBookedMatrix: {
    en: 'Booked provision uses the provision matrix plus specific provisions.',
    'zh-CN': '计提的坏账准备 = 减值矩阵的结果 + 单项计提。',
  },
  provisionUnknownRule: {
    en: 'A figure that needs an exchange rate the store does not have is unknown (empty), and so is every total and rate derived from it.',
    'zh-CN': '需要系统中没有的汇率的数字为未知（空白），由其得出的合计和比率也为未知。',
  },
  xStatementTitle: { en: 'Statement of account', 'zh-CN': '对账单' },
  xStatementCustomer: { en: 'Customer: {name} ({code})', 'zh-CN': '客户：{name}（{code}）' },
  xStatementTaxId: { en: 'Tax ID: {taxId}', 'zh-CN': '统一社会信用代码：{taxId}' },
  xStatementPeriod: {
    en: 'Period: {from} to {to}, currency {currency}',
    'zh-CN': '期间：{from} 至 {to}，币种 {currency}',
  },
  xDate: { en: 'Date', 'zh-CN': '日期' },
  xDocument: { en: 'Document', 'zh-CN': '单据' },
  xReference: { en: 'Reference', 'zh-CN': '单号' },
  xDebit: { en: 'Debit', 'zh-CN': '借方' },
  xCredit: { en: 'Credit', 'zh-CN': '贷方' },
  xOpeningBalance: { en: 'Opening balance', 'zh-CN': '期初余额' },
  xClosingBalance: { en: 'Closing balance', 'zh-CN': '期末余额' },
  xAgingOf: { en: 'Aging {bucket}', 'zh-CN': '账龄 {bucket}' },
  xUnapplied: { en: 'Unapplied payments and credits', 'zh-CN': '未核销的付款及贷项' },
  xKindInvoice: { en: 'Invoice', 'zh-CN': '发票' },
  xKindPayment: { en: 'Payment', 'zh-CN': '收款' },
  xKindPaymentReversal: { en: 'Payment reversal', 'zh-CN': '收款冲回' },
  xKindCreditNote: { en: 'Credit note', 'zh-CN': '贷项通知单' },
  xKindWriteOff: { en: 'Write-off', 'zh-CN': '坏账核销' },
  xStatementCheck: {
    en: 'Please check the balance above against your records. If it agrees, sign, seal and return this statement to {entity}; if not, state the difference and its reason below.',
    'zh-CN':
      '请贵公司核对上述余额。如核对相符，请在下方签章后寄回{entity}；如有不符，请在下方注明不符金额及原因。',
  },
  xStatementConfirm: {
    en: 'We confirm that the balance we owe {entity} as of {date} is {currency} {amount}, and that it is correct.',
    'zh-CN': '本公司确认截至 {date} 欠{entity}款项余额为 {currency} {amount}，核对无误。',
  },
  xStatementDifference: {
    en: 'Difference and reason (if any): ______________________________',
    'zh-CN': '不符金额及原因（如有）：______________________________',
  },
  xStatementSignature: {
    en: 'Customer (company seal): ______________    Authorised signature: ______________    Date: ______________',
    'zh-CN': '客户（盖章）：______________    经办人签字：______________    日期：______________',
  },
  xTrend: { en: 'Trend', 'zh-CN': '趋势' },
  xTopOverdue: { en: 'Top overdue', 'zh-CN': '逾期最多的客户' },
  xAging: { en: 'Aging', 'zh-CN': '账龄' },
  xBucket: { en: 'Bucket', 'zh-CN': '区间' },
  xOverdue: { en: 'Overdue', 'zh-CN': '逾期金额' },
  xAr: { en: 'AR', 'zh-CN': '应收余额' },
  xOldestDaysPastDue: { en: 'Oldest days past due', 'zh-CN': '最长逾期天数' },
} as const satisfies Record<string, MessageText>;

export type MessageCode = keyof typeof MESSAGES;

/**
 * Words that appear as parameter values (what was not found, which field): translated when the message is
 * shown in Chinese. The group is the parameter name; the key is the English value, lower case.
 */
export const TERMS: Record<string, Record<string, string>> = {
  what: {
    case: '案件',
    customer: '客户',
    user: '用户',
    payment: '付款',
    invoice: '发票',
    contact: '联系人',
    'import batch': '导入批次',
    entity: '主体',
    token: '令牌',
    task: '任务',
    strategy: '策略',
    simulation: '模拟',
    'credit note': '贷项通知单',
    allocation: '核销',
  },
  document: { invoice: '发票', payment: '付款', 'credit note': '贷项通知单', credit_note: '贷项通知单' },
  field: {
    username: '用户名',
    code: '编码',
    number: '单号',
    reference: '付款参考号',
    name: '名称',
    entity_id: '主体',
    customer_id: '客户',
    invoice_id: '发票',
    payment_id: '付款',
    credit_note_id: '贷项通知单',
    user_id: '用户',
    contact_id: '联系人',
    case_id: '案件',
    role: '角色',
    version: '版本',
    token_hash: '令牌',
    dedupe_key: '去重键',
    from: '开始日期',
    to: '结束日期',
    asof: '截止日期',
  },
  status: { open: '待办', done: '已完成', cancelled: '已取消', skipped: '已跳过' },
};

/**
 * Short problem reasons (`problems[].reason`) that recur, by their English text: the web shows the Chinese
 * beside a row or field. Longer reasons carry their own message code.
 */
export const REASONS: Record<string, string> = {
  required: '必填',
  'not a date': '不是有效日期',
  'after to': '晚于结束日期',
  'is empty': '为空',
  'not positive': '须大于零',
  'unknown setting': '未知设置',
  'not a list': '不是列表',
  'wrong password': '密码不正确',
  'YYYY-MM-DD': '须为 YYYY-MM-DD',
  'cursor does not match the sort': '分页位置与排序不符',
  'differs from the stored payment': '与已保存的付款不同',
  'differs from the stored credit note': '与已保存的贷项通知单不同',
  'not found': '未找到',
  'must be a string': '须为文本',
  'invalid date cell': '日期单元格无效',
  'the row could not be read': '该行无法读取',
  'the file has no header row': '文件没有标题行',
  'unknown kind': '未知的导入类型',
  'not a decimal': '不是小数',
  'encoding must be utf-8, gbk (or gb2312, gb18030), utf-16le or utf-16be':
    '编码须为 utf-8、gbk（或 gb2312、gb18030）、utf-16le 或 utf-16be',
};

/** Recurring reasons that carry the value: the English pattern and the Chinese with $1 for the value. */
export const REASON_PATTERNS: [RegExp, string][] = [
  [/^"?(.*?)"? is not a real calendar date$/, '“$1”不是实际存在的日期'],
  [/^"?(.*?)"? does not match date format (.*)$/, '“$1”不符合日期格式 $2'],
  [/^"?(.*?)"? is not a date$/, '“$1”不是有效日期'],
  [/^"?(.*?)"? is not an amount$/, '“$1”不是有效金额'],
  [/^"?(.*?)"? is too large$/, '“$1”过大'],
  [/^"?(.*?)"? has more decimals than the currency's (\d+)$/, '“$1”的小数位多于币种允许的 $2 位'],
  [/^date is empty$/, '日期为空'],
  [
    /^the store has (\d+) entities \((.*)\): give an entity column or defaults\.entity$/,
    '系统中有 $1 个法人主体（$2）：请在文件中加入主体列，或设置默认主体',
  ],
  [/^required column missing: (.*?); looked for (.*?)( — .*)?$/, '缺少必填列：$1；查找过的列名：$2'],
  [/^mapped column "(.*)" is not in the file \(columns: (.*)\)$/, '映射的列“$1”不在文件中（文件的列：$2）'],
];
