import { and, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/service';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { normaliseEmail } from '../auth/service';
import type { Db } from '../db/client';
import { ValidationError } from '../errors';
import type { Role } from '../permissions';
import { organisations, teams, users } from '../schema';

export interface NewOrganisation {
  name: string;
  code: string;
}

export async function createOrganisation(db: Db, input: NewOrganisation): Promise<{ id: string }> {
  const [row] = await db.insert(organisations).values(input).returning({ id: organisations.id });
  return row!;
}

export async function createTeam(
  db: Db,
  organisationId: string,
  input: { name: string; service: string; sourceId?: string },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(teams)
    .values({ organisationId, ...input })
    .returning({ id: teams.id });
  return row!;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  teamId?: string | null;
  jobTitle?: string | null;
  /** Set directly (demo and tests); real users set their own from an invitation. */
  password?: string;
  /** A ready-made hash, so a generator can reuse one hash for many demo accounts. */
  passwordHash?: string;
}

/** Create a user in the actor's organisation. The email must be unused across the service. */
export async function createUser(
  db: Db,
  ctx: AuditContext & { organisationId: string },
  input: NewUser,
): Promise<{ id: string }> {
  const email = normaliseEmail(input.email);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new ValidationError({ email: 'A user with this email address already exists' });
  if (input.teamId) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.id, input.teamId), eq(teams.organisationId, ctx.organisationId)));
    if (!team) throw new ValidationError({ teamId: 'Select a team from the list' });
  }
  let passwordHash = input.passwordHash ?? null;
  if (input.password) {
    const problem = passwordProblem(input.password, { email });
    if (problem) throw new ValidationError({ password: problem });
    passwordHash = await hashPassword(input.password);
  }
  const [row] = await db
    .insert(users)
    .values({
      organisationId: ctx.organisationId,
      email,
      name: input.name,
      role: input.role,
      teamId: input.teamId ?? null,
      jobTitle: input.jobTitle ?? null,
      passwordHash,
    })
    .returning({ id: users.id });
  await recordAudit(db, ctx, {
    action: 'user.create',
    recordType: 'user',
    recordId: row!.id,
    detail: `role ${input.role}`,
  });
  return row!;
}
