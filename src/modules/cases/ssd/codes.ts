/**
 * Code lists of the Standard Safeguarding Dataset, as the SSD and the DfE
 * returns it feeds (SSDA903, children in need census) define them. A code
 * list maps each accepted code to its meaning; `aliases` accepts common
 * spellings of the same thing and stores the code.
 */
export interface CodeList {
  name: string;
  codes: Readonly<Record<string, string>>;
  aliases?: Readonly<Record<string, string>>;
  /** Further values the SSD allows, kept as given (local gender codes 10-99). */
  pattern?: { test: RegExp; text: string };
  /**
   * The SSD says values outside the list are included (legal statuses beyond
   * the SSDA903 list): such a value is kept as given without a notice.
   */
  open?: string;
}

const list = (
  name: string,
  codes: Record<string, string>,
  aliases: Record<string, string> = {},
  more: Pick<CodeList, 'pattern' | 'open'> = {},
): CodeList => ({ name, codes, aliases, ...more });

export const SEX = list(
  'sex',
  { F: 'Female', M: 'Male', U: 'Unknown', I: 'Indeterminate' },
  { FEMALE: 'F', MALE: 'M', UNKNOWN: 'U', INDETERMINATE: 'I' },
);

export const GENDER = list(
  'gender',
  {
    '00': 'Not known',
    '01': 'Man, boy or male',
    '02': 'Woman, girl or female',
    '09': 'Prefers to self-describe',
  },
  // SystemC writes its main gender code (M, F, U) to pers_gender as well as pers_sex: kept as given.
  { '0': '00', '1': '01', '2': '02', '9': '09', M: 'M', F: 'F', U: 'U', I: 'I' },
  { pattern: { test: /^[1-9][0-9]$/, text: 'local codes 10 to 99 (sub-codes of 09)' } },
);

export const ETHNICITY = list('ethnicity', {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WOTH: 'Any other White background',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy or Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  CNHE: 'Chinese',
  AOTH: 'Any other Asian background',
  BCRB: 'Caribbean',
  BAFR: 'African',
  BOTH: 'Any other Black background',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
});

export const UPN_UNKNOWN = list('reason the UPN is unknown', {
  UN1: 'Not of school age and not yet given a UPN',
  UN2: 'Never attended a maintained school in England',
  UN3: 'Educated outside England',
  UN4: 'Newly looked after and the UPN is not yet known',
  UN5: 'Sources do not agree, so the UPN cannot be matched reliably',
  UN6: 'Other reason the UPN is unknown (UN6)',
  UN7: 'Other reason the UPN is unknown (UN7)',
  UN8: 'Other reason the UPN is unknown (UN8)',
  UN9: 'Other reason the UPN is unknown (UN9)',
  UN10: 'Other reason the UPN is unknown (UN10)',
});

export const PRIMARY_NEED = list('category of need', {
  N0: 'Not stated',
  N1: 'Abuse or neglect',
  N2: "Child's disability",
  N3: 'Parental illness or disability',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
});

export const REFERRAL_SOURCE = list('referral source', {
  '1A': 'Individual: family member, relative or carer',
  '1B': 'Individual: acquaintance',
  '1C': 'Individual: self',
  '1D': 'Individual: other',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health: GP',
  '3B': 'Health: health visitor',
  '3C': 'Health: school nurse',
  '3D': 'Health: other primary health services',
  '3E': 'Health: A&E',
  '3F': 'Health: other',
  '4': 'Housing',
  '5A': 'Local authority services: social care',
  '5B': 'Local authority services: other internal department',
  '5C': 'Local authority services: external local authority',
  '5D': 'Asylum seekers team',
  '6': 'Police',
  '7': 'Other legal agency',
  '8': 'Other',
  '9': 'Anonymous',
  '10': 'Unknown',
});

export const CP_CATEGORY = list(
  'category of abuse',
  {
    NEG: 'Neglect',
    PHY: 'Physical abuse',
    SAB: 'Sexual abuse',
    EMO: 'Emotional abuse',
    MUL: 'Multiple',
  },
  {
    NEGLECT: 'NEG',
    'PHYSICAL ABUSE': 'PHY',
    PHYSICAL: 'PHY',
    'SEXUAL ABUSE': 'SAB',
    SEXUAL: 'SAB',
    'EMOTIONAL ABUSE': 'EMO',
    EMOTIONAL: 'EMO',
    MULTIPLE: 'MUL',
  },
  {
    pattern: {
      test: /^multiple\s*:/i,
      text: '"Multiple: Neglect, Emotional abuse" (the SSD’s form for several categories, kept as given)',
    },
  },
);

export const CLA_START_REASON = list(
  'reason for new episode',
  {
    S: 'Started to be looked after',
    L: 'Change of legal status only',
    P: 'Change of placement and carer only',
    T: 'Change of placement, same carer',
    B: 'Change of legal status and of placement and carer',
    U: 'Change of legal status and of placement, same carer',
  },
  {
    // The DfE's descriptions, as scripts that select the description column write them.
    'Change of placement and carer(s) only': 'P',
    'Change of placement but same carer(s)': 'T',
    'Change of legal status and placement and carer(s) at the same time': 'B',
    'Change of legal status and change of placement but carer(s) remain the same': 'U',
  },
);

export const CLA_CEASED_REASON = list('reason episode ceased', {
  X1: 'Episode ceased and a new one began the same day',
  E11: 'Adopted: application unopposed',
  E12: 'Adopted: consent dispensed with',
  E2: 'Died',
  E3: 'Care taken over by another local authority',
  E4A: 'Returned home as part of the care plan',
  E4B: 'Returned home, not part of the care plan',
  E13: 'Left care to live with someone without parental responsibility',
  E41: 'Child arrangements order granted',
  E45: 'Special guardianship order: former foster carers, relatives or friends',
  E46: 'Special guardianship order: former foster carers, not relatives or friends',
  E47: 'Special guardianship order: other carers, relatives or friends',
  E48: 'Special guardianship order: other carers, not relatives or friends',
  E5: 'Independent living with formal support',
  E6: 'Independent living without formal support',
  E7: 'Transferred to residential care funded by adult social care',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment found the young person is 18 or over',
  E16: 'Moved abroad',
  E17: 'Aged 18 and stayed with current carers (staying put)',
  E8: 'Ceased for any other reason',
});

export const PLACEMENT_TYPE = list('placement type', {
  A3: 'Placed for adoption with consent, with current foster carers',
  A4: 'Placed for adoption with consent, not with current foster carers',
  A5: 'Placed for adoption with a placement order, with current foster carers',
  A6: 'Placed for adoption with a placement order, not with current foster carers',
  H5: 'Semi-independent accommodation not subject to children’s homes regulations',
  K1: 'Secure children’s home',
  K2: 'Children’s home',
  P1: 'Placed with parents or others with parental responsibility',
  P2: 'Independent living',
  P3: 'Residential employment',
  R1: 'Residential care home',
  R2: 'NHS or health trust establishment',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution',
  S1: 'Residential school',
  T0: 'Temporary move',
  T1: 'Temporary period in hospital',
  T2: 'Temporary absence on holiday',
  T3: 'Temporary placement while foster carers are on holiday',
  T4: 'Temporary placement of seven days or less',
  U1: 'Foster placement with relatives or friends: long term',
  U2: 'Foster placement with relatives or friends: fostering for adoption',
  U3: 'Foster placement with relatives or friends: other',
  U4: 'Foster placement with other carers: long term',
  U5: 'Foster placement with other carers: fostering for adoption',
  U6: 'Foster placement with other carers: other',
  Z1: 'Other placement',
});

/** Placement types intended to last until the child is 18 (regulation 28 visiting). */
export const LONG_TERM_PLACEMENTS: ReadonlySet<string> = new Set(['U1', 'U4']);

export const PLACEMENT_PROVIDER = list('placement provider', {
  PR0: 'Parents or others with parental responsibility',
  PR1: 'Own provision by the local authority',
  PR2: 'Another local authority',
  PR3: 'Other public provision',
  PR4: 'Private provision',
  PR5: 'Voluntary or third sector provision',
});

export const LEGAL_STATUS = list(
  'legal status',
  {
    C1: 'Interim care order',
    C2: 'Full care order (section 31)',
    D1: 'Freeing order granted',
    E1: 'Placement order granted',
    J1: 'Remanded to local authority accommodation or youth detention',
    J2: 'Placed in local authority accommodation under PACE',
    J3: 'Sentenced to a youth rehabilitation order with residence requirement',
    L1: 'Under police protection (section 46)',
    L2: 'Emergency protection order (section 44)',
    L3: 'Child assessment order with accommodation',
    V2: 'Single period of accommodation (section 20)',
    V3: 'Accommodated under an agreed series of short-term breaks',
    V4: 'Accommodated under an agreed series of short-term breaks (pre-planned)',
  },
  {
    'Full care order': 'C2',
    'Single period of accommodation under section 20': 'V2',
    'Under police protection and in local authority accommodation': 'L1',
    'Emergency protection order (EPO)': 'L2',
  },
  {
    open: 'other legal statuses (special guardianship, child arrangements, private fostering, care leaver and others), which the SSD includes beyond the SSDA903 list, are kept as given',
  },
);

export const CARE_LEAVER_IN_TOUCH = list('in touch', {
  YES: 'In touch',
  NO: 'Not in touch',
  DIED: 'Died after leaving care',
  REFU: 'Refuses contact',
  NREQ: 'No longer requires services',
  RHOM: 'Returned home to parents for six months or more',
});

export const CARE_LEAVER_ELIGIBILITY = list(
  'care leaver eligibility',
  {
    Relevant: 'Relevant',
    'Former Relevant': 'Former relevant',
    Eligible: 'Eligible',
    Qualifying: 'Qualifying',
    'No Current Eligibility': 'No current eligibility',
  },
  {
    RELEVANT: 'Relevant',
    'FORMER RELEVANT': 'Former Relevant',
    FORMER_RELEVANT: 'Former Relevant',
    ELIGIBLE: 'Eligible',
    QUALIFYING: 'Qualifying',
    'NO CURRENT ELIGIBILITY': 'No Current Eligibility',
  },
);

export const CARE_LEAVER_ACCOMMODATION = list(
  'accommodation',
  {
    B: 'With parents or relatives',
    C: 'Community home or other residential care',
    D: 'Semi-independent, transitional accommodation',
    E: 'Supported lodgings',
    G: 'Gone abroad',
    H: 'Deported',
    K: 'Ordinary lodgings without formal support',
    R: 'Residence not known',
    S: 'No fixed abode or homeless',
    T: 'Foyer or similar',
    U: 'Independent living',
    V: 'Emergency accommodation',
    W: 'Bed and breakfast',
    X: 'In custody',
    Y: 'Other accommodation',
    Z: 'With former foster carers',
  },
  {
    'Community home or other form of residential care': 'C',
    'Ordinary lodgings, without formal support': 'K',
    'No fixed abode/homeless': 'S',
    'Foyers and similar supported accommodation': 'T',
  },
);

export const ACCOMMODATION_SUITABLE = list('suitability of accommodation', {
  '1': 'Suitable',
  '2': 'Unsuitable',
});

export const CARE_LEAVER_ACTIVITY = list(
  'activity',
  {
    F1: 'Full-time higher education',
    P1: 'Part-time higher education',
    F2: 'Full-time other education',
    P2: 'Part-time other education',
    F3: 'Full-time training or employment (superseded)',
    P3: 'Part-time training or employment (superseded)',
    F4: 'Full-time apprenticeship',
    P4: 'Part-time apprenticeship',
    F5: 'Full-time training or employment',
    P5: 'Part-time training or employment',
    G4: 'Not in education, employment or training: illness or disability',
    G5: 'Not in education, employment or training: other',
    G6: 'Not in education, employment or training: pregnancy or parenting',
  },
  {
    'Full time in higher education': 'F1',
    'Part time in higher education': 'P1',
    'Full time in education other than higher education': 'F2',
    'Part time in education other than higher education': 'P2',
    'Full time apprenticeship': 'F4',
    'Part time apprenticeship': 'P4',
    'Full time in training or employment': 'F5',
    'Part time in training or employment': 'P5',
    'Not in education, training or employment, owing to illness or disability': 'G4',
    'Not in education, training or employment, owing to other reasons': 'G5',
    'Not in education, training or employment, owing to pregnancy or parenting': 'G6',
  },
);

export const MISSING_TYPE = list(
  'missing episode type',
  { M: 'Missing', A: 'Away from placement without authorisation' },
  { MISSING: 'M', ABSENT: 'A', AWAY: 'A' },
);

export const HEALTH_CHECK_STATUS = list(
  'health check status',
  { Planned: 'Planned', Refused: 'Refused', Cancelled: 'Cancelled', Completed: 'Completed' },
  { PLANNED: 'Planned', REFUSED: 'Refused', CANCELLED: 'Cancelled', COMPLETED: 'Completed' },
);

export const PEP_STATUS = list(
  'personal education plan status',
  { Planned: 'Planned', Completed: 'Completed', Cancelled: 'Cancelled' },
  { PLANNED: 'Planned', COMPLETED: 'Completed', CANCELLED: 'Cancelled' },
);

export const WORKER_CHANGE_REASON = list('reason for change of worker', {
  MANAGE: 'Managing caseloads',
  FCONTA: 'First contact or re-referral',
  LEFTRL: 'Previous worker left the role',
  ORGRST: 'Organisational restructure',
  TSPROC: 'Transfer under the standard process',
  ABSENC: 'Absence cover or return from absence',
  CHCHAN: 'Child asked for a change',
  PCCHAN: 'Parent or carer asked for a change',
  SWDIED: 'Previous worker died',
  OTHERS: 'Other reason',
});

export const DISABILITY = list('disability', {
  NONE: 'No disability',
  MOB: 'Mobility',
  HAND: 'Hand function',
  PC: 'Personal care',
  INC: 'Incontinence',
  COMM: 'Communication',
  LD: 'Learning',
  HEAR: 'Hearing',
  VIS: 'Vision',
  BEH: 'Behaviour',
  CON: 'Consciousness',
  AUT: 'Autism or Asperger syndrome',
  DDA: 'Other disability under the Disability Discrimination Act',
});

export const CLA_REVIEW_PARTICIPATION = list('participation in review', {
  PN0: 'Child under 4 at the time of the review',
  PN1: 'Attended and spoke for themselves',
  PN2: 'Attended, an advocate spoke for them',
  PN3: 'Attended and conveyed their view non-verbally',
  PN4: 'Attended but did not convey their view',
  PN5: 'Did not attend, briefed an advocate',
  PN6: 'Did not attend, conveyed their view by other means',
  PN7: 'Did not attend or convey their view',
});

/** Letters and digits only, lower case: "Full care order (section 31)" -> "fullcareordersection31". */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const byMeaning = new WeakMap<CodeList, Map<string, string>>();

/** The code whose meaning is this description (scripts that select the description column instead of the code). */
function codeOfDescription(codeList: CodeList, value: string): string | undefined {
  let map = byMeaning.get(codeList);
  if (!map) {
    map = new Map();
    for (const [code, meaning] of Object.entries(codeList.codes)) map.set(squash(meaning), code);
    for (const [spelling, code] of Object.entries(codeList.aliases ?? {})) map.set(squash(spelling), code);
    byMeaning.set(codeList, map);
  }
  return map.get(squash(value));
}

/**
 * How an accepted value is stored: its canonical code (a code, a known
 * spelling or the code's description), the value itself when the list's
 * pattern allows it, or undefined when it is not in the list.
 */
export function canonicalCode(codeList: CodeList, raw: string): string | undefined {
  const value = raw.trim();
  if (Object.hasOwn(codeList.codes, value)) return value;
  const upper = value.toUpperCase();
  for (const code of Object.keys(codeList.codes)) {
    if (code.toUpperCase() === upper) return code;
  }
  const alias = codeList.aliases?.[upper] ?? codeOfDescription(codeList, value);
  if (alias !== undefined) return alias;
  if (codeList.pattern?.test.test(value)) return value;
  return undefined;
}

/** "N1, N2, N3 or N4" (long lists are cut with "and N more"). */
export function describeCodes(codeList: CodeList, max = 14): string {
  const codes = Object.keys(codeList.codes);
  const shown = codes.slice(0, max);
  const rest = codes.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more (see docs/ssd-mapping.md)`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}
