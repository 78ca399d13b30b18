import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BY_PIN, hostGame, JOIN } from '../../factories/live.factory.js';
import { PIN_POLICY } from '../../../src/modules/live/live-games.service.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

// The limit counts per address and every test here comes from 127.0.0.1: an app of its own.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('guessing PINs', () => {
  it('is cut off after a few wrong PINs, while right ones cost nothing', async () => {
    const { game } = await hostGame(app);
    const guest = app.client();
    // Right PINs do not count.
    for (let i = 0; i < PIN_POLICY.points + 2; i++) {
      expect((await guest.ok(BY_PIN, { pin: game.pin })).liveGameByPin.gameId).toBe(game.id);
    }
    const wrong = String(((Number(game.pin) - 100_000 + 1) % 900_000) + 100_000);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < PIN_POLICY.points; i++) {
      codes.push(await guest.code(JOIN, { pin: i % 2 ? 'abc' : wrong, n: `추측${i}` }));
    }
    expect(codes).toEqual(Array.from({ length: PIN_POLICY.points }, () => 'GAME_NOT_FOUND'));
    // Now every lookup from this address waits, the right PIN too, by query or by join.
    const limited = await guest.gql(BY_PIN, { pin: wrong });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(PIN_POLICY.blockSeconds!);
    expect(await app.client().code(BY_PIN, { pin: game.pin })).toBe('RATE_LIMITED');
    expect(await app.client().code(JOIN, { pin: game.pin, n: '정답' })).toBe('RATE_LIMITED');
  });
});
