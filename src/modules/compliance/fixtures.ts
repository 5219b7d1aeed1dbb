/**
 * A crafted SSD extract whose statutory tasks are worked out by hand (the same
 * data set as dashboards.test.ts, where the working is written out). Today is
 * Monday 16 November 2026. Open tasks in the Children in Care Team:
 * Priya Ashdown (W1, the demo practitioner) overdue 2, not yet due 1;
 * Noor Fairley (W2, no account) overdue 1, due soon 2 (23 November), not yet due 2.
 */
import type { Csv } from '../cases/fixtures';

export function timescalesExtract(): Record<string, Csv> {
  return {
    'ssd_department.csv': [
      ['dept_team_id', 'dept_team_name'],
      ['DEPT-CHILDREN-IN-CARE', 'Children in Care Team'],
    ],
    'ssd_professionals.csv': [
      [
        'prof_professional_id',
        'prof_professional_name',
        'prof_professional_email',
        'prof_professional_job_title',
      ],
      ['W1', 'Priya Ashdown', 'practitioner@oakhaven.example', 'Social worker'],
      ['W2', 'Noor Fairley', '', 'Social worker'],
    ],
    'ssd_person.csv': [
      [
        'pers_person_id',
        'pers_forename',
        'pers_surname',
        'pers_sex',
        'pers_gender',
        'pers_ethnicity',
        'pers_dob',
      ],
      ['P1', 'Rowan', 'Ashgrove', 'F', '02', 'WBRI', '2014-05-01'],
      ['P2', 'Kit', 'Mallory', 'M', '01', 'WBRI', '2018-09-12'],
      ['P3', 'Dawit', 'Haile', 'M', '01', 'BAFR', '2015-03-10'],
    ],
    'ssd_cin_episodes.csv': [
      [
        'cine_referral_id',
        'cine_person_id',
        'cine_referral_date',
        'cine_cin_primary_need_code',
        'cine_referral_team',
        'cine_referral_worker_id',
      ],
      ['R1', 'P1', '2026-10-01', 'N1', 'DEPT-CHILDREN-IN-CARE', 'W1'],
      ['R2', 'P2', '2026-01-05', 'N1', 'DEPT-CHILDREN-IN-CARE', 'W1'],
      ['R3', 'P3', '2026-10-26', 'N8', 'DEPT-CHILDREN-IN-CARE', 'W2'],
    ],
    'ssd_cin_assessments.csv': [
      [
        'cina_assessment_id',
        'cina_person_id',
        'cina_referral_id',
        'cina_assessment_start_date',
        'cina_assessment_child_seen',
        'cina_assessment_auth_date',
      ],
      ['A2', 'P2', 'R2', '2026-01-06', 'Y', '2026-02-20'],
    ],
    'ssd_cp_plans.csv': [
      [
        'cppl_cp_plan_id',
        'cppl_person_id',
        'cppl_referral_id',
        'cppl_cp_plan_start_date',
        'cppl_cp_plan_initial_category',
      ],
      ['CP2', 'P2', 'R2', '2026-07-01', 'NEG'],
    ],
    'ssd_cp_visits.csv': [
      [
        'cppv_cp_visit_id',
        'cppv_person_id',
        'cppv_cp_plan_id',
        'cppv_cp_visit_date',
        'cppv_cp_visit_seen',
        'cppv_cp_visit_seen_alone',
      ],
      ['V1', 'P2', 'CP2', '2026-07-10', 'Y', 'Y'],
      ['V2', 'P2', 'CP2', '2026-10-20', 'Y', 'N'],
    ],
    'ssd_cla_episodes.csv': [
      [
        'clae_cla_episode_id',
        'clae_person_id',
        'clae_cla_id',
        'clae_referral_id',
        'clae_cla_episode_start_date',
        'clae_cla_episode_start_reason',
        'clae_cla_primary_need_code',
      ],
      ['E3', 'P3', 'LA3', 'R3', '2026-10-26', 'S', 'N8'],
    ],
    'ssd_cla_placement.csv': [
      [
        'clap_cla_placement_id',
        'clap_person_id',
        'clap_cla_id',
        'clap_cla_placement_start_date',
        'clap_cla_placement_type',
      ],
      ['PL3', 'P3', 'LA3', '2026-10-26', 'U4'],
    ],
    'ssd_cla_visits.csv': [
      [
        'clav_cla_visit_id',
        'clav_person_id',
        'clav_cla_id',
        'clav_cla_visit_date',
        'clav_cla_visit_seen',
        'clav_cla_visit_seen_alone',
      ],
      ['CV1', 'P3', 'LA3', '2026-10-30', 'Y', 'N'],
    ],
    'ssd_involvements.csv': [
      [
        'invo_involvements_id',
        'invo_person_id',
        'invo_professional_id',
        'invo_professional_role_id',
        'invo_professional_team',
        'invo_involvement_start_date',
      ],
      ['IN1', 'P1', 'W1', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2026-10-01'],
      ['IN2', 'P2', 'W1', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2026-01-05'],
      ['IN3', 'P3', 'W2', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2026-10-26'],
    ],
  };
}
