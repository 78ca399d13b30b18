/**
 * The SQL of the registration path, in one place: the service runs exactly these statements,
 * and the benchmark (e2e/load) feeds the same text to pgbench as its peer.
 */

/** A registration row's columns as the Registration shape; the table must be aliased `r`. */
export const REGISTRATION_COLUMNS = `r.id, r.session_id AS "sessionId", r.person_id AS "personId", r.status,
  r.waitlist_position AS "waitlistPosition", r.registered_at AS "registeredAt",
  r.registered_by_id AS "registeredById", r.confirmed_at AS "confirmedAt",
  r.promoted_at AS "promotedAt", r.cancelled_at AS "cancelledAt"`;

/**
 * Locks the session row (registrations for one session queue here, nowhere else) and reads
 * what the decision needs: seats, the event's state and window, whether the person is in the
 * audience (walking up from their department), and the id of their active registration if
 * they have one. (After waiting for the lock, a registration committed meanwhile may not show
 * here; the INSERT's conflict clause still refuses a second one.) $1 session id, $2 person id.
 */
export const LOCK_SESSION_SQL = `
SELECT s.id, s.event_id AS "eventId", s.capacity, s.confirmed_count AS "confirmedCount",
       s.waitlist_count AS "waitlistCount", s.starts_at AS "startsAt",
       e.status, e.registration_opens_at AS "opensAt", e.registration_closes_at AS "closesAt",
       e.title_ko AS "titleKo", e.title_en AS "titleEn",
       (NOT EXISTS (SELECT 1 FROM event_audience_departments a WHERE a.event_id = e.id)
        OR EXISTS (
          WITH RECURSIVE up(id, parent_id) AS (
            SELECT d.id, d.parent_id FROM departments d JOIN people p ON p.department_id = d.id WHERE p.id = $2
            UNION ALL
            SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id
          )
          SELECT 1 FROM up JOIN event_audience_departments a ON a.department_id = up.id AND a.event_id = e.id
        )) AS "inAudience",
       active.id AS "activeRegistrationId"
  FROM event_sessions s JOIN events e ON e.id = s.event_id
  LEFT JOIN LATERAL (SELECT r.id FROM event_registrations r
                      WHERE r.session_id = s.id AND r.person_id = $2 AND r.status <> 'CANCELLED') active ON TRUE
 WHERE s.id = $1
   FOR UPDATE OF s`;

/**
 * Inserts the registration, or revives the person's cancelled one (keeping its id, so the same
 * ticket). A WAITLISTED one takes the next waitlist position from the session's counter (the
 * session row is already locked; a double click that lost the race takes none, so positions
 * have no gaps but those left by cancellations and promotions). Returns nothing when they already hold an active
 * registration — a double click.
 * Triggers update the session's counts; the CHECK there refuses any overbooking. Times are
 * taken when the row is written (clock_timestamp, after the session lock), so registration
 * times follow the order seats and waitlist places were handed out.
 * $1 session, $2 person, $3 registered by, $4 status, $5 ticket sent at (null: the ticket mail
 * goes out after commit, see TicketNoticesService).
 */
export const INSERT_REGISTRATION_SQL = `
WITH place AS (
  UPDATE event_sessions SET waitlist_next = waitlist_next + 1
   WHERE id = $1 AND $4::varchar = 'WAITLISTED'
     AND NOT EXISTS (SELECT 1 FROM event_registrations WHERE session_id = $1 AND person_id = $2 AND status <> 'CANCELLED')
  RETURNING waitlist_next - 1 AS position
)
INSERT INTO event_registrations AS r
       (session_id, person_id, registered_by_id, status, waitlist_position, registered_at, confirmed_at, ticket_sent_at)
VALUES ($1, $2, $3, $4::varchar,
        -- No place was taken only when the person already holds a registration: then the
        -- conflict clause keeps that row and this 0 is never stored (CHECKs run before it).
        CASE WHEN $4::varchar = 'WAITLISTED' THEN coalesce((SELECT position FROM place), 0) END, clock_timestamp(),
        CASE WHEN $4::varchar = 'CONFIRMED' THEN clock_timestamp() END, $5::timestamptz)
ON CONFLICT (session_id, person_id) DO UPDATE
   SET status = EXCLUDED.status, waitlist_position = EXCLUDED.waitlist_position,
       registered_by_id = EXCLUDED.registered_by_id, registered_at = EXCLUDED.registered_at,
       confirmed_at = EXCLUDED.confirmed_at, promoted_at = NULL, cancelled_at = NULL,
       ticket_sent_at = EXCLUDED.ticket_sent_at
 WHERE r.status = 'CANCELLED'
RETURNING ${REGISTRATION_COLUMNS}`;

/**
 * People registering themselves for one session, as a batch: one call of the database function
 * `event_register_batch` (migration `registration-batches`) locks the session row, decides in
 * arrival order (seat, waitlist place, or nothing when the person already holds a registration
 * or may not register now), takes the waitlist places and inserts — one statement run on its own
 * (autocommit), so the lock is held only inside PostgreSQL and one commit serves the batch.
 * Returns one row per distinct person: the decision facts (the service turns "nothing" into the
 * reason) and their registration, made now or already held. $1 session id, $2 person ids in
 * arrival order.
 */
export const REGISTER_BATCH_SQL = `
SELECT b.person_id AS "personId", b.in_audience AS "inAudience", b.made, b.event_id AS "eventId",
       b.event_status AS "eventStatus", b.starts_at AS "startsAt", b.opens_at AS "opensAt", b.closes_at AS "closesAt",
       b.id, b.status, b.waitlist_position AS "waitlistPosition", b.registered_at AS "registeredAt",
       b.registered_by_id AS "registeredById", b.confirmed_at AS "confirmedAt", b.promoted_at AS "promotedAt",
       b.cancelled_at AS "cancelledAt"
  FROM event_register_batch($1::uuid, $2::uuid[]) b`;

/**
 * Gives the first `$2` waitlisted people of session `$1` a seat, in waitlist order. The caller
 * tells them in the same transaction (so their ticket counts as sent).
 */
export const PROMOTE_SQL = `
UPDATE event_registrations r
   SET status = 'CONFIRMED', waitlist_position = NULL, confirmed_at = now(), promoted_at = now(),
       ticket_sent_at = now()
  FROM (SELECT id FROM event_registrations
         WHERE session_id = $1 AND status = 'WAITLISTED'
         ORDER BY waitlist_position LIMIT $2) first
 WHERE r.id = first.id
RETURNING ${REGISTRATION_COLUMNS}`;

export interface Attendee {
  registrationId: string;
  sessionId: string;
  personId: string;
  name: string;
  employeeNumber: string;
  departmentNameKo: string;
  departmentNameEn: string;
  status: string;
  waitlistPosition: number | null;
  registeredAt: Date;
  checkInId: string | null;
  checkedInAt: Date | null;
}

/** Registrations with the person and their standing check-in (the registrant list and the door). */
export const ATTENDEE_SQL = `
SELECT r.id AS "registrationId", r.session_id AS "sessionId", r.person_id AS "personId", p.name, p.employee_number AS "employeeNumber",
       d.name_ko AS "departmentNameKo", d.name_en AS "departmentNameEn", r.status,
       r.waitlist_position AS "waitlistPosition", r.registered_at AS "registeredAt",
       c.id AS "checkInId", c.checked_in_at AS "checkedInAt"
  FROM event_registrations r
  JOIN people p ON p.id = r.person_id
  JOIN departments d ON d.id = p.department_id
  LEFT JOIN event_check_ins c ON c.registration_id = r.id AND c.undone_at IS NULL`;
