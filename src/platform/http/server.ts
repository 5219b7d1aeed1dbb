import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type nunjucks from 'nunjucks';
import type { AuditContext } from '../audit/service';
import { csrfBinding, csrfTokenFor, verifyCsrf } from '../auth/csrf';
import { type Grants, loadSession, type SessionSettings } from '../auth/sessions';
import { newToken, safeEqual } from '../auth/tokens';
import { DEFAULT_MARKING } from '../branding/marking';
import { type Branding, brandingOf, soleOrganisationBranding } from '../branding/service';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import { loggableError } from '../errors';
import type { Instance } from '../instance';
import { BackgroundQueue } from '../jobs';
import { keepableFields, keepForm } from '../kept-forms/service';
import type { Mailer } from '../mail/service';
import { fromRoot } from '../paths';
import { type Actor, can, PUBLIC, ROLE_NAMES } from '../permissions';
import type { NavItem, OversightModule } from './module';
import { qs } from './querystring';
import { scrollableTables } from './table-regions';
import { cleanUploads, megabytes, type RouteUpload, routeLimits } from './uploads';
import { createViews } from './views';

export interface AppDeps {
  database: Database;
  db: Db;
  /** This running instance among those sharing the database (who owns an import). */
  instance: Instance;
  clock: Clock;
  config: Config;
  mailer: Mailer;
  grants: Grants;
  sessionSettings: SessionSettings;
  modules: OversightModule[];
  nav: NavItem[];
  views: nunjucks.Environment;
  /** Work done after the response (recomputations); tests await background.idle(). */
  background: BackgroundQueue;
}

/** Where log lines go instead of standard output (tests read them). */
export interface LogStream {
  write(line: string): void;
}

export interface RouteRecord {
  method: string;
  url: string;
  permission: string | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs: a granted permission, "signed-in" or "public". */
    permission?: string;
    /** Set on routes whose form takes files (multipart), with that form's limits. */
    upload?: RouteUpload;
  }
  interface FastifyInstance {
    deps: AppDeps;
    routeTable: RouteRecord[];
  }
  interface FastifyRequest {
    actor?: Actor;
    /** Raw session id from the cookie, when signed in. */
    sessionId?: string;
    sessionExpired?: boolean;
    /** The session that expired with this request: its raw id and whose it was, to keep a form posted with it. */
    expiredSession?: { id: string; userId: string; organisationId: string };
    /** The organisation's name, logo, marking and feedback link for the page (none for static files). */
    branding?: Branding;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply;
    flash(message: string): FastifyReply;
  }
}

export const SESSION_COOKIE = 'oversight_session';
export const PRE_SESSION_COOKIE = 'oversight_pre';
const FLASH_COOKIE = 'oversight_flash';

const STATIC_ROOTS: Record<string, string> = {
  assets: fromRoot('node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets'),
  'vendor/govuk': fromRoot('node_modules', 'govuk-frontend', 'dist', 'govuk'),
  'vendor/moj': fromRoot('node_modules', '@ministryofjustice', 'frontend', 'moj'),
  public: fromRoot('src', 'platform', 'public'),
};
const MOJ_IMAGES = fromRoot('node_modules', '@ministryofjustice', 'frontend', 'moj', 'assets', 'images');
/** Routes that never render a page, so need no branding: static files, stylesheets, the logo, health. */
const UNBRANDED_ROUTES = /^\/(assets|vendor|public)\/|^\/organisation-logo\/|^\/health$/;

/** Single-use tokens in paths (set-password links) and tokens in query strings never reach the logs. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/set-password\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&](?:_csrf|csrf|token|password)=)[^&#]*/gi, '$1[redacted]');
}

export function auditContext(req: FastifyRequest, clock: Clock): AuditContext {
  return {
    organisationId: req.actor?.organisationId ?? null,
    userId: req.actor?.userId ?? null,
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
    at: clock.now(),
  };
}

function isHttps(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

export function cookieOptions(req: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isHttps(req),
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/**
 * A multipart form is read part by part by its route; its CSRF token is its
 * first field, read here before any file is accepted. Returns that token (or
 * undefined when the form sent none first), or false when the route takes
 * no files.
 */
async function startMultipart(req: FastifyRequest): Promise<string | undefined | false> {
  if (!req.isMultipart()) return undefined;
  const upload = req.routeOptions.config.upload;
  if (!upload) return false;
  const limits = routeLimits(req.server.deps.config.uploads, upload);
  const parts = req.parts({ limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles } });
  req.multipartRest = parts;
  const first = await parts.next();
  if (first.done) return undefined;
  const part = first.value;
  if (part.type === 'field' && part.fieldname === '_csrf') return String(part.value ?? '');
  req.multipartFirst = part;
  return undefined;
}

/**
 * Keep a form posted with a session that has just expired, when its CSRF
 * token is the one that session issued (so it is the person's own form, not
 * a forged one). Uploads are not kept. Answers whether it was kept.
 */
async function keepExpiredForm(
  req: FastifyRequest,
  deps: Pick<AppDeps, 'db' | 'clock' | 'sessionSettings'>,
): Promise<boolean> {
  const expired = req.expiredSession;
  if (!expired || req.isMultipart()) return false;
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof sent !== 'string') return false;
  if (!safeEqual(sent, csrfTokenFor(`session:${expired.id}`, deps.sessionSettings.secret))) return false;
  const fields = keepableFields(req.body);
  if (!fields) return false;
  await keepForm(deps.db, {
    organisationId: expired.organisationId,
    userId: expired.userId,
    url: req.url,
    fields,
    at: deps.clock.now(),
  });
  return true;
}

function wantsHtml(req: FastifyRequest): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}

export async function buildApp(
  deps: Omit<AppDeps, 'views' | 'nav' | 'background'>,
  options: { logStream?: LogStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            redact: ['req.headers.cookie', 'req.body.password'],
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
                ip: req.ip,
              }),
            },
          },
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, querystringParser: (query: string) => qs(query) },
  });
  const views = createViews();
  const nav = deps.modules.flatMap((m) => m.nav ?? []);
  app.decorate('deps', { ...deps, views, nav, background: new BackgroundQueue(app.log) });
  app.decorate('routeTable', [] as RouteRecord[]);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' && route.exposeHeadRoute !== false && methods.length === 1) continue;
      app.routeTable.push({ method, url: route.url, permission: route.config?.permission });
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: deps.sessionSettings.secret });
  await app.register(formbody, { parser: (body) => qs(body) });
  await app.register(multipart, {
    limits: {
      fileSize: deps.config.uploads.maxFileBytes,
      files: deps.config.uploads.maxFiles,
      fields: 100,
      fieldSize: 100_000,
    },
  });
  app.addHook('onResponse', cleanUploads);
  await app.register(fastifyStatic, { root: STATIC_ROOTS.public!, serve: false });

  // MoJ Frontend's stylesheet finds its icons under /assets/images too, beside GOV.UK's.
  const govukImages = join(STATIC_ROOTS.assets!, 'images');
  app.get('/assets/images/:file', { config: { permission: PUBLIC } }, (req, reply) => {
    const file = (req.params as { file: string }).file;
    const root = existsSync(join(govukImages, file)) ? govukImages : MOJ_IMAGES;
    return reply.sendFile(file, root, { maxAge: deps.config.env === 'production' ? 86_400_000 : 0 });
  });
  for (const [prefix, root] of Object.entries(STATIC_ROOTS)) {
    app.get(`/${prefix}/*`, { config: { permission: PUBLIC } }, (req, reply) => {
      const rest = (req.params as { '*': string })['*'];
      return reply.sendFile(rest, root, { maxAge: deps.config.env === 'production' ? 86_400_000 : 0 });
    });
  }

  // Who is asking: the session cookie, checked against the database and the timeouts.
  app.addHook('onRequest', async (req, reply) => {
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw) return;
    const lookup = await loadSession(deps.db, deps.sessionSettings, deps.clock, deps.grants, raw);
    if (lookup.status === 'active') {
      req.actor = lookup.actor;
      req.sessionId = raw;
    } else {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      req.sessionExpired = lookup.status === 'expired';
      if (lookup.status === 'expired' && lookup.userId && lookup.organisationId)
        req.expiredSession = { id: raw, userId: lookup.userId, organisationId: lookup.organisationId };
    }
  });

  // Whose service this is: the signed-in person's organisation, or before sign-in the only one there is.
  app.addHook('onRequest', async (req) => {
    if (UNBRANDED_ROUTES.test(req.routeOptions.url ?? '')) return;
    req.branding = req.actor
      ? await brandingOf(deps.db, req.actor.organisationId)
      : await soleOrganisationBranding(deps.db);
  });

  // Default deny: every route names its permission; CSRF on every change.
  app.addHook('preHandler', async (req, reply) => {
    if (req.is404) return;
    const permission = req.routeOptions.config.permission;
    if (!permission) {
      req.log.error({ url: req.url }, 'route has no permission: denied');
      return reply.code(403).render('errors/403.njk');
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const multipartToken = await startMultipart(req);
      if (multipartToken === false) {
        return reply
          .code(415)
          .render('errors/400.njk', { status: 415, message: 'This form does not take files.' });
      }
      if (!verifyCsrf(req, deps.sessionSettings.secret, multipartToken)) {
        // Posted as the session expired: keep what was typed and offer it back after signing in again.
        if (permission !== PUBLIC && (await keepExpiredForm(req, deps)))
          return reply.redirect('/sign-in?expired=1&kept=1', 303);
        return reply.code(403).render('errors/csrf.njk');
      }
    }
    if (permission === PUBLIC) return;
    if (!req.actor) {
      if (wantsHtml(req)) return reply.redirect(req.sessionExpired ? '/sign-in?expired=1' : '/sign-in');
      return reply.code(401).render('errors/signed-out.njk');
    }
    if (!can(req.actor, permission)) {
      return reply.code(403).render('errors/403.njk');
    }
  });

  app.addHook('onSend', async (req, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (isHttps(req)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.header('x-request-id', req.id);
  });

  app.decorateReply(
    'render',
    function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const req = this.request;
      let binding = csrfBinding(req);
      if (!binding) {
        binding = `pre:${newToken()}`;
        this.setCookie(PRE_SESSION_COOKIE, binding.slice(4), cookieOptions(req));
      }
      const flash = req.cookies[FLASH_COOKIE] ? req.unsignCookie(req.cookies[FLASH_COOKIE]) : undefined;
      if (flash) this.clearCookie(FLASH_COOKIE, { path: '/' });
      const actor = req.actor;
      const branding = req.branding;
      const html = views.render(template, {
        serviceName: 'Oversight',
        branding,
        // Every signed-in page is marked, even one rendered after a failure to read the settings.
        protectiveMarking: actor ? (branding?.protectiveMarking ?? DEFAULT_MARKING) : undefined,
        actor,
        roleName: actor ? ROLE_NAMES[actor.role] : undefined,
        nav: actor ? nav.filter((n) => can(actor, n.permission)) : [],
        currentPath: req.url.split('?')[0],
        // The page's address with its query, for links that bring the person back here (?from=).
        currentUrl: req.url,
        csrfToken: csrfTokenFor(binding, deps.sessionSettings.secret),
        requestId: req.id,
        uploadLimits: {
          file: megabytes(deps.config.uploads.maxFileBytes),
          document: megabytes(deps.config.uploads.maxDocumentBytes),
        },
        flash: flash?.valid ? flash.value : undefined,
        ...context,
      });
      return this.type('text/html; charset=utf-8').send(scrollableTables(html));
    },
  );

  app.decorateReply('flash', function (this: FastifyReply, message: string) {
    this.setCookie(FLASH_COOKIE, message, { ...cookieOptions(this.request), signed: true });
    return this;
  });

  app.setNotFoundHandler({}, (req, reply) => {
    if (!req.actor && wantsHtml(req)) return reply.redirect('/sign-in');
    return reply.code(404).render('errors/404.njk');
  });

  app.setErrorHandler(
    (error: Error & { statusCode?: number; fields?: Record<string, string> }, req, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 404) return reply.code(404).render('errors/404.njk');
      if (status === 403) return reply.code(403).render('errors/403.njk', { message: error.message });
      if (status >= 400 && status < 500) {
        req.log.warn({ err: loggableError(error) }, 'request refused');
        return reply.code(status).render('errors/400.njk', { status, message: error.message });
      }
      req.log.error({ err: loggableError(error), requestId: req.id }, 'request failed');
      return reply.code(500).render('errors/500.njk');
    },
  );

  app.get('/health', { config: { permission: PUBLIC } }, async (_req, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ok', database: { status: 'ok', kind: deps.database.kind } };
    } catch {
      return reply
        .code(503)
        .send({ status: 'unavailable', database: { status: 'unavailable', kind: deps.database.kind } });
    }
  });

  for (const module of deps.modules) {
    await app.register(module.routes);
  }
  return app;
}
