/**
 * A small, hand-made SSD extract for tests: four children, two workers with
 * accounts in the demo organisation (the practitioner and the team manager's
 * team) and one without. Dates are fixed; tests run with a clock after them.
 */
import { Readable } from 'node:stream';
import type { ExtractFile } from './ssd/extract';

export type Csv = string[][];

export function toCsv(rows: Csv): string {
  return `${rows
    .map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n')}\r\n`;
}

export function smallExtract(): Record<string, Csv> {
  return {
    'ssd_department.csv': [
      ['dept_team_id', 'dept_team_name', 'dept_team_parent_id', 'dept_team_parent_name'],
      ['DEPT-CHILDREN-IN-CARE', 'Children in Care Team', '', ''],
      ['DEPT-ASSESSMENT', 'Assessment Team', '', ''],
    ],
    'ssd_professionals.csv': [
      [
        'prof_professional_id',
        'prof_staff_id',
        'prof_professional_name',
        'prof_professional_email',
        'prof_professional_job_title',
      ],
      ['W1', 'S1', 'Priya Ashdown', 'practitioner@oakhaven.example', 'Social worker'],
      ['W2', 'S2', 'Noor Fairley', '', 'Social worker'],
      ['W3', 'S3', 'Ellis Brandt', '', 'Senior practitioner'],
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
        'pers_single_unique_id',
        'pers_upn_unknown',
      ],
      ['P1', 'Amara', 'Testwell', 'F', '02', 'BAFR', '2009-04-15', '9434765919', ''],
      ['P2', 'Jonah', 'Quillby', 'M', '01', 'WBRI', '2016-11-02', '', ''],
      ['P3', 'Lior', 'Penhallow', 'M', '01', 'WOTH', '2008-02-15', '', 'UN2'],
      ['P4', 'Maisie', 'Orrick', 'F', '02', 'MWBC', '2019-07-30', '', ''],
    ],
    'ssd_cin_episodes.csv': [
      [
        'cine_referral_id',
        'cine_person_id',
        'cine_referral_date',
        'cine_cin_primary_need_code',
        'cine_referral_source_code',
        'cine_close_date',
        'cine_referral_team',
        'cine_referral_worker_id',
      ],
      ['R1', 'P1', '2024-01-10', 'N1', '6', '', 'DEPT-CHILDREN-IN-CARE', 'W1'],
      ['R2', 'P2', '2026-06-01', 'N1', '2A', '', 'DEPT-CHILDREN-IN-CARE', 'W2'],
      ['R3', 'P3', '2025-02-03', 'N8', '5D', '', 'DEPT-ASSESSMENT', 'W3'],
      ['R4', 'P4', '2023-03-01', 'N4', '1A', '2023-05-20', 'DEPT-ASSESSMENT', 'W3'],
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
      ['A1', 'P2', 'R2', '2026-06-02', 'Y', '2026-07-20'],
      ['A2', 'P4', 'R4', '2023-03-02', 'Y', '2023-04-10'],
    ],
    'ssd_s47_enquiry.csv': [
      [
        's47e_s47_enquiry_id',
        's47e_person_id',
        's47e_referral_id',
        's47e_s47_start_date',
        's47e_s47_end_date',
      ],
      ['S1', 'P2', 'R2', '2026-06-03', '2026-06-17'],
    ],
    'ssd_initial_cp_conference.csv': [
      [
        'icpc_icpc_id',
        'icpc_person_id',
        'icpc_s47_enquiry_id',
        'icpc_referral_id',
        'icpc_cp_plan_id',
        'icpc_icpc_date',
        'icpc_icpc_outcome_cp_flag',
      ],
      ['C1', 'P2', 'S1', 'R2', 'CP1', '2026-06-24', 'Y'],
    ],
    'ssd_cp_plans.csv': [
      [
        'cppl_cp_plan_id',
        'cppl_person_id',
        'cppl_referral_id',
        'cppl_icpc_id',
        'cppl_cp_plan_start_date',
        'cppl_cp_plan_end_date',
        'cppl_cp_plan_initial_category',
        'cppl_cp_plan_latest_category',
      ],
      ['CP1', 'P2', 'R2', 'C1', '2026-06-24', '', 'NEG', 'Neglect'],
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
      ['V1', 'P2', 'CP1', '2026-07-03', 'Y', 'Y'],
      ['V2', 'P2', 'CP1', '2026-07-17', 'Y', 'N'],
    ],
    'ssd_cp_reviews.csv': [
      ['cppr_cp_review_id', 'cppr_person_id', 'cppr_cp_plan_id', 'cppr_cp_review_due', 'cppr_cp_review_date'],
      ['CR1', 'P2', 'CP1', '2026-09-24', '2026-09-22'],
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
        'clae_cla_episode_ceased_date',
        'clae_cla_episode_ceased_reason',
      ],
      ['E1', 'P1', 'LA1', 'R1', '2024-02-01', 'S', 'N1', '2025-01-10', 'X1'],
      ['E2', 'P1', 'LA1', 'R1', '2025-01-10', 'P', 'N1', '', ''],
      ['E3', 'P3', 'LA3', 'R3', '2025-02-03', 'S', 'N8', '', ''],
    ],
    'ssd_cla_placement.csv': [
      [
        'clap_cla_placement_id',
        'clap_person_id',
        'clap_cla_id',
        'clap_cla_placement_start_date',
        'clap_cla_placement_end_date',
        'clap_cla_placement_type',
        'clap_cla_placement_provider',
        'clap_cla_placement_distance',
        'clap_cla_placement_postcode',
      ],
      ['PL1', 'P1', 'LA1', '2024-02-01', '2025-01-10', 'U6', 'PR1', '3.5', 'OK1 2AB'],
      ['PL2', 'P1', 'LA1', '2025-01-10', '', 'U4', 'PR4', '12.0', 'OK3 4CD'],
      ['PL3', 'P3', 'LA3', '2025-02-03', '', 'H5', 'PR4', '2', 'OK5 6EF'],
    ],
    'ssd_cla_reviews.csv': [
      [
        'clar_cla_review_id',
        'clar_person_id',
        'clar_cla_id',
        'clar_cla_review_due_date',
        'clar_cla_review_date',
        'clar_cla_review_cancelled',
        'clar_cla_review_participation',
      ],
      ['RV1', 'P1', 'LA1', '2024-02-29', '2024-02-27', 'N', 'PN1'],
      ['RV2', 'P3', 'LA3', '2025-03-03', '2025-03-01', 'N', 'PN2'],
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
      ['CV1', 'P1', 'LA1', '2026-09-01', 'Y', 'Y'],
      ['CV2', 'P3', 'LA3', '2026-10-20', 'Y', 'N'],
    ],
    'ssd_legal_status.csv': [
      [
        'lega_legal_status_id',
        'lega_person_id',
        'lega_legal_status',
        'lega_legal_status_start_date',
        'lega_legal_status_end_date',
      ],
      ['L1', 'P1', 'C2', '2024-02-01', ''],
      ['L3', 'P3', 'V2', '2025-02-03', ''],
    ],
    'ssd_immigration_status.csv': [
      [
        'immi_immigration_status_id',
        'immi_person_id',
        'immi_immigration_status',
        'immi_immigration_status_start_date',
        'immi_immigration_status_end_date',
      ],
      ['I3', 'P3', 'UASC', '2025-02-03', ''],
    ],
    'ssd_involvements.csv': [
      [
        'invo_involvements_id',
        'invo_person_id',
        'invo_professional_id',
        'invo_professional_role_id',
        'invo_professional_team',
        'invo_involvement_start_date',
        'invo_involvement_end_date',
        'invo_worker_change_reason',
      ],
      [
        'IN1',
        'P1',
        'W2',
        'Allocated social worker',
        'DEPT-CHILDREN-IN-CARE',
        '2024-02-01',
        '2025-06-30',
        'FCONTA',
      ],
      ['IN2', 'P1', 'W1', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2025-07-01', '', 'LEFTRL'],
      ['IN3', 'P2', 'W2', 'Allocated social worker', 'DEPT-CHILDREN-IN-CARE', '2026-06-01', '', 'FCONTA'],
      ['IN4', 'P3', 'W3', 'Allocated social worker', 'DEPT-ASSESSMENT', '2025-02-03', '', 'FCONTA'],
    ],
    'ssd_address.csv': [
      ['addr_table_id', 'addr_person_id'],
      ['AD1', 'P1'],
    ],
  };
}

/** An extract held in memory, for tests of the importer. */
export function extractFiles(extract: Record<string, Csv>): ExtractFile[] {
  return Object.entries(extract).map(([name, rows]) => {
    const data = Buffer.from(toCsv(rows));
    return { name, size: data.byteLength, open: () => Readable.from([data]) };
  });
}
