/**
 * docs/ssd-mapping.md, written from the table descriptions so the document
 * and the importer cannot drift apart (a test compares them).
 */
import { describeCodes } from './codes';
import { type FieldSpec, REF_TARGETS, SSD_TABLES, SSD_TABLES_NOT_READ } from './spec';

function typeText(field: FieldSpec): string {
  const t = field.type;
  switch (t.kind) {
    case 'id':
      return 'identifier (text, up to 48)';
    case 'text':
      return `text (up to ${t.max})`;
    case 'date':
      return 'date';
    case 'yn':
      return 'Y/N';
    case 'int':
      return `whole number ${t.min}–${t.max}`;
    case 'decimal':
      return `number ${t.min}–${t.max}`;
    case 'code':
      return 'code';
    case 'json':
      return 'JSON text';
  }
}

function columnText(table: string, field: FieldSpec): string {
  if (field.resolve === 'person') return `${table}.person_id → case_people`;
  if (field.resolve === 'worker') return `${table}.worker_id → case_workers`;
  if (field.resolve === 'team') return `${table}.case_team_id → case_teams`;
  return `${table}.${field.column}`;
}

function notesText(field: FieldSpec): string {
  const notes: string[] = [];
  if (field.type.kind === 'code')
    notes.push(`${field.type.list.name}: ${describeCodes(field.type.list, 100)}`);
  if (field.ref)
    notes.push(`must be in ${REF_TARGETS[field.ref].ssd} (this extract or already in Oversight)`);
  if (field.notFuture) notes.push('not after the day of the import');
  if (field.aliases?.length) notes.push(`also read as ${field.aliases.join(', ')}`);
  if (field.extension) notes.push('Oversight extension, not in the SSD');
  if (field.notes) notes.push(field.notes);
  return notes.join('; ').replace(/\|/g, '\\|');
}

export function mappingMarkdown(): string {
  const lines: string[] = [
    '# Standard Safeguarding Dataset: how Oversight reads it',
    '',
    'Oversight reads the case management system through the Standard Safeguarding Dataset (SSD), the',
    'national extract defined in the public repository data-to-insight/ssd-data-model (`data/objects/*.yml`).',
    'An extract is a set of CSV files, one per SSD table, named after the table (`ssd_person.csv`) and',
    'with the SSD field names as the header row. This page lists, field by field, where each value lands.',
    'It is generated from `src/modules/cases/ssd/spec.ts`; a test fails if the two differ.',
    '',
    '## How an import works',
    '',
    '- Administrators and service managers import (permission `cases.import`); there is no separate',
    '  data officer role. Upload the CSV files or one zip at **SSD import** (`/cases/import`), or run',
    '  `npm run import:ssd -- <folder> [--organisation CODE] [--partial]` for scheduled loads.',
    '- Every row and field is checked first: types, required fields, code lists, dates in order,',
    '  identifiers used once per file, and references to people and episodes, which must be in the',
    '  extract or already in Oversight (and about the same child). Any problem rejects the whole extract',
    '  and nothing is written; each problem is listed with file, row (the header is row 1), field, the',
    '  value found and what is expected, and can be downloaded as CSV.',
    '- An accepted extract is applied in one transaction. Records are matched by their SSD identifier',
    '  (`source_id`, unique per organisation), so a re-import never duplicates: an unchanged row is left',
    '  alone, a changed one updated. In a **full** extract, records of an included table that the',
    '  extract no longer holds are closed (`closed_at` set, never deleted) and reopened if they come back;',
    '  a **partial** extract closes nothing. Every import is logged with who, when, the files and the counts',
    '  added, changed, closed and unchanged, and audited.',
    '- Dates are read as `YYYY-MM-DD` (a time after it, as SQL Server writes DATETIME, is ignored) or',
    '  `DD/MM/YYYY`. Y/N flags also accept Yes/No, True/False and 1/0. Codes are matched without regard',
    '  to case. Blank and `NULL` are empty.',
    '- Workers (`ssd_professionals`) are linked to Oversight accounts by the extension column',
    '  `prof_professional_email`, or by a user whose source id is the professional or staff id.',
    '  Workers without an account are kept, so allocations still work. Teams (`ssd_department`) are linked',
    '  to Oversight teams with the same source id or name.',
    '- Who may see a child follows `ssd_involvements`: a practitioner sees children they are currently',
    '  involved with, a team manager children currently allocated to their team.',
    '- Each child’s open case and service level are derived after every import: looked after (an open',
    '  CLA episode), then child protection (an open plan), child in need (an open referral), care leaver',
    '  (a care leaver record, not died or no longer requiring services), early help (an open episode).',
    '',
    '## Tables not read',
    '',
    `An extract may hold these; they are listed on the import page and not read: ${SSD_TABLES_NOT_READ.join(', ')}.`,
    '',
  ];
  for (const table of SSD_TABLES) {
    lines.push(
      `## ${table.ssd} → ${table.table}`,
      '',
      `${table.description}.${table.extension ? ' This table is an Oversight extension.' : ''}`,
      '',
    );
    if (table.dateOrder?.length) {
      lines.push(
        `Dates in order: ${table.dateOrder.map((o) => `${o.from} ${o.strict ? 'before' : 'on or before'} ${o.to}`).join('; ')}.`,
        '',
      );
    }
    lines.push(
      '| SSD field | Oversight column | type | required | code list and notes |',
      '|---|---|---|---|---|',
    );
    for (const field of [table.id, ...table.fields]) {
      lines.push(
        `| ${field.ssd} | ${columnText(table.table, field)} | ${typeText(field)} | ${field.required ? 'yes' : 'no'} | ${notesText(field)} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
