import { describe, expect, it } from 'vitest';
import { referredTables, sameAsLast, tablesLeftUnread } from './import-same-files';
import { SSD_TABLES } from './ssd/spec';

const spec = (ssd: string) => SSD_TABLES.find((t) => t.ssd === ssd)!;

describe('files left unread', () => {
  it('know which tables a table’s rows refer to', () => {
    expect(referredTables(spec('ssd_department'))).toEqual([]);
    expect(referredTables(spec('ssd_cp_visits'))).toEqual(['ssd_person', 'ssd_cp_plans']);
  });

  it('leave a table unread only when every table it refers to is unread too', () => {
    const candidates = ['ssd_department', 'ssd_professionals', 'ssd_cp_plans', 'ssd_cp_visits'].map(spec);
    // ssd_person changed: plans and visits refer to children, so both are read.
    expect([...tablesLeftUnread(candidates)].sort()).toEqual(['ssd_department', 'ssd_professionals']);
    expect(tablesLeftUnread(SSD_TABLES).size).toBe(SSD_TABLES.length);
    // Without the plans, visits are read (they refer to plans); people are still left unread.
    const noPlans = SSD_TABLES.filter((t) => t.ssd !== 'ssd_cp_plans');
    const unread = tablesLeftUnread(noPlans);
    expect(unread.has('ssd_cp_visits')).toBe(false);
    expect(unread.has('ssd_person')).toBe(true);
  });

  it('take a file as the last import’s only when that import was a full extract with the same digest', () => {
    const files = [{ name: 'ssd_person.csv', table: 'ssd_person', rows: 4, digest: 'abc' }];
    expect(sameAsLast({ mode: 'full', files }, 'ssd_person', 'abc')).toEqual(files[0]);
    expect(sameAsLast({ mode: 'full', files }, 'ssd_person', 'abd')).toBeUndefined();
    expect(sameAsLast({ mode: 'partial', files }, 'ssd_person', 'abc')).toBeUndefined();
    expect(sameAsLast(undefined, 'ssd_person', 'abc')).toBeUndefined();
    // A file logged without a digest (it had notices) is never the same.
    expect(
      sameAsLast({ mode: 'full', files: [{ ...files[0]!, digest: undefined }] }, 'ssd_person', 'abc'),
    ).toBeUndefined();
  });
});
