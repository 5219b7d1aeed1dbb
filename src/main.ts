import { createOversight } from './app';
import { loadDemoIfEmpty } from './demo/load';
import { ConfigError, loadConfig } from './platform/config';
import { DataDirInUseError } from './platform/db/lock';
import { MigrationsPendingError } from './platform/db/migrations';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  let oversight: Awaited<ReturnType<typeof createOversight>>;
  try {
    oversight = await createOversight(config);
  } catch (e) {
    if (e instanceof MigrationsPendingError || e instanceof DataDirInUseError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const { app } = oversight;
  const demo = await loadDemoIfEmpty(oversight, config);
  await app.listen({ port: config.port, host: config.host });
  oversight.startScheduler();
  const where = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Oversight is running at ${where}`,
    `Database: ${oversight.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}/pg` : 'PostgreSQL server (DATABASE_URL)'}`,
    `Mail: ${oversight.mailer.mode === 'smtp' ? 'sent over SMTP' : 'kept in the outbox (Administration > Outbox)'}`,
  ];
  if (demo) {
    lines.push('', `Demo organisation: ${demo.organisationName}. Sign in at ${where}/sign-in as any of:`);
    for (const u of demo.users) lines.push(`  ${u.role.padEnd(22)} ${u.email}`);
    lines.push(`Password for every demo account: ${demo.password}`);
  }
  console.log(lines.join('\n'));
  const stop = async () => {
    await oversight.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
