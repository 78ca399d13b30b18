import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is already in use by another Palma process (pid ${pid}). ` +
        'PGlite cannot share a directory between processes without losing data. ' +
        'Stop the other process, or set DATA_DIR to a different directory (or DATABASE_URL to a PostgreSQL server).',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on the data directory with an O_EXCL lock file. A lock left by a
 * process that no longer exists (crash, kill -9) is taken over.
 */
function acquireLock(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'palma.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return lockPath;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

export interface EmbeddedAddress {
  host: string;
  port: number;
  username: string;
  database: string;
}

/**
 * PGlite served over its socket server so that TypeORM can use the ordinary `pg` driver.
 * The socket server accepts one connection, so the pool must have exactly one.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockPath: string | null,
    readonly address: EmbeddedAddress,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedDatabase> {
    const inMemory = dataDir === 'memory://';
    const lockPath = inMemory ? null : acquireLock(dataDir);
    try {
      const db = await PGlite.create(inMemory ? 'memory://' : join(dataDir, 'pgdata'));
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
      await server.start();
      const conn = server.getServerConn();
      const port = Number(conn.slice(conn.lastIndexOf(':') + 1));
      return new EmbeddedDatabase(db, server, lockPath, {
        host: '127.0.0.1',
        port,
        username: 'postgres',
        database: 'postgres',
      });
    } catch (error) {
      if (lockPath) rmSync(lockPath, { force: true });
      throw error;
    }
  }

  /** Stops accepting connections, then closes the database cleanly so the next start needs no recovery. */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockPath) rmSync(this.lockPath, { force: true });
  }
}
