import { LiveLimits, scoreAnswer, speedFactor } from '@palma/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerAs,
  answerCode,
  follow,
  hostGame,
  HOSTED,
  joinAsGuest,
  liveAnswer,
  NEXT,
  PAUSE,
  phaseIs,
  playerSocket,
  questionRound,
  RESUME,
  revealedTo,
  storedAnswers,
} from '../../factories/live.factory.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';
import { wsClient } from '../../utils/ws.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The game's clock columns as the server recorded them (epoch ms, read as the server reads them). */
async function clockOf(gameId: string): Promise<{ openedAt: number | null; endsAt: number | null }> {
  const [row] = await app.dataSource.query(
    `SELECT opened_at AS "openedAt", phase_ends_at AS "endsAt" FROM live_games WHERE id = $1`,
    [gameId],
  );
  return { openedAt: row.openedAt?.getTime() ?? null, endsAt: row.endsAt?.getTime() ?? null };
}

describe('the live clock', () => {
  it('shows the question during the lead-in and opens answers by itself when it ends', async () => {
    const { host, questions, game } = await hostGame(app, {}, ([q0]) => [questionRound(q0, 20, 2)]);
    const p = await joinAsGuest(app, game.pin, '대기자');
    const ws = playerSocket(app, p);
    try {
      const view = follow(ws, game.id, p.join.playerToken);
      await view.until((u) => u.me !== null);
      const leadIn = (await host.ok(NEXT, { g: game.id, r: -1 })).nextLiveRound;
      expect(leadIn).toMatchObject({ phase: 'LEAD_IN', round: 0 });
      expect(leadIn.question.choices).toHaveLength(4);
      expect(leadIn.phaseEndsAt - leadIn.serverNow).toBeLessThanOrEqual(2_000);
      expect(await clockOf(game.id)).toEqual({ openedAt: null, endsAt: leadIn.phaseEndsAt });
      // Reading time is not answering time.
      expect(await answerCode(p, 0, liveAnswer(questions[0], true))).toBe('QUESTION_NOT_OPEN');

      // Nobody clicks: answers open when the lead-in is over (within a tick of the clock).
      const open = await view.until(phaseIs('OPEN', 0), 4_000);
      const clock = await clockOf(game.id);
      expect(clock.openedAt).toBeGreaterThanOrEqual(leadIn.phaseEndsAt);
      expect(clock.openedAt! - leadIn.phaseEndsAt).toBeLessThan(1_000);
      expect(clock.endsAt! - clock.openedAt!).toBe(20_000);
      expect(open.state.phaseEndsAt).toBe(clock.endsAt);
      expect((await answerAs(p, 0, liveAnswer(questions[0], true))).duplicate).toBe(false);
      expect(view.errors).toEqual([]);
    } finally {
      await ws.dispose();
    }
  });

  it('closes a round when its time is up, takes answers within the grace, refuses them after', async () => {
    const { host, questions, game } = await hostGame(app, {}, ([q0]) => [questionRound(q0, 5)]);
    const q0 = questions[0];
    const early = await joinAsGuest(app, game.pin, '빠름');
    const late = await joinAsGuest(app, game.pin, '아슬');
    const tooLate = await joinAsGuest(app, game.pin, '늦음');
    const screenWs = wsClient(app.url, host.cookie);
    const lateWs = playerSocket(app, late);
    try {
      const screen = follow(screenWs, game.id, null);
      const lateView = follow(lateWs, game.id, late.join.playerToken);
      await screen.until(phaseIs('LOBBY'));
      const open = (await host.ok(NEXT, { g: game.id, r: -1 })).nextLiveRound;
      const clock = await clockOf(game.id);
      expect(clock.endsAt! - clock.openedAt!).toBe(5_000);
      expect(open.phaseEndsAt).toBe(clock.endsAt);
      const receipt = await answerAs(early, 0, liveAnswer(q0, true));
      expect(receipt.receivedAt).toBeLessThan(open.phaseEndsAt);

      // Just past the limit (same machine, same clock): inside the grace, scored as at the limit.
      await sleep(open.phaseEndsAt + 100 - Date.now());
      expect(await answerAs(late, 0, liveAnswer(q0, true))).toMatchObject({ duplicate: false });

      // Nobody clicks anything: the server closes the round at limit + grace, within a clock tick.
      const revealed = await screen.until(phaseIs('REVEAL', 0), 7_000);
      const at = screen.arrivals[screen.updates.indexOf(revealed)];
      expect(at).toBeGreaterThanOrEqual(open.phaseEndsAt + LiveLimits.graceMs - 50);
      expect(at - clock.openedAt!).toBeLessThan(6_500);
      expect(revealed.state.reveal).toMatchObject({ answered: 2, correct: 2 });
      expect((await lateView.until(revealedTo(0))).me.last).toMatchObject({ answered: true, points: 500 });

      // After the close nothing is taken, and nothing is stored.
      expect(await answerCode(tooLate, 0, liveAnswer(q0, true))).toBe('QUESTION_NOT_OPEN');
      const stored = await storedAnswers(app, game.id, 0);
      expect([...stored.keys()].sort()).toEqual([early.join.playerId, late.join.playerId].sort());
      expect(stored.get(late.join.playerId)!.elapsedMs).toBeGreaterThan(5_000);
      expect(screen.errors).toEqual([]);
    } finally {
      await Promise.all([screenWs.dispose(), lateWs.dispose()]);
    }
  });

  it('pauses with the time left, refuses answers while paused and does not count the pause', async () => {
    const { host, questions, game } = await hostGame(app, {}, ([q0]) => [questionRound(q0, 20)]);
    const q0 = questions[0];
    const p = await joinAsGuest(app, game.pin, '일시정지');
    const started = Date.now();
    await host.ok(NEXT, { g: game.id, r: -1 });
    await sleep(1_000);
    const paused = (await host.ok(PAUSE, { g: game.id })).pauseLiveGame;
    expect(paused).toMatchObject({ phase: 'PAUSED', phaseEndsAt: null });
    expect(paused.pausedRemainingMs).toBeLessThanOrEqual(19_000);
    expect(paused.pausedRemainingMs).toBeGreaterThan(20_000 - (Date.now() - started));
    expect(await answerCode(p, 0, liveAnswer(q0, true))).toBe('QUESTION_NOT_OPEN');
    expect((await storedAnswers(app, game.id, 0)).size).toBe(0);
    // Pausing again changes nothing.
    expect((await host.ok(PAUSE, { g: game.id })).pauseLiveGame.pausedRemainingMs).toBe(
      paused.pausedRemainingMs,
    );

    await sleep(1_500);
    expect((await host.ok(HOSTED, { g: game.id })).hostedLiveGame.phase).toBe('PAUSED');
    const resumed = (await host.ok(RESUME, { g: game.id })).resumeLiveGame;
    expect(resumed).toMatchObject({ phase: 'OPEN', pausedRemainingMs: null });
    // The round ends as much later as it was paused: still 20 s of answering time in all (give or
    // take the few milliseconds between the clock readings of one statement on a busy machine).
    const clock = await clockOf(game.id);
    expect(resumed.phaseEndsAt).toBe(clock.endsAt);
    expect(Math.abs(clock.endsAt! - clock.openedAt! - 20_000)).toBeLessThan(100);
    // Resuming a running round changes nothing.
    expect((await host.ok(RESUME, { g: game.id })).resumeLiveGame.phaseEndsAt).toBe(resumed.phaseEndsAt);
    await answerAs(p, 0, liveAnswer(q0, true));
    const wall = Date.now() - started;
    // A second or so of answering time went by; the 1.5 s pause is not part of it.
    const elapsed = (await storedAnswers(app, game.id, 0)).get(p.join.playerId)!.elapsedMs;
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThanOrEqual(wall - 1_500);
  });

  it('weights points by speed and streak — or not at all when the host chooses fair scoring', async () => {
    for (const fair of [false, true]) {
      const settings = { speedWeighted: !fair, streakBonus: !fair };
      const { host, questions, game } = await hostGame(app, settings);
      const [q0, q1] = questions;
      const quick = await joinAsGuest(app, game.pin, '번개');
      const slow = await joinAsGuest(app, game.pin, '거북');
      const sockets = [quick, slow].map((p) => playerSocket(app, p));
      try {
        const [vQuick, vSlow] = [quick, slow].map((p, i) => follow(sockets[i], game.id, p.join.playerToken));
        await host.ok(NEXT, { g: game.id, r: -1 });
        await answerAs(quick, 0, liveAnswer(q0, true));
        await sleep(1_000);
        await answerAs(slow, 0, liveAnswer(q0, true));
        await vQuick.until(revealedTo(0)); // both answered: closed by itself
        await host.ok(NEXT, { g: game.id, r: 0 });
        await answerAs(quick, 1, liveAnswer(q1, true));
        await answerAs(slow, 1, liveAnswer(q1, true));
        const [mQuick, mSlow] = [
          (await vQuick.until(revealedTo(1))).me,
          (await vSlow.until(revealedTo(1))).me,
        ];

        const expected = async (playerId: string) => {
          let streak = 0;
          let total = 0;
          const points: number[] = [];
          for (const round of [0, 1]) {
            const a = (await storedAnswers(app, game.id, round)).get(playerId)!;
            const s = scoreAnswer({
              correct: true,
              elapsedMs: a.elapsedMs,
              limitMs: 20_000,
              streakBefore: streak,
              ...settings,
            });
            expect(a.points).toBe(s.points);
            streak = s.streak;
            total += s.points;
            points.push(s.points);
          }
          return { total, points };
        };
        const eQuick = await expected(quick.join.playerId);
        const eSlow = await expected(slow.join.playerId);
        expect(mQuick).toMatchObject({ score: eQuick.total, streak: 2 });
        expect(mSlow).toMatchObject({ score: eSlow.total, streak: 2 });
        if (fair) {
          expect(eQuick.points).toEqual([1000, 1000]);
          expect(eSlow.points).toEqual([1000, 1000]);
        } else {
          // A second's delay in 20 s costs 2.5 % (25 points, give or take rounding)…
          expect(eQuick.points[0] - eSlow.points[0]).toBeGreaterThanOrEqual(24);
          expect(eSlow.points[0]).toBeLessThanOrEqual(975);
          // …and the second right answer in a row earns 100 on top of the speed points.
          const second = (await storedAnswers(app, game.id, 1)).get(quick.join.playerId)!;
          expect(eQuick.points[1]).toBe(Math.round(1000 * speedFactor(second.elapsedMs, 20_000)) + 100);
        }
      } finally {
        await Promise.all(sockets.map((s) => s.dispose()));
      }
    }
  });
});
