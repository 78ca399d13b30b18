import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerAs,
  follow,
  hostGame,
  HOSTED,
  joinAsEmployee,
  joinAsGuest,
  liveAnswer,
  liveCredits,
  NEXT,
  phaseIs,
  playerSocket,
  questionRound,
  revealedTo,
  SKIP,
} from '../../factories/live.factory.js';
import type { AnyData } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';
import { wsClient } from '../../utils/ws.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const board = (state: AnyData) =>
  state.leaderboard.map((s: AnyData) => [s.rank, s.nickname, s.score, s.alive]);

describe('a Golden Bell game', () => {
  it('eliminates wrong and missing answers, lets the fallen answer for honour, revives once, ranks the standing first', async () => {
    // Fair scoring: every correct answer is worth exactly 1000, so the standings are exact.
    const { host, questions, game } = await hostGame(
      app,
      { mode: 'GOLDEN_BELL', speedWeighted: false, streakBonus: false, creditMinutes: 5 },
      ([q0, q1, q2]) => [q0, q1, q2, q0, q1].map((q) => questionRound(q)),
    );
    const [q0, q1, q2] = questions;
    const a = await joinAsEmployee(app, game.pin, { name: '가청렴' });
    const b = await joinAsEmployee(app, game.pin, { name: '나공정' });
    const c = await joinAsEmployee(app, game.pin, { name: '다정직' });
    const d = await joinAsGuest(app, game.pin, '라손님');
    const players = [a, b, c, d];
    const sockets = [wsClient(app.url, host.cookie), ...players.map((p) => playerSocket(app, p))];
    try {
      const screen = follow(sockets[0], game.id, null);
      const [va, vb, vc, vd] = players.map((p, i) => follow(sockets[i + 1], game.id, p.join.playerToken));
      await Promise.all([va, vb, vc, vd].map((v) => v.until((u) => u.me !== null)));

      // Round 0: every standing player misses (three wrong, one silent) — nobody leaves.
      await host.ok(NEXT, { g: game.id, r: -1 });
      for (const p of [a, c, d]) await answerAs(p, 0, liveAnswer(q0, false));
      const r0 = (await host.ok(SKIP, { g: game.id, r: 0 })).skipLiveRound;
      expect(r0.reveal).toMatchObject({ answered: 3, correct: 0, eliminated: 0 });
      expect(r0.aliveCount).toBe(4);
      expect(r0.revivalAvailable).toBe(false);
      for (const v of [va, vb, vc, vd]) expect((await v.until(revealedTo(0))).me.alive).toBe(true);

      // Round 1: a wrong answer (다정직) and a missing one (라손님) eliminate.
      await host.ok(NEXT, { g: game.id, r: 0 });
      await answerAs(a, 1, liveAnswer(q1, true));
      await answerAs(b, 1, liveAnswer(q1, true));
      await answerAs(c, 1, liveAnswer(q1, false));
      const r1 = (await host.ok(SKIP, { g: game.id, r: 1 })).skipLiveRound;
      expect(r1.reveal).toMatchObject({ answered: 3, correct: 2, eliminated: 2 });
      expect(r1.aliveCount).toBe(2);
      expect(r1.revivalAvailable).toBe(true);
      expect((await vc.until(revealedTo(1))).me).toMatchObject({ alive: false, score: 0 });
      expect((await vd.until(revealedTo(1))).me).toMatchObject({
        alive: false,
        last: { answered: false },
      });
      expect((await va.until(revealedTo(1))).me).toMatchObject({ alive: true, score: 1000 });

      // Round 2: the eliminated 다정직 answers for honour — accepted, but the round waits for the
      // standing players, and it earns no points.
      await host.ok(NEXT, { g: game.id, r: 1 });
      expect((await answerAs(c, 2, liveAnswer(q2, true))).duplicate).toBe(false);
      await answerAs(a, 2, liveAnswer(q2, true));
      await new Promise((r) => setTimeout(r, 700));
      expect((await host.ok(HOSTED, { g: game.id })).hostedLiveGame.phase).toBe('OPEN');
      await answerAs(b, 2, liveAnswer(q2, false)); // the last standing answer: the round closes
      const r2 = (await screen.until(phaseIs('REVEAL', 2))).state;
      expect(r2.reveal).toMatchObject({ answered: 3, correct: 2, eliminated: 1 });
      expect(r2.aliveCount).toBe(1);
      expect((await vc.until(revealedTo(2))).me).toMatchObject({
        alive: false,
        score: 0,
        last: { round: 2, answered: true, correct: true, forHonour: true, points: 0 },
      });
      expect((await va.until(revealedTo(2))).me).toMatchObject({
        score: 2000,
        last: { correct: true, forHonour: false, points: 1000 },
      });
      expect((await vb.until(revealedTo(2))).me).toMatchObject({ alive: false, score: 1000 });
      // Standing first, then who lasted longer (나공정 fell in round 2, the others in round 1).
      expect(board(r2)).toEqual([
        [1, '가청렴', 2000, true],
        [2, '나공정', 1000, false],
        [3, '다정직', 0, false],
        [3, '라손님', 0, false],
      ]);

      // Round 3 is the revival round: only the eliminated play; a right answer brings one back.
      const r3open = (await host.ok(NEXT, { g: game.id, r: 2, rev: true })).nextLiveRound;
      expect(r3open.question).toMatchObject({ round: 3, revival: true });
      await answerAs(c, 3, liveAnswer(q0, true));
      await answerAs(b, 3, liveAnswer(q0, false));
      await answerAs(d, 3, liveAnswer(q0, false)); // every eliminated player answered: it closes
      const r3 = (await screen.until(phaseIs('REVEAL', 3))).state;
      expect(r3.reveal).toMatchObject({ answered: 3, correct: 1, eliminated: 0, revived: 1 });
      expect(r3.aliveCount).toBe(2);
      expect(r3.revivalAvailable).toBe(false);
      expect((await vc.until(revealedTo(3))).me).toMatchObject({
        alive: true,
        score: 1000,
        last: { correct: true, forHonour: false, points: 1000 },
      });
      expect((await vb.until(revealedTo(3))).me.alive).toBe(false);
      // The standing player who sat the revival out is still standing.
      expect((await va.until(revealedTo(3))).me).toMatchObject({ alive: true, score: 2000 });
      // 다정직 (standing, 1000) ranks above 나공정 (eliminated, also 1000).
      expect(board(r3)).toEqual([
        [1, '가청렴', 2000, true],
        [2, '다정직', 1000, true],
        [3, '나공정', 1000, false],
        [4, '라손님', 0, false],
      ]);

      // Only one revival round per game.
      expect(await host.code(NEXT, { g: game.id, r: 3, rev: true })).toBe('REVIVAL_USED');

      // Round 4: both standing players miss — nobody leaves; then the podium and the credits.
      await host.ok(NEXT, { g: game.id, r: 3 });
      const r4 = (await host.ok(SKIP, { g: game.id, r: 4 })).skipLiveRound;
      expect(r4.reveal.eliminated).toBe(0);
      expect(r4.aliveCount).toBe(2);
      const finished = (await host.ok(NEXT, { g: game.id, r: 4 })).nextLiveRound;
      expect(finished.phase).toBe('FINISHED');
      expect(board(finished)).toEqual([
        [1, '가청렴', 2000, true],
        [2, '다정직', 1000, true],
        [3, '나공정', 1000, false],
        [4, '라손님', 0, false],
      ]);
      // XP by final place: standing players take the first places.
      expect(await liveCredits(app, a.personId!)).toEqual([{ minutes: 5, xp: 50 }]);
      expect(await liveCredits(app, c.personId!)).toEqual([{ minutes: 5, xp: 40 }]);
      expect(await liveCredits(app, b.personId!)).toEqual([{ minutes: 5, xp: 30 }]);
      for (const v of [screen, va, vb, vc, vd]) expect(v.errors).toEqual([]);
    } finally {
      await Promise.all(sockets.map((s) => s.dispose()));
    }
  });

  it('refuses a revival round outside Golden Bell', async () => {
    const { host, game } = await hostGame(app);
    expect(await host.code(NEXT, { g: game.id, r: -1, rev: true })).toBe('GAME_PHASE_CONFLICT');
    // The refusal moved nothing: the game is still in its lobby and starts normally.
    expect((await host.ok(HOSTED, { g: game.id })).hostedLiveGame.phase).toBe('LOBBY');
    expect((await host.ok(NEXT, { g: game.id, r: -1 })).nextLiveRound.question.revival).toBe(false);
  });
});
