/**
 * The content of the demo improvement plans: where actions came from, the
 * leads roster, the service improvement plan's priorities and actions, and
 * the phrases of quarterly updates. Fictional; read by plans.ts, which makes
 * the plans through the plans service.
 */
import type { Source } from '../modules/plans/vocab';
import type { Role } from '../platform/permissions';

export const s = {
  rec: (n: number): Source => ({ kind: 'inspection_recommendation', detail: String(n) }),
  para: (n: number): Source => ({ kind: 'inspection_paragraph', detail: String(n) }),
  audit: (which: string): Source => ({ kind: 'case_audit', detail: which }),
  survey: (which: string): Source => ({ kind: 'survey', detail: which }),
  selfEval: (): Source => ({ kind: 'self_evaluation', detail: null }),
  fresh: (): Source => ({ kind: 'new', detail: null }),
};

/** Posts on the leads roster: initials, job title, and who holds it (a demo role, a name, or vacant). */
export const LEADS: ReadonlyArray<{
  key: string;
  initials: string | null;
  title: string;
  role?: Role;
  name?: string;
}> = [
  { key: 'DCS', initials: 'DCS', title: "Director of Children's Services", role: 'senior_leader' },
  { key: 'HCIC', initials: 'HCIC', title: 'Head of Service, Children in Care', role: 'service_manager' },
  {
    key: 'HAI',
    initials: 'HAI',
    title: 'Head of Service, Assessment and Intervention',
    name: 'Jonah Pellew-Grant',
  },
  { key: 'HEH', initials: 'HEH', title: 'Head of Service, Early Help', name: 'Marisol Achterberg' },
  { key: 'QAM', initials: 'QAM', title: 'Quality Assurance Manager', role: 'qa_officer' },
  { key: 'TMC', initials: 'TMC', title: 'Team Manager, Children in Care', role: 'team_manager' },
  { key: 'SSW', initials: 'SSW', title: 'Senior Social Worker, Children in Care', role: 'practitioner' },
  { key: 'PSW', initials: 'PSW', title: 'Principal Social Worker', name: 'Odile Farthing-Reyes' },
  { key: 'WDL', initials: 'WDL', title: 'Workforce Development Lead' },
  {
    key: 'MEC',
    initials: 'MEC',
    title: 'Missing and Exploitation Coordinator',
    name: 'Kwame Hollis-Baptiste',
  },
  { key: 'IROM', initials: 'IROM', title: 'Independent Reviewing Service Manager', name: 'Beatrix Lanyon' },
  { key: 'PAM', initials: 'PAM', title: 'Performance and Intelligence Manager', name: 'Rafe Okonkwo-Steele' },
];

export const PROGRESS = [
  'Reviewed with team managers; most teams on track and the approach is being embedded.',
  'Progress checked against the measure this quarter: improving steadily, with one team behind.',
  'Data for the quarter shows the measure met in most months; learning shared at the practice meeting.',
  'Sampled files show the change in practice; feedback from children and families is positive.',
  'Work continues as planned; partners engaged through the safeguarding partnership sub-group.',
  'Briefings delivered to all teams; early signs of impact in audit findings.',
];
export const FOCUS = [
  'Embed across all teams and check again in the next audit round.',
  'Focus on the teams below the measure; share good examples.',
  'Agree the next steps with partners and report to the board.',
  'Sustain progress and gather feedback from children and families.',
];
