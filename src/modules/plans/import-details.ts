/**
 * Reading an imported plan's details (name, type, dates, frequency...) from
 * the rows above its column headings. Pure; part of import-rows.
 */
import type { PlanInput } from './plans-service';
import {
  cellText,
  DATE_HEADERS,
  HEADER_FIELDS,
  type HeaderKey,
  isEmptyRow,
  MAX_TEXT,
  parseDateCell,
} from './table-io';
import {
  FREQUENCY_NAMES,
  frequencyFromName,
  PLAN_TYPE_NAMES,
  type PlanType,
  planTypeFromName,
} from './vocab';

/**
 * The plan's details from the "label | value" rows above the column headings
 * (an exported plan), or from what the person gave with the upload (a Word
 * table has none; its title row above the table names the plan). Null when
 * the details cannot make a plan; each problem is reported with its row.
 */
export function readPlanDetails(
  rows: readonly (readonly unknown[])[],
  headerRowIndex: number,
  defaults: { name?: string | null; type?: PlanType } | undefined,
  problem: (row: number, message: string, column?: string) => void,
): PlanInput | null {
  const header: Partial<Record<HeaderKey, unknown>> = {};
  const headerRow: Partial<Record<HeaderKey, number>> = {};
  const above = rows.slice(0, headerRowIndex).map((r, i) => ({ r: r ?? [], row: i + 1 }));
  const hasDetails = above.some(({ r }) =>
    HEADER_FIELDS.some(([l]) => l.toLowerCase() === cellText(r[0]).toLowerCase()),
  );
  let titleAbove: string | null = null;
  for (const { r, row } of above) {
    if (isEmptyRow(r)) continue;
    const label = cellText(r[0]).toLowerCase();
    if (label === 'protective marking') continue;
    if (!hasDetails) {
      titleAbove ??= r.map(cellText).find(Boolean) ?? null;
      continue;
    }
    const field = HEADER_FIELDS.find(([l]) => l.toLowerCase() === label);
    if (!field) {
      problem(
        row,
        `"${cellText(r[0])}" is not a plan detail. Use the labels of an exported plan, like Plan name or Owner`,
      );
      continue;
    }
    header[field[1]] = r[1];
    headerRow[field[1]] = row;
  }
  const text = (key: HeaderKey) => {
    const t = cellText(header[key]);
    if (t.length > MAX_TEXT) problem(headerRow[key]!, `${key} must be ${MAX_TEXT} characters or fewer`);
    return t || null;
  };
  const headerDates: Partial<Record<HeaderKey, string | null>> = {};
  for (const key of DATE_HEADERS) {
    const raw = cellText(header[key]);
    if (!raw) {
      headerDates[key] = null;
      continue;
    }
    const d = parseDateCell(header[key]);
    if (!d) {
      const label = HEADER_FIELDS.find(([, k]) => k === key)![0];
      problem(headerRow[key]!, `${label} is not a date. Enter it like 31/03/2027`, label);
    }
    headerDates[key] = d ?? null;
  }
  const name = (text('name') ?? defaults?.name?.trim() ?? titleAbove)?.slice(0, 200) || null;
  if (!name) problem(headerRow.name ?? 1, 'Enter the plan name in the row labelled Plan name', 'Plan name');
  const typeText = cellText(header.type);
  const type = typeText ? planTypeFromName(typeText) : (defaults?.type ?? 'service_improvement');
  if (!type) {
    problem(
      headerRow.type ?? 1,
      `"${typeText}" is not a type of plan. Use one of: ${Object.values(PLAN_TYPE_NAMES).join(', ')}`,
      'Type of plan',
    );
  }
  const freqText = cellText(header.monitoringFrequency);
  const frequency = freqText ? frequencyFromName(freqText) : 'quarterly';
  if (!frequency) {
    problem(
      headerRow.monitoringFrequency!,
      `"${freqText}" is not a monitoring frequency. Use one of: ${Object.values(FREQUENCY_NAMES).join(', ')}`,
      'Frequency of monitoring and reporting',
    );
  }
  const committeeName = text('committeeName');
  if (type === 'committee_outstanding' && !committeeName) {
    problem(
      headerRow.committeeName ?? headerRow.type ?? 1,
      'Enter the name of the committee in the row labelled Committee',
      'Committee',
    );
  }
  if (
    headerDates.durationFrom &&
    headerDates.durationTo &&
    headerDates.durationTo < headerDates.durationFrom
  ) {
    problem(headerRow.durationTo!, 'Duration to must be the same as or after Duration from', 'Duration to');
  }

  if (!name || !type || !frequency) return null;
  return {
    type,
    name,
    durationFrom: headerDates.durationFrom ?? null,
    durationTo: headerDates.durationTo ?? null,
    relevantStrategies: text('relevantStrategies'),
    previousVersions: text('previousVersions'),
    monitoringBoard: text('monitoringBoard'),
    owner: text('owner'),
    implementationDate: headerDates.implementationDate ?? null,
    reviewDate: headerDates.reviewDate ?? null,
    monitoringFrequency: frequency,
    aims: text('aims'),
    committeeName: type === 'committee_outstanding' ? committeeName : null,
  };
}
