// 分析数字的显示：单位、CEI 公式与说明。
import type { Dictionary } from '../../i18n/types';

const dictionary: Dictionary = {
  'figures.days': '{value} 天',
  'figures.daysAxis': '天',
  'figures.ceiAxis': 'CEI %',
  'figures.ceiMonthlyAverage': 'CEI（各月平均）',
  'figures.ceiFormula':
    'CEI =（期初应收 + 赊销额 / N − 期末应收）/（期初应收 + 赊销额 / N − 期末未到期应收）× 100，N = {months} 个月',
  'figures.ceiCalculation':
    '（{opening} + {sales} / {months} − {closing}）/（{opening} + {sales} / {months} − {current}）× 100 = {value}',
  'figures.ceiNote.arGrew':
    '期末应收超过期初应收加一个月的平均赊销额：本期应收增长，期间 CEI 不能反映回款效率，请参看各月 CEI 的平均值。',
  'figures.ceiNote.notDefined': '期初应收加一个月的平均赊销额不大于期末未到期应收：期间 CEI 在此无意义。',
  'figures.ceiNote.aboveHundred': '期末未到期应收大于期末应收（有贷方余额）：期间 CEI 超过 100%，没有意义。',
  'figures.provisionAsOf': '截至 {date}',
};

export default dictionary;
