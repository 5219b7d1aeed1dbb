/**
 * The case demo's generator, first half: dates, the workforce and its
 * caseloads, children, contacts, referrals, assessments and missing episodes.
 * The kinds of case (case-episodes.ts) are built from these.
 */
import { addDays, daysBetween } from '../platform/calendar/working-days';
import { type DemoExtract, deptId, type TeamKey, type Worker } from './case-extract';
import type { ScaleSettings } from './case-scales';
import { ETHNICITIES, FORENAMES, REFERRAL_SOURCES, SURNAMES, UASC_COUNTRIES } from './case-vocab';
import { DEMO_TEAMS, type DemoOrganisation } from './organisation';
import { SeededRandom } from './random';

export type Profile = 'on-time' | 'due-soon' | 'overdue';

export class CasePeople {
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
}
