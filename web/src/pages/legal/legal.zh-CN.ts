// 诉讼时效。
import type { Dictionary } from '../../i18n/types';

const dictionary: Dictionary = {
  'nav.legal.limitation': '诉讼时效',
  'limitation.title': '诉讼时效',
  'limitation.asOf': '截至日期',
  'limitation.invoice': '发票',
  'limitation.customer': '客户',
  'limitation.open': '未收金额',
  'limitation.due': '到期日',
  'limitation.start': '起算日',
  'limitation.expiry': '届满日',
  'limitation.expiryWithWeak': '含弱证据中断',
  'limitation.setBy': '起算依据',
  'limitation.daysLeft': '剩余天数',
  'limitation.band': '预警',
  'limitation.action': '建议措施',
  'limitation.fallback': '节假日日历未覆盖的年份，休息日按周六、周日计算。',
  'limitation.waived': '已因{on}的{kind}放弃时效抗辩',
  'limitation.weak': '弱（无证据）',
  'limitation.band.ok': '超过 180 天',
  'limitation.band.180': '180 天内',
  'limitation.band.90': '90 天内',
  'limitation.band.30': '30 天内',
  'limitation.band.expired': '已届满',
  'limitation.kind.due': '到期日',
  'limitation.kind.payment': '部分付款',
  'limitation.kind.promise': '还款承诺',
  'limitation.kind.plan': '分期还款计划',
  'limitation.kind.acknowledgement': '签章确认',
  'limitation.kind.demand': '催收通知',
  'limitation.kind.suit': '起诉或仲裁',
};

export default dictionary;
