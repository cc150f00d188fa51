// The strategies shipped with huikuan, following the three stages of DOMAIN.md: 提醒 before the due date,
// 了解+纠正 in early overdue (first call within two days, gentle but firm), 施压 in strong collection
// (escalation, 催款函, stop supply, visit, then legal review or an agency — non-litigation before
// litigation, and continuing alongside it). They are installed inactive: a manager turns one on.
import type { StrategyDefinitionT, StrategyStepT } from './strategy-schema';

type Step = StrategyStepT;
const CNY_50K = 5_000_000; // 50,000.00 CNY in 分

const settings = { catchUpDays: 3, promiseGraceDays: 2, installmentGraceDays: 2 };

/** Broken promise and missed installment: act at once, whatever the stage (承诺未兑现要立即跟进). */
function eventSteps(zh: boolean, sms: boolean): Step[] {
  const steps: Step[] = [
    {
      key: 'broken-promise-call',
      stage: 'any',
      label: zh ? '承诺未兑现：立即致电并升级' : 'Broken promise: call now and escalate',
      trigger: { type: 'brokenPromise' },
      action: 'call',
      channel: 'phone',
      template: 'call_broken_promise',
      raiseStage: 'strong',
    },
    {
      key: 'broken-promise-email',
      stage: 'any',
      label: zh ? '承诺未兑现：邮件' : 'Broken promise: email',
      trigger: { type: 'brokenPromise' },
      action: 'email',
      channel: 'email',
      template: 'broken_promise',
    },
    {
      key: 'missed-installment-email',
      stage: 'any',
      label: zh ? '分期未付：邮件' : 'Missed installment: email',
      trigger: { type: 'missedInstallment' },
      action: 'email',
      channel: 'email',
      template: 'missed_installment',
    },
    {
      key: 'missed-installment-call',
      stage: 'any',
      label: zh ? '分期未付：致电' : 'Missed installment: call',
      trigger: { type: 'missedInstallment' },
      action: 'call',
      channel: 'phone',
      template: 'call_follow_up',
    },
  ];
  if (sms) {
    steps.push({
      key: 'broken-promise-sms',
      stage: 'any',
      label: zh ? '承诺未兑现：短信' : 'Broken promise: SMS',
      trigger: { type: 'brokenPromise' },
      action: 'sms',
      channel: 'sms',
      template: 'sms_broken_promise',
    });
  }
  return steps;
}

const step = (
  key: string,
  stage: Step['stage'],
  label: string,
  trigger: Step['trigger'],
  action: Step['action'],
  template: string,
  extra: Partial<Step> = {},
): Step => {
  const channel: Step['channel'] =
    action === 'call'
      ? 'phone'
      : action === 'visit'
        ? 'visit'
        : action === 'statement'
          ? 'email'
          : action === 'email' || action === 'sms' || action === 'letter'
            ? action
            : 'internal';
  return { key, stage, label, trigger, action, channel, template, ...extra };
};
const due = (days: number) => ({ type: 'daysFromDue' as const, days });
const inStage = (days: number, repeatEveryDays?: number) =>
  repeatEveryDays
    ? { type: 'daysInStage' as const, days, repeatEveryDays }
    : { type: 'daysInStage' as const, days };

/** 标准策略 — most customers. */
export const STANDARD: StrategyDefinitionT = {
  name: 'standard',
  label: '标准策略',
  description:
    '提醒 → 了解+纠正 → 施压：到期前 7 天邮件、前 1 天短信；逾期第 2 天第一个催收电话；31 天起升级、催款函、停止供货；90 天法务或委外。',
  locale: 'zh-CN',
  stages: { early: { fromDay: 1 }, strong: { fromDay: 31 } },
  settings,
  steps: [
    step('remind-7', 'reminder', '到期前 7 天邮件提醒', due(-7), 'email', 'reminder'),
    step('remind-sms-1', 'reminder', '到期前 1 天短信提醒', due(-1), 'sms', 'sms_reminder'),
    step('overdue-1', 'early', '逾期第 1 天邮件通知', due(1), 'email', 'overdue_notice'),
    step('first-call-2', 'early', '第一个催收电话', due(2), 'call', 'call_first'),
    step('sms-7', 'early', '逾期第 7 天短信', due(7), 'sms', 'sms_overdue'),
    step('follow-call-10', 'early', '逾期第 10 天跟进电话', due(10), 'call', 'call_follow_up'),
    step('firm-15', 'early', '逾期第 15 天再次通知', due(15), 'email', 'overdue_firm'),
    step('follow-call-20', 'early', '逾期第 20 天跟进电话', due(20), 'call', 'call_follow_up'),
    step('escalate', 'strong', '进入施压阶段：升级主管', inStage(0), 'escalate', 'escalate_manager'),
    step('final-demand', 'strong', '催款函（书面）', inStage(0), 'letter', 'final_demand'),
    step('credit-hold', 'strong', '停止供货（信用冻结）', inStage(0), 'credit_hold', 'credit_hold'),
    step('statement', 'strong', '每月对账单', inStage(0, 30), 'statement', 'statement'),
    step('senior-call', 'strong', '高层通话', inStage(7), 'call', 'call_senior'),
    step('visit', 'strong', '上门拜访', inStage(14), 'visit', 'visit'),
    step(
      'strong-call',
      'strong',
      '施压阶段跟进电话（每 14 天）',
      { ...inStage(21, 14) },
      'call',
      'call_follow_up',
    ),
    step('legal-review', 'strong', '法务审查（5 万元以上）', due(90), 'legal_review', 'legal_review', {
      conditions: { minAmount: CNY_50K, currency: 'CNY' },
      setStatus: 'legal',
    }),
    step('agency', 'strong', '委外催收（5 万元以下）', due(90), 'agency_referral', 'agency_referral', {
      conditions: { maxAmount: CNY_50K - 1, currency: 'CNY' },
      setStatus: 'agency',
    }),
    ...eventSteps(true, true),
  ],
};

/** 重点客户策略 — key accounts (OEM): longer patience, personal contact, a manager decides on pressure. */
export const GENTLE: StrategyDefinitionT = {
  name: 'key-account',
  label: '重点客户策略',
  description: '大客户：到期前 10 天和 3 天邮件提醒；逾期以电话沟通为主；45 天起由主管升级，120 天法务审查。',
  locale: 'zh-CN',
  stages: { early: { fromDay: 1 }, strong: { fromDay: 45 } },
  settings: { ...settings, promiseGraceDays: 5 },
  steps: [
    step('remind-10', 'reminder', '到期前 10 天邮件提醒', due(-10), 'email', 'reminder'),
    step('remind-3', 'reminder', '到期前 3 天邮件提醒', due(-3), 'email', 'reminder'),
    step('first-call-3', 'early', '逾期第 3 天电话沟通', due(3), 'call', 'call_first'),
    step('overdue-7', 'early', '逾期第 7 天邮件通知', due(7), 'email', 'overdue_notice'),
    step('follow-call-20', 'early', '逾期第 20 天跟进电话', due(20), 'call', 'call_follow_up'),
    step('firm-30', 'early', '逾期第 30 天再次通知', due(30), 'email', 'overdue_firm'),
    step('escalate', 'strong', '升级主管', inStage(0), 'escalate', 'escalate_manager'),
    step('senior-call', 'strong', '高层通话', inStage(3), 'call', 'call_senior'),
    step('statement', 'strong', '每月对账单', inStage(0, 30), 'statement', 'statement'),
    step('final-demand', 'strong', '催款函（书面）', inStage(21), 'letter', 'final_demand'),
    step('legal-review', 'strong', '法务审查', due(120), 'legal_review', 'legal_review', {
      setStatus: 'legal',
    }),
    ...eventSteps(true, false),
  ],
};

/** 高风险策略 — grade C/D: remind early, call on day 1, stop supply at 16 days, law at 45. */
export const STRICT: StrategyDefinitionT = {
  name: 'high-risk',
  label: '高风险策略',
  description:
    '信用等级 C/D：到期前 10 天邮件、3 天短信、1 天电话；逾期第 1 天电话；16 天起停止供货和催款函；45 天法务审查。',
  locale: 'zh-CN',
  stages: { early: { fromDay: 1 }, strong: { fromDay: 16 } },
  settings: { ...settings, promiseGraceDays: 1, installmentGraceDays: 1 },
  steps: [
    step('remind-10', 'reminder', '到期前 10 天邮件提醒', due(-10), 'email', 'reminder'),
    step('remind-sms-3', 'reminder', '到期前 3 天短信提醒', due(-3), 'sms', 'sms_reminder'),
    step('pre-due-call', 'reminder', '到期前 1 天电话确认付款安排', due(-1), 'call', 'call_follow_up'),
    step('overdue-1', 'early', '逾期第 1 天邮件通知', due(1), 'email', 'overdue_notice'),
    step('first-call-1', 'early', '逾期第 1 天第一个催收电话', due(1), 'call', 'call_first'),
    step('sms-3', 'early', '逾期第 3 天短信', due(3), 'sms', 'sms_overdue'),
    step('follow-call-5', 'early', '逾期第 5 天跟进电话', due(5), 'call', 'call_follow_up'),
    step('firm-10', 'early', '逾期第 10 天再次通知', due(10), 'email', 'overdue_firm'),
    step('escalate', 'strong', '升级主管', inStage(0), 'escalate', 'escalate_manager'),
    step('credit-hold', 'strong', '停止供货（信用冻结）', inStage(0), 'credit_hold', 'credit_hold'),
    step('final-demand', 'strong', '催款函（书面）', inStage(0), 'letter', 'final_demand'),
    step('visit', 'strong', '上门拜访', inStage(7), 'visit', 'visit'),
    step('strong-call', 'strong', '施压阶段跟进电话（每 7 天）', inStage(10, 7), 'call', 'call_follow_up'),
    step('legal-review', 'strong', '法务审查', due(45), 'legal_review', 'legal_review', {
      setStatus: 'legal',
    }),
    ...eventSteps(true, true),
  ],
};

/** Standard strategy for international customers (English), e-mail rather than SMS. */
export const STANDARD_EN: StrategyDefinitionT = {
  name: 'standard-en',
  label: 'Standard (international)',
  description:
    'Reminder 7 days and 1 day before due; overdue notice on day 1, first call on day 2; strong collection from day 31 (escalation, formal demand, credit hold); legal review or agency at 90 days.',
  locale: 'en',
  stages: { early: { fromDay: 1 }, strong: { fromDay: 31 } },
  settings,
  steps: [
    step('remind-7', 'reminder', 'Reminder 7 days before due', due(-7), 'email', 'reminder'),
    step('remind-1', 'reminder', 'Reminder 1 day before due', due(-1), 'email', 'reminder'),
    step('overdue-1', 'early', 'Overdue notice on day 1', due(1), 'email', 'overdue_notice'),
    step('first-call-2', 'early', 'First collection call', due(2), 'call', 'call_first'),
    step('follow-call-10', 'early', 'Follow-up call on day 10', due(10), 'call', 'call_follow_up'),
    step('firm-15', 'early', 'Second notice on day 15', due(15), 'email', 'overdue_firm'),
    step('follow-call-22', 'early', 'Follow-up call on day 22', due(22), 'call', 'call_follow_up'),
    step('escalate', 'strong', 'Escalate to manager', inStage(0), 'escalate', 'escalate_manager'),
    step('final-demand', 'strong', 'Formal demand letter', inStage(0), 'letter', 'final_demand'),
    step('credit-hold', 'strong', 'Credit hold (stop supply)', inStage(0), 'credit_hold', 'credit_hold'),
    step('statement', 'strong', 'Monthly statement', inStage(0, 30), 'statement', 'statement'),
    step('senior-call', 'strong', 'Senior-management call', inStage(7), 'call', 'call_senior'),
    step(
      'legal-review',
      'strong',
      'Legal review (50,000 CNY or more)',
      due(90),
      'legal_review',
      'legal_review',
      {
        conditions: { minAmount: CNY_50K, currency: 'CNY' },
        setStatus: 'legal',
      },
    ),
    step(
      'agency',
      'strong',
      'Agency referral (under 50,000 CNY)',
      due(90),
      'agency_referral',
      'agency_referral',
      {
        conditions: { maxAmount: CNY_50K - 1, currency: 'CNY' },
        setStatus: 'agency',
      },
    ),
    ...eventSteps(false, false),
  ],
};

export const DEFAULT_STRATEGIES: StrategyDefinitionT[] = [STANDARD, GENTLE, STRICT, STANDARD_EN];

export const FALLBACK_STRATEGY = 'standard';

/** Rules installed with the defaults: grade C/D → high-risk, English → standard-en, OEM → key-account. */
export const DEFAULT_RULES = [
  { priority: 10, strategy_name: 'high-risk', grade: 'C', note: '信用等级 C' },
  { priority: 11, strategy_name: 'high-risk', grade: 'D', note: '信用等级 D' },
  { priority: 20, strategy_name: 'standard-en', language: 'en', note: 'English-speaking customers' },
  { priority: 30, strategy_name: 'key-account', segment: 'OEM', note: 'OEM 大客户' },
  { priority: 1000, strategy_name: 'standard', note: '其他客户' },
];
