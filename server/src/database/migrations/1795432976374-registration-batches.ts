import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration in batches: `event_register_batch(session, people[])` registers several people for
 * one session in one transaction — one lock of the session row, one statement, one commit for
 * all of them. The server sends the people whose registrations queued up behind the one in
 * flight (see RegistrationsService.register); when nobody waits, a batch is one person. A
 * manager's group registration is one call too, with `p_by` naming who registered them (null:
 * each person registered themselves).
 *
 * In order of arrival (a person asked twice counts once, at their first place), everyone who may
 * register now and holds no active registration gets a seat while seats are free and nobody
 * waits, then the next waitlist places. The function locks the session row first, and each of its
 * statements reads after that lock (a volatile function takes a fresh snapshot per statement), so
 * it decides on every registration committed before it: all writers of a session's
 * registrations lock that row first. The seat-count trigger and its CHECK still refuse any
 * overbooking, and the unique indexes any second registration or shared waitlist place.
 *
 * One row per distinct person asked: whether they may register (`in_audience`), whether this call
 * made their registration (`made`, else it is the one they already held), the registration's
 * columns (null when none), and the session's facts the server needs to explain a refusal. No
 * rows when the session does not exist.
 */
export class RegistrationBatches1795432976374 implements MigrationInterface {
  name = 'RegistrationBatches1795432976374';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "event_register_batch"(p_session uuid, p_people uuid[], p_by uuid DEFAULT NULL)
RETURNS TABLE (person_id uuid, in_audience boolean, made boolean, event_id uuid, event_status varchar,
               starts_at timestamptz, opens_at timestamptz, closes_at timestamptz,
               id uuid, status varchar, waitlist_position integer, registered_at timestamptz,
               registered_by_id uuid, confirmed_at timestamptz, promoted_at timestamptz, cancelled_at timestamptz)
LANGUAGE plpgsql VOLATILE
-- Its statements are planned once per connection and reused: re-planning them on every call
-- (PostgreSQL's default for the first calls and for "cheap" plans) took longer than running them.
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
  s record;
  v_open boolean;
  v_free integer;
  v_now timestamptz;
BEGIN
  SELECT x.id, x.event_id, x.capacity, x.confirmed_count, x.waitlist_count, x.waitlist_next, x.starts_at,
         e.status, e.registration_opens_at AS opens_at, e.registration_closes_at AS closes_at,
         EXISTS (SELECT 1 FROM event_audience_departments a WHERE a.event_id = e.id) AS restricted
    INTO s
    FROM event_sessions x JOIN events e ON e.id = x.event_id
   WHERE x.id = p_session
     FOR UPDATE OF x;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- The batch's time, taken under the lock; each registration gets it plus one microsecond per
  -- place in arrival order, so registration times follow the order in which seats and waitlist
  -- places were handed out, within a batch as across batches.
  v_now := clock_timestamp();
  v_open := s.status = 'PUBLISHED' AND statement_timestamp() < s.starts_at
            AND statement_timestamp() >= coalesce(s.opens_at, '-infinity')
            AND statement_timestamp() < coalesce(s.closes_at, 'infinity');
  v_free := CASE WHEN s.waitlist_count = 0 THEN greatest(s.capacity - s.confirmed_count, 0) ELSE 0 END;
  RETURN QUERY
  WITH asked AS (
    SELECT a.person, min(a.ord) AS ord
      FROM unnest(p_people) WITH ORDINALITY AS a(person, ord)
     GROUP BY a.person
  ),
  facts AS (
    SELECT q.person, q.ord, active.id AS active_id,
           (NOT s.restricted OR EXISTS (
              WITH RECURSIVE up(id, parent_id) AS (
                SELECT d.id, d.parent_id FROM departments d JOIN people p ON p.department_id = d.id WHERE p.id = q.person
                UNION ALL
                SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id
              )
              SELECT 1 FROM up JOIN event_audience_departments a ON a.department_id = up.id AND a.event_id = s.event_id
           )) AS in_audience
      FROM asked q
      LEFT JOIN event_registrations active
        ON active.session_id = p_session AND active.person_id = q.person AND active.status <> 'CANCELLED'
  ),
  decided AS (
    SELECT f.person, n > v_free AS waits, n - v_free AS place, v_now + (n - 1) * interval '1 microsecond' AS at
      FROM (SELECT f.person, row_number() OVER (ORDER BY f.ord) AS n
              FROM facts f
             WHERE v_open AND f.in_audience AND f.active_id IS NULL) f
  ),
  place AS (
    UPDATE event_sessions x SET waitlist_next = x.waitlist_next + w.n
      FROM (SELECT count(*)::int AS n FROM decided WHERE waits) w
     WHERE x.id = p_session AND w.n > 0
  ),
  ins AS (
    INSERT INTO event_registrations AS r
           (session_id, person_id, registered_by_id, status, waitlist_position, registered_at, confirmed_at)
    SELECT p_session, d.person, coalesce(p_by, d.person), CASE WHEN d.waits THEN 'WAITLISTED' ELSE 'CONFIRMED' END,
           CASE WHEN d.waits THEN s.waitlist_next + d.place - 1 END, d.at,
           CASE WHEN NOT d.waits THEN d.at END
      FROM decided d
    -- A cancelled registration comes back to life (same id, so the same ticket).
    ON CONFLICT (session_id, person_id) DO UPDATE
       SET status = EXCLUDED.status, waitlist_position = EXCLUDED.waitlist_position,
           registered_by_id = EXCLUDED.registered_by_id, registered_at = EXCLUDED.registered_at,
           confirmed_at = EXCLUDED.confirmed_at, promoted_at = NULL, cancelled_at = NULL, ticket_sent_at = NULL
     WHERE r.status = 'CANCELLED'
    RETURNING r.*
  )
  SELECT f.person, f.in_audience, ins.id IS NOT NULL, s.event_id, s.status, s.starts_at, s.opens_at, s.closes_at,
         coalesce(ins.id, cur.id), coalesce(ins.status, cur.status),
         coalesce(ins.waitlist_position, cur.waitlist_position), coalesce(ins.registered_at, cur.registered_at),
         coalesce(ins.registered_by_id, cur.registered_by_id), coalesce(ins.confirmed_at, cur.confirmed_at),
         coalesce(ins.promoted_at, cur.promoted_at), coalesce(ins.cancelled_at, cur.cancelled_at)
    FROM facts f
    LEFT JOIN ins ON ins.person_id = f.person
    LEFT JOIN event_registrations cur ON cur.id = f.active_id
   ORDER BY f.ord;
END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "event_register_batch"(uuid, uuid[], uuid)`);
  }
}
