import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createPalma, type RunningPalma } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { GqlClient } from './gql.js';

export interface TestApp {
  palma: RunningPalma;
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  /** A client with its own cookie jar (one browser). */
  client(): GqlClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Use this database URL as is (several apps on one database); otherwise a private one is made. */
  databaseUrl?: string;
}

/** Creates a private database on the server DATABASE_URL points to, and a function to drop it. */
export async function createPrivateDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `palma_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Boots the real application on a random port: on a private PostgreSQL database when
 * DATABASE_URL is set (CI), else on an in-memory PGlite. No demo seed; tests build their data.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = process.env.DATABASE_URL;
  const privateDb = !options.databaseUrl && serverUrl ? await createPrivateDatabase(serverUrl) : null;
  const databaseUrl = options.databaseUrl ?? privateDb?.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '10' } : { DATA_DIR: 'memory://' }),
    ...options.env,
  });
  const palma = await createPalma(config);
  await palma.app.listen(0, '127.0.0.1');
  const { port } = palma.app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    palma,
    url,
    config,
    dataSource: palma.app.get(DataSource),
    client: () => new GqlClient(url),
    async close() {
      await palma.close();
      await privateDb?.drop();
    },
  };
}

/** Whether the run has a real PostgreSQL (concurrency tests only mean something there). */
export const onRealPostgres = Boolean(process.env.DATABASE_URL);
