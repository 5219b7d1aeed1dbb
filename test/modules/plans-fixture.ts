import { inflateRawSync } from 'node:zlib';
/** Helpers for the plans tests: actors for service calls, a small plan, and multipart bodies. */

import type { DemoOrganisation } from '../../src/demo/organisation';
import { plansModule } from '../../src/modules/plans/index';
import * as plans from '../../src/modules/plans/service';
import type { AuditContext } from '../../src/platform/audit/service';
import type { Actor, Role } from '../../src/platform/permissions';
import type { TestContext } from '../helpers/app';

export function actorOf(org: DemoOrganisation, role: Role): Actor {
  const permissions = new Set(
    Object.entries(plansModule.permissions)
      .filter(([, d]) => d.roles.includes(role))
      .map(([k]) => k),
  );
  return {
    userId: org.userIds[role],
    organisationId: org.organisationId,
    organisationName: org.organisationName,
    name: role,
    email: `${role}@example.invalid`,
    role,
    teamId: null,
    permissions,
  };
}

export function auditCtx(actor: Actor, at: Date): AuditContext {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    ip: null,
    userAgent: 'test',
    requestId: null,
    at,
  };
}

export const blankAction = {
  aim: null,
  source: { kind: 'new' as const, detail: null },
  startDate: '2026-04-01',
  endDate: '2027-03-31',
  measure: null,
  outcomeForChildren: null,
  leadOfficerId: null,
  seniorLeadId: null,
  areaLeadId: null,
  dateAdded: null,
  agendaItem: null,
};

export interface SmallPlan {
  planId: string;
  priorityIds: string[];
  actionIds: Record<string, string>;
  leads: { practitioner: string; manager: string; vacant: string };
}

/** A service improvement plan with two priorities and four actions, one led by the demo practitioner. */
export async function smallPlan(
  ctx: TestContext,
  org: DemoOrganisation = ctx.org,
  name = 'Service improvement plan 2026 to 2027',
): Promise<SmallPlan> {
  const db = ctx.oversight.database.db;
  const manager = actorOf(org, 'service_manager');
  const c = auditCtx(manager, ctx.clock.now());
  const practitioner = await plans.createLead(db, manager, c, {
    jobTitle: `Social worker, children in care ${name.length}`,
    initials: `PA${name.length}`,
    holderUserId: org.userIds.practitioner,
    holderName: null,
  });
  const managerLead = await plans.createLead(db, manager, c, {
    jobTitle: `Head of service ${name.length}`,
    initials: `HS${name.length}`,
    holderUserId: org.userIds.service_manager,
    holderName: null,
  });
  const vacant = await plans.createLead(db, manager, c, {
    jobTitle: `Principal social worker ${name.length}`,
    initials: null,
    holderUserId: null,
    holderName: null,
  });
  const planId = await plans.createPlan(db, manager, c, {
    type: 'service_improvement',
    name,
    durationFrom: '2026-04-01',
    durationTo: '2027-03-31',
    relevantStrategies: "Children and Young People's Plan",
    previousVersions: 'Service improvement plan 2025 to 2026',
    monitoringBoard: 'Improvement Board',
    owner: "Director of Children's Services",
    implementationDate: '2026-04-01',
    reviewDate: '2027-01-31',
    monitoringFrequency: 'quarterly',
    aims: 'Children are seen, heard and helped at the right time.',
    committeeName: null,
  });
  const p1 = await plans.createPriority(db, manager, c, planId, { number: 1, title: 'Voice of the child' });
  const p2 = await plans.createPriority(db, manager, c, planId, { number: 2, title: 'Management oversight' });
  const actionIds: Record<string, string> = {};
  const add = async (
    priorityId: string,
    reference: string,
    text: string,
    extra: Partial<plans.ActionInput> = {},
  ) => {
    actionIds[reference] = await plans.createAction(db, manager, c, planId, {
      ...blankAction,
      priorityId,
      reference,
      action: text,
      ...extra,
    });
  };
  await add(p1, '1.1', 'Record the child’s own words in every assessment', {
    source: { kind: 'inspection_recommendation', detail: '2' },
    leadOfficerId: practitioner,
    seniorLeadId: managerLead,
    measure: 'Audits show the child’s words in 80% of assessments',
    outcomeForChildren: 'Children feel listened to',
  });
  await add(p1, '1.2', 'Train all practitioners in direct work tools', {
    leadOfficerId: managerLead,
    endDate: '2026-10-31',
  });
  await add(p2, '2.1', 'Supervision recorded monthly on every child’s file', {
    source: { kind: 'case_audit', detail: 'April 2026 thematic audit' },
    leadOfficerId: managerLead,
    areaLeadId: vacant,
  });
  await add(p2, '2.1.2', 'Team managers review plans before each review meeting', {
    leadOfficerId: managerLead,
  });
  return { planId, priorityIds: [p1, p2], actionIds, leads: { practitioner, manager: managerLead, vacant } };
}

/** A multipart/form-data body with fields and an optional file. */
export function multipart(
  fields: Record<string, string>,
  file?: { field: string; filename: string; contentType: string; data: Buffer },
): { body: Buffer; contentType: string } {
  const boundary = `----oversight${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
    );
    parts.push(file.data);
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export { dateFields } from '../helpers/forms';

/** One file from a zip (DOCX, XLSX), found through the central directory. */
export function unzipEntry(zip: Buffer, name: string): string | undefined {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const entryName = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      const localNameLength = zip.readUInt16LE(localOffset + 26);
      const localExtraLength = zip.readUInt16LE(localOffset + 28);
      const start = localOffset + 30 + localNameLength + localExtraLength;
      const data = zip.subarray(start, start + compressedSize);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}
