/**
 * Scheduled SSD loads: import every CSV file in a folder.
 *
 *   npm run import:ssd -- <folder> [--organisation CODE] [--partial]
 *   node dist/scripts/import-ssd.js <folder> [--organisation CODE] [--partial]   (production)
 *
 * See src/commands/import-ssd.ts and docs/ssd-mapping.md.
 */
import { importSsdCommand } from '../src/commands/import-ssd';

process.exitCode = await importSsdCommand(process.argv.slice(2));
