import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { createPalma } from '../../../src/bootstrap.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { DataDirLockedError, EmbeddedDatabase } from '../../../src/database/embedded-database.js';
import { DEMO_PASSWORD, demoPeople } from '../../../src/database/seeds/demo-organisation.js';
import { GqlClient } from '../../utils/gql.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'palma-embedded-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('embedded database', () => {
  it('refuses a data directory held by another live process, with a clear message', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'palma.lock'), String(holder.pid));
      const attempt = EmbeddedDatabase.start(dir);
      await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(attempt).rejects.toThrow(`already in use by another Palma process (pid ${holder.pid})`);
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(join(dir, 'palma.lock'), String(gone.pid));
    const db = await EmbeddedDatabase.start(dir);
    await db.stop();
    // Starting PGlite takes seconds on a busy machine.
  }, 60_000);

  it('is created, migrated and seeded on the first start and reused on the next', async () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'error', NODE_ENV: 'test' });
    expect(config.seedDemo).toBe(true);

    const first = await createPalma(config);
    const count = async (palma: typeof first) =>
      (await palma.app.get(DataSource).query(`SELECT count(*)::int AS n FROM people`))[0].n;
    expect(await count(first)).toBe(demoPeople().length);
    await first.app
      .get(DataSource)
      .query(`UPDATE people SET name = '이름 바꿈' WHERE employee_number = 'P0004'`);
    await first.close();

    const second = await createPalma(config);
    try {
      expect(await count(second)).toBe(demoPeople().length);
      const [{ name }] = await second.app
        .get(DataSource)
        .query(`SELECT name FROM people WHERE employee_number = 'P0004'`);
      expect(name).toBe('이름 바꿈');
      await second.app.listen(0, '127.0.0.1');
      const client = new GqlClient(
        `http://127.0.0.1:${(second.app.getHttpServer().address() as { port: number }).port}`,
      );
      await client.login('employee@palma.go.kr', DEMO_PASSWORD);
      expect((await client.ok(`{ me { person { employeeNumber } } }`)).me.person.employeeNumber).toBe(
        'P0004',
      );
    } finally {
      await second.close();
    }
  }, 120_000);
});
