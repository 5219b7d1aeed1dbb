/**
 * One SSD import in a process of its own, as a council's scheduled load runs
 * (`npm run import:ssd`) beside the service on a PostgreSQL server, so that its
 * peak resident memory is the import's and not the service's (bench/import.ts
 * starts it). Reads DATABASE_URL; prints one line of JSON: the outcome, how
 * long the call took, and the process's resident memory before the import and
 * at its peak.
 *
 *   tsx bench/import-process.ts <folder> <organisation id>
 */
import { createOversight } from '../src/app';
import { importFolderAsCommand } from '../src/commands/import-ssd';
import { loadConfig } from '../src/platform/config';

const [folder, organisationId] = process.argv.slice(2);
if (!folder || !organisationId || !process.env.DATABASE_URL) {
  process.stderr.write('Usage: DATABASE_URL=... tsx bench/import-process.ts <folder> <organisation id>\n');
  process.exit(2);
}
const oversight = await createOversight(
  loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'none' }),
);
try {
  const rssBeforeBytes = process.memoryUsage().rss;
  const started = performance.now();
  const outcome = await importFolderAsCommand(oversight, organisationId, folder);
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({
      status: outcome.status,
      rows: outcome.rows,
      totals: outcome.totals,
      timings: outcome.timings,
      ms,
      rssBeforeBytes,
      // maxRSS is in KiB: the most the process held at any moment, however short.
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    })}\n`,
  );
} finally {
  await oversight.close();
}
