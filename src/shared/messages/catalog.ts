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
  disputeInvalid: { en: 'Invalid dispute', 'zh-CN': '异议无效' },
  disputeResolved: { en: 'Dispute {id} is already resolved', 'zh-CN': '异议 {id} 已解决' },
  // Approvals (src/approvals)
  approvalSelf: { en: 'You cannot approve your own request', 'zh-CN': '不能审批自己提交的申请' },
  approvalRole: {
    en: 'This step must be decided by one of: {roles}',
    'zh-CN': '此审批步骤须由以下角色之一决定：{roles}',
  },
  approvalTwice: {
    en: 'You approved an earlier step: the next one needs someone else',
    'zh-CN': '您已审批前一步骤，下一步须由他人审批',
  },
  approvalNeedsPerson: { en: 'A request is decided by a person', 'zh-CN': '审批须由具体人员作出' },
  approvalNotPending: {
    en: 'Approval request {id} is {status}, no longer pending',
    'zh-CN': '审批申请 {id} 已是“{status}”状态，不再待审批',
  },
  approvalNoHandler: {
    en: 'No handler is registered for approvals of kind {kind}',
    'zh-CN': '未登记“{kind}”类审批的处理程序',
  },
  approvalReasonNeeded: { en: 'Give a reason', 'zh-CN': '请填写理由' },
  approvalInvalid: { en: 'Invalid approval request', 'zh-CN': '审批申请无效' },
  approvalCancelOwn: {
    en: 'Only the requester can withdraw a request',
    'zh-CN': '只有申请人可以撤回申请',
  },
  approvalRuleInvalid: { en: 'Invalid approval rule', 'zh-CN': '审批规则无效' },
  approvalRequired: {
    en: 'This needs approval: {kind} of {amount} is beyond your authority',
    'zh-CN': '超出您的权限，需审批：{kind} {amount}',
  },
  strategyRulesInvalid: { en: 'Invalid strategy rules', 'zh-CN': '策略规则无效' },
  simulationInvalid: { en: 'Invalid simulation', 'zh-CN': '模拟参数无效' },

  // Reports
  dateRequired: { en: '{field} must be a date YYYY-MM-DD', 'zh-CN': '{field}须为 YYYY-MM-DD 格式的日期' },
  fromAfterTo: { en: 'from must be on or before to', 'zh-CN': '开始日期不能晚于结束日期' },
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
