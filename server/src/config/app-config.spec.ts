import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('gives safe development defaults with the embedded database', () => {
    const config = loadConfig({ INIT_CWD: '/srv/palma' });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: expect.stringMatching(/\.palma-data$/) });
    expect(config.seedDemo).toBe(true);
    expect(config.session.cookieSecure).toBe(false);
    expect(config.redisUrl).toBeNull();
  });

  it('resolves a relative DATA_DIR against the directory npm was run from', () => {
    expect(loadConfig({ INIT_CWD: '/srv/palma', DATA_DIR: 'data' }).database).toEqual({
      kind: 'embedded',
      dataDir: '/srv/palma/data',
    });
  });

  it('switches to PostgreSQL and stops seeding demo data when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/palma', DATABASE_POOL_SIZE: '5' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/palma', poolSize: 5 });
    expect(config.seedDemo).toBe(false);
  });

  it('reads reminder offsets as sorted distinct days', () => {
    expect(loadConfig({}).reminderDays).toEqual([1, 7, 14]);
    expect(loadConfig({ REMINDER_DAYS: '3,30,3' }).reminderDays).toEqual([3, 30]);
    expect(() => loadConfig({ REMINDER_DAYS: 'soon' })).toThrow(/REMINDER_DAYS/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).database.kind).toBe('embedded');
  });

  it('lists every bad value at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'http://r',
        SESSION_SECRET: 'short',
      });
      expect.unreachable('loadConfig accepted a bad environment');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/REDIS_URL/);
      expect(problems).toMatch(/SESSION_SECRET/);
    }
  });

  it('refuses production without a session secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: is required/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).session.cookieSecure).toBe(
      true,
    );
  });
});
