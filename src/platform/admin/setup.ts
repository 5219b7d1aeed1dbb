/**
 * First run: an organisation and its first administrator, made by the setup
 * command (scripts/setup.ts) on an empty or existing database. The
 * administrator gets a set-password link, as an invited user does; from then
 * on they add everyone else in the service.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { issuePasswordLink, passwordLinkPath } from '../account/password-links';
import { type AuditContext, recordAudit } from '../audit/service';
import { normaliseEmail } from '../auth/service';
import { ValidationError } from '../errors';
import type { MailStatus } from '../mail/service';
import { organisations, users } from '../schema';
import { type AdminDeps, createOrganisation, createUser, passwordLinkMessage } from './service';

export interface FirstOrganisation {
  name: string;
  code: string;
  adminName: string;
  adminEmail: string;
}

export interface SetUpOrganisation {
  organisationId: string;
  userId: string;
  /** The single-use link, for the command to show when no mail could carry it. */
  link: string;
  expiresAt: Date;
  /** "not-sent" without a mail server: the link is never kept in the outbox. */
  mail: MailStatus | 'not-sent';
}

function alreadySetUp(code: string, name?: string): ValidationError {
  const which = name ? ` (${name})` : '';
  return new ValidationError({
    code: `An organisation with the code ${code} already exists${which}: setup has been run for it. Its administrators add people under Administration > Users.`,
  });
}

/** The database refused a second organisation with the same code. */
function isDuplicateCode(e: unknown): boolean {
  for (let error = e; error && typeof error === 'object'; error = (error as { cause?: unknown }).cause) {
    const { code, constraint } = error as { code?: unknown; constraint?: unknown };
    if (code === '23505' && constraint === 'organisations_code_unique') return true;
  }
  return false;
}

/**
 * Create the organisation, its administrator (no password yet), a
 * set-password link and their audit in one transaction; then mail the link
 * when a mail server is configured. Refuses an organisation code already
 * used, and an email address already used.
 */
export async function setUpOrganisation(
  deps: AdminDeps,
  input: FirstOrganisation,
): Promise<SetUpOrganisation> {
  const email = normaliseEmail(input.adminEmail);
  let created: { organisationId: string; userId: string; token: string; expiresAt: Date };
  try {
    created = await deps.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(sql`lower(${organisations.code}) = lower(${input.code})`);
      if (existing) throw alreadySetUp(input.code, existing.name);
      const { id: organisationId } = await createOrganisation(tx, { name: input.name, code: input.code });
      const ctx: AuditContext & { organisationId: string } = {
        organisationId,
        userId: null,
        ip: null,
        userAgent: 'setup command',
        requestId: null,
        at: deps.clock.now(),
      };
      await recordAudit(tx, ctx, {
        action: 'organisation.setup',
        recordType: 'organisation',
        recordId: organisationId,
        detail: `code ${input.code}`,
      });
      const { id: userId } = await createUser(tx, ctx, {
        name: input.adminName,
        email,
        role: 'administrator',
      });
      const link = await issuePasswordLink(tx, deps, { id: userId, organisationId }, 'invitation');
      await recordAudit(tx, ctx, {
        action: 'user.invite',
        recordType: 'user',
        recordId: userId,
        detail: `first administrator; link valid until ${link.expiresAt.toISOString()}`,
      });
      return { organisationId, userId, ...link };
    });
  } catch (e) {
    // Two setups for one code at the same moment: the database's unique code decides.
    if (isDuplicateCode(e)) throw alreadySetUp(input.code);
    throw e;
  }
  return linkOut(
    deps,
    { id: created.organisationId, name: input.name },
    {
      id: created.userId,
      name: input.adminName,
      email,
    },
    created,
  );
}

/** Mail the link when a mail server is configured; the command prints it otherwise. */
async function linkOut(
  deps: AdminDeps,
  organisation: { id: string; name: string },
  user: { id: string; name: string; email: string },
  issued: { token: string; expiresAt: Date },
): Promise<SetUpOrganisation> {
  const link = `${deps.publicUrl.replace(/\/+$/, '')}${passwordLinkPath(issued.token)}`;
  let mail: SetUpOrganisation['mail'] = 'not-sent';
  if (deps.mailer.mode === 'smtp') {
    mail = await deps.mailer.send(
      deps.db,
      passwordLinkMessage(
        deps,
        { organisationId: organisation.id, organisationName: organisation.name },
        user,
        'invitation',
        issued.token,
        issued.expiresAt,
      ),
    );
  }
  return { organisationId: organisation.id, userId: user.id, link, expiresAt: issued.expiresAt, mail };
}

/**
 * A new link for an organisation's first administrator whose link expired (or was lost)
 * before they set a password. Once any administrator of the organisation has a
 * password, they send links in the service instead, and this is refused.
 */
export async function newFirstAdministratorLink(
  deps: AdminDeps,
  code: string,
): Promise<SetUpOrganisation & { organisationName: string; adminName: string; adminEmail: string }> {
  const issued = await deps.db.transaction(async (tx) => {
    const [organisation] = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(sql`lower(${organisations.code}) = lower(${code})`);
    if (!organisation) throw new ValidationError({ code: `No organisation has the code ${code}.` });
    const admins = await tx
      .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
      .from(users)
      .where(
        and(
          eq(users.organisationId, organisation.id),
          eq(users.role, 'administrator'),
          eq(users.active, true),
        ),
      )
      .orderBy(asc(users.createdAt));
    if (admins.some((a) => a.passwordHash)) {
      throw new ValidationError({
        code: `${organisation.name} already has an administrator with a password: they send new links under Administration > Users.`,
      });
    }
    const admin = admins[0];
    if (!admin) throw new ValidationError({ code: `${organisation.name} has no active administrator.` });
    const link = await issuePasswordLink(
      tx,
      deps,
      { id: admin.id, organisationId: organisation.id },
      'invitation',
    );
    await recordAudit(
      tx,
      {
        organisationId: organisation.id,
        userId: null,
        ip: null,
        userAgent: 'setup command',
        requestId: null,
        at: deps.clock.now(),
      },
      {
        action: 'user.invite',
        recordType: 'user',
        recordId: admin.id,
        detail: `new first-administrator link valid until ${link.expiresAt.toISOString()}`,
      },
    );
    return { organisation, admin, link };
  });
  const { organisation, admin, link } = issued;
  const out = await linkOut(deps, organisation, admin, link);
  return { ...out, organisationName: organisation.name, adminName: admin.name, adminEmail: admin.email };
}
