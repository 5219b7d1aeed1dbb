/**
 * For quality assurance sampling by dates: the children with a contact or a
 * referral between two dates, with the first of each in the range. One
 * set-based query per kind; organisation-level (the caller scopes and audits
 * what it shows to a person).
 */
import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../platform/db/client';

export interface ContactOrReferralInRange {
  /** The first contact in the range, or null when none. */
  contactDate: string | null;
  /** The first referral in the range, or null when none. */
  referralDate: string | null;
}

/** Children of an organisation with a contact or referral dated from `from` to `to` (both included), by person id. */
export async function contactsOrReferralsBetween(
  db: Db,
  organisationId: string,
  from: string,
  to: string,
): Promise<Map<string, ContactOrReferralInRange>> {
  const rows = await rawRows<{ person_id: string; kind: 'contact' | 'referral'; first: string }>(
    db,
    sql`select person_id::text as person_id, 'contact' as kind, min(contact_date)::text as first
          from case_contacts
         where organisation_id = ${organisationId}::uuid
           and contact_date between ${from}::date and ${to}::date
         group by person_id
        union all
        select person_id::text, 'referral', min(referral_date)::text
          from case_referrals
         where organisation_id = ${organisationId}::uuid
           and referral_date between ${from}::date and ${to}::date
         group by person_id`,
  );
  const byPerson = new Map<string, ContactOrReferralInRange>();
  for (const r of rows) {
    const entry = byPerson.get(r.person_id) ?? { contactDate: null, referralDate: null };
    if (r.kind === 'contact') entry.contactDate = r.first;
    else entry.referralDate = r.first;
    byPerson.set(r.person_id, entry);
  }
  return byPerson;
}
