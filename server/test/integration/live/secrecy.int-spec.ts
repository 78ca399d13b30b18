import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANSWER,
  BY_PIN,
  follow,
  hostGame,
  HOSTED,
  joinAsEmployee,
  joinAsGuest,
  liveAnswer,
  NEXT,
  phaseIs,
  playerSocket,
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

/** Anything that would tell a phone the answer: a true flag, a non-empty key, a boolean key. */
const KEY =
  /"correct":\s*true|"correct(Ids|ItemIds|OptionIds)":\s*\["|"correctBoolean":\s*(true|false)|"accepted(Answers|Numbers)":\s*\[[^\]]/;

/** A wrong answer of the wrong shape for each round type (refused with ANSWER_INVALID). */
const MISSHAPEN: Record<string, AnyData> = {
  SINGLE_CHOICE: { optionIds: ['no-such-option'] },
  TRUE_FALSE: { numberValue: 1 },
  NUMERIC: { text: '40' },
};

describe('before the reveal', () => {
  it('nothing a player, the screen or the host receives carries the key', async () => {
    const { host, questions, game } = await hostGame(app);
    const employee = await joinAsEmployee(app, game.pin);
    const guest = await joinAsGuest(app, game.pin, '궁금이');
    await joinAsGuest(app, game.pin, '침묵'); // never answers, so rounds stay open until the skip
    const sockets = [wsClient(app.url, host.cookie), playerSocket(app, employee), playerSocket(app, guest)];
    try {
      const views = [
        follow(sockets[0], game.id, null),
        follow(sockets[1], game.id, employee.join.playerToken),
        follow(sockets[2], game.id, guest.join.playerToken),
      ];
      await Promise.all(views.map((v) => v.until((u) => u.state?.phase === 'LOBBY')));

      for (const [round, q] of questions.entries()) {
        const from = views.map((v) => v.updates.length);
        const received: unknown[] = [];
        received.push((await host.ok(NEXT, { g: game.id, r: round - 1 })).nextLiveRound);
        await Promise.all(views.map((v) => v.until(phaseIs('OPEN', round))));
        // Refused answers, receipts for a right and a wrong answer, a repeat, the lookup, the host's view.
        const refused = await guest.client.gql(ANSWER, {
          g: game.id,
          t: guest.join.playerToken,
          r: round,
          a: MISSHAPEN[q.type],
        });
        expect(refused.errors?.[0]?.extensions?.code).toBe('ANSWER_INVALID');
        received.push(refused.errors);
        const right = await employee.client.gql(ANSWER, {
          g: game.id,
          t: employee.join.playerToken,
          r: round,
          a: liveAnswer(q, true),
        });
        const wrong = await guest.client.gql(ANSWER, {
          g: game.id,
          t: guest.join.playerToken,
          r: round,
          a: liveAnswer(q, false),
        });
        // A right and a wrong answer get the same kind of receipt.
        expect(Object.keys(right.data!.answerLiveRound)).toEqual(Object.keys(wrong.data!.answerLiveRound));
        expect(right.data!.answerLiveRound.duplicate).toBe(false);
        expect(wrong.data!.answerLiveRound.duplicate).toBe(false);
        received.push(right, wrong);
        received.push(
          await guest.client.gql(ANSWER, {
            g: game.id,
            t: guest.join.playerToken,
            r: round,
            a: liveAnswer(q, true),
          }),
        );
        received.push(await guest.client.gql(BY_PIN, { pin: game.pin }));
        const hosted = (await host.ok(HOSTED, { g: game.id })).hostedLiveGame;
        expect(hosted).toMatchObject({ phase: 'OPEN', reveal: null });
        received.push(hosted);

        const revealed = (await host.ok(SKIP, { g: game.id, r: round })).skipLiveRound;
        await Promise.all(views.map((v) => v.until(phaseIs('REVEAL', round))));
        for (const [i, v] of views.entries()) {
          for (const u of v.updates.slice(from[i])) {
            if (u.state?.phase === 'REVEAL' || u.me?.last?.round === round) break;
            expect(u.state?.reveal ?? null).toBeNull();
            // Last round's own result may travel with a late "me"; this round's key may not.
            received.push({ ...u, me: u.me && { ...u.me, last: null } });
          }
        }
        expect(received.length).toBeGreaterThan(8);
        for (const r of received) expect(JSON.stringify(r)).not.toMatch(KEY);
        if (q.type === 'SINGLE_CHOICE') {
          // The right option is shown only as one choice among the others.
          const rightId = q.options.find((o: AnyData) => o.correct).id;
          const open = views[2].updates.find(phaseIs('OPEN', round))!;
          expect(open.state.question.choices.map((c: AnyData) => c.id).sort()).toEqual(
            q.options.map((o: AnyData) => o.id).sort(),
          );
          expect(JSON.stringify(open).split(rightId)).toHaveLength(2);
        }
        // The check above can fail: the reveal does carry the key.
        expect(JSON.stringify(revealed.reveal)).toMatch(KEY);
      }
      for (const v of views) expect(v.errors).toEqual([]);
    } finally {
      await Promise.all(sockets.map((s) => s.dispose()));
    }
  });
});
