import type { EntityManager } from 'typeorm';

export interface AssignmentProgressRow {
  assignment_id: string;
  campaign_id: string;
  person_id: string;
  due_at: Date;
  minutes_target: number;
  minutes_earned: number;
  required_course_ids: string[];
  completed_course_ids: string[];
  any_activity: boolean;
}

/**
 * Progress of assignments, computed from the ledger (minutes credited in the campaign period) and
 * course completions in the period. Reads other modules' tables on purpose: this is a report.
 */
export async function assignmentProgress(
  em: EntityManager,
  assignmentIds: readonly string[],
): Promise<AssignmentProgressRow[]> {
  if (assignmentIds.length === 0) return [];
  return em.query(
    `SELECT a.id AS assignment_id, a.campaign_id, a.person_id,
            coalesce(a.due_at_override, c.due_at) AS due_at,
            coalesce((SELECT max(t.minutes_target) FROM campaign_tiers t WHERE t.id = ANY(a.tier_ids)), 0)::int AS minutes_target,
            coalesce((SELECT sum(e.minutes) FROM credit_entries e
                       WHERE e.person_id = a.person_id AND e.occurred_at >= c.period_start AND e.occurred_at < c.period_end), 0)::int
              AS minutes_earned,
            coalesce((SELECT array_agg(DISTINCT rc.course_id) FROM campaign_required_courses rc WHERE rc.tier_id = ANY(a.tier_ids)),
                     '{}') AS required_course_ids,
            coalesce((SELECT array_agg(DISTINCT ce.course_id) FROM course_enrolments ce
                       WHERE ce.person_id = a.person_id AND ce.completed_at >= c.period_start AND ce.completed_at < c.period_end),
                     '{}') AS completed_course_ids,
            (EXISTS (SELECT 1 FROM credit_entries e
                      WHERE e.person_id = a.person_id AND e.occurred_at >= c.period_start AND e.occurred_at < c.period_end)
             OR EXISTS (SELECT 1 FROM course_enrolments ce
                         WHERE ce.person_id = a.person_id AND ce.started_at >= c.period_start AND ce.started_at < c.period_end))
              AS any_activity
       FROM campaign_assignments a
       JOIN campaigns c ON c.id = a.campaign_id
      WHERE a.id = ANY($1::uuid[])`,
    [assignmentIds],
  );
}

/** Titles of courses (their published version, else the newest), for requirement lists. */
export async function courseTitles(
  em: EntityManager,
  courseIds: readonly string[],
): Promise<Map<string, { ko: string; en: string }>> {
  if (courseIds.length === 0) return new Map();
  const rows: { course_id: string; title_ko: string; title_en: string }[] = await em.query(
    `SELECT DISTINCT ON (v.course_id) v.course_id, v.title_ko, v.title_en
       FROM course_versions v
      WHERE v.course_id = ANY($1::uuid[])
      ORDER BY v.course_id, (v.status = 'PUBLISHED') DESC, v.version DESC`,
    [courseIds],
  );
  return new Map(rows.map((r) => [r.course_id, { ko: r.title_ko, en: r.title_en }]));
}

/**
 * When each assignment's requirement was first met: the moment cumulative minutes in the period
 * reached the target, and every required course had been completed in the period — the later of
 * the two. Null while not met. One query for any number of assignments.
 */
export async function completionTimes(
  em: EntityManager,
  assignmentIds: readonly string[],
): Promise<Map<string, Date | null>> {
  if (assignmentIds.length === 0) return new Map();
  const rows: { id: string; completed_at: Date | null }[] = await em.query(
    `WITH a AS (
       SELECT a.id, a.person_id, a.tier_ids, c.period_start, c.period_end,
              coalesce((SELECT max(t.minutes_target) FROM campaign_tiers t WHERE t.id = ANY(a.tier_ids)), 0) AS target
         FROM campaign_assignments a JOIN campaigns c ON c.id = a.campaign_id
        WHERE a.id = ANY($1::uuid[])
     ), running AS (
       SELECT a.id, e.occurred_at,
              sum(e.minutes) OVER (PARTITION BY a.id ORDER BY e.occurred_at, e.id) AS total, a.target
         FROM a JOIN credit_entries e
           ON e.person_id = a.person_id AND e.occurred_at >= a.period_start AND e.occurred_at < a.period_end
     ), minutes_met AS (
       SELECT a.id,
              CASE WHEN a.target = 0 THEN '-infinity'::timestamptz
                   ELSE (SELECT min(r.occurred_at) FROM running r WHERE r.id = a.id AND r.total >= a.target) END AS at
         FROM a
     ), courses_met AS (
       SELECT a.id,
              CASE WHEN count(rc.course_id) = 0 THEN '-infinity'::timestamptz
                   WHEN bool_and(done.first_done IS NOT NULL) THEN max(done.first_done) END AS at
         FROM a
         LEFT JOIN campaign_required_courses rc ON rc.tier_id = ANY(a.tier_ids)
         LEFT JOIN LATERAL (
           SELECT min(ce.completed_at) AS first_done FROM course_enrolments ce
            WHERE ce.person_id = a.person_id AND ce.course_id = rc.course_id
              AND ce.completed_at >= a.period_start AND ce.completed_at < a.period_end
         ) done ON true
        GROUP BY a.id
     )
     SELECT a.id,
            CASE WHEN m.at IS NULL OR c.at IS NULL THEN NULL
                 WHEN m.at = '-infinity' AND c.at = '-infinity' THEN NULL
                 ELSE greatest(m.at, c.at) END AS completed_at
       FROM a JOIN minutes_met m ON m.id = a.id JOIN courses_met c ON c.id = a.id`,
    [assignmentIds],
  );
  return new Map(rows.map((r) => [r.id, r.completed_at ? new Date(r.completed_at) : null]));
}
