import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { fromRoot } from '../paths';
import { PUBLIC } from '../permissions';

/**
 * The GDS Transport typeface is part of the GOV.UK brand, for services on
 * GOV.UK only. govuk-frontend's and the MoJ frontend's built stylesheets name
 * it first, so the service serves them with it taken out: text is set in
 * Arial (their own fallback) and the font files are never fetched.
 */
export function withoutGovukTypeface(css: string): string {
  return css.replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '').replaceAll('GDS Transport,', '');
}

// Found from the checkout, so the compiled bundle (dist/) reads the same files as the source.
const STYLESHEETS: Record<string, string> = {
  '/vendor/govuk/govuk-frontend.min.css': fromRoot(
    'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css',
  ),
  '/vendor/moj/moj-frontend.min.css': fromRoot(
    'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css',
  ),
};

/** The two stylesheets the layout links, each read and rewritten once. */
export async function typefaceRoutes(app: FastifyInstance): Promise<void> {
  const production = app.deps.config.env === 'production';
  for (const [url, file] of Object.entries(STYLESHEETS)) {
    let css: Promise<string> | undefined;
    app.get(url, { config: { permission: PUBLIC } }, async (_req, reply) => {
      css ??= readFile(file, 'utf8').then(withoutGovukTypeface);
      return reply
        .type('text/css; charset=utf-8')
        .header('cache-control', production ? 'public, max-age=86400' : 'no-cache')
        .send(await css);
    });
  }
}
