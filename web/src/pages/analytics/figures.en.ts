// How analytics figures are shown: units and the CEI's formula and notes (the money module's one precision).
import type { Dictionary } from '../../i18n/types';

const dictionary: Dictionary = {
  'figures.days': '{value} days',
  'figures.daysAxis': 'Days',
  'figures.ceiAxis': 'CEI %',
  'figures.ceiMonthlyAverage': 'CEI, average of the months',
  'figures.ceiFormula':
    'CEI = (opening AR + credit sales / N − closing AR) / (opening AR + credit sales / N − closing current AR) × 100, N = {months} months',
  'figures.ceiCalculation':
    '({opening} + {sales} / {months} − {closing}) / ({opening} + {sales} / {months} − {current}) × 100 = {value}',
  'figures.ceiNote.arGrew':
    'Closing AR is more than opening AR plus one average month of credit sales: AR grew in the period, so the period CEI says nothing about collections. Read the average of the monthly figures instead.',
  'figures.ceiNote.notDefined':
    'Opening AR plus one average month of credit sales is not more than closing current AR: the period CEI has no meaning here.',
  'figures.ceiNote.aboveHundred':
    'Closing current AR exceeds closing AR (credit balances): the period CEI is above 100 % and not meaningful.',
  'figures.provisionAsOf': 'as of {date}',
};

export default dictionary;
