/**
 * Risk records and the grab pack photograph end to end. Today is Monday 16 November 2026, 09:00 (GMT).
 * Amara Testwell (P1 of the small extract, looked after, allocated to the
 * demo practitioner) was missing 10-11 November (SSD MIS-1) and has no risk
 * assessment: she is prompted, until one completed on or after 11 November
 * is recorded.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signedIn, startTestApp, type TestContext } from '../../../test/helpers/app';
import { dateFields } from '../../../test/helpers/forms';
import { rawRows } from '../../platform/db/client';
import { smallExtract } from '../cases/fixtures';
import { RISK_FACTORS } from './risk';
import { importExtractAsAdministrator, postFile, SSD_MISSING_HEADER } from './test-fixture';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let ctx: TestContext;
let amara: string;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const audit = (action: string) =>
  rawRows<{ record_id: string | null; detail: string | null }>(
    ctx.oversight.database.db,
    sql`select record_id, detail from access_audit where action = ${action} order by at, id`,
  );

/** Every factor answered no, but gang association yes with details. */
function factors(): Record<string, string> {
  const form: Record<string, string> = {};
  for (const f of RISK_FACTORS) form[`factor_${f.key}`] = 'no';
  form.factor_gang_association = 'yes';
  form.details_gang_association = 'Seen with older youths near the estate';
  return form;
}

beforeAll(async () => {
  ctx = await startTestApp();
  await importExtractAsAdministrator(ctx, {
    ...smallExtract(),
    'ssd_missing.csv': [SSD_MISSING_HEADER, ['MIS-1', 'P1', '2026-11-10', '2026-11-11', 'M', 'Y', 'Y']],
  });
  const [row] = await rawRows<{ id: string }>(
    ctx.oversight.database.db,
    sql`select id from case_people where organisation_id = ${ctx.org.organisationId} and source_id = 'P1'`,
  );
  amara = row!.id;
});
afterAll(async () => ctx.close());

describe('the missing child risk assessment', () => {
  it('prompts for one after an episode: home page, list and the child’s record', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect(text((await priya.get('/')).body)).toContain('Missing child risk assessments to update');
    const list = text((await priya.get('/missing/risk-assessments')).body);
    expect(list).toContain('1 child');
    expect(list).toContain('Amara Testwell No risk assessment recorded since going missing');
    const record = text((await priya.get(`/children/${amara}`)).body);
    expect(record).toContain('Missing: risk records');
    expect(record).toContain('No risk assessment recorded since going missing');
    expect(record).toContain('No trigger plan recorded');
  });

  it('says what is missing or wrong in the form', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    expect((await priya.get(`/children/${amara}/missing/risk/assessment`)).statusCode).toBe(200);
    const { factor_gang_association: _, ...unanswered } = factors();
    const empty = await priya.post(`/children/${amara}/missing/risk/assessment`, unanswered);
    expect(empty.statusCode).toBe(400);
    const page = text(empty.body);
    expect(page).toContain('There is a problem');
    expect(page).toContain('Select yes, no or unknown for ‘Gang association’');
    expect(page).toContain('Enter the summary of risk');
    expect(page).toContain('Enter who completed it');
    // What was typed is kept.
    expect(page).toContain('Seen with older youths near the estate');
    const badReview = await priya.post(`/children/${amara}/missing/risk/assessment`, {
      ...factors(),
      summary: 'Medium risk',
      completedBy: 'Priya Ashdown, social worker',
      ...dateFields('completedOn', '2026-11-12'),
      ...dateFields('reviewOn', '2026-11-01'),
    });
    expect(badReview.statusCode).toBe(400);
    expect(text(badReview.body)).toContain('The review date must be after the date it was completed');
  });

  it('records it; the prompt goes, the record shows it, the change and the read are audited', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const res = await priya.post(`/children/${amara}/missing/risk/assessment`, {
      ...factors(),
      summary: 'Medium risk: goes to the estate with older youths.',
      actions: 'Referred to the exploitation panel',
      completedBy: 'Priya Ashdown, social worker',
      ...dateFields('completedOn', '2026-11-12'),
      ...dateFields('reviewOn', '2027-02-12'),
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/children/${amara}/missing/risk`);
    const page = text((await priya.get(`/children/${amara}/missing/risk`)).body);
    expect(page).toContain('Up to date');
    expect(page).toContain('Gang association Yes Seen with older youths near the estate');
    expect(page).toContain('Weather No');
    expect(page).toContain('Review date 12 February 2027');
    expect(page).toContain('Completed 12 November 2026 by Priya Ashdown, social worker');
    expect(text((await priya.get(`/children/${amara}`)).body)).toContain(
      'Factors answered yes: Gang association.',
    );
    expect(text((await priya.get('/missing/risk-assessments')).body)).toContain(
      'No risk assessment needs updating.',
    );
    expect(await audit('missing.risk.assessment')).toEqual([
      { record_id: amara, detail: 'completed 2026-11-12' },
    ]);
    expect((await audit('missing.risk.view')).map((a) => a.record_id)).toEqual([amara]);
    // An update starts from the assessment as it stands.
    expect((await priya.get(`/children/${amara}/missing/risk/assessment`)).body).toContain(
      'Seen with older youths near the estate',
    );
  });
});

describe('the trigger plan', () => {
  it('refuses a date seen when the child has not seen it, then records it', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const bad = await priya.post(`/children/${amara}/missing/risk/trigger-plan`, {
      likelihoodFactors: 'Contact with her older cousin at weekends',
      seenByChild: 'no',
      ...dateFields('seenByChildOn', '2026-11-12'),
    });
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain('Leave the date blank if the child has not seen the plan');
    const missing = await priya.post(`/children/${amara}/missing/risk/trigger-plan`, {});
    expect(text(missing.body)).toContain('Select whether the child has seen the plan');
    const ok = await priya.post(`/children/${amara}/missing/risk/trigger-plan`, {
      likelihoodFactors: 'Contact with her older cousin at weekends',
      protectiveFactors: 'Good relationship with her foster carer',
      contacts: 'Foster carer 07700 900123',
      seenByChild: 'yes',
      ...dateFields('seenByChildOn', '2026-11-12'),
    });
    expect(ok.statusCode).toBe(302);
    const record = text((await priya.get(`/children/${amara}`)).body);
    expect(record).toContain('Seen by the child: Yes, 12 November 2026');
    expect((await audit('missing.risk.trigger-plan')).map((a) => a.record_id)).toEqual([amara]);
  });
});

describe('who may see them', () => {
  it('answers not found for another organisation and forbidden for the committee', async () => {
    const other = await signedIn(ctx, emailOf(ctx.other, 'practitioner'));
    expect((await other.get(`/children/${amara}/missing/risk`)).statusCode).toBe(404);
    expect((await other.get(`/children/${amara}/missing/risk/assessment`)).statusCode).toBe(404);
    expect(
      (
        await other.post(`/children/${amara}/missing/risk/trigger-plan`, {
          likelihoodFactors: 'x',
          seenByChild: 'no',
        })
      ).statusCode,
    ).toBe(404);
    const member = await signedIn(ctx, emailOf(ctx.org, 'committee_member'));
    expect((await member.get(`/children/${amara}/missing/risk`)).statusCode).toBe(403);
    expect((await member.get('/missing/risk-assessments')).statusCode).toBe(403);
  });
});

describe('the grab pack photograph', () => {
  it('takes an image checked by its bytes, and shows it only inside the pack opened with a reason', async () => {
    const priya = await signedIn(ctx, emailOf(ctx.org, 'practitioner'));
    const url = `/children/${amara}/grab-pack/photo`;
    expect((await priya.get(url)).statusCode).toBe(200);
    const fake = await postFile(ctx, priya, url, 'photo', {
      filename: 'amara.jpg',
      type: 'image/jpeg',
      data: Buffer.from('<html>not a photo</html>'),
    });
    expect(fake.statusCode).toBe(400);
    expect(text(fake.body)).toContain('The photograph must be a JPEG or PNG image');
    const ok = await postFile(ctx, priya, url, 'photo', {
      filename: 'amara.png',
      type: 'image/png',
      data: PNG,
    });
    expect(ok.statusCode).toBe(302);
    expect(await audit('missing.grab-pack.photo')).toEqual([
      { record_id: amara, detail: 'image/png, 70 bytes' },
    ]);
    // Not on the form, nor on the child's record: only in the pack.
    expect((await priya.get(url)).body).not.toContain('data:image');
    expect((await priya.get(`/children/${amara}`)).body).not.toContain('data:image');
    const opened = await priya.post(`/children/${amara}/grab-pack`, { reason: 'Amara is missing again' });
    expect(opened.body).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(opened.body).toContain('alt="Photograph of Amara Testwell"');
    expect(opened.body).toContain('class="app-grab-pack"');
    const stranger = await signedIn(ctx, emailOf(ctx.other, 'practitioner'));
    const refused = await postFile(ctx, stranger, url, 'photo', {
      filename: 'x.png',
      type: 'image/png',
      data: PNG,
    });
    expect(refused.statusCode).toBe(404);
  });
});
