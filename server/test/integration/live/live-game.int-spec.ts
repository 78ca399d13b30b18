import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../factories/org.factory.js';
import {
  ANSWER,
  END,
  follow,
  hostGame,
  HOSTED,
  JOIN,
  liveAnswer,
  NEXT,
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

const guestSocket = (token: string) => wsClient(app.url, null, undefined, { playerToken: token });

describe('a classic live game', () => {
  it('runs from lobby to podium: joins, timed answers, reveal, points, credits once', async () => {
    const { host, questions, game } = await hostGame(app, { creditMinutes: 15 });
    expect(game).toMatchObject({ phase: 'LOBBY', roundCount: 3 });
    expect(game.pin).toMatch(/^[1-9][0-9]{5}$/);

    const { client: kim, person: kimPerson } = await signedIn(app, { name: '김청렴' });
    const { client: lee } = await signedIn(app, { name: '이공정' });
    const guest = app.client();
    const kimJoin = (await kim.ok(JOIN, { pin: game.pin })).joinLiveGame;
    const leeJoin = (await lee.ok(JOIN, { pin: game.pin })).joinLiveGame;
    const guestJoin = (await guest.ok(JOIN, { pin: game.pin, n: ' 시민\u200b123 ' })).joinLiveGame;
    expect(kimJoin.nickname).toBe('김청렴');
    expect(guestJoin.nickname).toBe('시민 123');
    // Joining again is the same player (a reconnect).
    expect((await kim.ok(JOIN, { pin: game.pin })).joinLiveGame.playerId).toBe(kimJoin.playerId);

    const hostWs = wsClient(app.url, host.cookie);
    const kimWs = wsClient(app.url, kim.cookie);
    const gWs = guestSocket(guestJoin.playerToken);
    try {
      const screen = follow(hostWs, game.id, null);
      const kimView = follow(kimWs, game.id, kimJoin.playerToken);
      const guestView = follow(gWs, game.id, guestJoin.playerToken);
      await screen.until((u) => u.state?.phase === 'LOBBY' && u.state.playerCount === 3);
      await guestView.until((u) => u.me?.nickname === '시민 123');

      // Round 0: open at once (no lead-in); no key anywhere before the reveal.
      const opened = (await host.ok(NEXT, { g: game.id, r: -1 })).nextLiveRound;
      expect(opened).toMatchObject({ phase: 'OPEN', round: 0 });
      expect(opened.reveal).toBeNull();
      const open = await kimView.until((u) => u.state?.phase === 'OPEN');
      expect(JSON.stringify(open)).not.toMatch(/correct"?:\s*true/);
      expect(open.state.question.choices).toHaveLength(4);

      const q0 = questions[0];
      const ack = (
        await kim.ok(ANSWER, { g: game.id, t: kimJoin.playerToken, r: 0, a: liveAnswer(q0, true) })
      ).answerLiveRound;
      expect(ack).toMatchObject({ round: 0, duplicate: false });
      // A second answer keeps the first.
      const again = (
        await kim.ok(ANSWER, { g: game.id, t: kimJoin.playerToken, r: 0, a: liveAnswer(q0, false) })
      ).answerLiveRound;
      expect(again).toMatchObject({ duplicate: true, receivedAt: ack.receivedAt });
      // Someone else's token cannot answer for kim; a forged one is refused.
      expect(
        await guest.code(ANSWER, { g: game.id, t: 'LP1.forged.token', r: 0, a: liveAnswer(q0, true) }),
      ).toBe('PLAYER_TOKEN_INVALID');
      // Not the open round.
      expect(
        await lee.code(ANSWER, {
          g: game.id,
          t: leeJoin.playerToken,
          r: 1,
          a: liveAnswer(questions[1], true),
        }),
      ).toBe('QUESTION_NOT_OPEN');
      await lee.ok(ANSWER, { g: game.id, t: leeJoin.playerToken, r: 0, a: liveAnswer(q0, false) });
      await guest.ok(ANSWER, { g: game.id, t: guestJoin.playerToken, r: 0, a: liveAnswer(q0, true) });

      // Everyone answered: the round closes by itself and is scored.
      const revealed = await screen.until((u) => u.state?.phase === 'REVEAL' && u.state.round === 0);
      expect(revealed.state.reveal).toMatchObject({ answered: 3, correct: 2 });
      expect(revealed.state.reveal.correctIds).toEqual([q0.options.find((o: AnyData) => o.correct).id]);
      expect(revealed.state.leaderboard.map((s: AnyData) => s.nickname).sort()).toEqual(
        ['김청렴', '시민 123', '이공정'].sort(),
      );
      const kimAfter = await kimView.until((u) => u.me?.last?.round === 0);
      expect(kimAfter.me.last).toMatchObject({ answered: true, correct: true });
      expect(kimAfter.me.score).toBeGreaterThan(500);
      expect(kimAfter.me.score).toBeLessThanOrEqual(1000);
      expect(kimAfter.me.streak).toBe(1);
      expect(
        await guest.code(ANSWER, { g: game.id, t: guestJoin.playerToken, r: 0, a: liveAnswer(q0, true) }),
      ).toBe(
        undefined, // the first answer's receipt comes back, even after the close
      );

      // Round 1: the host skips before anyone answers — nobody scores, streaks end.
      await host.ok(NEXT, { g: game.id, r: 0 });
      // A retried "next" (same fromRound) does not skip a round.
      expect((await host.ok(NEXT, { g: game.id, r: 0 })).nextLiveRound.round).toBe(1);
      const skipped = (await host.ok(SKIP, { g: game.id, r: 1 })).skipLiveRound;
      expect(skipped).toMatchObject({ phase: 'REVEAL', round: 1 });
      expect(skipped.reveal.answered).toBe(0);
      const kimSkipped = await kimView.until((u) => u.me?.last?.round === 1);
      expect(kimSkipped.me).toMatchObject({ streak: 0, last: { answered: false, points: 0 } });

      // Round 2, then the end: podium and credits.
      await host.ok(NEXT, { g: game.id, r: 1 });
      await kim.ok(ANSWER, { g: game.id, t: kimJoin.playerToken, r: 2, a: liveAnswer(questions[2], true) });
      await host.ok(SKIP, { g: game.id, r: 2 });
      const finished = (await host.ok(NEXT, { g: game.id, r: 2 })).nextLiveRound;
      expect(finished.phase).toBe('FINISHED');
      expect(finished.leaderboard[0]).toMatchObject({ rank: 1, nickname: '김청렴', correct: 2 });
      await kimView.until((u) => u.state?.phase === 'FINISHED');

      const credits = async () =>
        (await app.dataSource.query(
          `SELECT minutes, xp FROM credit_entries WHERE person_id = $1 AND source_kind = 'LIVE_GAME'`,
          [kimPerson.id],
        )) as { minutes: number; xp: number }[];
      expect(await credits()).toEqual([{ minutes: 15, xp: 50 }]);
      // Ending again changes nothing and credits nothing twice.
      expect((await host.ok(END, { g: game.id })).endLiveGame.phase).toBe('FINISHED');
      expect(await credits()).toHaveLength(1);
      expect(screen.errors).toEqual([]);
      expect(kimView.errors).toEqual([]);
      expect(guestView.errors).toEqual([]);
    } finally {
      await Promise.all([hostWs.dispose(), kimWs.dispose(), gWs.dispose()]);
    }
  });

  it('shows the host the game as it is, and nobody else', async () => {
    const { host, game } = await hostGame(app);
    expect((await host.ok(HOSTED, { g: game.id })).hostedLiveGame.phase).toBe('LOBBY');
    const { client: other } = await signedIn(app, { roles: ['TRAINER'] });
    expect(await other.code(HOSTED, { g: game.id })).toBe('FORBIDDEN');
    const { client: employee } = await signedIn(app);
    expect(await employee.code(NEXT, { g: game.id, r: -1 })).toBe('FORBIDDEN');
  });
});
