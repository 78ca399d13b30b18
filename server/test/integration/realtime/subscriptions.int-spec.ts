import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../factories/org.factory.js';
import { createPrivateDatabase, onRealPostgres, startTestApp, type TestApp } from '../../utils/test-app.js';
import { redisReachable } from '../../utils/redis.js';
import { take, wsClient } from '../../utils/ws.js';

type PingEvent = { pings: { message: string; origin: string } };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('websocket subscriptions', () => {
  it('deliver published events to a socket authenticated by the session cookie', async () => {
    const { client } = await signedIn(app);
    const ws = wsClient(app.url, client.cookie);
    try {
      const sub = take<PingEvent>(ws, `subscription { pings { message origin } }`, 2);
      await sub.ready;
      await client.ok(`mutation { ping(message: "one") }`);
      await client.ok(`mutation { ping(message: "two") }`);
      expect((await sub.done).map((e) => e.pings.message)).toEqual(['one', 'two']);
    } finally {
      await ws.dispose();
    }
  });

  it('close a socket without a valid session (4403)', async () => {
    for (const cookie of [null, 'palma_session=forged-token']) {
      const closed = new Promise<number>((resolve) => {
        const ws = wsClient(app.url, cookie, resolve);
        ws.subscribe(
          { query: `subscription { pings { message } }` },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        );
      });
      expect(await closed).toBe(4403);
    }
  });

  it('close the socket of a session that was signed out before connecting', async () => {
    const { client } = await signedIn(app);
    const cookie = client.cookie;
    await client.ok(`mutation { logout }`);
    const code = await new Promise<number>((resolve) => {
      const ws = wsClient(app.url, cookie, resolve);
      ws.subscribe(
        { query: `subscription { pings { message } }` },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    expect(code).toBe(4403);
  });

  it('apply the depth limit to subscriptions too', async () => {
    const { client } = await signedIn(app);
    const ws = wsClient(app.url, client.cookie);
    try {
      // Deeper than any real path (fragments add no level): the depth rule answers first.
      const deep = `subscription { pings { ${'a { '.repeat(11)}b${' }'.repeat(11)} } }`;
      const error = await new Promise<unknown>((resolve) => {
        ws.subscribe(
          { query: deep },
          { next: () => undefined, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(JSON.stringify(error)).toMatch(/QUERY_TOO_DEEP|depth/);
    } finally {
      await ws.dispose();
    }
  });
});

describe('several server processes', () => {
  it('share subscriptions through Redis: publish on one, receive on the other', async (ctx) => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (!onRealPostgres || !(await redisReachable(redisUrl))) {
      console.warn(
        'SKIPPED two-process Redis test: needs DATABASE_URL (shared PostgreSQL) and a reachable Redis',
      );
      ctx.skip();
      return;
    }
    const db = await createPrivateDatabase(process.env.DATABASE_URL!);
    const env = { REDIS_URL: redisUrl };
    const one = await startTestApp({ databaseUrl: db.url, env });
    const two = await startTestApp({ databaseUrl: db.url, env });
    try {
      const { client } = await signedIn(one);
      const onTwo = two.client();
      onTwo.cookie = client.cookie; // the same session works on every process
      const ws = wsClient(one.url, client.cookie);
      const sub = take<PingEvent>(ws, `subscription { pings { message } }`, 1);
      await sub.ready;
      await onTwo.ok(`mutation { ping(message: "across processes") }`);
      expect((await sub.done)[0].pings.message).toBe('across processes');
      await ws.dispose();
    } finally {
      await one.close();
      await two.close();
      await db.drop();
    }
  });
});
