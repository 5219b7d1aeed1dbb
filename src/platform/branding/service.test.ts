import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database';
import type { Database } from '../db/client';
import { organisations } from '../schema';
import { brandingOf, protectiveMarking, soleOrganisationBranding } from './service';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  await database.migrate();
});
afterAll(async () => database?.close());

describe('branding before and after sign-in', () => {
  it('names the organisation on signed-out pages only while the database holds just one', async () => {
    expect(await soleOrganisationBranding(database.db)).toBeUndefined();
    const [first] = await database.db
      .insert(organisations)
      .values({ name: 'Oakhaven Borough Council', code: 'OAK' })
      .returning();
    expect(await soleOrganisationBranding(database.db)).toEqual({
      organisationId: first!.id,
      organisationName: 'Oakhaven Borough Council',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      feedbackUrl: null,
      logoUrl: null,
    });
    await database.db.insert(organisations).values({ name: 'Westbrook City Council', code: 'WST' });
    expect(await soleOrganisationBranding(database.db)).toBeUndefined();
  });

  it('marks with OFFICIAL-SENSITIVE until the organisation chooses otherwise', async () => {
    const [org] = await database.db
      .insert(organisations)
      .values({ name: 'Elmford', code: 'ELM' })
      .returning();
    expect(await protectiveMarking(database.db, org!.id)).toBe('OFFICIAL-SENSITIVE');
    expect(await brandingOf(database.db, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});
