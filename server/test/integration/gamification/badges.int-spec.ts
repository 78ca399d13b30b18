import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishEvent } from '../../factories/event.factory.js';
import { createPublishedCourse } from '../../factories/course.factory.js';
import {
  awardsOf,
  badgeInput,
  campaignFor,
  createBadge,
  credit,
  CREATE_BADGE,
  drain,
  evaluator,
  MY_BADGES,
  playedLiveGame,
  UPDATE_BADGE,
} from '../../factories/gamification.factory.js';
import { createDepartment, createPerson, signedIn, TEST_PASSWORD } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { onRealPostgres, startTestApp, type TestApp } from '../../utils/test-app.js';

const WEEK = 7 * 86_400_000;

let app: TestApp;
let admin: GqlClient;
let adminId: string;
beforeAll(async () => {
  app = await startTestApp();
  const a = await signedIn(app, { roles: ['ADMIN'] });
  admin = a.client;
  adminId = a.person.id;
});
afterAll(() => app?.close());

// Each test judges only its own badges: the ones earlier tests made are archived (never awarded).
beforeEach(async () => {
  await app.dataSource.query(`UPDATE badges SET status = 'ARCHIVED' WHERE status = 'ACTIVE'`);
});

/** A real attendance: the person registers for a published event of this kind and is checked in. */
async function attend(trainer: GqlClient, attendee: GqlClient, kind: string): Promise<void> {
  const event = await publishEvent(trainer, { kind });
  const reg = (
    await attendee.ok(`mutation($s: ID!) { registerForSession(sessionId: $s) { id ticket } }`, {
      s: event.sessionIds[0],
    })
  ).registerForSession;
  await trainer.ok(`mutation($i: CheckInInput!) { checkIn(input: $i) { checkInId } }`, {
    i: { sessionId: event.sessionIds[0], token: reg.ticket, scanId: randomUUID() },
  });
}

describe('awarding from each source', () => {
  it('awards a course badge when an employee completes a course through the app, notifies once, celebrates once', async () => {
    const badge = await createBadge(admin, {
      kind: 'COURSES_COMPLETED',
      count: 1,
      category: 'INTEGRITY_LAW',
    });
    await drain(app);
    const { course, lessons } = await createPublishedCourse(app, { lessons: [{ kind: 'READING' }] });
    const { person, client } = await signedIn(app);
    const enrolment = (
      await client.ok(`mutation($c: ID!) { enrolInCourse(courseId: $c) { id } }`, { c: course.id })
    ).enrolInCourse;
    expect(await awardsOf(app, person.id)).toEqual([]);
    await client.ok(`mutation($i: CompleteLessonInput!) { completeLesson(input: $i) { courseCompleted } }`, {
      i: { enrolmentId: enrolment.id, lessonId: lessons[0].id, reading: { acknowledged: true } },
    });
    // The ledger entry queued the person; nothing is awarded until the evaluator runs.
    expect(await awardsOf(app, person.id)).toEqual([]);
    expect((await drain(app)).awarded).toBe(1);
    expect(await awardsOf(app, person.id)).toEqual([badge.id]);

    const notes = await app.dataSource.query(
      `SELECT kind, title_ko FROM notifications WHERE person_id = $1`,
      [person.id],
    );
    expect(notes).toEqual([{ kind: 'BADGE_EARNED', title_ko: `배지 획득: ${badge.nameKo}` }]);

    const mine = (await client.ok(MY_BADGES)).myBadges;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ celebratedAt: null, badge: { id: badge.id } });
    const celebrate = `mutation($ids: [ID!]!) { celebrateBadges(awardIds: $ids) }`;
    expect((await client.ok(celebrate, { ids: [mine[0].id] })).celebrateBadges).toBe(1);
    expect((await client.ok(celebrate, { ids: [mine[0].id] })).celebrateBadges).toBe(0);
    // Someone else cannot mark it.
    const other = await signedIn(app);
    expect((await other.client.ok(celebrate, { ids: [mine[0].id] })).celebrateBadges).toBe(0);
    expect((await client.ok(MY_BADGES)).myBadges[0].celebratedAt).not.toBeNull();
  });

  it('awards an event-kind badge when a person is checked in at concerts, not at talks', async () => {
    const badge = await createBadge(admin, { kind: 'EVENTS_ATTENDED', count: 2, eventKind: 'CONCERT' });
    await drain(app);
    const trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
    const { person, client } = await signedIn(app);
    await attend(trainer, client, 'CONCERT');
    await attend(trainer, client, 'TALK');
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([]);
    await attend(trainer, client, 'CONCERT');
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([badge.id]);
  });

  it('awards perfect-quiz, pledge and live-game badges from their sources', async () => {
    const perfect = await createBadge(admin, { kind: 'PERFECT_QUIZZES', count: 2 });
    const pledge = await createBadge(admin, { kind: 'PLEDGES_SIGNED', count: 1 });
    const winner = await createBadge(admin, { kind: 'LIVE_GAME_PLACED', count: 1, maxRank: 1 });
    const bell = await createBadge(admin, { kind: 'GOLDEN_BELL_RUNG', count: 1 });
    await drain(app);
    const person = await createPerson(app);

    await credit(app, person.id, 'QUIZ_PERFECT');
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([]);
    await credit(app, person.id, 'QUIZ_PERFECT');
    await credit(app, person.id, 'PLEDGE');
    await playedLiveGame(app, adminId, person.id, 2);
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([perfect.id, pledge.id].sort());

    // Second place in a Golden Bell, standing: not a win, the bell did not ring.
    await playedLiveGame(app, adminId, person.id, 2, 'GOLDEN_BELL');
    await drain(app);
    expect(await awardsOf(app, person.id)).not.toContain(bell.id);
    await playedLiveGame(app, adminId, person.id, 1, 'GOLDEN_BELL');
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([perfect.id, pledge.id, winner.id, bell.id].sort());
  });

  it('awards a weekly-streak badge from activity in consecutive weeks, a freeze covering a missed week', async () => {
    const badge = await createBadge(admin, { kind: 'STREAK_WEEKS', weeks: 4 });
    await drain(app);
    const person = await createPerson(app);
    const now = Date.now();
    // weeks -6, -5, -4, -3 active → a freeze earned; week -2 missed (frozen); weeks -1 and 0 active
    for (const w of [6, 5, 4])
      await credit(app, person.id, 'LESSON', { occurredAt: new Date(now - w * WEEK), xp: 5 });
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([]);
    await credit(app, person.id, 'LESSON', { occurredAt: new Date(now - 3 * WEEK), xp: 5 });
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([badge.id]);

    const client = await app.client().login(person.email, TEST_PASSWORD);
    await credit(app, person.id, 'LESSON', { occurredAt: new Date(now - 1 * WEEK), xp: 5 });
    await credit(app, person.id, 'LESSON', { occurredAt: new Date(now), xp: 5 });
    const profile = (
      await client.ok(
        `{ myGamification { xp level progress nextLevelXp streak { current longest freezesLeft activeThisWeek frozenWeekStarts } badgeCount } }`,
      )
    ).myGamification;
    expect(profile).toMatchObject({
      xp: 30,
      level: 1,
      nextLevelXp: 50,
      badgeCount: 1,
      streak: { current: 6, longest: 6, freezesLeft: 0, activeThisWeek: true },
    });
    expect(profile.progress).toBeCloseTo(0.6);
    expect(profile.streak.frozenWeekStarts).toHaveLength(1);
  });

  it('awards early-completion XP once and the campaign-early badge, and a team badge to the whole department', async () => {
    const dept = await createDepartment(app.dataSource);
    const a = await createPerson(app, { departmentId: dept.id });
    const b = await createPerson(app, { departmentId: dept.id });
    const { campaignId, assignmentIds } = await campaignFor(app, adminId, [a.id, b.id], 60, 20);
    const early = await createBadge(admin, { kind: 'CAMPAIGN_EARLY', count: 1, daysBefore: 14 });
    const team = await createBadge(admin, { kind: 'DEPARTMENT_CAMPAIGN_DONE', campaignId });
    expect(team.team).toBe(true);
    await drain(app);

    await credit(app, a.id, 'EVENT_ATTENDANCE', { minutes: 60, xp: 30 });
    await drain(app);
    expect(await awardsOf(app, a.id)).toEqual([early.id]);
    expect(await awardsOf(app, b.id)).toEqual([]);
    const earlyXp = await app.dataSource.query(
      `SELECT xp, source_id FROM credit_entries WHERE person_id = $1 AND source_kind = 'EARLY_COMPLETION'`,
      [a.id],
    );
    expect(earlyXp).toEqual([{ xp: 30, source_id: assignmentIds[0] }]);

    // b finishes last: the department is complete before the due date, both get the team badge.
    await credit(app, b.id, 'EVENT_ATTENDANCE', { minutes: 60, xp: 30 });
    await drain(app);
    expect(await awardsOf(app, b.id)).toEqual([early.id, team.id].sort());
    expect(await awardsOf(app, a.id)).toEqual([early.id, team.id].sort());
    await drain(app);
    expect(
      (
        await app.dataSource.query(
          `SELECT count(*)::int AS n FROM credit_entries WHERE person_id = $1 AND source_kind = 'EARLY_COMPLETION'`,
          [a.id],
        )
      )[0].n,
    ).toBe(1);
  });

  it('chains: a badge that requires another is awarded in the same run', async () => {
    const first = await createBadge(admin, { kind: 'PLEDGES_SIGNED', count: 1 });
    const second = await createBadge(admin, {
      all: [
        { kind: 'BADGE_EARNED', badgeId: first.id },
        { kind: 'PLEDGES_SIGNED', count: 1 },
      ],
    });
    await drain(app);
    const person = await createPerson(app);
    await credit(app, person.id, 'PLEDGE');
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([first.id, second.id].sort());
  });
});

describe('back-fill', () => {
  it('awards a new badge to people who already qualify, and a changed badge to those its new criteria admit', async () => {
    const person = await createPerson(app);
    for (let i = 0; i < 3; i++) await credit(app, person.id, 'QUIZ_PERFECT');
    await drain(app);
    const name = `만점왕 ${randomUUID().slice(0, 6)}`;
    const badge = await createBadge(admin, { kind: 'PERFECT_QUIZZES', count: 5 }, name);
    await drain(app);
    expect(await awardsOf(app, person.id)).not.toContain(badge.id);

    const updated = (
      await admin.ok(UPDATE_BADGE, {
        id: badge.id,
        i: badgeInput({ kind: 'PERFECT_QUIZZES', count: 3 }, name),
      })
    ).updateBadge;
    expect(updated.version).toBe(2);
    expect(updated.criteriaNarrativeKo).toBe('퀴즈 3개 만점 통과');
    await drain(app);
    expect(await awardsOf(app, person.id)).toContain(badge.id);

    // The same create again is a no-op that returns the same badge; other content under the name is refused.
    const again = (
      await admin.ok(CREATE_BADGE, { i: badgeInput({ kind: 'PERFECT_QUIZZES', count: 3 }, name) })
    ).createBadge;
    expect(again.id).toBe(badge.id);
    expect(
      await admin.code(CREATE_BADGE, { i: badgeInput({ kind: 'PERFECT_QUIZZES', count: 9 }, name) }),
    ).toBe('VALIDATION_FAILED');
  });

  it('previews who would qualify before saving', async () => {
    const person = await createPerson(app, { name: '미리보기 대상' });
    const criteria = { kind: 'PERFECT_QUIZZES', count: 7 };
    for (let i = 0; i < 7; i++) await credit(app, person.id, 'QUIZ_PERFECT');
    const preview = (
      await admin.ok(
        `query($c: String!) { badgePreview(criteria: $c) { qualifying total sample { personId name } } }`,
        {
          c: JSON.stringify(criteria),
        },
      )
    ).badgePreview;
    expect(preview.qualifying).toBe(1);
    expect(preview.sample).toEqual([{ personId: person.id, name: '미리보기 대상' }]);
    expect(preview.total).toBeGreaterThan(1);
  });
});

describe('bad criteria', () => {
  const code = (criteria: unknown) =>
    admin.code(CREATE_BADGE, {
      i: badgeInput(typeof criteria === 'string' ? criteria : JSON.stringify(criteria)),
    });

  it('refuses impossible values, empty groups, unknown kinds and non-JSON with CRITERIA_INVALID', async () => {
    expect(await code({ kind: 'COURSES_COMPLETED', count: 0 })).toBe('CRITERIA_INVALID');
    expect(await code({ kind: 'LIVE_GAME_PLACED', count: 1, maxRank: 4 })).toBe('CRITERIA_INVALID');
    expect(await code({ all: [] })).toBe('CRITERIA_INVALID');
    expect(await code({ kind: 'BRIBES_TAKEN', count: 1 })).toBe('CRITERIA_INVALID');
    expect(await code('{not json')).toBe('CRITERIA_INVALID');
    const res = await admin.gql(CREATE_BADGE, {
      i: badgeInput({ any: [{ kind: 'STREAK_WEEKS', weeks: 500 }] }),
    });
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'criteria.any.0.weeks', message: expect.any(String) },
    ]);
  });

  it('refuses references to missing courses, campaigns and badges', async () => {
    const res = await admin.gql(CREATE_BADGE, {
      i: badgeInput({ kind: 'COURSE_COMPLETED', courseId: randomUUID() }),
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CRITERIA_REFERENCE_MISSING', kind: 'course' });
    expect(await code({ kind: 'DEPARTMENT_CAMPAIGN_DONE', campaignId: randomUUID() })).toBe(
      'CRITERIA_REFERENCE_MISSING',
    );
    expect(await code({ kind: 'BADGE_EARNED', badgeId: randomUUID() })).toBe('CRITERIA_REFERENCE_MISSING');
  });

  it('refuses a cycle of badges requiring each other, and nothing is written', async () => {
    const a = await createBadge(admin, { kind: 'PLEDGES_SIGNED', count: 1 });
    const b = await createBadge(admin, { kind: 'BADGE_EARNED', badgeId: a.id });
    const res = await admin.gql(UPDATE_BADGE, {
      id: a.id,
      i: badgeInput({ kind: 'BADGE_EARNED', badgeId: b.id }, a.nameKo),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('CRITERIA_CYCLE');
    expect(res.errors?.[0]?.extensions?.badgeIds).toEqual(expect.arrayContaining([a.id, b.id]));
    const [stored] = await app.dataSource.query(`SELECT criteria, version FROM badges WHERE id = $1`, [a.id]);
    expect(stored).toEqual({ criteria: { kind: 'PLEDGES_SIGNED', count: 1 }, version: 1 });
    // The editor's preview says so before saving, when it names the badge being edited; for a
    // new badge the same criteria are fine.
    const PREVIEW = `query($c: String!, $b: ID) { badgePreview(criteria: $c, badgeId: $b) { qualifying } }`;
    const requiresB = JSON.stringify({ kind: 'BADGE_EARNED', badgeId: b.id });
    expect(await admin.code(PREVIEW, { c: requiresB, b: a.id })).toBe('CRITERIA_CYCLE');
    expect((await admin.ok(PREVIEW, { c: requiresB })).badgePreview.qualifying).toBeGreaterThanOrEqual(0);
    expect(await admin.code(PREVIEW, { c: requiresB, b: randomUUID() })).toBe('BADGE_NOT_FOUND');
    expect(await admin.code(PREVIEW, { c: requiresB, b: 'not-an-id' })).toBe('BADGE_NOT_FOUND');
    // A badge requiring itself is a cycle too.
    expect(
      await admin.code(UPDATE_BADGE, {
        id: b.id,
        i: badgeInput({ kind: 'BADGE_EARNED', badgeId: b.id }, b.nameKo),
      }),
    ).toBe('CRITERIA_CYCLE');
  });

  it('lets only admins author badges', async () => {
    const { client } = await signedIn(app, { roles: ['TRAINER', 'MANAGER'] });
    expect(await client.code(CREATE_BADGE, { i: badgeInput({ kind: 'PLEDGES_SIGNED', count: 1 }) })).toBe(
      'FORBIDDEN',
    );
  });
});

describe('integrity of awarding', () => {
  it('awards once when concurrent evaluations both complete the badge', async () => {
    const badge = await createBadge(admin, { kind: 'PLEDGES_SIGNED', count: 1 });
    await drain(app);
    const person = await createPerson(app);
    // Two ledger entries → two outbox rows; two evaluators take one each, in parallel.
    await credit(app, person.id, 'PLEDGE');
    await credit(app, person.id, 'PLEDGE');
    const rows = await app.dataSource.query(`SELECT id FROM gamification_outbox WHERE person_id = $1`, [
      person.id,
    ]);
    expect(rows).toHaveLength(2);
    const results = await Promise.all([
      evaluator(app).processBatch(),
      evaluator(app).processBatch(),
      drain(app),
    ]);
    expect(results.reduce((s, r) => s + r.awarded, 0)).toBe(1);
    expect(await awardsOf(app, person.id)).toEqual([badge.id]);
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE person_id = $1 AND kind = 'BADGE_EARNED'`,
      [person.id],
    );
    expect(n).toBe(1);
    if (!onRealPostgres)
      console.info('concurrency with separate connections runs on real PostgreSQL (DATABASE_URL)');
  });

  it('loses nothing when evaluation crashes before commit: the work stays queued and is retried', async () => {
    const badge = await createBadge(admin, { kind: 'PERFECT_QUIZZES', count: 1 });
    await drain(app);
    const person = await createPerson(app);
    await credit(app, person.id, 'QUIZ_PERFECT');
    await expect(
      evaluator(app).processBatch({
        beforeCommit: async () => {
          throw new Error('process killed');
        },
      }),
    ).rejects.toThrow('process killed');
    expect(await awardsOf(app, person.id)).toEqual([]);
    const [queued] = await app.dataSource.query(
      `SELECT attempts, last_error, available_at > now() AS later FROM gamification_outbox WHERE person_id = $1`,
      [person.id],
    );
    expect(queued).toEqual({ attempts: 1, last_error: 'Error: process killed', later: true });
    // The back-off passes (a restarted process would find the row the same way).
    await app.dataSource.query(`UPDATE gamification_outbox SET available_at = now() WHERE person_id = $1`, [
      person.id,
    ]);
    await drain(app);
    expect(await awardsOf(app, person.id)).toEqual([badge.id]);
    expect(
      await app.dataSource.query(`SELECT id FROM gamification_outbox WHERE person_id = $1`, [person.id]),
    ).toEqual([]);
  });

  it('keeps a revoked award revoked (re-evaluation does not award it again) and shows it in myBadges', async () => {
    const badge = await createBadge(admin, { kind: 'PLEDGES_SIGNED', count: 1 });
    await drain(app);
    const { person, client } = await signedIn(app);
    await credit(app, person.id, 'PLEDGE');
    await drain(app);
    const [award] = (await client.ok(MY_BADGES)).myBadges;
    const REVOKE = `mutation($a: ID!, $r: String!) { revokeBadgeAward(awardId: $a, reason: $r) { id revokedAt revokedReason } }`;
    expect(await client.code(REVOKE, { a: award.id, r: '잘못 수여됨' })).toBe('FORBIDDEN');
    const revoked = (await admin.ok(REVOKE, { a: award.id, r: '잘못 수여됨' })).revokeBadgeAward;
    expect(revoked.revokedReason).toBe('잘못 수여됨');
    await credit(app, person.id, 'PLEDGE');
    await drain(app);
    const mine = (await client.ok(MY_BADGES)).myBadges;
    expect(mine).toHaveLength(1);
    expect(mine[0].revokedAt).not.toBeNull();
    expect(mine[0].badge.id).toBe(badge.id);
  });
});
