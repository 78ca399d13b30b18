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
 * what a decision needs: seats, the event's state, window and titles. $1 session id.
 */
export const LOCK_SESSION_SQL = `
SELECT s.id, s.event_id AS "eventId", s.capacity, s.confirmed_count AS "confirmedCount",
       s.waitlist_count AS "waitlistCount", s.starts_at AS "startsAt",
       e.status, e.registration_opens_at AS "opensAt", e.registration_closes_at AS "closesAt",
       e.title_ko AS "titleKo", e.title_en AS "titleEn"
  FROM event_sessions s JOIN events e ON e.id = s.event_id
 WHERE s.id = $1
   FOR UPDATE OF s`;

/**
 * People registered for one session, as a batch: one call of the database function
 * `event_register_batch` (migration `registration-batches`) locks the session row, decides in
 * arrival order (seat, waitlist place, or nothing when the person already holds a registration
 * or may not register now), takes the waitlist places and inserts — one statement run on its own
 * (autocommit), so the lock is held only inside PostgreSQL and one commit serves the batch.
 * Returns one row per distinct person: the decision facts (the service turns "nothing" into the
 * reason) and their registration, made now or already held. $1 session id, $2 person ids in
 * arrival order, $3 who registered them (null: each themselves; a manager for a group).
 */
export const REGISTER_BATCH_SQL = `
SELECT b.person_id AS "personId", b.in_audience AS "inAudience", b.made, b.event_id AS "eventId",
       b.event_status AS "eventStatus", b.starts_at AS "startsAt", b.opens_at AS "opensAt", b.closes_at AS "closesAt",
       b.id, b.status, b.waitlist_position AS "waitlistPosition", b.registered_at AS "registeredAt",
       b.registered_by_id AS "registeredById", b.confirmed_at AS "confirmedAt", b.promoted_at AS "promotedAt",
       b.cancelled_at AS "cancelledAt"
  FROM event_register_batch($1::uuid, $2::uuid[], $3::uuid) b`;

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
