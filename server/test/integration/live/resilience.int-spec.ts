import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerAs,
  answerCode,
  END,
  follow,
  hostGame,
  HOSTED,
  JOIN,
  joinAsEmployee,
  joinAsGuest,
  KICK,
  liveAnswer,
  NEXT,
  phaseIs,
  playerSocket,
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

const FAIR = { speedWeighted: false, streakBonus: false };

describe('kicking a player', () => {
  it('tells them, stops their answers and their rejoining, and leaves them out of the game', async () => {
    const { host, questions, game } = await hostGame(app, FAIR);
    const [q0] = questions;
    const employee = await joinAsEmployee(app, game.pin, { name: '퇴장자' });
    const guest = await joinAsGuest(app, game.pin, '장난꾼');
    const stays = await joinAsGuest(app, game.pin, '모범생');
    const sockets = [wsClient(app.url, host.cookie), playerSocket(app, guest), playerSocket(app, employee)];
    try {
      const screen = follow(sockets[0], game.id, null);
      const guestView = follow(sockets[1], game.id, guest.join.playerToken);
      const employeeView = follow(sockets[2], game.id, employee.join.playerToken);
      await screen.until((u) => u.state?.playerCount === 3);

      // The host finds the player by name, with the id to remove them; nobody else may look.
      const players = `query($g: ID!, $s: String) { liveGamePlayers(gameId: $g, search: $s) { id nickname guest kicked } }`;
      expect((await host.ok(players, { g: game.id, s: '장난' })).liveGamePlayers).toEqual([
        { id: guest.join.playerId, nickname: '장난꾼', guest: true, kicked: false },
      ]);
      expect((await host.ok(players, { g: game.id })).liveGamePlayers).toHaveLength(3);
      expect(await employee.client.code(players, { g: game.id })).toBe('FORBIDDEN');

      // In the lobby: the name leaves the lobby list.
      expect(await host.ok(KICK, { g: game.id, p: guest.join.playerId })).toEqual({ kickLivePlayer: true });
      expect((await guestView.until((u) => u.me?.kicked === true)).me.id).toBe(guest.join.playerId);
      const lobby = (await screen.until((u) => u.state?.playerCount === 2)).state;
      expect(lobby.lobby.sort()).toEqual(['모범생', '퇴장자'].sort());
      // Kicking again changes nothing.
      expect(await host.ok(KICK, { g: game.id, p: guest.join.playerId })).toEqual({ kickLivePlayer: true });

      // During a round: the employee answered, then is removed — the answer no longer counts.
      await host.ok(NEXT, { g: game.id, r: -1 });
      expect(await answerCode(guest, 0, liveAnswer(q0, true))).toBe('PLAYER_KICKED');
      await answerAs(employee, 0, liveAnswer(q0, true));
      await host.ok(KICK, { g: game.id, p: employee.join.playerId });
      expect((await employeeView.until((u) => u.me?.kicked === true)).me.kicked).toBe(true);
      expect(await employee.client.code(JOIN, { pin: game.pin })).toBe('PLAYER_KICKED');
      expect(await app.client().code(JOIN, { pin: game.pin, n: '장난꾼' })).toBe('NICKNAME_TAKEN');
      expect((await host.ok(HOSTED, { g: game.id })).hostedLiveGame.playerCount).toBe(1);
      // A removed player frees their place; an unknown player id is no one to remove.
      const [row] = await app.dataSource.query(`SELECT player_count AS count FROM live_games WHERE id = $1`, [
        game.id,
      ]);
      expect(row.count).toBe(1);
      expect(await host.ok(KICK, { g: game.id, p: 'no-such-player' })).toEqual({ kickLivePlayer: true });

      // The one player left answers: that is everyone, so the round closes.
      await answerAs(stays, 0, liveAnswer(q0, true));
      const revealed = (await screen.until(phaseIs('REVEAL', 0))).state;
      expect(revealed.playerCount).toBe(1);
      expect(revealed.leaderboard.map((s: AnyData) => [s.rank, s.nickname, s.score])).toEqual([
        [1, '모범생', 1000],
      ]);
      const [kicked] = await app.dataSource.query(`SELECT score, rank FROM live_players WHERE id = $1`, [
        employee.join.playerId,
      ]);
      expect(kicked).toEqual({ score: 0, rank: null });

      expect(
        (await host.ok(players, { g: game.id })).liveGamePlayers.map((p: AnyData) => [p.nickname, p.kicked]),
      ).toEqual([
        ['모범생', false],
        ['장난꾼', true],
        ['퇴장자', true],
      ]);

      // A kicked guest who comes back with the token is still kicked.
      sockets.push(playerSocket(app, guest));
      const again = follow(sockets[3], game.id, guest.join.playerToken);
      expect((await again.until((u) => u.me !== null)).me).toMatchObject({ kicked: true, score: 0 });
      for (const v of [screen, guestView, employeeView]) expect(v.errors).toEqual([]);
    } finally {
      await Promise.all(sockets.map((s) => s.dispose()));
    }
  });
});

describe('removing the leader after a reveal', () => {
  it('ranks the others again at once, so the podium starts at first place', async () => {
    const { host, questions, game } = await hostGame(app, FAIR);
    const [q0] = questions;
    const leader = await joinAsGuest(app, game.pin, '일등');
    const second = await joinAsGuest(app, game.pin, '이등');
    const third = await joinAsGuest(app, game.pin, '삼등');
    const ws = wsClient(app.url, host.cookie);
    try {
      const screen = follow(ws, game.id, null);
      await host.ok(NEXT, { g: game.id, r: -1 });
      await answerAs(leader, 0, liveAnswer(q0, true));
      await answerAs(second, 0, liveAnswer(q0, true));
      await answerAs(third, 0, liveAnswer(q0, false));
      await screen.until(phaseIs('REVEAL', 0));
      await host.ok(KICK, { g: game.id, p: leader.join.playerId });
      const after = (await screen.until((u) => u.state?.playerCount === 2)).state;
      expect(after.leaderboard.map((s: AnyData) => [s.rank, s.nickname])).toEqual([
        [1, '이등'],
        [2, '삼등'],
      ]);
      const finished = (await host.ok(END, { g: game.id })).endLiveGame;
      expect(finished.leaderboard.map((s: AnyData) => [s.rank, s.nickname])).toEqual([
        [1, '이등'],
        [2, '삼등'],
      ]);
    } finally {
      await ws.dispose();
    }
  });
});

describe('a player who drops out', () => {
  it('comes back as the same player with score, streak and the answer already given', async () => {
    const { host, questions, game } = await hostGame(app, FAIR);
    const [q0, q1] = questions;
    const steady = await joinAsGuest(app, game.pin, '끊김');
    const idle = await joinAsGuest(app, game.pin, '멍');
    await joinAsGuest(app, game.pin, '관중'); // never answers: rounds stay open
    let ws = playerSocket(app, steady);
    const idleWs = playerSocket(app, idle);
    try {
      let view = follow(ws, game.id, steady.join.playerToken);
      await host.ok(NEXT, { g: game.id, r: -1 });
      await answerAs(steady, 0, liveAnswer(q0, true));
      await host.ok(SKIP, { g: game.id, r: 0 });
      expect((await view.until(revealedTo(0))).me).toMatchObject({ score: 1000, streak: 1 });

      await host.ok(NEXT, { g: game.id, r: 0 });
      await view.until(phaseIs('OPEN', 1));
      await answerAs(steady, 1, liveAnswer(q1, true));
      // The phone loses its connection…
      await ws.dispose();
      // …someone joins late, while joining is open, and answers the open round too.
      const late = await joinAsGuest(app, game.pin, '지각');
      await answerAs(late, 1, liveAnswer(q1, true));

      // …and reconnects with the same token.
      ws = playerSocket(app, steady);
      view = follow(ws, game.id, steady.join.playerToken);
      const back = await view.until((u) => u.me !== null);
      expect(back.state).toMatchObject({ phase: 'OPEN', round: 1, playerCount: 4 });
      expect(back.me).toMatchObject({
        id: steady.join.playerId,
        nickname: '끊김',
        score: 1000,
        streak: 1,
        answeredRound: 1,
        last: { round: 0, correct: true, points: 1000 },
      });
      // A player who has not answered yet sees that too.
      const idleView = follow(idleWs, game.id, idle.join.playerToken);
      expect((await idleView.until((u) => u.me !== null)).me).toMatchObject({
        answeredRound: null,
        score: 0,
      });

      await host.ok(SKIP, { g: game.id, r: 1 });
      expect((await view.until(revealedTo(1))).me).toMatchObject({ score: 2000, streak: 2 });
      const board = (await view.until(phaseIs('REVEAL', 1))).state.leaderboard;
      expect(board.map((s: AnyData) => [s.rank, s.nickname, s.score])).toEqual([
        [1, '끊김', 2000],
        [2, '지각', 1000],
        [3, '관중', 0],
        [3, '멍', 0],
      ]);
      expect(view.errors).toEqual([]);
    } finally {
      await Promise.all([ws.dispose(), idleWs.dispose()]);
    }
  });
});
