/** The SSD tables of the case demo's extract, written as CSV files, and the ids of their rows. */
import type { DEMO_TEAMS } from './organisation';
import { CsvTable } from './ssd-writer';

export type TeamKey = (typeof DEMO_TEAMS)[number]['key'];
export const deptId = (key: TeamKey) => `DEPT-${key.toUpperCase()}`;

export interface Worker {
  id: string;
  team: TeamKey;
}

export class DemoExtract {
  readonly t: Record<string, CsvTable>;
  private next: Record<string, number> = {};
  constructor(folder: string) {
    const table = (name: string, header: string[]) => new CsvTable(folder, name, header);
    this.t = {
      department: table('ssd_department', [
        'dept_team_id',
        'dept_team_name',
        'dept_team_parent_id',
        'dept_team_parent_name',
      ]),
      professionals: table('ssd_professionals', [
        'prof_professional_id',
        'prof_staff_id',
        'prof_professional_name',
        'prof_professional_email',
        'prof_professional_job_title',
        'prof_professional_department',
        'prof_full_time_equivalency',
        'prof_agency_worker_flag',
      ]),
      person: table('ssd_person', [
        'pers_person_id',
        'pers_forename',
        'pers_surname',
        'pers_sex',
        'pers_gender',
        'pers_ethnicity',
        'pers_dob',
        'pers_single_unique_id',
        'pers_upn',
        'pers_upn_unknown',
        'pers_send_flag',
        'pers_nationality',
      ]),
      involvements: table('ssd_involvements', [
        'invo_involvements_id',
        'invo_person_id',
        'invo_professional_id',
        'invo_professional_role_id',
        'invo_professional_team',
        'invo_involvement_start_date',
        'invo_involvement_end_date',
        'invo_worker_change_reason',
        'invo_referral_id',
      ]),
      contacts: table('ssd_contacts', [
        'cont_contact_id',
        'cont_person_id',
        'cont_contact_date',
        'cont_contact_source_code',
        'cont_contact_source_desc',
      ]),
      earlyHelp: table('ssd_early_help_episodes', [
        'earl_episode_id',
        'earl_person_id',
        'earl_episode_start_date',
        'earl_episode_end_date',
        'earl_episode_reason',
        'earl_episode_end_reason',
        'earl_episode_organisation',
        'earl_episode_worker_id',
      ]),
      referrals: table('ssd_cin_episodes', [
        'cine_referral_id',
        'cine_person_id',
        'cine_referral_date',
        'cine_cin_primary_need_code',
        'cine_referral_source_code',
        'cine_referral_nfa',
        'cine_close_reason',
        'cine_close_date',
        'cine_referral_team',
        'cine_referral_worker_id',
      ]),
      assessments: table('ssd_cin_assessments', [
        'cina_assessment_id',
        'cina_person_id',
        'cina_referral_id',
        'cina_assessment_start_date',
        'cina_assessment_child_seen',
        'cina_assessment_auth_date',
        'cina_assessment_outcome_nfa',
        'cina_assessment_team',
        'cina_assessment_worker_id',
      ]),
      s47: table('ssd_s47_enquiry', [
        's47e_s47_enquiry_id',
        's47e_person_id',
        's47e_referral_id',
        's47e_s47_start_date',
        's47e_s47_end_date',
        's47e_s47_nfa',
        's47e_s47_completed_by_team',
        's47e_s47_completed_by_worker_id',
      ]),
      icpc: table('ssd_initial_cp_conference', [
        'icpc_icpc_id',
        'icpc_person_id',
        'icpc_s47_enquiry_id',
        'icpc_referral_id',
        'icpc_cp_plan_id',
        'icpc_icpc_target_date',
        'icpc_icpc_date',
        'icpc_icpc_outcome_cp_flag',
        'icpc_icpc_team',
        'icpc_icpc_worker_id',
      ]),
      cpPlans: table('ssd_cp_plans', [
        'cppl_cp_plan_id',
        'cppl_person_id',
        'cppl_referral_id',
        'cppl_icpc_id',
        'cppl_cp_plan_start_date',
        'cppl_cp_plan_end_date',
        'cppl_cp_plan_initial_category',
        'cppl_cp_plan_latest_category',
      ]),
      cpReviews: table('ssd_cp_reviews', [
        'cppr_cp_review_id',
        'cppr_person_id',
        'cppr_cp_plan_id',
        'cppr_cp_review_due',
        'cppr_cp_review_date',
        'cppr_cp_review_outcome_continue_cp',
      ]),
      cpVisits: table('ssd_cp_visits', [
        'cppv_cp_visit_id',
        'cppv_person_id',
        'cppv_cp_plan_id',
        'cppv_cp_visit_date',
        'cppv_cp_visit_seen',
        'cppv_cp_visit_seen_alone',
        'cppv_cp_visit_bedroom',
      ]),
      cinPlans: table('ssd_cin_plans', [
        'cinp_cin_plan_id',
        'cinp_person_id',
        'cinp_referral_id',
        'cinp_cin_plan_start_date',
        'cinp_cin_plan_end_date',
        'cinp_cin_plan_team',
        'cinp_cin_plan_worker_id',
      ]),
      cinVisits: table('ssd_cin_visits', [
        'cinv_cin_visit_id',
        'cinv_person_id',
        'cinv_cin_plan_id',
        'cinv_cin_visit_date',
        'cinv_cin_visit_seen',
        'cinv_cin_visit_seen_alone',
      ]),
      claEpisodes: table('ssd_cla_episodes', [
        'clae_cla_episode_id',
        'clae_person_id',
        'clae_cla_id',
        'clae_referral_id',
        'clae_cla_episode_start_date',
        'clae_cla_episode_start_reason',
        'clae_cla_primary_need_code',
        'clae_cla_episode_ceased_date',
        'clae_cla_episode_ceased_reason',
        'clae_entered_care_date',
      ]),
      placements: table('ssd_cla_placement', [
        'clap_cla_placement_id',
        'clap_person_id',
        'clap_cla_id',
        'clap_cla_placement_start_date',
        'clap_cla_placement_end_date',
        'clap_cla_placement_type',
        'clap_cla_placement_provider',
        'clap_cla_placement_distance',
        'clap_cla_placement_postcode',
        'clap_cla_placement_change_reason',
      ]),
      claReviews: table('ssd_cla_reviews', [
        'clar_cla_review_id',
        'clar_person_id',
        'clar_cla_id',
        'clar_cla_review_due_date',
        'clar_cla_review_date',
        'clar_cla_review_cancelled',
        'clar_cla_review_participation',
      ]),
      claVisits: table('ssd_cla_visits', [
        'clav_cla_visit_id',
        'clav_person_id',
        'clav_cla_id',
        'clav_cla_visit_date',
        'clav_cla_visit_seen',
        'clav_cla_visit_seen_alone',
      ]),
      health: table('ssd_cla_health', [
        'clah_health_check_id',
        'clah_person_id',
        'clah_health_check_type',
        'clah_health_check_date',
        'clah_health_check_status',
      ]),
      peps: table('ext_cla_pep', ['pep_id', 'pep_person_id', 'pep_cla_id', 'pep_date', 'pep_status']),
      careLeavers: table('ssd_care_leavers', [
        'clea_table_id',
        'clea_person_id',
        'clea_care_leaver_eligibility',
        'clea_care_leaver_in_touch',
        'clea_care_leaver_latest_contact',
        'clea_care_leaver_accommodation',
        'clea_care_leaver_accom_suitable',
        'clea_care_leaver_activity',
        'clea_pathway_plan_review_date',
        'clea_care_leaver_personal_advisor',
        'clea_care_leaver_allocated_team',
        'clea_care_leaver_worker_id',
      ]),
      missing: table('ssd_missing', [
        'miss_table_id',
        'miss_person_id',
        'miss_missing_episode_start_date',
        'miss_missing_episode_end_date',
        'miss_missing_episode_type',
        'miss_missing_rhi_offered',
        'miss_missing_rhi_accepted',
      ]),
      legal: table('ssd_legal_status', [
        'lega_legal_status_id',
        'lega_person_id',
        'lega_legal_status',
        'lega_legal_status_start_date',
        'lega_legal_status_end_date',
      ]),
      immigration: table('ssd_immigration_status', [
        'immi_immigration_status_id',
        'immi_person_id',
        'immi_immigration_status',
        'immi_immigration_status_start_date',
        'immi_immigration_status_end_date',
      ]),
      disability: table('ssd_disability', ['disa_table_id', 'disa_person_id', 'disa_disability_code']),
    };
  }
  id(prefix: string): string {
    const n = (this.next[prefix] ?? 0) + 1;
    this.next[prefix] = n;
    return `${prefix}${n}`;
  }
  async close(): Promise<number> {
    let rows = 0;
    for (const table of Object.values(this.t)) {
      await table.close();
      rows += table.rows;
    }
    return rows;
  }
}
