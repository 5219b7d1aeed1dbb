/** How many cases of each kind the case demo writes, at each scale. */
import type { DemoScale } from './load';

export interface ScaleSettings {
  years: number;
  open: {
    earlyHelp: number;
    childInNeed: number;
    childProtection: number;
    uasc: number;
    lookedAfter: number;
    careLeavers: number;
  };
  closed: number;
  caseload: number;
  practitionerCaseload: number;
}

export const CASE_DEMO_SCALES: Record<DemoScale, ScaleSettings> = {
  small: {
    years: 3,
    open: { earlyHelp: 14, childInNeed: 18, childProtection: 12, uasc: 28, lookedAfter: 12, careLeavers: 20 },
    closed: 40,
    caseload: 8,
    practitionerCaseload: 15,
  },
  large: {
    years: 6,
    open: {
      earlyHelp: 3400,
      childInNeed: 4300,
      childProtection: 1900,
      uasc: 900,
      lookedAfter: 2700,
      careLeavers: 1800,
    },
    closed: 100_000,
    caseload: 17,
    practitionerCaseload: 15,
  },
};
