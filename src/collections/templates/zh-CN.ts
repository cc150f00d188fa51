// 中文模板。变量见 render.ts。语气随阶段变化：提醒（友好）→ 了解+纠正（温和而坚定）→ 施压（正式）。
// 只陈述事实和后果，不使用威胁或侮辱性语言；只向债务人本人及担保人催款。
import type { LocaleTexts } from './types';

export const ZH_CN: LocaleTexts = {
  reminder: {
    kind: 'message',
    tone: 'friendly',
    subject: '付款提醒：{{entityName}} 的账款即将到期',
    body: `{{contactName}} 您好：

感谢贵司（{{customerName}}）一直以来的支持与合作。温馨提示，以下账款即将到期，合计 {{dueSoonTotal}}：

{{invoiceTable}}

烦请提前安排付款。如已安排，请忽略本提醒；如对账款有任何疑问，欢迎随时与我们联系。

{{entityName}} 应收账款组
{{asOf}}`,
  },
  statement: {
    kind: 'message',
    tone: 'friendly',
    subject: '对账单：{{customerName}}（截至 {{asOf}}）',
    body: `{{contactName}} 您好：

现将截至 {{asOf}} 贵司在 {{entityName}} 的未结清账款明细发送给您，未结金额合计 {{openTotal}}，其中已逾期 {{overdueTotal}}：

{{invoiceTable}}

请核对。如与贵司账目不符，请于 7 日内告知我们，以便及时核实。

{{entityName}} 应收账款组`,
  },
  overdue_notice: {
    kind: 'message',
    tone: 'firm',
    subject: '逾期账款通知：{{customerName}}',
    body: `{{contactName}} 您好：

经核对，贵司以下账款已超过约定付款日期，逾期金额合计 {{overdueTotal}}：

{{invoiceTable}}

可能是付款流程中有所遗漏，烦请尽快安排支付。如有特殊情况或对账款有异议，请及时与我们沟通，我们愿意一起寻找解决办法。

{{entityName}} 应收账款组
{{asOf}}`,
  },
  overdue_firm: {
    kind: 'message',
    tone: 'firm',
    subject: '逾期账款催告：{{customerName}} 的账款已逾期 {{oldestDaysPastDue}} 天',
    body: `{{contactName}} 您好：

截至 {{asOf}}，我们仍未收到以下逾期账款，逾期金额合计 {{overdueTotal}}，最长逾期 {{oldestDaysPastDue}} 天：

{{invoiceTable}}

请于收到本通知后 5 个工作日内付款，或告知明确的付款日期和金额。长期逾期将影响贵司的信用额度和后续供货安排。

{{entityName}} 应收账款组`,
  },
  final_demand: {
    kind: 'message',
    tone: 'formal',
    subject: '催款函',
    body: `{{customerName}}：

截至 {{asOf}}，贵司尚欠我司（{{entityName}}）货款合计 {{overdueTotal}}，最长已逾期 {{oldestDaysPastDue}} 天，明细如下：

{{invoiceTable}}

上述款项均有合同、送货单及签收记录为凭，至今仍未支付。请贵司于本函发出之日起 10 日内付清全部欠款。逾期仍未付款的，我司将暂停向贵司供货，并保留通过法律途径追收欠款及相关费用的权利。

如对上述账款有异议，请在上述期限内以书面形式提出并附相关依据。

特此函告。

{{entityName}}
{{asOf}}`,
  },
  broken_promise: {
    kind: 'message',
    tone: 'firm',
    subject: '未按承诺付款：{{customerName}}',
    body: `{{contactName}} 您好：

贵司曾承诺于 {{promiseDueOn}} 前支付 {{promiseAmount}}，但截至 {{asOf}} 我们尚未收到该笔款项。目前逾期金额合计 {{overdueTotal}}：

{{invoiceTable}}

请今日内告知付款安排。如有困难，请主动与我们沟通，否则我们将按既定流程进一步处理。

{{entityName}} 应收账款组`,
  },
  missed_installment: {
    kind: 'message',
    tone: 'firm',
    subject: '分期款未按时支付：{{customerName}}',
    body: `{{contactName}} 您好：

按照双方约定的分期付款计划，贵司应于 {{installmentDueOn}} 前支付 {{installmentAmount}}，截至 {{asOf}} 尚未收到。目前逾期金额合计 {{overdueTotal}}。

请尽快补足该期款项。分期计划未能履行的，我们将恢复正常的催收流程。

{{entityName}} 应收账款组`,
  },
  sms_reminder: {
    kind: 'sms',
    tone: 'friendly',
    subject: '',
    body: '【{{entityName}}】{{customerName}}您好，贵司{{dueSoonTotal}}账款将于{{nextDueOn}}到期，请安排付款。如已付款请忽略。',
  },
  sms_overdue: {
    kind: 'sms',
    tone: 'firm',
    subject: '',
    body: '【{{entityName}}】{{customerName}}您好，贵司{{overdueTotal}}账款已逾期{{oldestDaysPastDue}}天，请尽快安排付款，如有疑问请联系我们。',
  },
  sms_broken_promise: {
    kind: 'sms',
    tone: 'firm',
    subject: '',
    body: '【{{entityName}}】{{customerName}}您好，贵司承诺{{promiseDueOn}}支付的{{promiseAmount}}尚未到账，请今日内回电说明付款安排。',
  },
  call_first: {
    kind: 'task',
    tone: 'firm',
    subject: '第一个催收电话：{{customerName}}（逾期 {{overdueTotal}}）',
    body: `四项任务：要求今天付款、了解原因、讲清利弊、取得承诺。
1. 准备：逾期 {{overdueTotal}}，最长 {{oldestDaysPastDue}} 天，明细、往来记录和单据在手。
2. 确认对方是 {{contactName}} 或有权安排付款的人。
3. 介绍自己和公司。
4. 要求今天付款。
5. 倾听原因，不争辩。
6. 再次要求今天付款，说明继续拖欠的后果。
7. 取得承诺（金额、日期、方式），结束通话并安排跟进。
{{invoiceTable}}`,
  },
  call_follow_up: {
    kind: 'task',
    tone: 'firm',
    subject: '跟进电话：{{customerName}}（逾期 {{oldestDaysPastDue}} 天）',
    body: `逾期合计 {{overdueTotal}}。回顾上次通话的结果，确认付款进度，取得明确的付款日期和金额；每个电话都以承诺或下一步结束。
{{invoiceTable}}`,
  },
  call_broken_promise: {
    kind: 'task',
    tone: 'firm',
    subject: '承诺未兑现，立即致电：{{customerName}}',
    body: `客户承诺 {{promiseDueOn}} 支付 {{promiseAmount}}，未兑现。今天致电，了解原因，取得新的承诺（金额、日期、方式）；如再次失信，提交主管升级处理。
逾期合计 {{overdueTotal}}。`,
  },
  call_senior: {
    kind: 'task',
    tone: 'formal',
    subject: '高层通话：{{customerName}}（逾期 {{oldestDaysPastDue}} 天）',
    body: `由主管或公司领导致电客户负责人（老板/法人），说明欠款 {{overdueTotal}} 的情况、停止供货等后果，争取付款承诺或分期方案。`,
  },
  visit: {
    kind: 'task',
    tone: 'formal',
    subject: '上门拜访：{{customerName}}',
    body: `上门面谈，携带对账单和签收单据，逾期合计 {{overdueTotal}}。观察经营状况（店面、仓库），争取当场付款或签署还款承诺、对账确认书。
{{invoiceTable}}`,
  },
  escalate_manager: {
    kind: 'task',
    tone: 'formal',
    subject: '升级主管：{{customerName}}（逾期 {{overdueTotal}}）',
    body: `案件已进入强力催收阶段（最长逾期 {{oldestDaysPastDue}} 天）。请主管复核案件，决定是否停止供货、发送催款函、上门拜访或启动法律程序。`,
  },
  credit_hold: {
    kind: 'task',
    tone: 'formal',
    subject: '信用冻结（停止供货）：{{customerName}}',
    body: `逾期 {{overdueTotal}}，已按策略设置信用冻结。请信用经理确认，并通知销售和仓库暂停发货；付清或经信用特批后解除。`,
  },
  legal_review: {
    kind: 'task',
    tone: 'formal',
    subject: '法务审查：{{customerName}}（逾期 {{oldestDaysPastDue}} 天）',
    body: `逾期合计 {{overdueTotal}}。请审查合同、送货单、签收单、对账单等证据及诉讼时效，决定发送律师函、申请支付令、起诉或仲裁。非诉讼手段同时继续。`,
  },
  agency_referral: {
    kind: 'task',
    tone: 'formal',
    subject: '委外催收审批：{{customerName}}',
    body: `逾期合计 {{overdueTotal}}，最长 {{oldestDaysPastDue}} 天。请主管审批是否委托外部催收机构，并准备案件资料和证据。`,
  },
};
