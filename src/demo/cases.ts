/**
 * The demo authority's children's case register, written as SSD CSV files
 * and loaded through the same importer a real extract takes.
 *
 * Deterministic (SeededRandom) and relative to the clock's today. Fictional
 * children and workers, named from small invented lists. Open cases at each
 * service level (early help, child in need, child protection, looked after —
 * most of them unaccompanied 16–17 year olds — and care leavers), with
 * closed cases behind them; statutory visits, reviews and assessments are
 * mostly on time, some due soon and some overdue, so the compliance
 * dashboards have red, amber and green to show. The demo practitioner holds a
 * caseload of about fifteen looked-after children in the Children in Care
 * Team; her team holds more.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Oversight } from '../app';
import { importSsdFolder } from '../modules/cases/service';
import { addDays, daysBetween } from '../platform/calendar/working-days';
import { today as todayOf } from '../platform/clock';
import type { DemoScale } from './load';
import { DEMO_TEAMS, type DemoOrganisation } from './organisation';
import { SeededRandom } from './random';
import { type Cell, CsvTable } from './ssd-writer';

interface ScaleSettings {
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

const FORENAMES = [
  'Amara',
  'Jonah',
  'Lior',
  'Maisie',
  'Tobias',
  'Zara',
  'Kofi',
  'Elin',
  'Rafe',
  'Noor',
  'Idris',
  'Talia',
  'Caspian',
  'Bryony',
  'Yusuf',
  'Marnie',
  'Ezra',
  'Saffron',
  'Milo',
  'Anouk',
  'Dax',
  'Imogen',
  'Hamza',
  'Lyra',
  'Otis',
  'Freya',
  'Kian',
  'Aisha',
  'Rowan',
  'Esme',
  'Tariq',
  'Wren',
  'Jasper',
  'Ines',
  'Malik',
  'Poppy',
  'Reuben',
  'Sana',
  'Felix',
  'Orla',
  'Bilal',
  'Hattie',
  'Ciaran',
  'Leyla',
  'Arlo',
  'Nell',
  'Dawit',
  'Senait',
  'Farid',
  'Mahsa',
  'Ahmad',
  'Yonas',
];
const SURNAMES = [
  'Ashcombe',
  'Brindley',
  'Carrow',
  'Denholm',
  'Eastleigh',
  'Fenwick',
  'Garside',
  'Hollins',
  'Ingram',
  'Jessop',
  'Kettering',
  'Lowther',
  'Marwood',
  'Netherby',
  'Oakes',
  'Pellow',
  'Quarry',
  'Redfern',
  'Stannard',
  'Thwaite',
  'Upton',
  'Varley',
  'Wharton',
  'Yardley',
  'Abara',
  'Bekele',
  'Chaudry',
  'Demir',
  'Efe',
  'Fofana',
  'Haidari',
  'Kahsay',
  'Mengistu',
  'Nazari',
  'Okonjo',
  'Rahimi',
  'Sahak',
  'Tesfay',
  'Wardak',
  'Zerai',
];
const UASC_COUNTRIES = ['Afghanistan', 'Eritrea', 'Sudan', 'Iran', 'Syria', 'Vietnam', 'Iraq', 'Ethiopia'];
const ETHNICITIES = [
  'WBRI',
  'WBRI',
  'WBRI',
  'WOTH',
  'MWBC',
  'MWBA',
  'MOTH',
  'AIND',
  'APKN',
  'BAFR',
  'BCRB',
  'OOTH',
];
const CP_CATEGORIES = ['NEG', 'NEG', 'NEG', 'EMO', 'EMO', 'PHY', 'SAB', 'MUL'];
const REFERRAL_SOURCES = ['1A', '2A', '3A', '3B', '5A', '6', '6', '8'];

type TeamKey = (typeof DEMO_TEAMS)[number]['key'];
const deptId = (key: TeamKey) => `DEPT-${key.toUpperCase()}`;

interface Worker {
  id: string;
  team: TeamKey;
}

class DemoExtract {
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

type Profile = 'on-time' | 'due-soon' | 'overdue';

class Generator {
  readonly rnd: SeededRandom;
  private readonly workers = new Map<TeamKey, Worker[]>();
  private readonly load = new Map<string, number>();
  readonly historyStart: string;

  constructor(
    readonly x: DemoExtract,
    readonly today: string,
    readonly settings: ScaleSettings,
    seed: number,
  ) {
    this.rnd = new SeededRandom(seed);
    this.historyStart = addDays(today, -Math.round(settings.years * 365.25));
  }

  // ---- small helpers ----
  between(from: string, to: string): string {
    const span = daysBetween(from, to);
    return span <= 0 ? from : addDays(from, this.rnd.int(0, span));
  }
  /** A closing date from min to max days after start, never later than yesterday. */
  closeAfter(start: string, min: number, max: number): string {
    const yesterday = addDays(this.today, -1);
    const from = addDays(start, min);
    if (from >= yesterday) return yesterday < start ? start : yesterday;
    const to = addDays(start, max);
    return this.between(from, to.localeCompare(yesterday) < 0 ? to : yesterday);
  }
  profile(): Profile {
    const r = this.rnd.next();
    return r < 0.14 ? 'overdue' : r < 0.24 ? 'due-soon' : 'on-time';
  }
  /** Dates every `interval` days (with a little jitter) from start, stopping as the profile says. */
  series(
    start: string,
    end: string | null,
    interval: number,
    profile: Profile,
    firstAfter = interval,
  ): string[] {
    let stop = end ?? this.today;
    if (!end) {
      if (profile === 'overdue') stop = addDays(this.today, -interval - this.rnd.int(5, 40));
      else if (profile === 'due-soon') stop = addDays(this.today, -interval + this.rnd.int(1, 4));
    }
    const dates: string[] = [];
    let d = addDays(start, Math.max(1, firstAfter - this.rnd.int(0, Math.min(4, firstAfter - 1))));
    while (d <= stop && d <= this.today) {
      dates.push(d);
      d = addDays(d, Math.max(1, interval - this.rnd.int(0, Math.max(1, Math.floor(interval / 5)))));
    }
    return dates;
  }
  dob(minAge: number, maxAge: number): string {
    return addDays(this.today, -Math.round((minAge + this.rnd.next() * (maxAge - minAge)) * 365.25));
  }

  // ---- workforce ----
  async workforce(org: DemoOrganisation, emails: { practitioner: string; manager: string }): Promise<void> {
    const s = this.settings;
    const open = s.open;
    const demand: Record<TeamKey, number> = {
      'front-door': 4,
      assessment: Math.ceil(open.childInNeed / 3 / s.caseload) + 2,
      safeguarding: Math.ceil((open.childInNeed + open.childProtection) / s.caseload) + 2,
      'children-in-care': Math.ceil((open.lookedAfter + open.uasc * 0.4) / s.caseload) + 2,
      uasc: Math.ceil((open.uasc * 0.6) / s.caseload) + 1,
      'leaving-care': Math.ceil(open.careLeavers / (s.caseload + 5)) + 1,
      'early-help': Math.ceil(open.earlyHelp / (s.caseload + 5)) + 1,
      quality: 0,
    };
    for (const team of DEMO_TEAMS) {
      if (team.key === 'quality') continue;
      await this.x.t.department!.row([deptId(team.key), team.name, '', '']);
    }
    const titles: Record<TeamKey, string> = {
      'front-door': 'Social worker',
      assessment: 'Social worker',
      safeguarding: 'Social worker',
      'children-in-care': 'Social worker',
      uasc: 'Social worker',
      'leaving-care': 'Personal adviser',
      'early-help': 'Family support worker',
      quality: 'Quality assurance officer',
    };
    let n = 0;
    for (const team of DEMO_TEAMS) {
      if (team.key === 'quality') continue;
      const list: Worker[] = [];
      for (let i = 0; i < demand[team.key]; i++) {
        n += 1;
        const id = `PRO-${n}`;
        let name = `${this.rnd.pick(FORENAMES)} ${this.rnd.pick(SURNAMES)}`;
        let email = '';
        if (team.key === 'children-in-care' && i === 0) {
          name = 'Priya Ashdown';
          email = emails.practitioner;
        }
        await this.x.t.professionals!.row([
          id,
          `S${1000 + n}`,
          name,
          email,
          titles[team.key],
          team.name,
          this.rnd.chance(0.85) ? 1 : 0.6,
          this.rnd.chance(0.12),
        ]);
        list.push({ id, team: team.key });
      }
      this.workers.set(team.key, list);
    }
    n += 1;
    await this.x.t.professionals!.row([
      `PRO-${n}`,
      `S${1000 + n}`,
      'Tom Marlow',
      emails.manager,
      'Team manager',
      'Children in Care Team',
      1,
      false,
    ]);
    void org;
  }
  /** The least-loaded worker of a team (keeps caseloads even), or a random one for closed cases. */
  worker(team: TeamKey, open: boolean, exclude?: string): Worker {
    const list = this.workers.get(team)!;
    if (!open) return this.rnd.pick(list);
    let best: Worker | undefined;
    for (const w of list) {
      if (w.id === exclude) continue;
      if (!best || (this.load.get(w.id) ?? 0) < (this.load.get(best.id) ?? 0)) best = w;
    }
    this.load.set(best!.id, (this.load.get(best!.id) ?? 0) + 1);
    return best!;
  }
  priya(): Worker {
    const w = this.workers.get('children-in-care')![0]!;
    this.load.set(w.id, (this.load.get(w.id) ?? 0) + 1);
    return w;
  }

  async allocate(
    person: string,
    team: TeamKey,
    start: string,
    end: string | null,
    referral: string | null,
    current?: Worker,
  ): Promise<Worker> {
    // A worker change part-way through a long case (the previous worker left, or caseloads were balanced).
    let from = start;
    const open = end === null;
    if (daysBetween(start, end ?? this.today) > 240 && this.rnd.chance(0.45)) {
      const earlier = this.worker(team, false);
      const change = this.between(addDays(start, 60), addDays(end ?? this.today, -30));
      await this.x.t.involvements!.row([
        this.x.id('INV-'),
        person,
        earlier.id,
        'Allocated worker',
        deptId(team),
        start,
        addDays(change, -1),
        'FCONTA',
        referral,
      ]);
      from = change;
    }
    const worker = current ?? this.worker(team, open);
    await this.x.t.involvements!.row([
      this.x.id('INV-'),
      person,
      worker.id,
      'Allocated worker',
      deptId(team),
      from,
      end,
      from === start ? 'FCONTA' : this.rnd.pick(['LEFTRL', 'MANAGE', 'ORGRST']),
      referral,
    ]);
    return worker;
  }

  async person(age: [number, number], opts: { uasc?: boolean } = {}): Promise<{ id: string; dob: string }> {
    const id = this.x.id('P');
    const dob = this.dob(age[0], age[1]);
    const male = opts.uasc ? this.rnd.chance(0.9) : this.rnd.chance(0.5);
    const nhs = opts.uasc && this.rnd.chance(0.4) ? '' : String(9_000_000_000 + this.rnd.int(0, 999_999_999));
    const schoolAge = daysBetween(dob, this.today) > 5 * 365;
    await this.x.t.person!.row([
      id,
      this.rnd.pick(FORENAMES),
      opts.uasc ? this.rnd.pick(SURNAMES.slice(24)) : this.rnd.pick(SURNAMES),
      male ? 'M' : 'F',
      male ? '01' : '02',
      opts.uasc ? this.rnd.pick(['AOTH', 'BAFR', 'OOTH', 'BOTH']) : this.rnd.pick(ETHNICITIES),
      dob,
      nhs,
      schoolAge && !opts.uasc && this.rnd.chance(0.8)
        ? `A${this.rnd.int(100_000_000_000, 999_999_999_999)}`
        : '',
      opts.uasc ? 'UN2' : schoolAge ? '' : 'UN1',
      this.rnd.chance(0.06),
      opts.uasc ? this.rnd.pick(UASC_COUNTRIES) : '',
    ]);
    if (this.rnd.chance(0.05))
      await this.x.t.disability!.row([
        this.x.id('DIS-'),
        id,
        this.rnd.pick(['LD', 'AUT', 'COMM', 'MOB', 'BEH']),
      ]);
    return { id, dob };
  }

  async contacts(person: string, before: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const d = addDays(before, (-this.rnd.int(0, 200) * (i + 1)) / n - (i === 0 ? 0 : 1));
      if (d < this.historyStart) continue;
      await this.x.t.contacts!.row([
        this.x.id('CON-'),
        person,
        d,
        this.rnd.pick(REFERRAL_SOURCES),
        'Concern raised',
      ]);
    }
  }

  async referral(
    person: string,
    date: string,
    need: string,
    close: string | null,
    team: TeamKey,
    worker: Worker,
    source?: string,
  ): Promise<string> {
    const id = this.x.id('REF-');
    await this.x.t.referrals!.row([
      id,
      person,
      date,
      need,
      source ?? this.rnd.pick(REFERRAL_SOURCES),
      false,
      close ? 'RC8' : '',
      close,
      deptId(team),
      worker.id,
    ]);
    return id;
  }

  async assessment(
    person: string,
    referral: string,
    ref: string,
    done: boolean,
    team: TeamKey,
    worker: Worker,
  ): Promise<string | null> {
    const start = addDays(ref, this.rnd.int(0, 3));
    const auth = done
      ? addDays(start, this.rnd.chance(0.82) ? this.rnd.int(15, 60) : this.rnd.int(66, 110))
      : null;
    await this.x.t.assessments!.row([
      this.x.id('ASM-'),
      person,
      referral,
      start,
      this.rnd.chance(0.93),
      auth && auth <= this.today ? auth : null,
      false,
      deptId(team),
      worker.id,
    ]);
    return auth && auth <= this.today ? auth : null;
  }

  // ---- the kinds of case ----
  async earlyHelp(open: boolean): Promise<void> {
    const p = await this.person([1, 16]);
    const start = open
      ? addDays(this.today, -this.rnd.int(14, 320))
      : this.between(this.historyStart, addDays(this.today, -120));
    const end = open ? null : this.closeAfter(start, 60, 300);
    await this.contacts(p.id, start, this.rnd.int(1, 2));
    const worker = this.worker('early-help', open);
    await this.x.t.earlyHelp!.row([
      this.x.id('EH-'),
      p.id,
      start,
      end,
      this.rnd.pick(['School attendance', 'Parenting support', 'Family conflict', 'Housing worries']),
      end ? 'Needs met' : '',
      'Oakhaven Family Hub',
      worker.id,
    ]);
    await this.allocate(p.id, 'early-help', start, end, null, worker);
  }

  async childInNeed(open: boolean): Promise<void> {
    const p = await this.person([0, 17]);
    const ref = open
      ? addDays(this.today, -this.rnd.int(20, 700))
      : this.between(this.historyStart, addDays(this.today, -150));
    const close = open ? null : this.closeAfter(ref, 60, 420);
    await this.contacts(p.id, ref, this.rnd.int(1, 3));
    const team: TeamKey = 'safeguarding';
    const assessor = this.worker('assessment', false);
    const worker = this.worker(team, open);
    const referral = await this.referral(
      p.id,
      ref,
      this.rnd.pick(['N1', 'N3', 'N4', 'N5', 'N2']),
      close,
      team,
      worker,
    );
    const assessmentDue = daysBetween(ref, this.today) > 45;
    const auth = await this.assessment(
      p.id,
      referral,
      ref,
      !open || assessmentDue || this.rnd.chance(0.3),
      'assessment',
      assessor,
    );
    if (auth && auth < (close ?? this.today)) {
      const planStart = addDays(auth, this.rnd.int(3, 15));
      if (planStart < (close ?? this.today)) {
        const plan = this.x.id('CINP-');
        await this.x.t.cinPlans!.row([plan, p.id, referral, planStart, close, deptId(team), worker.id]);
        for (const d of this.series(planStart, close, 28, open ? this.profile() : 'on-time')) {
          await this.x.t.cinVisits!.row([
            this.x.id('CINV-'),
            p.id,
            plan,
            d,
            this.rnd.chance(0.95),
            this.rnd.chance(0.6),
          ]);
        }
      }
    }
    await this.allocate(p.id, team, ref, close, referral, worker);
  }

  async childProtection(open: boolean): Promise<void> {
    const p = await this.person([0, 16]);
    const ref = open
      ? addDays(this.today, -this.rnd.int(40, 800))
      : this.between(this.historyStart, addDays(this.today, -200));
    await this.contacts(p.id, ref, this.rnd.int(1, 3));
    const team: TeamKey = 'safeguarding';
    const worker = this.worker(team, open);
    const s47Start = addDays(ref, this.rnd.int(0, 10));
    const icpcDate = addDays(s47Start, this.rnd.chance(0.85) ? this.rnd.int(10, 21) : this.rnd.int(24, 35));
    const planStart = icpcDate <= this.today ? icpcDate : null;
    const planEnd = open || !planStart ? null : this.closeAfter(planStart, 120, 540);
    const close = open ? null : this.closeAfter(planEnd ?? s47Start, 20, 120);
    const referral = await this.referral(p.id, ref, 'N1', close, team, worker);
    await this.assessment(p.id, referral, ref, true, team, worker);
    const s47 = this.x.id('S47-');
    await this.x.t.s47!.row([
      s47,
      p.id,
      referral,
      s47Start,
      addDays(s47Start, this.rnd.int(5, 14)),
      false,
      deptId(team),
      worker.id,
    ]);
    if (planStart) {
      const plan = this.x.id('CPP-');
      const icpc = this.x.id('ICPC-');
      await this.x.t.icpc!.row([
        icpc,
        p.id,
        s47,
        referral,
        plan,
        addDays(s47Start, 21),
        icpcDate,
        true,
        deptId(team),
        worker.id,
      ]);
      const category = this.rnd.pick(CP_CATEGORIES);
      await this.x.t.cpPlans!.row([plan, p.id, referral, icpc, planStart, planEnd, category, category]);
      const profile = open ? this.profile() : 'on-time';
      let due = addDays(planStart, 91);
      let last = planStart;
      while (due <= (planEnd ?? this.today)) {
        const held =
          profile === 'overdue' && !planEnd && due > addDays(this.today, -40)
            ? null
            : addDays(due, -this.rnd.int(0, 6));
        if (!held) break;
        await this.x.t.cpReviews!.row([this.x.id('CPR-'), p.id, plan, due, held, true]);
        last = held;
        due = addDays(last, 182);
      }
      for (const d of this.series(planStart, planEnd, 14, profile, 7)) {
        await this.x.t.cpVisits!.row([
          this.x.id('CPV-'),
          p.id,
          plan,
          d,
          this.rnd.chance(0.96),
          this.rnd.chance(0.65),
          this.rnd.chance(0.5),
        ]);
      }
    }
    await this.allocate(p.id, team, ref, close, referral, worker);
    if (this.rnd.chance(0.08)) await this.missingEpisodes(p.id, ref, close, 1);
  }

  async lookedAfter(kind: 'uasc' | 'other', open: boolean, worker?: Worker): Promise<void> {
    const uasc = kind === 'uasc';
    const p = uasc
      ? await this.person([16, 17.9], { uasc: true })
      : await this.person(open ? [1, 17.5] : [3, 17]);
    const age = (d: string) => daysBetween(p.dob, d) / 365.25;
    let start = uasc
      ? addDays(
          this.today,
          -this.rnd.int(20, Math.max(21, Math.min(700, Math.floor((age(this.today) - 15) * 365)))),
        )
      : addDays(this.today, -this.rnd.int(20, Math.min(this.settings.years * 365, 4 * 365)));
    if (start < p.dob) start = addDays(p.dob, 30);
    if (!open) start = this.between(this.historyStart, addDays(this.today, -300));
    const end = open ? null : this.closeAfter(start, 90, 500);
    const team: TeamKey = uasc ? (this.rnd.chance(0.6) ? 'uasc' : 'children-in-care') : 'children-in-care';
    const allocated = worker ?? this.worker(team, open);
    const referral = await this.referral(
      p.id,
      addDays(start, -this.rnd.int(0, 2)),
      uasc ? 'N8' : this.rnd.pick(['N1', 'N1', 'N5', 'N8']),
      end,
      team,
      allocated,
      uasc ? '5D' : undefined,
    );
    await this.assessment(p.id, referral, start, true, team, allocated);
    const cla = this.x.id('CLA-');
    // Placements: one to three, each a new episode (reason P).
    const moves = this.rnd.chance(0.4) ? this.rnd.int(1, 2) : 0;
    const bounds = [start];
    for (let i = 0; i < moves; i++) {
      const b = this.between(addDays(bounds.at(-1)!, 30), addDays(end ?? this.today, -20));
      if (b > addDays(bounds.at(-1)!, 1) && b < addDays(end ?? this.today, -1)) bounds.push(b);
    }
    for (let i = 0; i < bounds.length; i++) {
      const from = bounds[i]!;
      const to = bounds[i + 1] ?? end;
      const last = i === bounds.length - 1;
      const type = uasc
        ? this.rnd.pick(['H5', 'H5', 'U6', 'K2'])
        : this.rnd.pick(['U4', 'U6', 'U6', 'U3', 'K2', 'U1']);
      const placement = this.x.id('PL-');
      await this.x.t.claEpisodes!.row([
        this.x.id('CLE-'),
        p.id,
        cla,
        referral,
        from,
        i === 0 ? 'S' : 'P',
        uasc ? 'N8' : 'N1',
        to,
        to ? (last ? this.rnd.pick(['E4A', 'E41', 'E45', 'E13']) : 'X1') : '',
        start,
      ]);
      await this.x.t.placements!.row([
        placement,
        p.id,
        cla,
        from,
        to,
        type,
        type === 'K2' || type === 'H5' ? 'PR4' : this.rnd.pick(['PR1', 'PR1', 'PR4']),
        (this.rnd.int(5, 400) / 10).toFixed(1),
        `OK${this.rnd.int(1, 20)} ${this.rnd.int(1, 9)}AB`,
        to ? 'Placement change' : '',
      ]);
    }
    await this.x.t.legal!.row([
      this.x.id('LEG-'),
      p.id,
      uasc ? 'V2' : this.rnd.pick(['C2', 'C2', 'C1', 'V2', 'E1']),
      start,
      end,
    ]);
    if (uasc) await this.x.t.immigration!.row([this.x.id('IMM-'), p.id, 'UASC', start, end]);
    await this.claHistory(p.id, cla, start, end, open ? this.profile() : 'on-time', p.dob);
    await this.allocate(p.id, team, start, end, referral, allocated);
    if (this.rnd.chance(uasc ? 0.3 : 0.2)) await this.missingEpisodes(p.id, start, end, this.rnd.int(1, 4));
  }

  async claHistory(
    person: string,
    cla: string,
    start: string,
    end: string | null,
    profile: Profile,
    dob: string,
  ): Promise<void> {
    // Reviews: within 20 working days (about 28 days), then 3 months, then every 6 months.
    let due = addDays(start, 28);
    let n = 0;
    while (due <= (end ?? this.today)) {
      if (profile === 'overdue' && !end && due > addDays(this.today, -60)) break;
      const held = addDays(due, -this.rnd.int(0, 5));
      await this.x.t.claReviews!.row([
        this.x.id('CLR-'),
        person,
        cla,
        due,
        held,
        false,
        this.rnd.pick(['PN1', 'PN1', 'PN2', 'PN3', 'PN6']),
      ]);
      n += 1;
      due = addDays(held, n === 1 ? 91 : 182);
    }
    for (const d of this.series(start, end, 42, profile, 7)) {
      await this.x.t.claVisits!.row([
        this.x.id('CLV-'),
        person,
        cla,
        d,
        this.rnd.chance(0.97),
        this.rnd.chance(0.7),
      ]);
    }
    const young = daysBetween(dob, start) < 5 * 365;
    const checks = this.series(
      start,
      end,
      young ? 182 : 365,
      this.rnd.chance(0.15) ? 'overdue' : 'on-time',
      25,
    );
    for (const [i, d] of checks.entries()) {
      await this.x.t.health!.row([
        this.x.id('HC-'),
        person,
        i === 0 ? 'Initial health assessment' : 'Review health assessment',
        d,
        'Completed',
      ]);
    }
    if (daysBetween(dob, start) > 4 * 365) {
      for (const d of this.series(start, end, 122, this.rnd.chance(0.15) ? 'overdue' : 'on-time', 14)) {
        await this.x.t.peps!.row([this.x.id('PEP-'), person, cla, d, 'Completed']);
      }
    }
  }

  async missingEpisodes(person: string, from: string, to: string | null, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const start = this.between(from, to ?? this.today);
      const stillMissing = !to && i === 0 && this.rnd.chance(0.04);
      const end = stillMissing ? null : addDays(start, this.rnd.int(0, 3));
      if (end && end > this.today) continue;
      const offered = end ? this.rnd.chance(0.85) : null;
      await this.x.t.missing!.row([
        this.x.id('MIS-'),
        person,
        start,
        end,
        this.rnd.pick(['M', 'M', 'A']),
        offered,
        offered ? this.rnd.chance(0.6) : null,
      ]);
    }
  }

  async careLeaver(): Promise<void> {
    const p = await this.person([18.1, 21]);
    const eighteen = addDays(p.dob, Math.round(18 * 365.25));
    const start = addDays(eighteen, -this.rnd.int(400, 1500));
    const cla = this.x.id('CLA-');
    const referral = await this.referral(
      p.id,
      start,
      'N1',
      eighteen,
      'children-in-care',
      this.worker('children-in-care', false),
    );
    await this.x.t.claEpisodes!.row([
      this.x.id('CLE-'),
      p.id,
      cla,
      referral,
      start,
      'S',
      'N1',
      eighteen,
      this.rnd.pick(['E17', 'E5', 'E6']),
      start,
    ]);
    await this.x.t.placements!.row([
      this.x.id('PL-'),
      p.id,
      cla,
      start,
      eighteen,
      this.rnd.pick(['U6', 'U4', 'H5']),
      'PR1',
      (this.rnd.int(5, 300) / 10).toFixed(1),
      `OK${this.rnd.int(1, 20)} ${this.rnd.int(1, 9)}CD`,
      'Left care',
    ]);
    await this.x.t.legal!.row([this.x.id('LEG-'), p.id, this.rnd.pick(['C2', 'V2']), start, eighteen]);
    await this.claHistory(p.id, cla, start, eighteen, 'on-time', p.dob);
    const adviser = this.worker('leaving-care', true);
    const profile = this.profile();
    const contacts = this.series(eighteen, null, 56, profile);
    const pathway = this.series(eighteen, null, 182, this.rnd.chance(0.18) ? 'overdue' : 'on-time', 30);
    const inTouch = this.rnd.chance(0.9);
    await this.x.t.careLeavers!.row([
      this.x.id('CL-'),
      p.id,
      'Former Relevant',
      inTouch ? 'YES' : 'NO',
      inTouch ? (contacts.at(-1) ?? null) : null,
      this.rnd.pick(['D', 'U', 'E', 'Z', 'B']),
      this.rnd.chance(0.92) ? '1' : '2',
      this.rnd.pick(['F2', 'F5', 'P5', 'G5', 'F1', 'G6']),
      pathway.at(-1) ?? null,
      adviser.id,
      deptId('leaving-care'),
      adviser.id,
    ]);
    await this.allocate(p.id, 'leaving-care', eighteen, null, null, adviser);
  }
}

/** Write the demo extract to a folder; returns the number of data rows. */
export async function writeCaseDemoExtract(
  folder: string,
  input: { scale: DemoScale; today: string; org: DemoOrganisation; seed?: number },
): Promise<number> {
  const settings = CASE_DEMO_SCALES[input.scale];
  const extract = new DemoExtract(folder);
  const g = new Generator(extract, input.today, settings, input.seed ?? 20_261_116);
  const email = (role: string) => input.org.users.find((u) => u.role === role)?.email ?? '';
  await g.workforce(input.org, { practitioner: email('practitioner'), manager: email('team_manager') });
  const open = settings.open;
  // The demo practitioner's caseload: looked-after children, most of them unaccompanied.
  for (let i = 0; i < settings.practitionerCaseload; i++)
    await g.lookedAfter(i % 3 === 2 ? 'other' : 'uasc', true, g.priya());
  const plan: Array<[number, () => Promise<void>]> = [
    [open.uasc - Math.ceil((settings.practitionerCaseload * 2) / 3), () => g.lookedAfter('uasc', true)],
    [open.lookedAfter - Math.floor(settings.practitionerCaseload / 3), () => g.lookedAfter('other', true)],
    [open.childProtection, () => g.childProtection(true)],
    [open.childInNeed, () => g.childInNeed(true)],
    [open.earlyHelp, () => g.earlyHelp(true)],
    [open.careLeavers, () => g.careLeaver()],
  ];
  for (const [n, make] of plan) for (let i = 0; i < n; i++) await make();
  for (let i = 0; i < settings.closed; i++) {
    const r = g.rnd.next();
    if (r < 0.3) await g.earlyHelp(false);
    else if (r < 0.7) await g.childInNeed(false);
    else if (r < 0.9) await g.childProtection(false);
    else await g.lookedAfter('other', false);
  }
  return extract.close();
}

/** The demo step: write the extract to a temporary folder and load it through the SSD importer. */
export async function loadCaseDemo(
  oversight: Oversight,
  org: DemoOrganisation,
  scale: DemoScale,
): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'oversight-ssd-demo-'));
  try {
    await writeCaseDemoExtract(folder, { scale, today: todayOf(oversight.clock), org });
    const outcome = await importSsdFolder(oversight.database.db, {
      organisationId: org.organisationId,
      folder,
      mode: 'full',
      origin: 'demo',
      clock: oversight.clock,
      concurrentProgress: oversight.database.kind === 'server',
      instance: oversight.instance,
    });
    if (outcome.status !== 'applied') {
      const first = outcome.errors
        .slice(0, 5)
        .map((e) => `${e.file} row ${e.row} ${e.field} "${e.value}": ${e.expected}`)
        .join('\n');
      throw new Error(
        `The demo case extract was not imported (${outcome.status}, ${outcome.errorCount} errors):\n${first}`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export type { Cell };
