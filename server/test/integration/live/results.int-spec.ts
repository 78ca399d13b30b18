import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, signedIn } from '../../factories/org.factory.js';
import {
  answerAs,
  END,
  hostGame,
  joinAsEmployee,
  joinAsGuest,
  KICK,
  liveAnswer,
  NEXT,
  REPORT,
  SKIP,
} from '../../factories/live.factory.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('the results of a game', () => {
  it('download as CSV for the host: a row per player with points and right answers', async () => {
    const { host, questions, game } = await hostGame(app, { speedWeighted: false, streakBonus: false });
    const [q0, q1, q2] = questions;
    const department = await createDepartment(app.dataSource, { nameKo: '결과팀' });
    const employee = await joinAsEmployee(app, game.pin, { name: '최고수', departmentId: department.id });
    const guest = await joinAsGuest(app, game.pin, '손님 하나');
    await joinAsGuest(app, game.pin, '=1+2');
    const kicked = await joinAsGuest(app, game.pin, '퇴장');

    await host.ok(NEXT, { g: game.id, r: -1 });
    await answerAs(employee, 0, liveAnswer(q0, true));
    await answerAs(guest, 0, liveAnswer(q0, false));
    await host.ok(SKIP, { g: game.id, r: 0 });
    await host.ok(NEXT, { g: game.id, r: 0 });
    await answerAs(employee, 1, liveAnswer(q1, true));
    await answerAs(guest, 1, liveAnswer(q1, true));
    await host.ok(KICK, { g: game.id, p: kicked.join.playerId });
    await host.ok(SKIP, { g: game.id, r: 1 });
    await host.ok(NEXT, { g: game.id, r: 1 });
    await answerAs(employee, 2, liveAnswer(q2, false));
    await host.ok(END, { g: game.id }); // scores the open round, then finishes

    const url = `${app.url}/api/live/${game.id}/results.csv`;
    const res = await fetch(url, { headers: { cookie: host.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`live-game-${game.id}-results.csv`);
    const rows = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual([
      row('1', '최고수', '결과팀', 'employee', '2000', '2', '3', 'no'),
      row('2', '손님 하나', 'Guests', 'guest', '1000', '1', '2', 'no'),
      // A nickname cannot smuggle a spreadsheet formula into the host's export.
      row('3', "'=1+2", 'Guests', 'guest', '0', '0', '0', 'no'),
      row('', '퇴장', 'Guests', 'guest', '0', '0', '0', 'yes'),
    ]);
    // The same numbers as the report on screen.
    const report = (await host.ok(REPORT, { g: game.id })).liveGameReport;
    expect(report.rounds.map((r: { answered: number; correct: number }) => [r.answered, r.correct])).toEqual([
      [2, 1],
      [2, 2],
      [1, 0],
    ]);

    const { client: employeeBrowser } = await signedIn(app);
    expect((await fetch(url, { headers: { cookie: employeeBrowser.cookie! } })).status).toBe(403);
    const { client: otherTrainer } = await signedIn(app, { roles: ['TRAINER'] });
    expect((await fetch(url, { headers: { cookie: otherTrainer.cookie! } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
  });
});

function row(
  rank: string,
  name: string,
  team: string,
  kind: string,
  points: string,
  correct: string,
  answered: string,
  removed: string,
) {
  return { rank, name, team, kind, points, correct, answered, rounds: '3', standing: 'yes', removed };
}
