import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { EmbeddedDatabase } from './embedded-database.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export interface OpenedDatabase {
  options: DataSourceOptions;
  /** Present when running on the embedded PGlite database; stop it after the app closes. */
  embedded: EmbeddedDatabase | null;
}

const common = {
  type: 'postgres' as const,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
  synchronize: false,
  // gen_random_uuid() is built into PostgreSQL 13+; creating an extension is neither needed nor allowed everywhere.
  uuidExtension: 'pgcrypto' as const,
  installExtensions: false,
  applicationName: 'palma',
};

/**
 * Resolves where the database is: DATABASE_URL, or an embedded PGlite started here (served over
 * its socket with one connection, so the pool holds exactly one).
 */
export async function openDatabase(config: AppConfig): Promise<OpenedDatabase> {
  if (config.database.kind === 'postgres') {
    return {
      options: { ...common, url: config.database.url, extra: { max: config.database.poolSize } },
      embedded: null,
    };
  }
  const embedded = await EmbeddedDatabase.start(config.database.dataDir);
  const { host, port, username, database } = embedded.address;
  return {
    options: { ...common, host, port, username, database, extra: { max: 1 } },
    embedded,
  };
}
