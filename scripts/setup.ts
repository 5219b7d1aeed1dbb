/**
 * First run: create an organisation and its first administrator.
 *
 *   NODE_ENV=production node dist/scripts/setup.js --organisation "Oakhaven Borough Council" \
 *     --code OAK --admin-email a.person@oakhaven.gov.uk --admin-name "A Person"
 *   npm run setup -- ... --allow-development        (from the source, outside production)
 *
 * See src/commands/setup.ts and docs/operations.md, "First run".
 */
import { setupCommand } from '../src/commands/setup';

process.exitCode = await setupCommand(process.argv.slice(2));
