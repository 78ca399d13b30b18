import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignFor, credit } from '../../factories/gamification.factory.js';
import { createDepartment, createPerson, signedIn, TEST_PASSWORD } from '../../factories/org.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const PEOPLE = `query($p: LeaderboardPeriod!, $d: ID, $c: ID) {
  peopleLeaderboard(period: $p, departmentId: $d, campaignId: $c) {
    mode total viewerRank departmentName rows { rank xp level name isViewer }
  }
}`;
const DEPARTMENTS = `query($p: LeaderboardPeriod!) {
  departmentLeaderboard(period: $p) { mode total viewerRank rows { rank departmentId name members averageXp completionRate isViewer } }
}`;
const POLICY = `mutation($b: LeaderboardBoard!, $m: PrivacyMode!, $s: Int!) {
  setLeaderboardPolicy(board: $b, mode: $m, size: $s) { board mode size }
}`;

let app: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
});
afterAll(() => app?.close());

/** A department of people with these all-time XP amounts, named 사람1…; returns signed-in clients. */
async function department(xps: number[], managerRoles = false) {
  const dept = await createDepartment(app.dataSource);
  const people: { id: string; name: string; client: () => Promise<GqlClient> }[] = [];
  for (const [i, xp] of xps.entries()) {
    const p = await createPerson(app, { departmentId: dept.id, name: `사람${i + 1}-${dept.code}` });
    if (xp) await credit(app, p.id, 'ADJUSTMENT', { xp });
    people.push({ id: p.id, name: p.name, client: () => app.client().login(p.email, TEST_PASSWORD) });
  }
  const manager = managerRoles ? await createPerson(app, { roles: ['MANAGER'] }) : null;
  if (manager)
    await app.dataSource.query(`UPDATE departments SET head_id = $2 WHERE id = $1`, [dept.id, manager.id]);
  return { dept, people, manager };
}

const board = async (client: GqlClient, vars: AnyData = {}) =>
  (await client.ok(PEOPLE, { p: 'ALL_TIME', ...vars })).peopleLeaderboard;

describe('people leaderboards apply the privacy policy on the server', () => {
  it('by default shows only the viewer and two on each side, with no other names', async () => {
    const { people } = await department([700, 600, 500, 400, 300, 200, 100]);
    const viewer = await people[3].client(); // 400 XP, 4th
    const b = await board(viewer);
    expect(b).toMatchObject({ mode: 'AROUND_ME', total: 7, viewerRank: 4 });
    expect(b.rows.map((r: AnyData) => [r.rank, r.xp, r.name])).toEqual([
      [2, 600, null],
      [3, 500, null],
      [4, 400, people[3].name],
      [5, 300, null],
      [6, 200, null],
    ]);
    expect(b.rows.filter((r: AnyData) => r.isViewer)).toHaveLength(1);
  });

  it('follows the admin’s policy: named, anonymous and top N, and an opt-out hides a name in every mode', async () => {
    const { people } = await department([300, 200, 100, 50]);
    const viewer = await people[2].client();
    await (await people[0].client()).ok(`mutation { setLeaderboardOptOut(optOut: true) }`);

    await admin.ok(POLICY, { b: 'PEOPLE', m: 'NAMED', s: 10 });
    expect((await board(viewer)).rows.map((r: AnyData) => r.name)).toEqual([
      null, // opted out
      people[1].name,
      people[2].name,
      people[3].name,
    ]);

    await admin.ok(POLICY, { b: 'PEOPLE', m: 'ANONYMOUS', s: 10 });
    expect((await board(viewer)).rows.map((r: AnyData) => r.name)).toEqual([
      null,
      null,
      people[2].name,
      null,
    ]);

    await admin.ok(POLICY, { b: 'PEOPLE', m: 'TOP_N', s: 2 });
    const top = await board(viewer);
    expect(top.rows.map((r: AnyData) => [r.rank, r.name])).toEqual([
      [1, null],
      [2, people[1].name],
      [3, people[2].name], // the viewer's own row
    ]);
    // The opted-out person still sees their own name.
    expect((await board(await people[0].client())).rows[0]).toMatchObject({
      rank: 1,
      name: people[0].name,
      isViewer: true,
    });

    expect(await admin.code(POLICY, { b: 'PEOPLE', m: 'TOP_N', s: 0 })).toBe('VALIDATION_FAILED');
    await admin.ok(POLICY, { b: 'PEOPLE', m: 'AROUND_ME', s: 2 });
  });

  it('refuses another department’s board to an employee; a manager of it sees it with names still hidden', async () => {
    const theirs = await department([90, 80], true);
    const { people } = await department([10]);
    const outsider = await people[0].client();
    expect(await outsider.code(PEOPLE, { p: 'ALL_TIME', d: theirs.dept.id })).toBe('FORBIDDEN');

    const manager = await app.client().login(theirs.manager!.email, TEST_PASSWORD);
    const b = await board(manager, { d: theirs.dept.id });
    // The manager is not on this board (AROUND_ME needs the viewer): nothing individual leaks.
    expect(b).toMatchObject({ total: 2, viewerRank: null, rows: [] });
    await admin.ok(POLICY, { b: 'PEOPLE', m: 'ANONYMOUS', s: 10 });
    const anon = await board(manager, { d: theirs.dept.id });
    expect(anon.rows.map((r: AnyData) => [r.rank, r.xp, r.name])).toEqual([
      [1, 90, null],
      [2, 80, null],
    ]);
    await admin.ok(POLICY, { b: 'PEOPLE', m: 'AROUND_ME', s: 2 });
  });

  it('counts only XP of the period: this month leaves out last year', async () => {
    const dept = await createDepartment(app.dataSource);
    const p = await createPerson(app, { departmentId: dept.id });
    await credit(app, p.id, 'ADJUSTMENT', { xp: 400, occurredAt: new Date(Date.now() - 400 * 86_400_000) });
    await credit(app, p.id, 'ADJUSTMENT', { xp: 25 });
    const client = await app.client().login(p.email, TEST_PASSWORD);
    expect((await board(client, { p: 'MONTH' })).rows[0]).toMatchObject({ xp: 25, level: 4, isViewer: true });
    expect((await board(client, { p: 'ALL_TIME' })).rows[0]).toMatchObject({ xp: 425 });
    expect(await client.code(PEOPLE, { p: 'CAMPAIGN' })).toBe('CAMPAIGN_REQUIRED');
  });
});

describe('departments against each other', () => {
  it('are ranked by average XP per member (not totals), named by default, and an anonymous board hides other names', async () => {
    const small = await department([100, 100]); // 200 total, 100 each
    const big = await department(Array(10).fill(50)); // 500 total, 50 each
    const viewer = await small.people[0].client();
    const b = (await viewer.ok(DEPARTMENTS, { p: 'ALL_TIME' })).departmentLeaderboard;
    expect(b.mode).toBe('NAMED');
    const rowOf = (id: string) => b.rows.find((r: AnyData) => r.departmentId === id);
    expect(rowOf(small.dept.id)).toMatchObject({ averageXp: 100, members: 2, isViewer: true });
    expect(rowOf(big.dept.id)).toMatchObject({ averageXp: 50, members: 10 });
    expect(rowOf(small.dept.id).rank).toBeLessThan(rowOf(big.dept.id).rank);

    await admin.ok(POLICY, { b: 'DEPARTMENTS', m: 'ANONYMOUS', s: 10 });
    const hidden = (await viewer.ok(DEPARTMENTS, { p: 'ALL_TIME' })).departmentLeaderboard;
    const named = hidden.rows.filter((r: AnyData) => r.name !== null);
    expect(named).toEqual([expect.objectContaining({ departmentId: small.dept.id, isViewer: true })]);
    expect(hidden.rows.every((r: AnyData) => r.isViewer || r.departmentId === null)).toBe(true);
    await admin.ok(POLICY, { b: 'DEPARTMENTS', m: 'NAMED', s: 10 });

    const standing = (
      await viewer.ok(
        `query($d: ID!) { departmentStanding(departmentId: $d, period: ALL_TIME) { rank of averageXp members } }`,
        {
          d: small.dept.id,
        },
      )
    ).departmentStanding;
    expect(standing).toMatchObject({
      rank: rowOf(small.dept.id).rank,
      of: b.total,
      averageXp: 100,
      members: 2,
    });
    expect(
      await viewer.code(
        `query($d: ID!) { departmentStanding(departmentId: $d, period: ALL_TIME) { rank } }`,
        {
          d: big.dept.id,
        },
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('the campaign period', () => {
  it('ranks only the people assigned, by XP in the campaign period, and departments by completion', async () => {
    const { dept, people } = await department([0, 0, 0]);
    const adminId = (
      await app.dataSource.query(`SELECT id FROM people WHERE 'ADMIN' = ANY(roles) LIMIT 1`)
    )[0].id;
    const { campaignId } = await campaignFor(app, adminId, [people[0].id, people[1].id], 30, 20);
    await credit(app, people[0].id, 'EVENT_ATTENDANCE', { xp: 30, minutes: 30 });
    await credit(app, people[2].id, 'EVENT_ATTENDANCE', { xp: 90, minutes: 30 }); // not assigned
    await credit(app, people[1].id, 'ADJUSTMENT', {
      xp: 500,
      occurredAt: new Date(Date.now() - 90 * 86_400_000),
    });
    await admin.ok(POLICY, { b: 'PEOPLE', m: 'NAMED', s: 10 });
    const viewer = await people[0].client();
    const b = await board(viewer, { p: 'CAMPAIGN', c: campaignId });
    expect(b.rows.map((r: AnyData) => [r.rank, r.xp, r.name])).toEqual([
      [1, 30, people[0].name],
      [2, 0, people[1].name],
    ]);
    await admin.ok(POLICY, { b: 'PEOPLE', m: 'AROUND_ME', s: 2 });

    const departments = (
      await viewer.ok(
        `query($c: ID) { departmentLeaderboard(period: CAMPAIGN, campaignId: $c) { rows { departmentId completionRate averageXp } } }`,
        {
          c: campaignId,
        },
      )
    ).departmentLeaderboard;
    // One of the two assigned finished the 30 minutes; the average counts every member's XP in the period.
    expect(departments.rows.find((r: AnyData) => r.departmentId === dept.id)).toEqual({
      departmentId: dept.id,
      completionRate: 0.5,
      averageXp: 40,
    });
  });
});

describe('XP rules', () => {
  const SET = `mutation($k: XpRuleKey!, $x: Int!, $c: Int!) { setXpRule(key: $k, xp: $x, cooldownMinutes: $c) { key xp cooldownMinutes defaultXp } }`;

  it('lets an admin tune a rule; new achievements get the new amount, old entries keep theirs', async () => {
    const p = await createPerson(app);
    expect((await credit(app, p.id, 'PLEDGE', { rule: 'PLEDGE_SIGNED' })).xp).toBe(20);
    expect((await admin.ok(SET, { k: 'PLEDGE_SIGNED', x: 35, c: 0 })).setXpRule).toEqual({
      key: 'PLEDGE_SIGNED',
      xp: 35,
      cooldownMinutes: 0,
      defaultXp: 20,
    });
    expect((await credit(app, p.id, 'PLEDGE', { rule: 'PLEDGE_SIGNED' })).xp).toBe(35);
    const xps = await app.dataSource.query(
      `SELECT xp FROM credit_entries WHERE person_id = $1 ORDER BY occurred_at`,
      [p.id],
    );
    expect(xps).toEqual([{ xp: 20 }, { xp: 35 }]);
    const rules = (await admin.ok(`{ xpRules { key xp } }`)).xpRules;
    expect(rules).toContainEqual({ key: 'PLEDGE_SIGNED', xp: 35 });
    expect(rules).toHaveLength(11);
    await admin.ok(SET, { k: 'PLEDGE_SIGNED', x: 20, c: 0 });

    expect(await admin.code(SET, { k: 'PLEDGE_SIGNED', x: 5000, c: 0 })).toBe('VALIDATION_FAILED');
    const { client } = await signedIn(app);
    expect(await client.code(SET, { k: 'PLEDGE_SIGNED', x: 1, c: 0 })).toBe('FORBIDDEN');
  });

  it('gives no XP for a repeatable action inside its cooldown (live games), but still credits it', async () => {
    const p = await createPerson(app);
    const first = await credit(app, p.id, 'LIVE_GAME', { rule: 'LIVE_GAME_PLAYED', minutes: 10 });
    const second = await credit(app, p.id, 'LIVE_GAME', { rule: 'LIVE_GAME_FIRST', minutes: 10 });
    const later = await credit(app, p.id, 'LIVE_GAME', {
      rule: 'LIVE_GAME_THIRD',
      minutes: 10,
      occurredAt: new Date(Date.now() + 61 * 60_000),
    });
    expect([first, second, later]).toEqual([
      { created: true, xp: 10 },
      { created: true, xp: 0 },
      { created: true, xp: 30 },
    ]);
    // The same achievement credits once.
    const [{ source_id }] = await app.dataSource.query(
      `SELECT source_id FROM credit_entries WHERE person_id = $1 LIMIT 1`,
      [p.id],
    );
    expect(await credit(app, p.id, 'LIVE_GAME', { sourceId: source_id, rule: 'LIVE_GAME_FIRST' })).toEqual({
      created: false,
      xp: 0,
    });
  });
});
