/**
 * docs/ssd-mapping.md, written from the table descriptions so the document
 * and the importer cannot drift apart (a test compares them).
 */
import { describeCodes } from './codes';
import { type FieldSpec, REF_TARGETS, SSD_TABLES, SSD_TABLES_NOT_READ, type TableSpec } from './spec';
import { gradeOf, keptAs, PLACEHOLDER_DATES } from './validate';

function typeText(field: FieldSpec): string {
  const t = field.type;
  switch (t.kind) {
    case 'id':
      return 'identifier (text, up to 48)';
    case 'text':
      return `text (up to ${t.max})`;
    case 'date':
      return 'date';
    case 'datetime':
      return 'date and time';
    case 'yn':
      return t.na ? 'Y/N/NA' : 'Y/N';
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
  if (field.atColumn) return `${table}.${field.column} (date), ${table}.${field.atColumn} (date and time)`;
  if (field.resolve === 'person') return `${table}.person_id → case_people`;
  if (field.resolve === 'worker') return `${table}.worker_id → case_workers`;
  if (field.resolve === 'team') return `${table}.case_team_id → case_teams`;
  return `${table}.${field.column}`;
}

/** What happens to a value outside the spec. */
function outsideText(field: FieldSpec): string {
  if (field.type.kind === 'code' && field.type.list.open) return `outside the list: ${field.type.list.open}`;
  if (gradeOf(field) === 'error') return '**outside the spec: error, the extract is rejected**';
  return `outside the spec: notice, ${keptAs(field)}`;
}

/** What a table's rows mean beyond their fields, written after the table's field list. */
const AFTER_TABLE: Record<string, string[]> = {
  ssd_cla_placement: [
    'The placement type, with the legal statuses (ssd_legal_status) in force on the',
    'day the placement started, gives the regulation 28 visiting kind: P1 (placed',
    'with parents) under C1 is "at home under an interim care order", under C2 "at',
    'home under a care order"; legal status V3 or V4 is "short breaks"; U1 and U4',
    "are intended to last until 18. Anything set on the child's record",
    '(case_placement_kinds) wins; see `timescales.md`, "Placements and visiting".',
    'The SSD holds no private fostering arrangements (only an assessment outcome',
    "flag): Oversight's own register keeps them (private_fostering_arrangements).",
  ],
};

function notesText(table: TableSpec, field: FieldSpec): string {
  const notes: string[] = [];
  if (field.type.kind === 'code') {
    const list = field.type.list;
    notes.push(`${list.name}: ${describeCodes(list, 100)}`);
    notes.push('also accepted as the code’s description (for scripts that write the description)');
    if (list.pattern) notes.push(`also ${list.pattern.text}`);
  }
  if (field.type.kind === 'yn' && field.type.na) notes.push('NA (not applicable) is stored as empty');
  if (field.type.kind === 'datetime')
    notes.push('the time of day is kept; a time without an offset is London time; a date alone is midnight');
  if (field.type.kind === 'date' || field.type.kind === 'datetime')
    notes.push(
      `${[...PLACEHOLDER_DATES].join(', ')} (a script’s placeholder) is read as unknown, with a notice`,
    );
  if (field.resolve === 'person' && table.personFrom)
    notes.push(
      `when the file has no such column (the ${table.personFrom.script} script), the child is taken from ${table.personFrom.field}`,
    );
  if (field === table.id && table.naturalKey)
    notes.push(
      `not kept: records are matched on ${table.naturalKey.fields.join(' and ')}, because ${table.naturalKey.why}; one row per ${table.naturalKey.fields.join(' and ')}`,
    );
  if (field.ref)
    notes.push(`must be in ${REF_TARGETS[field.ref].ssd} (this extract or already in Oversight)`);
  if (field.notFuture) notes.push('not after the day of the import');
  if (field.aliases?.length) notes.push(`also read as ${field.aliases.join(', ')}`);
  if (field.extension) notes.push('Oversight extension, not in the SSD');
  if (field.notes) notes.push(field.notes);
  notes.push(outsideText(field));
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
    '  extract or already in Oversight (and about the same child).',
    '- Problems are graded. An **error** makes a record unusable: a missing or repeated identifier, a',
    '  missing required value, an unknown person or episode, or a date that is not a real date (timescales',
    '  are counted from dates). Any error rejects the whole extract and nothing is written. A **notice** is',
    '  a descriptive value outside the spec (a code outside its list, text longer than the SSD’s length,',
    '  JSON that does not parse, a flag or number that does not read), a column the SSD does not have, or a',
    '  table Oversight does not read: the value is kept as given (codes, text, JSON) or left empty (flags,',
    '  numbers), and the import goes ahead. Errors and notices are listed with file, row (the header is',
    '  row 1), field, the value found and what is expected, on the import page and in its CSV download.',
    '  An administrator can set the organisation to treat notices as errors at',
    '  `/cases/import/settings` (permission `cases.import.settings`); a table not read never is one.',
    '- Some scripts write a table without its person column (Mosaic’s visits and placements, Eclipse’s',
    '  looked-after reviews): the child is then taken from the plan or period of care the row names, in',
    '  this extract or already in Oversight. Some regenerate their ids at every run (care leavers and SEND',
    '  in SystemC, `NEWID()`): those records are matched on the person instead, so a re-import keeps them.',
    '- Files may be named with the database schema in front, as the scripts name their tables',
    '  (`ssd_development.ssd_cin_episodes.csv`).',
    '- An accepted extract is applied all or nothing: no page ever sees part of it. Records are matched',
    '  by their SSD identifier (`source_id`, unique per organisation), so a re-import never duplicates: an',
    '  unchanged row is left alone, a changed one updated. In a **full** extract, records of an included',
    '  table that the extract no longer holds are closed (`closed_at` set, never deleted) and reopened if',
    '  they come back; a **partial** extract closes nothing. Every import is logged with who, when, the',
    '  files and the counts added, changed, closed and unchanged, and audited.',
    '- A file the last import applied byte for byte is not read again, as long as that import was a full',
    '  extract, the file then had no notices, the register still holds as many of its records, and every',
    '  table its rows refer to is also unchanged (a changed `ssd_person` means every table about a child is',
    '  read). Its rows are counted as unchanged, and the import page marks it "Same as the last import:',
    '  not read".',
    '- Every other file is read once. While it is checked, each row is compared, by a digest of its cells,',
    '  with the record Oversight holds. A row whose cells are as they were is not read again beyond its',
    '  identifiers, which are still checked against the rest of the extract. Rows with notices, and tables',
    '  whose child or identifier is found another way (above), are compared by a digest of their values, so',
    '  their notices are listed at every import. Only new and changed rows are kept (in a temporary folder,',
    '  removed when the import ends, or at the next start if the service stopped), so an unchanged extract',
    '  writes nothing but its log. The kept rows are then staged in the database (`case_import_staging`, which no',
    '  page reads) and merged into the register in one transaction: a set-based statement per table. On the',
    '  embedded database rows are staged a few thousand at a time, each chunk committed on its own, and',
    '  merged once every file is checked, so other pages keep answering and only the final merge holds the',
    '  register (for a daily extract, where few rows change, it is short). On a PostgreSQL server each file',
    '  is staged and merged, inside the one transaction, while the next is checked; pages never wait for it.',
    '  Nothing is visible until the transaction commits. Staged rows are removed when the import ends,',
    '  whatever its outcome, and at start-up if the service stopped mid-import.',
    '- The database still checks every register row’s references, once per statement rather than row by',
    '  row (see docs/architecture.md, "The SSD import").',
    '- Dates are read as `YYYY-MM-DD` (a time after it, as SQL Server writes DATETIME, is ignored for a',
    '  date field) or `DD/MM/YYYY`. Fields the SSD defines as a date and time that Oversight counts hours',
    '  from (referrals, contacts, strategy discussions, missing episodes) keep the time of day too, in a',
    '  second column; a time without an offset is London time. Y/N flags also accept Yes/No, True/False',
    '  and 1/0. Codes are matched without regard to case, and a code’s description is read as the code.',
    '  Blank and `NULL` are empty. Lines may end with CRLF, LF or CR, mixed in one file; blank lines are',
    '  skipped.',
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
      `${table.description}.${table.extension ? ' This table is an Oversight extension.' : ''}${table.naturalKey ? ` Records are matched on ${table.naturalKey.fields.join(' and ')}: ${table.naturalKey.why}.` : ''}`,
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
        `| ${field.ssd} | ${columnText(table.table, field)} | ${typeText(field)} | ${field.required ? 'yes' : 'no'} | ${notesText(table, field)} |`,
      );
    }
    lines.push('');
    const after = AFTER_TABLE[table.ssd];
    if (after) lines.push(...after, '');
  }
  return `${lines.join('\n')}`;
}
