/**
 * Scheduled SSD loads (scripts/import-ssd.ts): import every CSV file in a folder.
 *
 *   npm run import:ssd -- <folder> [--organisation CODE] [--partial]
 *
 * A full extract (the default) closes records that an included table no
 * longer holds; --partial only adds and updates. The import is checked
 * first and rejected whole if anything is wrong: the problems are printed
 * (and kept on the import page), and the exit code is 1. Ordinary mistakes
 * (no folder, a file instead of a folder, an unknown organisation) are one
 * line and exit code 1 or 2, before anything is opened.
 */
import { readdir, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createOversight, type Oversight } from '../app';
import type { ImportMode, ImportOutcome } from '../modules/cases/importer';
import { importSsdFolder, organisationForImport } from '../modules/cases/service';
import { type Clock, systemClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import type { Database } from '../platform/db/client';
import { CommandError, type CommandOutput, consoleOutput, runCommand, USAGE } from './cli';

export const IMPORT_USAGE = 'Usage: npm run import:ssd -- <folder> [--organisation CODE] [--partial]';

export interface ImportRequest {
  folder: string;
  organisation?: string;
  partial: boolean;
}

/** The command line, checked: one folder, known flags. */
export function parseImportArgs(argv: string[]): ImportRequest {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { organisation: { type: 'string' }, partial: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) {
    throw new CommandError(
      'Say which folder holds the extract, like: npm run import:ssd -- ./extract',
      USAGE,
    );
  }
  if (positionals.length > 1) {
    throw new CommandError(
      `Give one folder, not ${positionals.length} (${positionals.join(', ')}): the extract's CSV files go in one folder.`,
      USAGE,
    );
  }
  const organisation = values.organisation?.trim();
  if (values.organisation !== undefined && !organisation) {
    throw new CommandError("--organisation needs the organisation's code, like --organisation OAK.", USAGE);
  }
  return { folder: positionals[0]!, organisation: organisation?.toUpperCase(), partial: values.partial };
}

/** The folder exists, is a folder and holds CSV files; otherwise one line saying which. */
export async function checkExtractFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new CommandError(`There is no folder ${folder}: check the path.`);
    if (e.code === 'EACCES')
      throw new CommandError(`Oversight may not read ${folder}: check its permissions.`);
    throw e;
  });
  if (!info.isDirectory()) {
    throw new CommandError(
      `${folder} is a file, not a folder: give the folder that holds the extract's CSV files.`,
    );
  }
  const names = await readdir(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EACCES')
      throw new CommandError(`Oversight may not read ${folder}: check its permissions.`);
    throw e;
  });
  if (!names.some((n) => n.toLowerCase().endsWith('.csv'))) {
    throw new CommandError(
      `The folder ${folder} holds no .csv files: give the folder of the extract's CSV files.`,
    );
  }
}

/**
 * Import a folder of extract files into an organisation, as this command does (the benchmarks
 * import the same way). On a server the import's progress is written as it goes, for the import
 * page of the running service to show; the embedded database is this process's alone.
 */
export function importFolderAsCommand(
  oversight: Oversight,
  organisationId: string,
  folder: string,
  mode: ImportMode = 'full',
): Promise<ImportOutcome> {
  return importSsdFolder(oversight.database.db, {
    organisationId,
    folder,
    mode,
    origin: 'command',
    clock: oversight.clock,
    concurrentProgress: oversight.database.kind === 'server',
    instance: oversight.instance,
  });
}

export interface ImportOptions {
  env?: NodeJS.ProcessEnv;
  output?: CommandOutput;
  clock?: Clock;
  database?: Database;
}

/** The whole command; returns the exit status. */
export async function importSsdCommand(argv: string[], options: ImportOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const output = options.output ?? consoleOutput;
  return runCommand(output, IMPORT_USAGE, async () => {
    const request = parseImportArgs(argv);
    await checkExtractFolder(request.folder);
    const config = loadConfig({ ...env, DEMO: 'none', LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
    const clock = options.clock ?? systemClock;
    const oversight = await createOversight(config, { clock, database: options.database });
    try {
      const organisation = await organisationForImport(oversight.database.db, request.organisation).catch(
        (e: Error) => {
          throw new CommandError(e.message);
        },
      );
      const started = Date.now();
      const outcome = await importFolderAsCommand(
        oversight,
        organisation.id,
        request.folder,
        request.partial ? 'partial' : 'full',
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (outcome.status === 'applied') {
        const t = outcome.totals;
        output.out(
          `Imported ${outcome.rows} rows for ${organisation.name} in ${seconds} s: ${t.added} added, ${t.changed} changed, ${t.closed} closed, ${t.unchanged} unchanged (import ${outcome.importId}).`,
        );
        return 0;
      }
      if (outcome.status === 'rejected') {
        output.err(`The extract was not imported: ${outcome.errorCount} problems. Nothing was written.`);
        output.err('file,row,field,value,expected');
        for (const e of outcome.errors.slice(0, 50)) {
          output.err([e.file, e.row, e.field, JSON.stringify(e.value), JSON.stringify(e.expected)].join(','));
        }
        if (outcome.errorCount > 50)
          output.err(`... and ${outcome.errorCount - 50} more: see /cases/import/${outcome.importId}`);
        return 1;
      }
      output.err(
        `The import failed and nothing was written (import ${outcome.importId}); see /cases/import/${outcome.importId}.`,
      );
      return 1;
    } finally {
      await oversight.close();
    }
  });
}
