/**
 * The default adults' safeguarding indicator set, computed from the adults'
 * register (the Safeguarding Adults Collection's measures) but for the
 * deprivation of liberty applications, entered by hand where the council
 * holds them. Targets are starting points an organisation changes.
 */
import type { AdultMeasureKey } from '../adults/service';
import type { IndicatorDefinition } from './catalogue';

type Default = IndicatorDefinition & { code: string };

const adults = (measure: AdultMeasureKey) => ({ kind: 'adults', measure }) as const;

const base = {
  owner: 'Head of adults’ safeguarding',
  notes: '',
  tolerance: 0,
  target: null,
  audience: 'adults',
  period: 'quarter',
} as const;

const CONCLUDED = 'Section 42 enquiries concluded in the period';

export const ADULT_INDICATORS: readonly Default[] = [
  {
    ...base,
    code: 'ASG-01',
    title: 'Safeguarding concerns received',
    definition: 'Safeguarding concerns about adults received in the period.',
    numerator: 'Concerns received in the period',
    denominator: 'None',
    unit: 'count',
    polarity: 'lower',
    source: adults('concerns'),
  },
  {
    ...base,
    code: 'ASG-02',
    title: 'Section 42 enquiries started',
    definition: 'Section 42 safeguarding enquiries started in the period.',
    numerator: 'Section 42 enquiries started in the period',
    denominator: 'None',
    unit: 'count',
    polarity: 'lower',
    source: adults('s42-started'),
  },
  {
    ...base,
    code: 'ASG-03',
    title: 'Section 42 enquiries concluded',
    definition: 'Section 42 safeguarding enquiries concluded in the period.',
    numerator: CONCLUDED,
    denominator: 'None',
    unit: 'count',
    polarity: 'higher',
    source: adults('s42-concluded'),
  },
  {
    ...base,
    code: 'ASG-04',
    title: 'Concerns leading to a section 42 enquiry (conversion rate)',
    definition:
      'Concerns received in the period whose section 42 decision is yes, as a share of all concerns received in the period.',
    numerator: 'Concerns received in the period with a section 42 decision of yes',
    denominator: 'Concerns received in the period',
    unit: 'percentage',
    polarity: 'higher',
    notes: 'Neither high nor low is good in itself: read it with the number of concerns.',
    source: adults('conversion'),
  },
  {
    ...base,
    code: 'ASG-05',
    title: 'Adults asked about the outcomes they wanted',
    definition:
      'Concluded section 42 enquiries where the adult (or their representative) was asked about the outcomes they wanted (making safeguarding personal).',
    numerator: `${CONCLUDED} where the adult was asked, whether or not they expressed outcomes`,
    denominator: `${CONCLUDED} with whether they were asked recorded`,
    unit: 'percentage',
    polarity: 'higher',
    target: 90,
    tolerance: 5,
    source: adults('outcomes-asked'),
  },
  {
    ...base,
    code: 'ASG-06',
    title: 'Expressed outcomes fully or partly achieved',
    definition:
      'Concluded section 42 enquiries where the outcomes the adult expressed were fully or partly achieved.',
    numerator: `${CONCLUDED} with outcomes fully or partly achieved`,
    denominator: `${CONCLUDED} where the adult expressed outcomes and their achievement is recorded`,
    unit: 'percentage',
    polarity: 'higher',
    target: 90,
    tolerance: 5,
    source: adults('outcomes-met'),
  },
  {
    ...base,
    code: 'ASG-07',
    title: 'Risk removed or reduced',
    definition: 'Concluded section 42 enquiries where the risk was removed or reduced.',
    numerator: `${CONCLUDED} with the risk removed or reduced`,
    denominator: `${CONCLUDED} with a risk outcome recorded`,
    unit: 'percentage',
    polarity: 'higher',
    target: 90,
    tolerance: 5,
    source: adults('risk-reduced'),
  },
  {
    ...base,
    code: 'ASG-08',
    title: 'Deprivation of liberty applications received',
    definition:
      'Applications for a deprivation of liberty authorisation received in the period (where the council holds the figure).',
    numerator: 'Applications received in the period',
    denominator: 'None',
    unit: 'count',
    polarity: 'lower',
    source: { kind: 'entered' },
  },
];
