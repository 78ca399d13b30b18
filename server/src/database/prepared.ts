import type { DataSource, EntityManager } from 'typeorm';

type PreparingConnection = {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
};

/**
 * Runs a statement as a named prepared statement on the transaction's own connection, so
 * PostgreSQL parses and plans it once per connection instead of on every call (for hot paths:
 * the registration rush, the cookie lookup of every request). Returns the rows.
 */
export async function runPrepared<T>(
  em: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const connection = (em.queryRunner as { databaseConnection?: PreparingConnection } | undefined)
    ?.databaseConnection;
  if (!connection) throw new Error('runPrepared needs a transaction’s EntityManager');
  return (await connection.query({ name, text, values })).rows as T[];
}

/**
 * Runs one statement on its own pooled connection, outside any transaction (so it commits by
 * itself), as a named prepared statement. Returns the rows.
 */
export async function runAlone<T>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    return await runPrepared<T>(runner.manager, name, text, values);
  } finally {
    await runner.release();
  }
}
