import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formErrors, validateForm } from '../http/forms';
import { auditContext } from '../http/server';
import type { MailStatus } from '../mail/service';
import { can, ROLE_NAMES, ROLES } from '../permissions';
import {
  actorOf,
  adminDeps,
  attempt,
  idParam,
  ignoredUnless,
  optionalText,
  pageParam,
  UUID_PATTERN,
} from './http';
import { paginate, queryString } from './pagination';
import { ROLE_DESCRIPTIONS } from './roles';
import {
  changeRoleAndTeam,
  deactivateUser,
  inviteUser,
  listUsers,
  reactivateUser,
  resetPassword,
  teams,
  userForChange,
  viewUser,
} from './service';

const USERS_PAGE_SIZE = 50;
const PERMISSION = { config: { permission: 'admin.users' } };

const listQuery = z.object({
  role: ignoredUnless(z.enum(ROLES)),
  team: ignoredUnless(z.string().regex(UUID_PATTERN)),
  status: ignoredUnless(z.enum(['active', 'invited', 'deactivated'])),
  page: pageParam,
});

const roleField = z.enum(ROLES, { error: 'Select a role' });
const teamField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().regex(UUID_PATTERN, 'Select a team from the list').optional(),
);

const inviteForm = z.object({
  name: z
    .string({ error: 'Enter the person’s full name' })
    .trim()
    .min(1, 'Enter the person’s full name')
    .max(200, 'Name must be 200 characters or fewer'),
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .min(1, 'Enter their email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  jobTitle: optionalText(200, 'Job title must be 200 characters or fewer'),
  role: roleField,
  teamId: teamField,
});

const roleTeamForm = z.object({ role: roleField, teamId: teamField });

const deactivateForm = z.object({
  reason: optionalText(500, 'Reason must be 500 characters or fewer'),
});

function roleItems(selected?: string) {
  return ROLES.map((role) => ({
    value: role,
    text: ROLE_NAMES[role],
    hint: { text: ROLE_DESCRIPTIONS[role] },
    checked: role === selected,
  }));
}

function mailFlash(status: MailStatus, done: string, email: string): string {
  if (status === 'sent') return `${done}. We sent a link to set a password to ${email}`;
  if (status === 'outbox') {
    return `${done}. The message with the link to set a password is in the outbox, because this service does not send email`;
  }
  return `${done}, but the message to ${email} could not be sent. Check the outbox, then send a new link`;
}

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const deps = adminDeps(app);
  const { db, clock } = deps;

  app.get('/admin/users', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const q = listQuery.parse(req.query ?? {});
    const filter = { role: q.role, teamId: q.team, status: q.status };
    const [result, teamList] = await Promise.all([
      listUsers(db, actor, filter, { page: q.page, pageSize: USERS_PAGE_SIZE }),
      teams(db, actor),
    ]);
    const base = { role: q.role, team: q.team, status: q.status };
    return reply.render('admin/users/index.njk', {
      users: result.rows,
      filter: base,
      filtered: Boolean(q.role || q.team || q.status),
      teams: teamList,
      roles: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r] })),
      pagination: paginate(
        result.total,
        { page: q.page, pageSize: USERS_PAGE_SIZE },
        (p) => `/admin/users${queryString({ ...base, page: p })}`,
      ),
    });
  });

  app.get('/admin/users/invite', PERMISSION, async (req, reply) => {
    const teamList = await teams(db, actorOf(req));
    return reply.render('admin/users/invite.njk', {
      values: {},
      errors: formErrors({}),
      teams: teamList,
      roles: roleItems(),
    });
  });

  app.post('/admin/users/invite', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = validateForm(inviteForm, body);
    const result = form.ok
      ? await attempt(() => inviteUser(deps, actor, auditContext(req, clock), form.data))
      : form;
    if (!result.ok) {
      return reply.code(400).render('admin/users/invite.njk', {
        values: body,
        errors: result.errors,
        teams: await teams(db, actor),
        roles: roleItems(typeof body.role === 'string' ? body.role : undefined),
      });
    }
    const email = form.ok ? form.data.email.toLowerCase() : '';
    reply.flash(mailFlash(result.value.mail, 'Account created', email));
    return reply.redirect(`/admin/users/${result.value.id}`);
  });

  app.get('/admin/users/:id', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const { user, link } = await viewUser(db, actor, auditContext(req, clock), idParam(req));
    const now = clock.now().getTime();
    return reply.render('admin/users/view.njk', {
      user,
      roleName:
        (ROLE_NAMES[user.role as keyof typeof ROLE_NAMES] ?? 'None yet') +
        (user.pendingRole
          ? ` (${ROLE_NAMES[user.pendingRole as keyof typeof ROLE_NAMES] ?? user.pendingRole} waits for a senior leader's approval)`
          : ''),
      link: link
        ? {
            ...link,
            state: link.usedAt ? 'used' : link.expiresAt.getTime() <= now ? 'ended' : 'open',
          }
        : undefined,
      isSelf: user.id === actor.userId,
      canReadAudit: can(actor, 'admin.audit'),
    });
  });

  app.get('/admin/users/:id/edit', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const user = await userForChange(db, actor, idParam(req));
    return reply.render('admin/users/edit.njk', {
      user,
      values: { role: user.role, teamId: user.teamId },
      errors: formErrors({}),
      teams: await teams(db, actor),
      roles: roleItems(user.role),
      isSelf: user.id === actor.userId,
    });
  });

  app.post('/admin/users/:id/edit', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const id = idParam(req);
    const user = await userForChange(db, actor, id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = validateForm(roleTeamForm, body);
    const result = form.ok
      ? await attempt(() => changeRoleAndTeam(deps, actor, auditContext(req, clock), id, form.data))
      : form;
    if (!result.ok) {
      return reply.code(400).render('admin/users/edit.njk', {
        user,
        values: body,
        errors: result.errors,
        teams: await teams(db, actor),
        roles: roleItems(typeof body.role === 'string' ? body.role : undefined),
        isSelf: user.id === actor.userId,
      });
    }
    reply.flash(result.value.changed ? `${user.name}’s role and team updated` : 'Nothing was changed');
    return reply.redirect(`/admin/users/${id}`);
  });

  app.get('/admin/users/:id/deactivate', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const user = await userForChange(db, actor, idParam(req));
    return reply.render('admin/users/deactivate.njk', {
      user,
      values: {},
      errors: formErrors({}),
      isSelf: user.id === actor.userId,
    });
  });

  app.post('/admin/users/:id/deactivate', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const id = idParam(req);
    const user = await userForChange(db, actor, id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = validateForm(deactivateForm, body);
    const result = form.ok
      ? await attempt(() => deactivateUser(deps, actor, auditContext(req, clock), id, form.data.reason))
      : form;
    if (!result.ok) {
      return reply.code(400).render('admin/users/deactivate.njk', {
        user,
        values: body,
        errors: result.errors,
        isSelf: user.id === actor.userId,
      });
    }
    reply.flash(
      result.value.changed
        ? `${user.name}’s account is deactivated. They have been signed out and cannot sign in`
        : `${user.name}’s account was already deactivated`,
    );
    return reply.redirect(`/admin/users/${id}`);
  });

  app.post('/admin/users/:id/reactivate', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const id = idParam(req);
    const user = await userForChange(db, actor, id);
    const { changed } = await reactivateUser(deps, actor, auditContext(req, clock), id);
    reply.flash(
      changed
        ? user.hasPassword
          ? `${user.name}’s account is active again. They can sign in with their password`
          : `${user.name}’s account is active again. Send them a new invitation so they can set a password`
        : `${user.name}’s account was already active`,
    );
    return reply.redirect(`/admin/users/${id}`);
  });

  app.get('/admin/users/:id/reset-password', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const user = await userForChange(db, actor, idParam(req));
    return reply.render('admin/users/reset-password.njk', { user, errors: formErrors({}) });
  });

  app.post('/admin/users/:id/reset-password', PERMISSION, async (req, reply) => {
    const actor = actorOf(req);
    const id = idParam(req);
    const user = await userForChange(db, actor, id);
    const result = await attempt(() => resetPassword(deps, actor, auditContext(req, clock), id));
    if (!result.ok) {
      return reply.code(400).render('admin/users/reset-password.njk', { user, errors: result.errors });
    }
    const done =
      result.value.kind === 'reset'
        ? `${user.name}’s password is reset and they have been signed out`
        : `A new invitation is ready for ${user.name}`;
    reply.flash(mailFlash(result.value.mail, done, user.email));
    return reply.redirect(`/admin/users/${id}`);
  });
}
