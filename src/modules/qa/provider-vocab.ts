/**
 * Provider and setting audits: the kinds of provider the quality assurance
 * service visits, and the areas each kind is audited against (a RAG per area
 * per visit, termly). Areas are keys so that a visit's grid keeps its meaning
 * if a title is reworded.
 */
export const PROVIDER_KINDS = [
  'early_years',
  'fostering_agency',
  'supported_accommodation',
  'childrens_home',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KIND_NAMES: Record<ProviderKind, string> = {
  early_years: 'Early years setting',
  fostering_agency: 'Independent fostering agency',
  supported_accommodation: 'Semi-independent (supported) accommodation',
  childrens_home: "Children's home",
};

export const AREA_RAGS = ['red', 'amber', 'green', 'not_seen'] as const;
export type AreaRag = (typeof AREA_RAGS)[number];

export const AREA_RAG_NAMES: Record<AreaRag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  not_seen: 'Not looked at this visit',
};

export const AREA_RAG_TAG: Record<AreaRag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  not_seen: 'govuk-tag--grey',
};

/** An area audited, by key, with its title. */
export interface AuditArea {
  key: string;
  title: string;
}

const area = (key: string, title: string): AuditArea => ({ key, title });

const SAFEGUARDING = area('safeguarding', 'Safeguarding policy, procedures and the designated lead');
const SAFER_RECRUITMENT = area('safer_recruitment', 'Safer recruitment and DBS checks');
const TRAINING = area('training', 'Staff training and development');
const POLICIES = area('policies', 'Policies and procedures kept up to date');
const RECORDS = area('records', 'Record keeping');
const COMPLAINTS = area('complaints', 'Complaints and how they are handled');
const LEADERSHIP = area('leadership', 'Leadership and management');
const PREMISES = area('premises', 'Premises, health and safety');
const VOICE = area('voice', "Children's and young people's views");

/** The areas each kind of provider is audited against, in the order the visit form asks them. */
export const PROVIDER_AREAS: Record<ProviderKind, AuditArea[]> = {
  early_years: [
    area('eyfs', 'EYFS statutory requirements'),
    SAFEGUARDING,
    POLICIES,
    TRAINING,
    SAFER_RECRUITMENT,
    area('ratios', 'Staffing ratios and qualifications'),
    area('key_person', 'Key person system'),
    area('learning', 'Learning and development, observation and assessment'),
    area('send', 'Special educational needs and disabilities'),
    area('inclusion', 'Equality and inclusion'),
    PREMISES,
    area('risk_assessment', 'Risk assessments and outings'),
    area('first_aid', 'Paediatric first aid'),
    area('medicines', 'Medicines and allergies'),
    area('food', 'Food hygiene and healthy eating'),
    area('accidents', 'Accidents, incidents and existing injuries'),
    area('parents', 'Partnership with parents'),
    RECORDS,
    LEADERSHIP,
  ],
  fostering_agency: [
    SAFEGUARDING,
    area('matching', 'Matching and placement planning'),
    area('carer_approval', 'Assessment and approval of carers'),
    area('carer_supervision', 'Supervision and support of foster carers'),
    area('carer_training', 'Foster carer training'),
    SAFER_RECRUITMENT,
    area('stability', 'Placement stability'),
    area('education', 'Education'),
    area('health', 'Health, including emotional health'),
    area('missing', 'Missing from care protocol'),
    VOICE,
    COMPLAINTS,
    RECORDS,
    LEADERSHIP,
  ],
  supported_accommodation: [
    SAFEGUARDING,
    area('key_work', 'Key work and support plans'),
    area('missing', 'Missing from care protocol'),
    area('exploitation', 'Exploitation risks and disruption'),
    area('eet', 'Education, employment and training'),
    area('independence', 'Independence skills'),
    area('health', 'Health, including emotional health'),
    SAFER_RECRUITMENT,
    TRAINING,
    PREMISES,
    VOICE,
    COMPLAINTS,
    RECORDS,
    LEADERSHIP,
  ],
  childrens_home: [
    SAFEGUARDING,
    area('quality_purpose', 'Quality and purpose of care'),
    area('education', 'Education'),
    area('health', 'Health, including emotional health'),
    area('positive_relationships', 'Positive relationships and behaviour'),
    area('missing', 'Missing from care protocol'),
    area('restraint', 'Restraint and sanctions'),
    SAFER_RECRUITMENT,
    TRAINING,
    PREMISES,
    VOICE,
    COMPLAINTS,
    RECORDS,
    LEADERSHIP,
  ],
};

export const PROVIDER_RECOMMENDATION_STATUSES = ['open', 'completed'] as const;
export type ProviderRecommendationStatus = (typeof PROVIDER_RECOMMENDATION_STATUSES)[number];
