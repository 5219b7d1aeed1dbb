import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from './audit/service';
import { signIn } from './auth/service';
import { destroySession, purgeExpiredSessions, purgeOldSignInAttempts } from './auth/sessions';
import { typefaceRoutes } from './branding/typeface';
import { renderHome } from './home/routes';
import { formErrors, validateForm } from './http/forms';
import type { OversightModule } from './http/module';
import { auditContext, cookieOptions, PRE_SESSION_COOKIE, SESSION_COOKIE } from './http/server';
import { keptFormRoutes } from './kept-forms/routes';
import { keptFormsOf, purgeKeptForms } from './kept-forms/service';
import { PUBLIC, platformPermissions, SIGNED_IN } from './permissions';
import { removeExpiredAuditEvents } from './retention/service';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer'),
});

const NOTICES: Record<string, string> = {
  expired:
    'You were signed out because you had not used Oversight for a while, or your session reached its time limit. Sign in again.',
  'signed-out': 'You have signed out.',
  kept: 'You were signed out before your work was saved. It has been kept: sign in again and it will be offered back to you.',
};

/** Sign-in, sign-out, home, accessibility statement: the pages every person meets. */
export async function platformRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, sessionSettings } = app.deps;
  await keptFormRoutes(app);

  app.get('/sign-in', { config: { permission: PUBLIC } }, async (req, reply) => {
    if (req.actor) return reply.redirect('/');
    const query = req.query as Record<string, string>;
    const notice = query.kept
      ? NOTICES.kept
      : query.expired
        ? NOTICES.expired
        : query['signed-out']
          ? NOTICES['signed-out']
          : undefined;
    return reply.render('sign-in.njk', { notice, values: {}, errors: formErrors({}) });
  });

  app.post('/sign-in', { config: { permission: PUBLIC } }, async (req, reply) => {
    const form = validateForm(signInForm, req.body);
    const values = { email: (req.body as Record<string, unknown> | undefined)?.email };
    if (!form.ok) return reply.code(400).render('sign-in.njk', { values, errors: form.errors });
    const result = await signIn(
      db,
      clock,
      sessionSettings,
      { ...form.data, ip: req.ip, userAgent: req.headers['user-agent'] },
      auditContext(req, clock),
      app.deps.mailer,
    );
    if (result.outcome === 'signed-in') {
      // A new session id at sign-in: any id planted before sign-in is worthless.
      if (req.sessionId) await destroySession(db, sessionSettings, req.sessionId);
      reply.clearCookie(PRE_SESSION_COOKIE, { path: '/' });
      reply.setCookie(SESSION_COOKIE, result.sessionId, cookieOptions(req));
      // Work posted as the last session expired is offered back first.
      const kept = await keptFormsOf(db, result.userId, clock.now());
      return reply.redirect(kept.length ? '/kept-forms' : '/');
    }
    const message =
      result.outcome === 'wrong'
        ? 'Enter a correct email address and password. If you have forgotten your password, ask your administrator.'
        : result.outcome === 'account-wait'
          ? `There have been several failed attempts to sign in with this email address. Try again after ${londonTime(result.until)}, or ask your administrator to reset your password.`
          : `There have been too many failed attempts to sign in from your network. Try again after ${londonTime(result.until)}.`;
    const code = result.outcome === 'wrong' ? 401 : 429;
    return reply.code(code).render('sign-in.njk', { values, errors: formErrors({ email: message }) });
  });

  app.post('/sign-out', { config: { permission: SIGNED_IN } }, async (req, reply) => {
    await recordAudit(db, auditContext(req, clock), {
      action: 'sign-out',
      recordType: 'user',
      recordId: req.actor!.userId,
    });
    await destroySession(db, sessionSettings, req.sessionId!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in?signed-out=1');
  });

  app.get('/', { config: { permission: SIGNED_IN } }, async (req, reply) => renderHome(app, req, reply));

  app.get('/accessibility', { config: { permission: PUBLIC } }, async (_req, reply) =>
    reply.render('accessibility.njk'),
  );

  await typefaceRoutes(app);
}

export const platformModule: OversightModule = {
  name: 'platform',
  permissions: platformPermissions,
  nav: [{ href: '/', text: 'Home', permission: SIGNED_IN }],
  routes: platformRoutes,
  dailyJobs: (app) => [
    {
      name: 'platform.purge-sessions',
      at: '02:00',
      run: async () => {
        await purgeExpiredSessions(app.deps.db, app.deps.sessionSettings, app.deps.clock);
        await purgeKeptForms(app.deps.db, app.deps.clock.now());
        await purgeOldSignInAttempts(
          app.deps.db,
          app.deps.clock,
          app.deps.config.retention.signInAttemptsDays,
        );
      },
    },
    {
      name: 'platform.audit-retention',
      at: '03:00',
      run: (organisationId) =>
        removeExpiredAuditEvents(
          app.deps.db,
          app.deps.clock,
          organisationId,
          app.deps.config.retention.accessAuditYears,
        ),
    },
  ],
};

/** A time of day as people in England read it, to the second (a wait is seconds to minutes). */
function londonTime(at: Date): string {
  return londonTimeToSecond.format(at);
}

const londonTimeToSecond = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
