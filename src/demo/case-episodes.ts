/**
 * The case demo's generator, second half: the kinds of case (early help,
 * child in need, child protection, looked after, care leavers), each with
 * its episodes, plans, reviews and visits.
 */
import { addDays, daysBetween } from '../platform/calendar/working-days';
import { deptId, type TeamKey, type Worker } from './case-extract';
import { CasePeople, type Profile } from './case-people';
import { CP_CATEGORIES } from './case-vocab';

/** The kinds of case, built on the people, workers and referrals of CasePeople. */
export class CaseGenerator extends CasePeople {
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
