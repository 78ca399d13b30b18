import { randomBytes } from 'node:crypto';
import { BALLOON_HIT_POINTS, BALLOON_MISS_POINTS, BALLOON_PRACTICES } from '@palma/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, signedIn } from '../../factories/org.factory.js';
import {
  answerAs,
  answerCode,
  BY_PIN,
  follow,
  hostGame,
  HOSTED,
  JOIN,
  joinAsEmployee,
  joinAsGuest,
  liveAnswer,
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

describe('a team battle', () => {
  it('puts employees in their department and guests in a team they pick; ranks teams by average points', async () => {
    const tag = randomBytes(3).toString('hex');
    const small = await createDepartment(app.dataSource, { nameKo: `감사실 ${tag}` });
    const big = await createDepartment(app.dataSource, { nameKo: `총무과 ${tag}` });
    const { host, questions, game } = await hostGame(app, {
      mode: 'TEAM_BATTLE',
      guestTeams: ['Blue', 'Green'],
      speedWeighted: false,
      streakBonus: false,
    });
    const [q0] = questions;
    expect((await app.client().ok(BY_PIN, { pin: game.pin })).liveGameByPin.guestTeams).toEqual([
      'Blue',
      'Green',
    ]);

    // Guests must pick one of the offered teams.
    const stranger = app.client();
    expect(await stranger.code(JOIN, { pin: game.pin, n: '무소속' })).toBe('TEAM_INVALID');
    expect(await stranger.code(JOIN, { pin: game.pin, n: '무소속', t: 'Red' })).toBe('TEAM_INVALID');
    const g1 = await joinAsGuest(app, game.pin, '파랑1', 'Blue');
    const g2 = await joinAsGuest(app, game.pin, '파랑2', ' Blue ');
    expect([g1.join.team, g2.join.team]).toEqual(['Blue', 'Blue']);

    // Employees play for their department, whatever team they ask for.
    const s1 = await joinAsEmployee(app, game.pin, { departmentId: small.id });
    const bigs = [
      await joinAsEmployee(app, game.pin, { departmentId: big.id }),
      await joinAsEmployee(app, game.pin, { departmentId: big.id }),
    ];
    const { client: b3client } = await signedIn(app, { departmentId: big.id });
    const b3join = (await b3client.ok(JOIN, { pin: game.pin, t: 'Blue' })).joinLiveGame;
    expect(b3join.team).toBe(`총무과 ${tag}`);
    expect(s1.join.team).toBe(`감사실 ${tag}`);
    const b3 = { client: b3client, join: b3join, personId: null };

    const screenWs = wsClient(app.url, host.cookie);
    try {
      const screen = follow(screenWs, game.id, null);
      const open = (await host.ok(NEXT, { g: game.id, r: -1 })).nextLiveRound;
      expect(open.teams).toEqual([]); // no standings while a round is open
      await answerAs(s1, 0, liveAnswer(q0, true));
      for (const b of bigs) await answerAs(b, 0, liveAnswer(q0, true));
      await answerAs(b3, 0, liveAnswer(q0, false));
      await answerAs(g1, 0, liveAnswer(q0, true));
      await host.ok(SKIP, { g: game.id, r: 0 }); // 파랑2 never answers
      const revealed = (await screen.until(phaseIs('REVEAL', 0))).state;
      // 1000 / 1 beats 2000 / 3, which beats 1000 / 2: the one-person department wins.
      expect(revealed.teams).toEqual([
        { rank: 1, team: `감사실 ${tag}`, members: 1, average: 1000, total: 1000 },
        { rank: 2, team: `총무과 ${tag}`, members: 3, average: 666.7, total: 2000 },
        { rank: 3, team: 'Blue', members: 2, average: 500, total: 1000 },
      ]);
      expect(
        revealed.leaderboard.filter((s: AnyData) => s.team === 'Blue').map((s: AnyData) => s.score),
      ).toEqual([1000, 0]);
      expect(screen.errors).toEqual([]);
    } finally {
      await screenWs.dispose();
    }
  });
});

describe('a balloon round', () => {
  it('shows balloons without their key and scores +100 per corrupt pop, −50 per clean pop', async () => {
    const { host, questions, game } = await hostGame(app, {}, ([q0]) => [
      { kind: 'BALLOON', timeLimitSeconds: 10 },
      questionRound(q0),
    ]);
    const players = [
      await joinAsGuest(app, game.pin, '풍선1'),
      await joinAsGuest(app, game.pin, '풍선2'),
      await joinAsGuest(app, game.pin, '풍선3'),
      await joinAsGuest(app, game.pin, '풍선4'),
    ];
    const sockets = players.map((p) => playerSocket(app, p));
    try {
      const views = players.map((p, i) => follow(sockets[i], game.id, p.join.playerToken));
      const opened = (await host.ok(NEXT, { g: game.id, r: -1 })).nextLiveRound;
      expect(opened.question).toMatchObject({ kind: 'BALLOON', type: null, timeLimitSeconds: 10 });
      const choices: AnyData[] = opened.question.choices;
      expect(choices).toHaveLength(12);
      const practice = new Map(BALLOON_PRACTICES.map((b) => [b.id, b]));
      for (const c of choices) expect(c.textKo).toBe(practice.get(c.id)?.ko);
      expect(new Set(choices.map((c) => c.id)).size).toBe(12);
      // Which balloons are corrupt is not for the phones to know before the reveal.
      const seen = await views[0].until(phaseIs('OPEN', 0));
      const hosted = (await host.ok(HOSTED, { g: game.id })).hostedLiveGame;
      for (const state of [seen.state, opened, hosted]) {
        expect(state.reveal).toBeNull();
        expect(JSON.stringify(state)).not.toMatch(/corrupt|"correct(Ids)?":\s*(true|\[")/);
      }

      const ids = choices.map((c) => c.id);
      const pops = [ids.slice(0, 6), ids, [ids[0], ids[0], 'no-such-balloon', ids[1]], []];
      // The wrong kind of answer for a balloon round is refused.
      expect(await answerCode(players[3], 0, { optionIds: [ids[2]] })).toBe('ANSWER_INVALID');
      expect(await answerCode(players[3], 0, { poppedIds: [ids[2]], booleanValue: true })).toBe(
        'ANSWER_INVALID',
      );
      for (const [i, p] of players.entries()) {
        expect((await answerAs(p, 0, { poppedIds: pops[i] })).duplicate).toBe(false);
      }

      // Everyone answered: the round closes. The key comes with the reveal.
      const reveal = (await views[0].until(phaseIs('REVEAL', 0))).state.reveal;
      const corrupt = new Set<string>(reveal.correctIds);
      expect(corrupt.size).toBe(6);
      expect(reveal.distribution.map((d: AnyData) => d.key)).toEqual(ids);
      for (const d of reveal.distribution) {
        expect(d.correct).toBe(corrupt.has(d.key));
        expect(d.correct).toBe(practice.get(d.key)!.corrupt);
        expect(d.count).toBe(pops.filter((p) => p.includes(d.key)).length);
      }
      const expected = pops.map((popped) => {
        const unique = new Set(popped.filter((id) => ids.includes(id)));
        const hits = [...unique].filter((id) => corrupt.has(id)).length;
        const misses = unique.size - hits;
        return Math.max(0, hits * BALLOON_HIT_POINTS - misses * BALLOON_MISS_POINTS);
      });
      expect(expected[1]).toBe(300); // all twelve: 6 × 100 − 6 × 50
      for (const [i, v] of views.entries()) {
        const me = (await v.until(revealedTo(0))).me;
        expect(me.last).toMatchObject({ answered: true, points: expected[i] });
        expect(me.score).toBe(expected[i]);
      }
      // "Correct" for the room's count is at least half of the 600 possible points.
      expect(reveal).toMatchObject({ answered: 4, correct: expected.filter((p) => p * 2 >= 600).length });

      // A question round takes no balloons.
      await host.ok(NEXT, { g: game.id, r: 0 });
      expect(
        await answerCode(players[0], 1, { ...liveAnswer(questions[0], true), poppedIds: [ids[0]] }),
      ).toBe('ANSWER_INVALID');
      expect(await answerCode(players[0], 1, { poppedIds: [ids[0]] })).toBe('ANSWER_INVALID');
      for (const v of views) expect(v.errors).toEqual([]);
    } finally {
      await Promise.all(sockets.map((s) => s.dispose()));
    }
  });
});
