import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, attempt, idParam, pageParam } from '../admin/http';
import { paginate } from '../admin/pagination';
import { formErrors, validateForm } from '../http/forms';
import type { OversightModule } from '../http/module';
import { auditContext } from '../http/server';
import { PUBLIC, ROLE_NAMES, type Role, SIGNED_IN } from '../permissions';
import {
  type AccountDeps,
  changePassword,
  changePasswordForm,
  checkLink,
  myAccount,
  myMessage,
  myMessages,
  newPasswordForm,
  setPasswordFromLink,
} from './service';

const MESSAGES_PAGE_SIZE = 50;

function tokenOf(params: unknown): string {
  const token = (params as { token?: string }).token ?? '';
  return token.slice(0, 200);
}

/** Setting a password from a link, and each person's own account and messages. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, sessionSettings } = app.deps;
  const deps: AccountDeps = { db, clock, secret: sessionSettings.secret };

  app.get('/account/set-password/:token', { config: { permission: PUBLIC } }, async (req, reply) => {
    const link = await checkLink(deps, tokenOf(req.params));
    if (link.status === 'invalid') return reply.code(410).render('account/link-invalid.njk');
    return reply.render('account/set-password.njk', {
      email: link.user.email,
      invitation: link.purpose === 'invitation',
      errors: formErrors({}),
    });
  });

  app.post('/account/set-password/:token', { config: { permission: PUBLIC } }, async (req, reply) => {
    const token = tokenOf(req.params);
    const form = validateForm(newPasswordForm, req.body);
    if (!form.ok) {
      const link = await checkLink(deps, token);
      if (link.status === 'invalid') return reply.code(410).render('account/link-invalid.njk');
      return reply.code(400).render('account/set-password.njk', {
        email: link.user.email,
        invitation: link.purpose === 'invitation',
        errors: form.errors,
      });
    }
    const result = await attempt(() => setPasswordFromLink(deps, auditContext(req, clock), token, form.data));
    if (!result.ok) {
      const link = await checkLink(deps, token);
      if (link.status === 'invalid') return reply.code(410).render('account/link-invalid.njk');
      return reply.code(400).render('account/set-password.njk', {
        email: link.user.email,
        invitation: link.purpose === 'invitation',
        errors: result.errors,
      });
    }
    if (result.value.status === 'invalid') return reply.code(410).render('account/link-invalid.njk');
    reply.flash('Your password is set. Sign in with your email address and your new password');
    return reply.redirect('/sign-in');
  });

  async function accountPage(req: Parameters<typeof actorOf>[0]) {
    const actor = actorOf(req);
    const account = await myAccount(db, actor);
    const { total } = await myMessages(db, actor, { page: 1, pageSize: 1 });
    return { account, roleName: ROLE_NAMES[account.role as Role] ?? account.role, messageCount: total };
  }

  app.get('/account', { config: { permission: SIGNED_IN } }, async (req, reply) =>
    reply.render('account/index.njk', { ...(await accountPage(req)), errors: formErrors({}) }),
  );

  app.post('/account/password', { config: { permission: SIGNED_IN } }, async (req, reply) => {
    const actor = actorOf(req);
    const form = validateForm(changePasswordForm, req.body);
    const result = form.ok
      ? await attempt(() => changePassword(deps, actor, auditContext(req, clock), req.sessionId!, form.data))
      : form;
    if (!result.ok) {
      return reply
        .code(400)
        .render('account/index.njk', { ...(await accountPage(req)), errors: result.errors });
    }
    reply.flash('Your password is changed. You have been signed out of Oversight everywhere else');
    return reply.redirect('/account');
  });

  app.get('/account/messages', { config: { permission: SIGNED_IN } }, async (req, reply) => {
    const { page } = z.object({ page: pageParam }).parse(req.query ?? {});
    const result = await myMessages(db, actorOf(req), { page, pageSize: MESSAGES_PAGE_SIZE });
    return reply.render('account/messages.njk', {
      messages: result.rows,
      pagination: paginate(
        result.total,
        { page, pageSize: MESSAGES_PAGE_SIZE },
        (p) => `/account/messages?page=${p}`,
      ),
    });
  });

  app.get('/account/messages/:id', { config: { permission: SIGNED_IN } }, async (req, reply) => {
    const message = await myMessage(db, actorOf(req), idParam(req));
    return reply.render('account/message.njk', { message });
  });
}

export const accountModule: OversightModule = {
  name: 'account',
  permissions: {},
  routes: accountRoutes,
};
