import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvSafe } from '../csv';
import { AUDIT_CSV_COLUMNS, auditCsvLines } from './audit-service';
import type { AuditRow } from './repository';

describe('csvSafe', () => {
  it('neutralises cells a spreadsheet would treat as a formula', () => {
    for (const danger of ['=1+1', '+44 20', '-2', '@SUM(A1)', '\t=x', '\r=x']) {
      expect(csvSafe(danger)).toBe(`'${danger}`);
    }
  });

  it('leaves ordinary values alone and empties missing ones', () => {
    expect(csvSafe('user.view')).toBe('user.view');
    expect(csvSafe('Mozilla/5.0 (=x)')).toBe('Mozilla/5.0 (=x)');
    expect(csvSafe(42)).toBe('42');
    expect(csvSafe(null)).toBe('');
    expect(csvSafe(undefined)).toBe('');
  });
});

describe('auditCsvLines', () => {
  const row: AuditRow = {
    id: 7,
    at: new Date('2026-11-16T09:30:00Z'),
    userId: 'u-1',
    userName: 'Ada, "the admin"',
    userEmail: 'admin@oakhaven.example',
    action: 'user.deactivate',
    recordType: 'user',
    recordId: 'u-2',
    reason: 'Left the authority\non 30 November',
    detail: null,
    ip: '192.0.2.1',
    userAgent: '=cmd|calc',
    requestId: 'req-1',
  };

  it('writes a header once and quotes commas, quotes and line breaks so the file reads back exactly', () => {
    const text = auditCsvLines([], true) + auditCsvLines([row], false);
    const records = parse(text) as string[][];
    expect(records[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(records[1]).toEqual([
      '7',
      '2026-11-16T09:30:00.000Z',
      'u-1',
      'Ada, "the admin"',
      'admin@oakhaven.example',
      'user.deactivate',
      'user',
      'u-2',
      'Left the authority\non 30 November',
      '',
      '192.0.2.1',
      "'=cmd|calc",
      'req-1',
    ]);
    expect(records).toHaveLength(2);
  });
});
