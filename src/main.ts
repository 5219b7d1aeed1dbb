import { createOversight } from './app';
import { CommandError, consoleOutput, runCommand } from './commands/cli';
import { firstRunMessage, organisationCount } from './commands/first-run';
import { loadDemoIfEmpty } from './demo/load';
import { loadConfig } from './platform/config';

async function main(): Promise<number | undefined> {
  const config = loadConfig();
  const oversight = await createOversight(config);
  const { app } = oversight;
  const demo = await loadDemoIfEmpty(oversight, config);
  await app.listen({ port: config.port, host: config.host }).catch(async (e: NodeJS.ErrnoException) => {
    await oversight.close();
    if (e.code === 'EADDRINUSE') {
      throw new CommandError(
        `Port ${config.port} is in use: stop what uses it, or set PORT to another port.`,
      );
    }
    throw e;
  });
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
  } else if ((await organisationCount(oversight.database.db)) === 0) {
    lines.push(...firstRunMessage(config.env));
  }
  console.log(lines.join('\n'));
  const stop = async () => {
    await oversight.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return undefined;
}

const status = await runCommand(consoleOutput, 'Usage: npm start (or npm run start:production)', main);
if (status !== 0) process.exit(status);
