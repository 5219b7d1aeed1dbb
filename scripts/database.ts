/**
 * What the maintenance scripts share: the configuration (never the demo) and
 * the database it names, or a message on the console and null when either
 * cannot be had.
 */
import { type Config, ConfigError, loadConfig } from '../src/platform/config';
import { type Database, openDatabase } from '../src/platform/db/client';

export async function openConfiguredDatabase(): Promise<{ config: Config; database: Database } | null> {
  let config: Config;
  try {
    config = loadConfig({ ...process.env, DEMO: 'none' });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return null;
    }
    throw e;
  }
  try {
    const database = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pg`,
    });
    return { config, database };
  } catch (e) {
    console.error((e as Error).message);
    return null;
  }
}
