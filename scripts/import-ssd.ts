/**
 * Scheduled SSD loads: import every CSV file in a folder.
 *
 *   npm run import:ssd -- <folder> [--organisation CODE] [--partial]
 *
 * A full extract (the default) closes records that an included table no
 * longer holds; --partial only adds and updates. The import is checked
 * first and rejected whole if anything is wrong: the problems are printed
 * (and kept on the import page), and the exit code is 1.
 */
import { parseArgs } from 'node:util';
import { createOversight } from '../src/app';
import { importSsdFolder, organisationForImport } from '../src/modules/cases/service';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { organisation: { type: 'string' }, partial: { type: 'boolean', default: false } },
  });
  const folder = positionals[0];
  if (!folder) {
    console.error('Usage: npm run import:ssd -- <folder> [--organisation CODE] [--partial]');
    return 2;
  }
  const config = loadConfig({ ...process.env, DEMO: 'none', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const oversight = await createOversight(config);
  try {
    const organisation = await organisationForImport(oversight.database.db, values.organisation);
    const started = Date.now();
    const outcome = await importSsdFolder(oversight.database.db, {
      organisationId: organisation.id,
      folder,
      mode: values.partial ? 'partial' : 'full',
      origin: 'command',
      clock: systemClock,
      concurrentProgress: oversight.database.kind === 'server',
      instance: oversight.instance,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (outcome.status === 'applied') {
      const t = outcome.totals;
      console.log(
        `Imported ${outcome.rows} rows for ${organisation.name} in ${seconds} s: ${t.added} added, ${t.changed} changed, ${t.closed} closed, ${t.unchanged} unchanged (import ${outcome.importId}).`,
      );
      return 0;
    }
    if (outcome.status === 'rejected') {
      console.error(`The extract was not imported: ${outcome.errorCount} problems. Nothing was written.`);
      console.error('file,row,field,value,expected');
      for (const e of outcome.errors.slice(0, 50)) {
        console.error(
          [e.file, e.row, e.field, JSON.stringify(e.value), JSON.stringify(e.expected)].join(','),
        );
      }
      if (outcome.errorCount > 50)
        console.error(`... and ${outcome.errorCount - 50} more: see /cases/import/${outcome.importId}`);
      return 1;
    }
    console.error(
      `The import failed and nothing was written (import ${outcome.importId}); see /cases/import/${outcome.importId}.`,
    );
    return 1;
  } finally {
    await oversight.close();
  }
}

process.exitCode = await main();
