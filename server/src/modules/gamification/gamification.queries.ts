import {
  computeStreak,
  emptyFacts,
  weekIndex,
  type CourseCategory,
  type EventKind,
  type PersonFacts,
} from '@palma/shared';
import type { EntityManager } from 'typeorm';

/**
 * Reads what people have done, for badge criteria, from the ledger and the domain tables of
 * courses, events, live games and campaigns. Reads other modules' tables on purpose: like a
 * report, evaluation needs them all at once, in one transaction, for many people.
 */

/** The Korean week number of a ledger entry, computed in SQL exactly as `weekIndex` does. */
export const WEEK_SQL = `floor((extract(epoch FROM occurred_at) * 1000 + 32400000 - 345600000) / 604800000)::int`;

/** Ledger kinds that count as learning activity for streaks. */
export const ACTIVITY_KINDS = `('LESSON','COURSE_COMPLETION','PLEDGE','QUIZ','QUIZ_PERFECT','EVENT_ATTENDANCE','LIVE_GAME')`;

export interface Assignment {
  id: string;
  personId: string;
  campaignId: string;
  departmentId: string;
  dueAt: Date;
}

/** Active campaign assignments of people (and the department each person is in now). */
export async function assignmentsOf(em: EntityManager, personIds: readonly string[]): Promise<Assignment[]> {
  if (personIds.length === 0) return [];
  const rows: { id: string; person_id: string; campaign_id: string; department_id: string; due_at: Date }[] =
    await em.query(
      `SELECT a.id, a.person_id, a.campaign_id, p.department_id, coalesce(a.due_at_override, c.due_at) AS due_at
         FROM campaign_assignments a
         JOIN campaigns c ON c.id = a.campaign_id
         JOIN people p ON p.id = a.person_id
        WHERE a.person_id = ANY($1::uuid[]) AND a.left_at IS NULL AND c.status IN ('ACTIVE','CLOSED')`,
      [personIds],
    );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    campaignId: r.campaign_id,
    departmentId: r.department_id,
    dueAt: new Date(r.due_at),
  }));
}

export async function activityWeeks(
  em: EntityManager,
  personIds: readonly string[],
): Promise<Map<string, number[]>> {
  if (personIds.length === 0) return new Map();
  const rows: { person_id: string; weeks: number[] }[] = await em.query(
    `SELECT person_id, array_agg(DISTINCT ${WEEK_SQL}) AS weeks
       FROM credit_entries
      WHERE person_id = ANY($1::uuid[]) AND source_kind IN ${ACTIVITY_KINDS}
      GROUP BY person_id`,
    [personIds],
  );
  return new Map(rows.map((r) => [r.person_id, r.weeks.map(Number)]));
}

type Mutable = {
  -readonly [K in keyof PersonFacts]: PersonFacts[K] extends ReadonlySet<infer T>
    ? Set<T>
    : PersonFacts[K] extends readonly (infer U)[]
      ? U[]
      : PersonFacts[K];
};

export interface FactsOptions {
  /** Days early of each finished assignment, computed by the campaigns module. */
  completion: (assignmentIds: string[]) => Promise<Map<string, Date | null>>;
  /** Only computed when some badge asks (team badges need the whole department). */
  withDepartments: boolean;
  now?: Date;
}

/** Facts for many people in a handful of queries. */
export async function factsFor(
  em: EntityManager,
  personIds: readonly string[],
  options: FactsOptions,
): Promise<Map<string, PersonFacts>> {
  const facts = new Map<string, Mutable>(personIds.map((id) => [id, emptyFacts() as Mutable]));
  if (personIds.length === 0) return facts;
  const ids = [...personIds];
  const of = (id: string) => facts.get(id)!;

  const courses: { person_id: string; course_id: string; category: CourseCategory | null }[] = await em.query(
    `SELECT DISTINCT ON (ce.person_id, ce.course_id) ce.person_id, ce.course_id, v.category
       FROM course_enrolments ce JOIN course_versions v ON v.id = ce.version_id
      WHERE ce.person_id = ANY($1::uuid[]) AND ce.completed_at IS NOT NULL
      ORDER BY ce.person_id, ce.course_id, ce.completed_at`,
    [ids],
  );
  for (const c of courses)
    of(c.person_id).coursesCompleted.push({ courseId: c.course_id, category: c.category });

  const counts: { person_id: string; source_kind: string; n: number }[] = await em.query(
    `SELECT person_id, source_kind, count(*)::int AS n FROM credit_entries
      WHERE person_id = ANY($1::uuid[]) AND source_kind IN ('QUIZ_PERFECT','PLEDGE')
      GROUP BY person_id, source_kind`,
    [ids],
  );
  for (const c of counts) {
    if (c.source_kind === 'QUIZ_PERFECT') of(c.person_id).perfectQuizzes = c.n;
    else of(c.person_id).pledgesSigned = c.n;
  }

  const events: { person_id: string; kind: EventKind }[] = await em.query(
    `SELECT ci.person_id, e.kind
       FROM event_check_ins ci
       JOIN event_sessions s ON s.id = ci.session_id
       JOIN events e ON e.id = s.event_id
      WHERE ci.person_id = ANY($1::uuid[]) AND ci.undone_at IS NULL`,
    [ids],
  );
  for (const e of events) of(e.person_id).eventsAttended.push(e.kind);

  const games: { person_id: string; rank: number | null; rang: boolean }[] = await em.query(
    `SELECT lp.person_id, lp.rank, (g.mode = 'GOLDEN_BELL' AND lp.alive AND lp.rank = 1) AS rang
       FROM live_players lp JOIN live_games g ON g.id = lp.game_id
      WHERE lp.person_id = ANY($1::uuid[]) AND g.phase = 'FINISHED'
        AND lp.kicked_at IS NULL AND lp.answered_count > 0`,
    [ids],
  );
  for (const g of games) {
    if (g.rank !== null) of(g.person_id).liveGameRanks.push(g.rank);
    if (g.rang) of(g.person_id).goldenBellsRung++;
  }

  const current = weekIndex(options.now ?? new Date());
  for (const [personId, weeks] of await activityWeeks(em, ids))
    of(personId).longestStreakWeeks = computeStreak(weeks, current).longest;

  const awards: { person_id: string; badge_id: string }[] = await em.query(
    `SELECT person_id, badge_id FROM badge_awards WHERE person_id = ANY($1::uuid[]) AND revoked_at IS NULL`,
    [ids],
  );
  for (const a of awards) of(a.person_id).badgeIds.add(a.badge_id);

  const own = await assignmentsOf(em, ids);
  const done = await options.completion(own.map((a) => a.id));
  for (const a of own) {
    const at = done.get(a.id);
    if (at)
      of(a.personId).campaignDaysEarly.push(Math.floor((a.dueAt.getTime() - at.getTime()) / 86_400_000));
  }

  if (options.withDepartments) {
    const teams = await departmentCampaignsDone(em, ids, options.completion);
    const departmentOf: { id: string; department_id: string }[] = await em.query(
      `SELECT id, department_id FROM people WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    for (const p of departmentOf)
      of(p.id).departmentCampaignsDone = new Set(teams.get(p.department_id) ?? []);
  }
  return facts;
}

/**
 * For the departments of these people: the campaigns that every active member assigned to them
 * finished on or before their due date (a department with nobody assigned has done nothing).
 */
export async function departmentCampaignsDone(
  em: EntityManager,
  personIds: readonly string[],
  completion: (assignmentIds: string[]) => Promise<Map<string, Date | null>>,
): Promise<Map<string, string[]>> {
  const members: { id: string }[] = await em.query(
    `SELECT m.id FROM people m
      WHERE m.active AND m.department_id IN (SELECT department_id FROM people WHERE id = ANY($1::uuid[]))`,
    [personIds],
  );
  const assignments = await assignmentsOf(
    em,
    members.map((m) => m.id),
  );
  const done = await completion(assignments.map((a) => a.id));
  const byTeam = new Map<string, boolean>();
  for (const a of assignments) {
    const key = `${a.departmentId}|${a.campaignId}`;
    const at = done.get(a.id);
    const onTime = !!at && at.getTime() <= a.dueAt.getTime();
    byTeam.set(key, (byTeam.get(key) ?? true) && onTime);
  }
  const out = new Map<string, string[]>();
  for (const [key, ok] of byTeam) {
    if (!ok) continue;
    const [departmentId, campaignId] = key.split('|');
    out.set(departmentId, [...(out.get(departmentId) ?? []), campaignId]);
  }
  return out;
}
