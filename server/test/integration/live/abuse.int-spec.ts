import { Limits } from '@palma/shared';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../factories/org.factory.js';
import {
  ANSWER,
  answerAs,
  answerCode,
  BY_PIN,
  CREATE_GAME,
  END,
  failureCode,
  follow,
  hostGame,
  HOSTED,
  JOIN,
  joinAsEmployee,
  joinAsGuest,
  KICK,
  liveAnswer,
  NEXT,
  PAUSE,
  playerSocket,
  REPORT,
  RESUME,
  SET_JOINING,
  SKIP,
  storedAnswers,
} from '../../factories/live.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';
import { wsClient } from '../../utils/ws.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const playerRows = async (gameId: string) =>
  (
    await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM live_players WHERE game_id = $1) AS rows, player_count AS count
         FROM live_games WHERE id = $1`,
      [gameId],
    )
  )[0] as { rows: number; count: number };

describe('joining', () => {
  it('refuses a full game, even to parallel joins', async () => {
    const { game } = await hostGame(app, { maxPlayers: 2 });
    await joinAsGuest(app, game.pin, '하나');
    await joinAsEmployee(app, game.pin);
    expect(await app.client().code(JOIN, { pin: game.pin, n: '셋' })).toBe('GAME_FULL');
    const { client: late } = await signedIn(app);
    expect(await late.code(JOIN, { pin: game.pin })).toBe('GAME_FULL');
    expect(await playerRows(game.id)).toEqual({ rows: 2, count: 2 });

    const { game: rush } = await hostGame(app, { maxPlayers: 3 });
    const codes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => app.client().code(JOIN, { pin: rush.pin, n: `러시${i}` })),
    );
    expect(codes.filter((c) => c === undefined)).toHaveLength(3);
    expect(codes.filter((c) => c === 'GAME_FULL')).toHaveLength(5);
    expect(await playerRows(rush.id)).toEqual({ rows: 3, count: 3 });
  });

  it('closes joining for newcomers while players already in rejoin; refuses a finished game', async () => {
    const { host, game } = await hostGame(app);
    const member = await joinAsEmployee(app, game.pin);
    const closed = (await host.ok(SET_JOINING, { g: game.id, open: false })).setLiveJoining;
    expect(closed.joiningOpen).toBe(false);
    expect((await app.client().ok(BY_PIN, { pin: game.pin })).liveGameByPin.joiningOpen).toBe(false);
    expect(await app.client().code(JOIN, { pin: game.pin, n: '지각생' })).toBe('JOINING_CLOSED');
    const { client: newcomer } = await signedIn(app);
    expect(await newcomer.code(JOIN, { pin: game.pin })).toBe('JOINING_CLOSED');
    const again = (await member.client.ok(JOIN, { pin: game.pin })).joinLiveGame;
    expect(again.playerId).toBe(member.join.playerId);
    expect(await playerRows(game.id)).toEqual({ rows: 1, count: 1 });

    await host.ok(SET_JOINING, { g: game.id, open: true });
    await joinAsGuest(app, game.pin, '지각생');

    await host.ok(END, { g: game.id });
    expect(await app.client().code(JOIN, { pin: game.pin, n: '늦둥이' })).toBe('GAME_FINISHED');
    expect(await member.client.code(JOIN, { pin: game.pin })).toBe('GAME_FINISHED');
  });

  it('cleans nicknames, keeps markup as text, and refuses long, empty and taken ones', async () => {
    const { game } = await hostGame(app);
    const guest = () => app.client();
    const nicknameCode = async (n: string) => {
      const res = await guest().gql(JOIN, { pin: game.pin, n });
      return [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.problem];
    };
    expect(await nicknameCode('가'.repeat(10_000))).toEqual(['NICKNAME_INVALID', 'TOO_LONG']);
    expect(await nicknameCode('x'.repeat(21))).toEqual(['NICKNAME_INVALID', 'TOO_LONG']);
    expect(await nicknameCode('\u200b\u202e \u2066')).toEqual(['NICKNAME_INVALID', 'EMPTY']);

    const rtl = await joinAsGuest(app, game.pin, '\u202eevil\u200bname\u2066');
    expect(rtl.join.nickname).toBe('evil name');
    const markup = await joinAsGuest(app, game.pin, '<img src=x>');
    expect(markup.join.nickname).toBe('<img src=x>');
    await joinAsGuest(app, game.pin, 'Kim Lee');
    for (const taken of ['kimlee', ' KIM  LEE ', 'ＫＩＭ ＬＥＥ', 'Kim\u200bLee']) {
      expect(await nicknameCode(taken)).toEqual(['NICKNAME_TAKEN', undefined]);
    }
    expect(await playerRows(game.id)).toEqual({ rows: 3, count: 3 });
  });
});

describe('hosting', () => {
  it('is for the host only: guests must sign in, employees and other trainers are refused', async () => {
    const { host, game } = await hostGame(app);
    const player = await joinAsGuest(app, game.pin, '구경꾼');
    const operations: [string, AnyData][] = [
      [HOSTED, { g: game.id }],
      [REPORT, { g: game.id }],
      [NEXT, { g: game.id, r: -1 }],
      [SKIP, { g: game.id, r: 0 }],
      [PAUSE, { g: game.id }],
      [RESUME, { g: game.id }],
      [END, { g: game.id }],
      [SET_JOINING, { g: game.id, open: false }],
      [KICK, { g: game.id, p: player.join.playerId }],
    ];
    const codes = async (client: GqlClient) => {
      const out: (string | undefined)[] = [];
      for (const [query, variables] of operations) out.push(await client.code(query, variables));
      return out;
    };
    expect(await codes(player.client)).toEqual(operations.map(() => 'UNAUTHENTICATED'));
    const { client: employee } = await signedIn(app);
    expect(await codes(employee)).toEqual(operations.map(() => 'FORBIDDEN'));
    expect(
      await employee.code(CREATE_GAME, {
        i: { title: 'x', mode: 'CLASSIC', rounds: [{ kind: 'BALLOON', timeLimitSeconds: 10 }] },
      }),
    ).toBe('FORBIDDEN');
    const { client: otherTrainer } = await signedIn(app, { roles: ['TRAINER'] });
    expect(await codes(otherTrainer)).toEqual(operations.map(() => 'FORBIDDEN'));
    // None of it moved the game.
    const state = (await host.ok(HOSTED, { g: game.id })).hostedLiveGame;
    expect(state).toMatchObject({ phase: 'LOBBY', joiningOpen: true, playerCount: 1 });
  });
});

describe('answering', () => {
  it('keeps the first answer, only for the player the token names, only while the round is open', async () => {
    const { host, questions, game } = await hostGame(app);
    const [q0, q1] = questions;
    const kim = await joinAsGuest(app, game.pin, '김');
    const lee = await joinAsGuest(app, game.pin, '이');
    await joinAsGuest(app, game.pin, '박'); // keeps the round open
    const { game: other } = await hostGame(app);
    const stranger = await joinAsGuest(app, other.pin, '남');

    expect(await answerCode(kim, 0, liveAnswer(q0, true))).toBe('QUESTION_NOT_OPEN'); // the lobby
    await host.ok(NEXT, { g: game.id, r: -1 });
    expect(await answerCode(kim, 1, liveAnswer(q1, true))).toBe('QUESTION_NOT_OPEN');
    expect(await answerCode(kim, 7, liveAnswer(q1, true))).toBe('QUESTION_NOT_OPEN');

    const first = await answerAs(kim, 0, liveAnswer(q0, true));
    expect(first.duplicate).toBe(false);
    const repeat = await answerAs(kim, 0, liveAnswer(q0, false));
    expect(repeat).toEqual({ round: 0, receivedAt: first.receivedAt, duplicate: true });
    // Many clicks at once: one answer, one receipt.
    const burst = await Promise.all(Array.from({ length: 6 }, () => answerAs(lee, 0, liveAnswer(q0, false))));
    expect(burst.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(burst.map((r) => r.receivedAt)).size).toBe(1);

    // Someone else's token: of another game, forged, or tampered with.
    const [prefix, id, mac] = kim.join.playerToken.split('.');
    const tampered = `${prefix}.${id}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const token of [stranger.join.playerToken, 'LP1.forged.token', tampered, '']) {
      expect(await answerCode(kim, 0, liveAnswer(q0, true), token)).toBe('PLAYER_TOKEN_INVALID');
    }
    const stored = await storedAnswers(app, game.id, 0);
    expect([...stored.keys()].sort()).toEqual([kim.join.playerId, lee.join.playerId].sort());
    expect(stored.get(kim.join.playerId)!.correct).toBe(true); // the first answer counts
    expect(stored.get(lee.join.playerId)!.correct).toBe(false);
    expect((await storedAnswers(app, other.id, 0)).size).toBe(0);
  });

  it('accepts no time, score or other made-up field from the client', async () => {
    const { host, questions, game } = await hostGame(app);
    const p = await joinAsGuest(app, game.pin, '조작');
    await host.ok(NEXT, { g: game.id, r: -1 });
    const optionId = liveAnswer(questions[0], true).optionIds[0];
    const vars = { g: game.id, t: p.join.playerToken, r: 0 };
    const extras = [{ elapsedMs: 0 }, { receivedAt: 0 }, { score: 1000 }, { points: 1000 }];
    for (const extra of extras) {
      // As variables (the way a client sends them) and inline in the document.
      expect(await p.client.code(ANSWER, { ...vars, a: { optionIds: [optionId], ...extra } })).toBe(
        'BAD_USER_INPUT',
      );
      const [field, value] = Object.entries(extra)[0];
      const inline = `mutation($g: ID!, $t: String!) { answerLiveRound(gameId: $g, playerToken: $t, round: 0,
        answer: { optionIds: ["${optionId}"], ${field}: ${value} }) { receivedAt } }`;
      expect(await p.client.code(inline, vars)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const extraArgument = `mutation($g: ID!, $t: String!) { answerLiveRound(gameId: $g, playerToken: $t, round: 0,
      answer: { optionIds: ["${optionId}"] }, receivedAt: 0) { receivedAt } }`;
    expect(await p.client.code(extraArgument, vars)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await storedAnswers(app, game.id, 0)).size).toBe(0);
  });
});

describe('websockets', () => {
  const closeCode = (params?: AnyData) =>
    new Promise<number>((resolve) => {
      const ws = wsClient(app.url, null, resolve, params);
      ws.subscribe(
        { query: `subscription { pings { message } }` },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });

  it('closes a socket with neither a session nor a genuine player token (4403)', async () => {
    const { game } = await hostGame(app);
    const p = await joinAsGuest(app, game.pin, '위조');
    const [prefix, id] = p.join.playerToken.split('.');
    for (const params of [
      undefined,
      {},
      { playerToken: 'LP1.forged.token' },
      { playerToken: `${prefix}.${id}.x` },
    ]) {
      expect(await closeCode(params)).toBe(4403);
    }
  });

  it('lets a guest socket follow only its own player', async () => {
    const { game } = await hostGame(app);
    const mine = await joinAsGuest(app, game.pin, '나');
    const theirs = await joinAsGuest(app, game.pin, '너');
    const ws = playerSocket(app, mine);
    try {
      const own = follow(ws, game.id, mine.join.playerToken);
      expect((await own.until((u) => u.me !== null)).me.nickname).toBe('나');
      expect(failureCode(await follow(ws, game.id, theirs.join.playerToken).failure())).toBe(
        'PLAYER_TOKEN_INVALID',
      );
      expect(failureCode(await follow(ws, game.id, null).failure())).toBe('PLAYER_TOKEN_INVALID');
      // A token of this game for a game id it does not belong to.
      const { game: other } = await hostGame(app);
      expect(failureCode(await follow(ws, other.id, mine.join.playerToken).failure())).toBe(
        'PLAYER_TOKEN_INVALID',
      );
      expect(own.errors).toEqual([]);
    } finally {
      await ws.dispose();
    }
  });

  it(`allows ${Limits.subscriptionsPerSocket} subscriptions per socket and refuses the ones past it`, async () => {
    const { host, game } = await hostGame(app);
    const ws = wsClient(app.url, host.cookie);
    try {
      const subs = Array.from({ length: 25 }, () => follow(ws, game.id, null));
      const outcomes = await Promise.all(
        subs.map((s) =>
          Promise.race([
            s.until((u) => u.state?.phase === 'LOBBY').then(() => 'ok'),
            s.failure().then(failureCode),
          ]),
        ),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(Limits.subscriptionsPerSocket);
      expect(outcomes.filter((o) => o === 'TOO_MANY_SUBSCRIPTIONS')).toHaveLength(
        25 - Limits.subscriptionsPerSocket,
      );
      // The first twenty keep working.
      await host.ok(SET_JOINING, { g: game.id, open: false });
      const live = subs.filter((_, i) => outcomes[i] === 'ok');
      await Promise.all(live.map((s) => s.until((u) => u.state?.joiningOpen === false)));
    } finally {
      await ws.dispose();
    }
  });

  it('closes a socket that never says hello (4408 after the 5 s init timeout)', async () => {
    const started = Date.now();
    const code = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      socket.on('close', (c) => resolve(c));
      socket.on('error', reject);
    });
    expect(code).toBe(4408);
    const after = Date.now() - started;
    expect(after).toBeGreaterThanOrEqual(4_900);
    expect(after).toBeLessThan(6_000);
  });
});
