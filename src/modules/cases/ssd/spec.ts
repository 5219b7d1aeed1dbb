/**
 * The SSD tables Oversight reads, field by field: the SSD's own table and
 * field names (as in data-to-insight/ssd-data-model), the column each lands
 * in, its type, whether it is required, its code list and the words used in
 * error messages. Parsing, validation, the import and docs/ssd-mapping.md are
 * all driven from this one description.
 */
import {
  ACCOMMODATION_SUITABLE,
  CARE_LEAVER_ACCOMMODATION,
  CARE_LEAVER_ACTIVITY,
  CARE_LEAVER_ELIGIBILITY,
  CARE_LEAVER_IN_TOUCH,
  CLA_CEASED_REASON,
  CLA_REVIEW_PARTICIPATION,
  CLA_START_REASON,
  type CodeList,
  CP_CATEGORY,
  DISABILITY,
  ETHNICITY,
  GENDER,
  HEALTH_CHECK_STATUS,
  LEGAL_STATUS,
  MISSING_TYPE,
  PEP_STATUS,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  PRIMARY_NEED,
  REFERRAL_SOURCE,
  SEX,
  UPN_UNKNOWN,
  WORKER_CHANGE_REASON,
} from './codes';

export type FieldType =
  | { kind: 'id' }
  | { kind: 'text'; max: number }
  | { kind: 'date' }
  /** A date and time of day (SQL Server DATETIME); naive times are Europe/London. */
  | { kind: 'datetime' }
  /** Y or N; with `na`, NA (not applicable) is accepted and stored as empty. */
  | { kind: 'yn'; na?: boolean }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'code'; list: CodeList }
  | { kind: 'json' };

/** Kinds of SSD record another record can point at. */
export type RefKind =
  | 'person'
  | 'referral'
  | 's47'
  | 'icpc'
  | 'cp_plan'
  | 'cin_plan'
  | 'cla'
  | 'professional'
  | 'department';

export interface FieldSpec {
  /** The SSD field name, as the extract's CSV header has it. */
  ssd: string;
  /** Older SSD names accepted for the same field. */
  aliases?: readonly string[];
  /** Our column (database name). */
  column: string;
  /** Words for messages: "the date the referral was received". */
  label: string;
  type: FieldType;
  required?: boolean;
  /** The value names another SSD record, which must exist in the extract or in Oversight. */
  ref?: RefKind;
  /**
   * How a reference is stored: "person" -> person_id, "worker" -> worker_id,
   * "team" -> case_team_id (resolved to Oversight ids); otherwise the SSD id as text.
   */
  resolve?: 'person' | 'worker' | 'team';
  /** A date that cannot be later than the day of the import. */
  notFuture?: boolean;
  /** Not part of the SSD specification: an Oversight extension. */
  extension?: boolean;
  /** For a datetime field: the column holding the instant (the date column holds its London date). */
  atColumn?: string;
  notes?: string;
}

export interface DateOrder {
  from: string;
  to: string;
  /** The later date must be strictly after (an episode cannot start and end on the same day). */
  strict?: boolean;
}

export interface TableSpec {
  /** The SSD table name; the CSV file is named after it (ssd_person.csv). */
  ssd: string;
  /** Our table. */
  table: string;
  description: string;
  /** The SSD identifier field: unique in the file, stored as source_id. */
  id: FieldSpec;
  fields: readonly FieldSpec[];
  dateOrder?: readonly DateOrder[];
  /** The kind of record this table's rows are, when others point at them. */
  provides?: { kind: RefKind; field: string };
  /** Not an SSD table: an Oversight extension. */
  extension?: boolean;
  /**
   * When the file has no person column (some scripts do not write it), the
   * person is taken from the record this field names (a visit's plan).
   */
  personFrom?: { field: string; script: string };
  /**
   * The script regenerates the SSD id at every run (NEWID()): records are
   * matched on these fields instead, so a re-import keeps each record.
   */
  naturalKey?: { fields: readonly string[]; why: string };
}

// ---- field helpers --------------------------------------------------------

const idField = (ssd: string, label: string, aliases?: string[]): FieldSpec => ({
  ssd,
  aliases,
  column: 'source_id',
  label,
  type: { kind: 'id' },
  required: true,
});
const personField = (ssd: string, aliases?: string[]): FieldSpec => ({
  ssd,
  aliases,
  column: 'person_id',
  label: 'person ID',
  type: { kind: 'id' },
  required: true,
  ref: 'person',
  resolve: 'person',
});
const refField = (
  ssd: string,
  column: string,
  label: string,
  ref: RefKind,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ ssd, column, label, type: { kind: 'id' }, ref, ...extra });
const dateTimeField = (
  ssd: string,
  column: string,
  atColumn: string,
  label: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ ssd, column, atColumn, label, type: { kind: 'datetime' }, ...extra });
const dateField = (
  ssd: string,
  column: string,
  label: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  ssd,
  column,
  label,
  type: { kind: 'date' },
  ...extra,
});
const textField = (
  ssd: string,
  column: string,
  label: string,
  max: number,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ ssd, column, label, type: { kind: 'text', max }, ...extra });
const ynField = (ssd: string, column: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  ssd,
  column,
  label,
  type: { kind: 'yn' },
  ...extra,
});
const codeField = (
  ssd: string,
  column: string,
  label: string,
  codeList: CodeList,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ ssd, column, label, type: { kind: 'code', list: codeList }, ...extra });
const jsonField = (ssd: string, column: string, label: string): FieldSpec => ({
  ssd,
  column,
  label,
  type: { kind: 'json' },
});
/** A worker named on an episode: kept as the SSD id; an unknown id is not an error. */
const workerText = (ssd: string): FieldSpec =>
  textField(ssd, 'worker_source_id', 'worker ID', 100, {
    notes: 'ssd_professionals.prof_professional_id; kept as given',
  });
const teamText = (ssd: string): FieldSpec =>
  textField(ssd, 'team_source_id', 'team ID', 48, { notes: 'ssd_department.dept_team_id; kept as given' });

// ---- the tables, in the order they are read -------------------------------

export const SSD_TABLES: readonly TableSpec[] = [
  {
    ssd: 'ssd_department',
    table: 'case_teams',
    description: 'Teams in the case management system, linked to Oversight teams',
    id: idField('dept_team_id', 'team ID'),
    provides: { kind: 'department', field: 'dept_team_id' },
    fields: [
      textField('dept_team_name', 'name', 'team name', 255, { required: true }),
      textField('dept_team_parent_id', 'parent_source_id', 'parent team ID', 48),
      textField('dept_team_parent_name', 'parent_name', 'parent team name', 255),
    ],
  },
  {
    ssd: 'ssd_professionals',
    table: 'case_workers',
    description: 'Workers; those with an Oversight account are linked to it',
    id: idField('prof_professional_id', 'professional ID'),
    provides: { kind: 'professional', field: 'prof_professional_id' },
    fields: [
      textField('prof_staff_id', 'staff_id', 'staff ID', 48),
      textField('prof_professional_name', 'name', 'worker name', 300, { required: true }),
      textField('prof_professional_email', 'email', 'email address', 320, {
        extension: true,
        notes: 'links the worker to the Oversight user with this email address',
      }),
      textField(
        'prof_social_worker_registration_no',
        'registration_number',
        'Social Work England number',
        48,
      ),
      textField('prof_professional_job_title', 'job_title', 'job title', 500),
      {
        ssd: 'prof_professional_caseload',
        column: 'caseload',
        label: 'caseload',
        type: { kind: 'int', min: 0, max: 10_000 },
      },
      textField('prof_professional_department', 'department', 'department', 100),
      {
        ssd: 'prof_full_time_equivalency',
        column: 'fte',
        label: 'full-time equivalence',
        type: { kind: 'decimal', min: 0, max: 2 },
      },
      ynField('prof_agency_worker_flag', 'agency_worker', 'agency worker flag'),
    ],
  },
  {
    ssd: 'ssd_person',
    table: 'case_people',
    description: 'Children and young people',
    id: idField('pers_person_id', 'person ID'),
    provides: { kind: 'person', field: 'pers_person_id' },
    dateOrder: [{ from: 'pers_dob', to: 'pers_death_date' }],
    fields: [
      textField('pers_legacy_id', 'legacy_id', 'legacy person ID', 48),
      textField('pers_forename', 'forename', 'forename', 100),
      textField('pers_surname', 'surname', 'surname', 255),
      codeField('pers_sex', 'sex', 'sex', SEX),
      codeField('pers_gender', 'gender', 'gender', GENDER, {
        notes: 'the SystemC script writes its sex code here too: M, F, U and I are kept as given',
      }),
      codeField('pers_ethnicity', 'ethnicity', 'ethnicity', ETHNICITY),
      dateField('pers_dob', 'date_of_birth', 'date of birth', { notFuture: true }),
      dateField('pers_expected_dob', 'expected_date_of_birth', 'expected date of birth'),
      dateField('pers_death_date', 'date_of_death', 'date of death', { notFuture: true }),
      textField('pers_single_unique_id', 'nhs_number', 'NHS number', 48, {
        aliases: ['pers_common_child_id'],
      }),
      textField('pers_upn', 'upn', 'unique pupil number', 13),
      codeField('pers_upn_unknown', 'upn_unknown_reason', 'reason the UPN is unknown', UPN_UNKNOWN),
      ynField('pers_send_flag', 'has_ehcp', 'EHC plan flag'),
      ynField('pers_is_mother', 'is_mother', 'mother flag'),
      textField('pers_nationality', 'nationality', 'nationality', 48),
    ],
  },
  {
    ssd: 'ssd_cin_episodes',
    table: 'case_referrals',
    description: 'Referrals: child in need episodes',
    id: idField('cine_referral_id', 'referral ID'),
    provides: { kind: 'referral', field: 'cine_referral_id' },
    dateOrder: [{ from: 'cine_referral_date', to: 'cine_close_date' }],
    fields: [
      personField('cine_person_id'),
      dateTimeField('cine_referral_date', 'referral_date', 'referral_at', 'date the referral was received', {
        required: true,
        notFuture: true,
      }),
      codeField('cine_cin_primary_need_code', 'primary_need_code', 'category of need', PRIMARY_NEED, {
        aliases: ['cine_cin_primary_need'],
      }),
      codeField('cine_referral_source_code', 'source_code', 'referral source', REFERRAL_SOURCE),
      textField('cine_referral_source_desc', 'source_description', 'referral source description', 255),
      jsonField('cine_referral_outcome_json', 'outcome_json', 'referral outcome'),
      ynField('cine_referral_nfa', 'no_further_action', 'no further action flag'),
      textField('cine_close_reason', 'close_reason', 'reason the case closed', 100),
      dateField('cine_close_date', 'close_date', 'date the case closed', { notFuture: true }),
      teamText('cine_referral_team'),
      workerText('cine_referral_worker_id'),
    ],
  },
  {
    ssd: 'ssd_cla_episodes',
    table: 'case_cla_episodes',
    description: 'Looked-after episodes; episodes of one period of care share clae_cla_id',
    id: idField('clae_cla_episode_id', 'looked-after episode ID'),
    provides: { kind: 'cla', field: 'clae_cla_id' },
    dateOrder: [{ from: 'clae_cla_episode_start_date', to: 'clae_cla_episode_ceased_date', strict: true }],
    fields: [
      personField('clae_person_id'),
      textField('clae_cla_id', 'cla_source_id', 'period of care ID', 48, { required: true }),
      refField('clae_referral_id', 'referral_source_id', 'referral ID', 'referral'),
      textField('clae_cla_placement_id', 'placement_source_id', 'placement ID', 48),
      dateField('clae_cla_episode_start_date', 'start_date', 'date the episode started', {
        required: true,
        notFuture: true,
      }),
      codeField('clae_cla_episode_start_reason', 'start_reason', 'reason for new episode', CLA_START_REASON),
      codeField('clae_cla_primary_need_code', 'primary_need_code', 'category of need', PRIMARY_NEED, {
        aliases: ['clae_cla_primary_need'],
      }),
      dateField('clae_cla_episode_ceased_date', 'ceased_date', 'date the episode ceased', {
        aliases: ['clae_cla_episode_ceased'],
        notFuture: true,
      }),
      codeField(
        'clae_cla_episode_ceased_reason',
        'ceased_reason',
        'reason the episode ceased',
        CLA_CEASED_REASON,
      ),
      dateField('clae_cla_last_iro_contact_date', 'last_iro_contact_date', 'last contact with the IRO', {
        notFuture: true,
      }),
      dateField('clae_entered_care_date', 'entered_care_date', 'date the child entered care', {
        notFuture: true,
      }),
    ],
  },
  {
    ssd: 'ssd_s47_enquiry',
    table: 'case_s47_enquiries',
    description: 'Section 47 enquiries; the start date is the strategy discussion that started it',
    id: idField('s47e_s47_enquiry_id', 'section 47 enquiry ID'),
    provides: { kind: 's47', field: 's47e_s47_enquiry_id' },
    dateOrder: [{ from: 's47e_s47_start_date', to: 's47e_s47_end_date' }],
    fields: [
      personField('s47e_person_id'),
      refField('s47e_referral_id', 'referral_source_id', 'referral ID', 'referral'),
      dateTimeField(
        's47e_s47_start_date',
        'start_date',
        'start_at',
        'date of the strategy discussion that started the enquiry',
        {
          required: true,
          notFuture: true,
        },
      ),
      dateField('s47e_s47_end_date', 'end_date', 'date the enquiry ended', { notFuture: true }),
      ynField('s47e_s47_nfa', 'no_further_action', 'no further action flag'),
      jsonField('s47e_s47_outcome_json', 'outcome_json', 'enquiry outcome'),
      teamText('s47e_s47_completed_by_team'),
      workerText('s47e_s47_completed_by_worker_id'),
    ],
  },
  {
    ssd: 'ssd_initial_cp_conference',
    table: 'case_initial_conferences',
    description: 'Initial child protection conferences',
    id: idField('icpc_icpc_id', 'initial conference ID'),
    provides: { kind: 'icpc', field: 'icpc_icpc_id' },
    fields: [
      personField('icpc_person_id'),
      textField('icpc_icpc_meeting_id', 'meeting_id', 'meeting ID', 48),
      refField('icpc_s47_enquiry_id', 's47_source_id', 'section 47 enquiry ID', 's47'),
      refField('icpc_cp_plan_id', 'cp_plan_source_id', 'child protection plan ID', 'cp_plan'),
      refField('icpc_referral_id', 'referral_source_id', 'referral ID', 'referral'),
      ynField('icpc_icpc_transfer_in', 'transfer_in', 'transfer-in flag'),
      dateField('icpc_icpc_target_date', 'target_date', 'date the conference was due'),
      dateField('icpc_icpc_date', 'conference_date', 'date of the conference', {
        required: true,
        notFuture: true,
      }),
      ynField('icpc_icpc_outcome_cp_flag', 'outcome_cp_plan', 'child protection plan outcome flag'),
      jsonField('icpc_icpc_outcome_json', 'outcome_json', 'conference outcome'),
      teamText('icpc_icpc_team'),
      workerText('icpc_icpc_worker_id'),
    ],
  },
  {
    ssd: 'ssd_cp_plans',
    table: 'case_cp_plans',
    description: 'Child protection plans',
    id: idField('cppl_cp_plan_id', 'child protection plan ID'),
    provides: { kind: 'cp_plan', field: 'cppl_cp_plan_id' },
    dateOrder: [{ from: 'cppl_cp_plan_start_date', to: 'cppl_cp_plan_end_date' }],
    fields: [
      personField('cppl_person_id'),
      refField('cppl_referral_id', 'referral_source_id', 'referral ID', 'referral'),
      refField('cppl_icpc_id', 'icpc_source_id', 'initial conference ID', 'icpc'),
      dateField('cppl_cp_plan_start_date', 'start_date', 'date the plan started', {
        required: true,
        notFuture: true,
      }),
      dateField('cppl_cp_plan_end_date', 'end_date', 'date the plan ended', { notFuture: true }),
      ynField('cppl_cp_plan_ola', 'other_authority', 'plan in another local authority flag'),
      codeField(
        'cppl_cp_plan_initial_category',
        'initial_category',
        'initial category of abuse',
        CP_CATEGORY,
      ),
      codeField('cppl_cp_plan_latest_category', 'latest_category', 'latest category of abuse', CP_CATEGORY),
    ],
  },
  {
    ssd: 'ssd_cin_plans',
    table: 'case_cin_plans',
    description: 'Child in need plans',
    id: idField('cinp_cin_plan_id', 'child in need plan ID', ['cin_plan_id']),
    provides: { kind: 'cin_plan', field: 'cinp_cin_plan_id' },
    dateOrder: [{ from: 'cinp_cin_plan_start_date', to: 'cinp_cin_plan_end_date' }],
    fields: [
      personField('cinp_person_id'),
      refField('cinp_referral_id', 'referral_source_id', 'referral ID', 'referral'),
      dateField('cinp_cin_plan_start_date', 'start_date', 'date the plan started', {
        required: true,
        notFuture: true,
      }),
      dateField('cinp_cin_plan_end_date', 'end_date', 'date the plan ended', { notFuture: true }),
      teamText('cinp_cin_plan_team'),
      workerText('cinp_cin_plan_worker_id'),
    ],
  },
  {
    ssd: 'ssd_involvements',
    table: 'case_involvements',
    description: 'Allocated worker and team over time: who may see the child',
    id: idField('invo_involvements_id', 'involvement ID'),
    dateOrder: [{ from: 'invo_involvement_start_date', to: 'invo_involvement_end_date' }],
    fields: [
      personField('invo_person_id'),
      refField('invo_professional_id', 'worker_id', 'professional ID', 'professional', {
        required: true,
        resolve: 'worker',
      }),
      textField('invo_professional_role_id', 'role', 'worker role', 200),
      refField('invo_professional_team', 'case_team_id', 'team ID', 'department', { resolve: 'team' }),
      dateField('invo_involvement_start_date', 'start_date', 'date the involvement started', {
        required: true,
        notFuture: true,
      }),
      dateField('invo_involvement_end_date', 'end_date', 'date the involvement ended'),
      codeField(
        'invo_worker_change_reason',
        'change_reason',
        'reason for change of worker',
        WORKER_CHANGE_REASON,
      ),
      refField('invo_referral_id', 'referral_source_id', 'referral ID', 'referral'),
    ],
  },
  {
    ssd: 'ssd_contacts',
    table: 'case_contacts',
    description: 'Contacts',
    id: idField('cont_contact_id', 'contact ID'),
    fields: [
      personField('cont_person_id'),
      dateTimeField('cont_contact_date', 'contact_date', 'contact_at', 'date of the contact', {
        required: true,
        notFuture: true,
      }),
      codeField('cont_contact_source_code', 'source_code', 'contact source', REFERRAL_SOURCE),
      textField('cont_contact_source_desc', 'source_description', 'contact source description', 255),
      jsonField('cont_contact_outcome_json', 'outcome_json', 'contact outcome'),
    ],
  },
  {
    ssd: 'ssd_early_help_episodes',
    table: 'case_early_help_episodes',
    description: 'Early help episodes',
    id: idField('earl_episode_id', 'early help episode ID'),
    dateOrder: [{ from: 'earl_episode_start_date', to: 'earl_episode_end_date' }],
    fields: [
      personField('earl_person_id'),
      dateField('earl_episode_start_date', 'start_date', 'date the episode started', {
        required: true,
        notFuture: true,
      }),
      dateField('earl_episode_end_date', 'end_date', 'date the episode ended', { notFuture: true }),
      textField('earl_episode_reason', 'reason', 'reason for early help', 4000),
      textField('earl_episode_end_reason', 'end_reason', 'reason the episode ended', 4000),
      textField('earl_episode_organisation', 'provider', 'organisation providing early help', 4000),
      workerText('earl_episode_worker_id'),
    ],
  },
  {
    ssd: 'ssd_cin_assessments',
    table: 'case_assessments',
    description: 'Child and family assessments',
    id: idField('cina_assessment_id', 'assessment ID'),
    dateOrder: [{ from: 'cina_assessment_start_date', to: 'cina_assessment_auth_date' }],
    fields: [
      personField('cina_person_id'),
      refField('cina_referral_id', 'referral_source_id', 'referral ID', 'referral'),
      dateField('cina_assessment_start_date', 'start_date', 'date the assessment started', {
        required: true,
        notFuture: true,
      }),
      ynField('cina_assessment_child_seen', 'child_seen', 'child seen flag'),
      dateField('cina_assessment_auth_date', 'authorised_date', 'date the assessment was authorised', {
        notFuture: true,
      }),
      jsonField('cina_assessment_outcome_json', 'outcome_json', 'assessment outcome'),
      ynField('cina_assessment_outcome_nfa', 'no_further_action', 'no further action flag'),
      teamText('cina_assessment_team'),
      workerText('cina_assessment_worker_id'),
    ],
  },
  {
    ssd: 'ssd_cp_reviews',
    table: 'case_cp_reviews',
    description: 'Child protection review conferences',
    id: idField('cppr_cp_review_id', 'review conference ID'),
    fields: [
      personField('cppr_person_id'),
      refField('cppr_cp_plan_id', 'cp_plan_source_id', 'child protection plan ID', 'cp_plan', {
        required: true,
      }),
      dateField('cppr_cp_review_due', 'due_date', 'date the review was due'),
      dateField('cppr_cp_review_date', 'review_date', 'date of the review', { notFuture: true }),
      textField('cppr_cp_review_meeting_id', 'meeting_id', 'meeting ID', 48),
      ynField('cppr_cp_review_outcome_continue_cp', 'outcome_continue_plan', 'plan continues flag'),
      textField('cppr_cp_review_quorate', 'quorate', 'quorate', 100),
      textField('cppr_cp_review_participation', 'participation', 'participation', 100),
    ],
  },
  {
    ssd: 'ssd_cp_visits',
    table: 'case_cp_visits',
    description: 'Child protection visits',
    id: idField('cppv_cp_visit_id', 'visit ID'),
    personFrom: { field: 'cppv_cp_plan_id', script: 'Mosaic' },
    fields: [
      personField('cppv_person_id'),
      refField('cppv_cp_plan_id', 'cp_plan_source_id', 'child protection plan ID', 'cp_plan', {
        required: true,
      }),
      dateField('cppv_cp_visit_date', 'visit_date', 'date of the visit', { required: true, notFuture: true }),
      ynField('cppv_cp_visit_seen', 'child_seen', 'child seen flag'),
      ynField('cppv_cp_visit_seen_alone', 'seen_alone', 'child seen alone flag'),
      ynField('cppv_cp_visit_bedroom', 'bedroom_seen', 'bedroom seen flag'),
    ],
  },
  {
    ssd: 'ssd_cin_visits',
    table: 'case_cin_visits',
    description: 'Child in need visits',
    id: idField('cinv_cin_visit_id', 'visit ID'),
    personFrom: { field: 'cinv_cin_plan_id', script: 'Mosaic' },
    fields: [
      personField('cinv_person_id'),
      refField('cinv_cin_plan_id', 'cin_plan_source_id', 'child in need plan ID', 'cin_plan'),
      dateField('cinv_cin_visit_date', 'visit_date', 'date of the visit', {
        required: true,
        notFuture: true,
      }),
      ynField('cinv_cin_visit_seen', 'child_seen', 'child seen flag'),
      ynField('cinv_cin_visit_seen_alone', 'seen_alone', 'child seen alone flag'),
      ynField('cinv_cin_visit_bedroom', 'bedroom_seen', 'bedroom seen flag'),
    ],
  },
  {
    ssd: 'ssd_cla_placement',
    table: 'case_cla_placements',
    description: 'Placements of looked-after children',
    id: idField('clap_cla_placement_id', 'placement ID'),
    personFrom: { field: 'clap_cla_id', script: 'Mosaic' },
    dateOrder: [{ from: 'clap_cla_placement_start_date', to: 'clap_cla_placement_end_date' }],
    fields: [
      personField('clap_person_id'),
      refField('clap_cla_id', 'cla_source_id', 'period of care ID', 'cla', { required: true }),
      dateField('clap_cla_placement_start_date', 'start_date', 'date the placement started', {
        required: true,
        notFuture: true,
      }),
      dateField('clap_cla_placement_end_date', 'end_date', 'date the placement ended', { notFuture: true }),
      codeField('clap_cla_placement_type', 'placement_type', 'placement type', PLACEMENT_TYPE, {
        notes: 'Mosaic writes the clap_cla_placement_la column too: listed as not read',
      }),
      textField('clap_cla_placement_urn', 'urn', 'Ofsted URN', 48),
      {
        ssd: 'clap_cla_placement_distance',
        column: 'distance_miles',
        label: 'distance from home in miles',
        type: { kind: 'decimal', min: 0, max: 20_000 },
      },
      codeField('clap_cla_placement_provider', 'provider', 'placement provider', PLACEMENT_PROVIDER),
      textField('clap_cla_placement_postcode', 'postcode', 'placement postcode', 8),
      textField('clap_cla_placement_change_reason', 'change_reason', 'reason for placement change', 100),
    ],
  },
  {
    ssd: 'ssd_cla_reviews',
    table: 'case_cla_reviews',
    description: 'Looked-after reviews',
    id: idField('clar_cla_review_id', 'review ID'),
    personFrom: { field: 'clar_cla_id', script: 'Eclipse' },
    fields: [
      personField('clar_person_id', ['clar_cla_person_id']),
      refField('clar_cla_id', 'cla_source_id', 'period of care ID', 'cla', { required: true }),
      dateField('clar_cla_review_due_date', 'due_date', 'date the review was due'),
      dateField('clar_cla_review_date', 'review_date', 'date of the review', { notFuture: true }),
      ynField('clar_cla_review_cancelled', 'cancelled', 'review cancelled flag'),
      codeField(
        'clar_cla_review_participation',
        'participation',
        'participation in the review',
        CLA_REVIEW_PARTICIPATION,
      ),
    ],
  },
  {
    ssd: 'ssd_cla_visits',
    table: 'case_cla_visits',
    description: 'Statutory visits to looked-after children',
    id: idField('clav_cla_visit_id', 'visit ID'),
    fields: [
      personField('clav_person_id'),
      refField('clav_cla_id', 'cla_source_id', 'period of care ID', 'cla'),
      dateField('clav_cla_visit_date', 'visit_date', 'date of the visit', {
        required: true,
        notFuture: true,
      }),
      ynField('clav_cla_visit_seen', 'child_seen', 'child seen flag'),
      ynField('clav_cla_visit_seen_alone', 'seen_alone', 'child seen alone flag'),
    ],
  },
  {
    ssd: 'ssd_cla_health',
    table: 'case_cla_health',
    description: 'Health assessments and checks',
    id: idField('clah_health_check_id', 'health check ID'),
    fields: [
      personField('clah_person_id'),
      textField('clah_health_check_type', 'check_type', 'type of health check', 500),
      dateField('clah_health_check_date', 'check_date', 'date of the health check', { required: true }),
      codeField('clah_health_check_status', 'status', 'health check status', HEALTH_CHECK_STATUS),
    ],
  },
  {
    ssd: 'ext_cla_pep',
    table: 'case_cla_peps',
    extension: true,
    description: 'Personal education plans (Oversight extension: the SSD has no table for them)',
    id: idField('pep_id', 'personal education plan ID'),
    fields: [
      personField('pep_person_id'),
      refField('pep_cla_id', 'cla_source_id', 'period of care ID', 'cla'),
      dateField('pep_date', 'pep_date', 'date of the personal education plan meeting', { required: true }),
      codeField('pep_status', 'status', 'personal education plan status', PEP_STATUS),
    ],
  },
  {
    ssd: 'ssd_cla_care_plan',
    table: 'case_cla_care_plans',
    description: 'Care plans of looked-after children',
    id: idField('lacp_table_id', 'care plan ID', ['lacp_cla_care_plan_id']),
    dateOrder: [{ from: 'lacp_cla_care_plan_start_date', to: 'lacp_cla_care_plan_end_date' }],
    fields: [
      personField('lacp_person_id'),
      dateField('lacp_cla_care_plan_start_date', 'start_date', 'date the care plan started', {
        required: true,
        notFuture: true,
      }),
      dateField('lacp_cla_care_plan_end_date', 'end_date', 'date the care plan ended', { notFuture: true }),
      jsonField('lacp_cla_care_plan_json', 'plan_json', 'care plan detail'),
    ],
  },
  {
    ssd: 'ssd_sdq_scores',
    table: 'case_sdq_scores',
    description: 'Strengths and Difficulties Questionnaire scores',
    id: idField('csdq_table_id', 'SDQ ID'),
    fields: [
      personField('csdq_person_id'),
      dateField('csdq_sdq_completed_date', 'completed_date', 'date the SDQ was completed', {
        required: true,
        notFuture: true,
      }),
      { ssd: 'csdq_sdq_score', column: 'score', label: 'SDQ score', type: { kind: 'int', min: 0, max: 40 } },
      textField('csdq_sdq_reason', 'reason', 'reason', 100),
    ],
  },
  {
    ssd: 'ssd_care_leavers',
    table: 'case_care_leavers',
    description: 'Care leavers',
    id: idField('clea_table_id', 'care leaver record ID'),
    naturalKey: {
      fields: ['clea_person_id'],
      why: 'the SystemC script writes clea_table_id = NEWID(), a new id at every run',
    },
    fields: [
      personField('clea_person_id'),
      codeField(
        'clea_care_leaver_eligibility',
        'eligibility',
        'care leaver eligibility',
        CARE_LEAVER_ELIGIBILITY,
      ),
      codeField('clea_care_leaver_in_touch', 'in_touch', 'in touch category', CARE_LEAVER_IN_TOUCH),
      dateField('clea_care_leaver_latest_contact', 'latest_contact_date', 'date of the latest contact', {
        notFuture: true,
      }),
      codeField(
        'clea_care_leaver_accommodation',
        'accommodation',
        'accommodation',
        CARE_LEAVER_ACCOMMODATION,
      ),
      codeField(
        'clea_care_leaver_accom_suitable',
        'accommodation_suitable',
        'suitability of accommodation',
        ACCOMMODATION_SUITABLE,
      ),
      codeField('clea_care_leaver_activity', 'activity', 'activity', CARE_LEAVER_ACTIVITY),
      dateField(
        'clea_pathway_plan_review_date',
        'pathway_plan_review_date',
        'date of the latest pathway plan review',
        {
          notFuture: true,
        },
      ),
      textField('clea_care_leaver_personal_advisor', 'personal_adviser', 'personal adviser', 100),
      teamText('clea_care_leaver_allocated_team'),
      workerText('clea_care_leaver_worker_id'),
    ],
  },
  {
    ssd: 'ssd_missing',
    table: 'case_missing_episodes',
    description: 'Missing and away-from-placement episodes',
    id: idField('miss_table_id', 'missing episode ID'),
    dateOrder: [{ from: 'miss_missing_episode_start_date', to: 'miss_missing_episode_end_date' }],
    fields: [
      personField('miss_person_id', ['miss_la_person_id']),
      dateTimeField('miss_missing_episode_start_date', 'start_date', 'start_at', 'date the episode started', {
        aliases: ['miss_mis_epi_start'],
        required: true,
        notFuture: true,
      }),
      dateTimeField('miss_missing_episode_end_date', 'end_date', 'end_at', 'date the episode ended', {
        aliases: ['miss_mis_epi_end'],
        notFuture: true,
      }),
      codeField('miss_missing_episode_type', 'episode_type', 'episode type', MISSING_TYPE, {
        aliases: ['miss_mis_epi_type'],
      }),
      ynField('miss_missing_rhi_offered', 'return_interview_offered', 'return interview offered flag', {
        aliases: ['miss_mis_epi_rhi_offered'],
        type: { kind: 'yn', na: true },
      }),
      ynField('miss_missing_rhi_accepted', 'return_interview_accepted', 'return interview accepted flag', {
        aliases: ['miss_mis_epi_rhi_accepted'],
        type: { kind: 'yn', na: true },
      }),
    ],
  },
  {
    ssd: 'ssd_legal_status',
    table: 'case_legal_statuses',
    description: 'Legal statuses',
    id: idField('lega_legal_status_id', 'legal status ID'),
    dateOrder: [{ from: 'lega_legal_status_start_date', to: 'lega_legal_status_end_date' }],
    fields: [
      personField('lega_person_id'),
      codeField('lega_legal_status', 'legal_status', 'legal status', LEGAL_STATUS, { required: true }),
      dateField('lega_legal_status_start_date', 'start_date', 'date the legal status started', {
        required: true,
        notFuture: true,
      }),
      dateField('lega_legal_status_end_date', 'end_date', 'date the legal status ended', { notFuture: true }),
    ],
  },
  {
    ssd: 'ssd_immigration_status',
    table: 'case_immigration_statuses',
    description: 'Immigration statuses (UASC: unaccompanied asylum-seeking child)',
    id: idField('immi_immigration_status_id', 'immigration status ID'),
    dateOrder: [{ from: 'immi_immigration_status_start_date', to: 'immi_immigration_status_end_date' }],
    fields: [
      personField('immi_person_id'),
      textField('immi_immigration_status', 'status', 'immigration status', 100, { required: true }),
      dateField('immi_immigration_status_start_date', 'start_date', 'date the status started', {
        notFuture: true,
      }),
      dateField('immi_immigration_status_end_date', 'end_date', 'date the status ended'),
    ],
  },
  {
    ssd: 'ssd_disability',
    table: 'case_disabilities',
    description: 'Disabilities',
    id: idField('disa_table_id', 'disability record ID'),
    fields: [
      personField('disa_person_id'),
      codeField('disa_disability_code', 'code', 'disability code', DISABILITY, { required: true }),
    ],
  },
  {
    ssd: 'ssd_send',
    table: 'case_send',
    description: 'Special educational needs identifiers',
    id: idField('send_table_id', 'SEND record ID'),
    naturalKey: {
      fields: ['send_person_id'],
      why: 'the SystemC script writes send_table_id = NEWID(), a new id at every run',
    },
    fields: [
      personField('send_person_id'),
      textField('send_upn', 'upn', 'unique pupil number', 48),
      textField('send_uln', 'uln', 'unique learner number', 48),
      codeField('send_upn_unknown', 'upn_unknown_reason', 'reason the UPN is unknown', UPN_UNKNOWN),
    ],
  },
  {
    ssd: 'ssd_voice_of_child',
    table: 'case_voice_of_child_flags',
    description: 'The SSD’s voice-of-the-child flags',
    id: idField('voch_table_id', 'record ID'),
    fields: [
      personField('voch_person_id'),
      ynField('voch_explained_worries', 'explained_worries', 'explained worries flag'),
      ynField('voch_story_help_understand', 'story_helped_understand', 'story helped understand flag'),
      ynField('voch_agree_worker', 'agrees_with_worker', 'agrees with worker flag'),
      ynField('voch_plan_safe', 'plan_makes_safe', 'plan makes safe flag'),
      ynField('voch_tablet_help_explain', 'tablet_helped_explain', 'tablet helped explain flag'),
    ],
  },
];

/** SSD tables an extract may hold that Oversight does not read (listed as a notice, not an error). */
export const SSD_TABLES_NOT_READ: readonly string[] = [
  'ssd_address',
  'ssd_api_data_staging',
  'ssd_assessment_factors',
  'ssd_cla_convictions',
  'ssd_cla_immunisations',
  'ssd_cla_previous_permanence',
  'ssd_cla_substance_misuse',
  'ssd_cohort',
  'ssd_cp_reviews_risks',
  'ssd_dim_date',
  'ssd_ehcp_active_plans',
  'ssd_ehcp_assessment',
  'ssd_ehcp_named_plan',
  'ssd_ehcp_requests',
  'ssd_extract_log',
  'ssd_family',
  'ssd_linked_identifiers',
  'ssd_mother',
  'ssd_permanence',
  'ssd_pre_cla_care_plan',
  'ssd_pre_proceedings',
  'ssd_s251_finance',
  'ssd_sen_need',
  'ssd_version_log',
];

export const TABLES_BY_NAME: ReadonlyMap<string, TableSpec> = new Map(SSD_TABLES.map((t) => [t.ssd, t]));

/** Where records of each kind live in the database: the table and the column holding the SSD id. */
export const REF_TARGETS: Record<RefKind, { ssd: string; table: string; column: string; personal: boolean }> =
  {
    person: { ssd: 'ssd_person', table: 'case_people', column: 'source_id', personal: false },
    referral: { ssd: 'ssd_cin_episodes', table: 'case_referrals', column: 'source_id', personal: true },
    s47: { ssd: 'ssd_s47_enquiry', table: 'case_s47_enquiries', column: 'source_id', personal: true },
    icpc: {
      ssd: 'ssd_initial_cp_conference',
      table: 'case_initial_conferences',
      column: 'source_id',
      personal: true,
    },
    cp_plan: { ssd: 'ssd_cp_plans', table: 'case_cp_plans', column: 'source_id', personal: true },
    cin_plan: { ssd: 'ssd_cin_plans', table: 'case_cin_plans', column: 'source_id', personal: true },
    cla: { ssd: 'ssd_cla_episodes', table: 'case_cla_episodes', column: 'cla_source_id', personal: true },
    professional: { ssd: 'ssd_professionals', table: 'case_workers', column: 'source_id', personal: false },
    department: { ssd: 'ssd_department', table: 'case_teams', column: 'source_id', personal: false },
  };

/** Every field of a table, the identifier first. */
export function allFields(spec: TableSpec): FieldSpec[] {
  return [spec.id, ...spec.fields];
}
