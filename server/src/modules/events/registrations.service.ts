import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  cancellationOpen,
  registrationWindow,
  type GroupRegistrationMode,
  type RegistrationStatus,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { DomainError } from '../../common/errors/domain-error.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Connection,
} from '../../common/graphql/connection.js';
import type { Notification } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PeopleService } from '../org/people.service.js';
import type { Registration } from './entities/registration.entity.js';
import { EventErrors } from './events.errors.js';
import {
  ATTENDEE_SQL,
  type Attendee,
  LOCK_SESSION_SQL,
  PROMOTE_SQL,
  REGISTER_BATCH_SQL,
  REGISTRATION_COLUMNS,
} from './registration.sql.js';
import { Coalescer } from '../../database/coalescer.js';
import { runAlone, runPrepared } from '../../database/prepared.js';
import { SeatsPublisher } from './seats-publisher.js';
import { TicketNoticesService } from './ticket-notices.service.js';

interface LockedSession {
  id: string;
  eventId: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  startsAt: Date;
  status: string;
  opensAt: Date | null;
  closesAt: Date | null;
  titleKo: string;
  titleEn: string;
}

/** One row of REGISTER_BATCH_SQL: the decision facts, and the person's registration (if any). */
interface BatchRow {
  personId: string;
  inAudience: boolean;
  made: boolean;
  eventId: string;
  eventStatus: string;
  startsAt: Date;
  opensAt: Date | null;
  closesAt: Date | null;
  id: string | null;
  status: RegistrationStatus | null;
  waitlistPosition: number | null;
  registeredAt: Date | null;
  registeredById: string | null;
  confirmedAt: Date | null;
  promotedAt: Date | null;
  cancelledAt: Date | null;
}

function registrationOf(r: BatchRow, sessionId: string): Registration {
  return {
    id: r.id!,
    sessionId,
    personId: r.personId,
    status: r.status!,
    waitlistPosition: r.waitlistPosition,
    registeredAt: r.registeredAt!,
    registeredById: r.registeredById!,
    confirmedAt: r.confirmedAt,
    promotedAt: r.promotedAt,
    cancelledAt: r.cancelledAt,
  } as Registration;
}

/** Most people one batch registers (a rush of thousands goes in several). */
const MAX_REGISTRATION_BATCH = 200;

export interface GroupRegistrationResult {
  registrations: Registration[];
  confirmed: number;
  waitlisted: number;
  alreadyRegistered: number;
}

/**
 * Seats and the waitlist. Every change to a session's registrations happens in one transaction
 * that first locks the session row, so decisions are made on current counts; the database's
 * triggers and CHECK constraints back this up (no overbooking, one registration per person,
 * unique waitlist positions).
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly people: PeopleService,
    private readonly seats: SeatsPublisher,
    private readonly ticketNotices: TicketNoticesService,
  ) {}

  /**
   * Registrations that queue up for one session while a batch for it is in flight go together
   * as the next batch: one lock, one statement and one commit for all of them (REGISTER_BATCH_SQL).
   * A quiet session registers each person at once, on their own.
   */
  private readonly batches = new Coalescer<string, BatchRow | undefined>(
    async (sessionId, personIds) => {
      const rows = await runAlone<BatchRow>(this.dataSource, 'palma_register_batch', REGISTER_BATCH_SQL, [
        sessionId,
        personIds,
        null,
      ]);
      const byPerson = new Map(rows.map((r) => [r.personId, r]));
      return personIds.map((id) => byPerson.get(id));
    },
    { maxBatch: MAX_REGISTRATION_BATCH },
  );

  /**
   * Registers the viewer: a seat while there are seats and nobody waiting, else the waitlist.
   * Idempotent: an active registration is returned as it is (a double click, a retry).
   */
  async register(viewer: Viewer, sessionId: string): Promise<Registration> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw EventErrors.sessionNotFound(sessionId);
    const row = await this.batches.run(sessionId, viewer.personId);
    if (!row || row.eventStatus === 'DRAFT') throw EventErrors.sessionNotFound(sessionId);
    if (!row.id) {
      // Nothing was written: say why, with the same rules the page shows.
      this.assertOpen({ ...row, status: row.eventStatus });
      if (!row.inAudience) throw EventErrors.notInAudience();
      throw EventErrors.closed();
    }
    const registration = registrationOf(row, sessionId);
    if (row.made) {
      this.seats.changed([sessionId]);
      if (registration.status === 'CONFIRMED') this.ticketNotices.kick();
    }
    return registration;
  }

  /**
   * Cancels a registration — the registrant's own (until the cut-off) or anyone's for trainers
   * and admins. A freed seat goes to the first person waiting, in the same transaction.
   */
  async cancel(viewer: Viewer, registrationId: string): Promise<Registration> {
    const organiser = viewer.roles.includes('ADMIN') || viewer.roles.includes('TRAINER');
    const notices: Notification[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const [found] = await em.query(
        `SELECT r.session_id AS "sessionId", r.person_id AS "personId" FROM event_registrations r WHERE r.id = $1`,
        [registrationId],
      );
      if (!found) throw EventErrors.registrationNotFound(registrationId);
      if (found.personId !== viewer.personId && !organiser) throw EventErrors.notYours();
      const session = await this.lockSession(em, found.sessionId);
      const [reg] = await em.query(
        `SELECT ${REGISTRATION_COLUMNS}, e.cancel_cutoff_minutes AS "cutoff",
                EXISTS (SELECT 1 FROM event_check_ins c WHERE c.registration_id = r.id AND c.undone_at IS NULL) AS "checkedIn"
           FROM event_registrations r JOIN event_sessions s ON s.id = r.session_id JOIN events e ON e.id = s.event_id
          WHERE r.id = $1`,
        [registrationId],
      );
      if (reg.status === 'CANCELLED') return stripExtra(reg);
      if (session.status === 'CANCELLED') throw EventErrors.cancelled();
      if (reg.checkedIn) throw EventErrors.checkedInCannotCancel();
      if (!organiser && !cancellationOpen(session.startsAt, reg.cutoff, new Date())) {
        throw EventErrors.cancellationClosed(reg.cutoff);
      }
      const [[cancelled]] = await em.query(
        `UPDATE event_registrations r SET status = 'CANCELLED', waitlist_position = NULL, cancelled_at = now()
          WHERE r.id = $1 RETURNING ${REGISTRATION_COLUMNS}`,
        [registrationId],
      );
      if (reg.status === 'CONFIRMED') notices.push(...(await this.promote(em, session, 1)));
      return cancelled as Registration;
    });
    await this.notifications.publish(notices);
    this.seats.changed([result.sessionId]);
    return result;
  }

  /**
   * A manager (their departments) or an admin (anyone) registers several people at once. Those already registered are
   * left as they are; the others get seats in the order given — all of them or none
   * (ALL_OR_NONE), or as many as fit with the rest on the waitlist (REST_TO_WAITLIST).
   */
  async registerGroup(
    viewer: Viewer,
    sessionId: string,
    personIds: readonly string[],
    mode: GroupRegistrationMode,
  ): Promise<GroupRegistrationResult> {
    const ids = [...new Set(personIds)];
    await this.assertInScope(viewer, ids);
    const notices: Notification[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const session = await this.lockSession(em, sessionId);
      this.assertOpen(session);
      // The same decision as self-registration, in the order given; anything refused below rolls
      // the whole call back.
      const rows = await runPrepared<BatchRow>(em, 'palma_register_batch', REGISTER_BATCH_SQL, [
        sessionId,
        ids,
        viewer.personId,
      ]);
      const outside = rows.filter((r) => !r.inAudience).map((r) => r.personId);
      if (outside.length > 0) throw EventErrors.notInAudience(outside);
      const made = rows.filter((r) => r.made);
      const free = session.waitlistCount > 0 ? 0 : Math.max(0, session.capacity - session.confirmedCount);
      if (mode === 'ALL_OR_NONE' && made.some((r) => r.status === 'WAITLISTED')) {
        throw EventErrors.notEnoughSeats(made.length, free);
      }
      const registrations = made.map((r) => registrationOf(r, sessionId));
      for (const reg of registrations) {
        // Confirmed people get their ticket from TicketNoticesService after commit.
        if (reg.status !== 'WAITLISTED') continue;
        const n = await this.notifications.notify(em, {
          personId: reg.personId,
          kind: 'EVENT_WAITLISTED',
          titleKo: `${session.titleKo}: 대기자로 등록되었습니다`,
          titleEn: `${session.titleEn}: you are on the waitlist`,
          bodyKo: '부서 관리자가 등록했습니다. 좌석이 나면 알려 드립니다. 참석할 수 없으면 취소해 주세요.',
          bodyEn:
            'Your manager registered you. We will tell you when a seat frees up. Please cancel if you cannot attend.',
          link: `/events/${session.eventId}`,
          dedupeKey: `event-group:${reg.id}:${reg.registeredAt.getTime()}`,
          email: true,
        });
        if (n) notices.push(n);
      }
      return {
        registrations,
        confirmed: registrations.filter((r) => r.status === 'CONFIRMED').length,
        waitlisted: registrations.filter((r) => r.status === 'WAITLISTED').length,
        alreadyRegistered: rows.filter((r) => !r.made && r.id).length,
      };
    });
    await this.notifications.publish(notices);
    this.seats.changed([sessionId]);
    return result;
  }

  /** The person's registrations for the given sessions (their active or cancelled row). */
  async ofPerson(personId: string, sessionIds: readonly string[]): Promise<Map<string, Registration>> {
    const rows: Registration[] = await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.person_id = $1 AND r.session_id = ANY($2::uuid[])`,
      [personId, sessionIds],
    );
    return new Map(rows.map((r) => [r.sessionId, r]));
  }

  /** The person's active registrations, soonest first (upcoming ones only by default). */
  mine(personId: string, upcomingOnly: boolean): Promise<Registration[]> {
    return this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r
         JOIN event_sessions s ON s.id = r.session_id JOIN events e ON e.id = s.event_id
        WHERE r.person_id = $1 AND r.status <> 'CANCELLED' AND e.status <> 'DRAFT'
          AND ($2::boolean IS FALSE OR s.ends_at > now())
        ORDER BY s.starts_at, r.id LIMIT 200`,
      [personId, upcomingOnly],
    );
  }

  /** Place in the queue for waitlisted registrations: 1 is next in line. */
  async waitlistPlaces(registrationIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { id: string; place: number }[] = await this.dataSource.query(
      `SELECT r.id, (SELECT count(*)::int FROM event_registrations o
                      WHERE o.session_id = r.session_id AND o.status = 'WAITLISTED'
                        AND o.waitlist_position <= r.waitlist_position) AS place
         FROM event_registrations r WHERE r.id = ANY($1::uuid[]) AND r.status = 'WAITLISTED'`,
      [registrationIds],
    );
    return new Map(rows.map((r) => [r.id, r.place]));
  }

  async byId(id: string): Promise<Registration | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.id = $1`,
      [id],
    );
    return (row as Registration | undefined) ?? null;
  }

  /** An event's registrants (organisers' list and CSV), by session start, status and name. */
  async registrants(
    eventId: string,
    filter: { sessionId?: string | null; status?: RegistrationStatus | null; search?: string | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Attendee>> {
    const limit = pageSize(first);
    const where = [`s.event_id = $1`];
    const params: unknown[] = [eventId];
    if (filter.sessionId) where.push(`r.session_id = $${params.push(filter.sessionId)}::uuid`);
    if (filter.status) where.push(`r.status = $${params.push(filter.status)}`);
    if (filter.search?.trim()) {
      const like = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(p.name ILIKE $${params.push(like)} OR p.employee_number ILIKE $${params.length})`);
    }
    const base = `${ATTENDEE_SQL} JOIN event_sessions s ON s.id = r.session_id WHERE ${where.join(' AND ')}`;
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${base}) x`, params);
    const offset = after ? Number(decodeCursor(after, 1)[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw new DomainError('BAD_CURSOR', 'The cursor is not valid for this list');
    const rows: Attendee[] = await this.dataSource.query(
      `${base} ORDER BY s.starts_at, CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITLISTED' THEN 1 ELSE 2 END,
               r.waitlist_position, p.name, r.id
        OFFSET ${offset} LIMIT ${limit + 1}`,
      params,
    );
    const indexed = rows.map((row, i) => ({ row, at: offset + i + 1 }));
    return toConnection(
      indexed,
      limit,
      n,
      (x) => encodeCursor([x.at]),
      (x) => x.row,
    );
  }

  /**
   * Gives up to `seats` waiting people a seat (session row locked by the caller) and tells them,
   * in the app and by email. Returns the notifications to publish after commit.
   */
  async promote(
    em: EntityManager,
    session: { id: string; eventId: string; titleKo: string; titleEn: string },
    seats: number,
  ): Promise<Notification[]> {
    if (seats <= 0) return [];
    const promoted: Registration[] = await em.query(PROMOTE_SQL, [session.id, seats]).then(([rows]) => rows);
    const notices: Notification[] = [];
    for (const reg of promoted) {
      const n = await this.notifications.notify(em, {
        personId: reg.personId,
        kind: 'EVENT_PROMOTED',
        titleKo: `${session.titleKo}: 대기에서 좌석이 확정되었습니다`,
        titleEn: `${session.titleEn}: you have a seat now`,
        bodyKo: '대기 순서가 되어 좌석이 확정되었습니다. 입장권(QR)은 행사 페이지에 있습니다.',
        bodyEn: 'A seat became free and it is yours. Your ticket (QR) is on the event page.',
        link: `/events/${session.eventId}`,
        dedupeKey: `event-promoted:${reg.id}:${reg.promotedAt!.getTime()}`,
        email: true,
      });
      if (n) notices.push(n);
    }
    return notices;
  }

  /** Locks the session row; every seat decision for the session starts here. */
  async lockSession(em: EntityManager, sessionId: string): Promise<LockedSession> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw EventErrors.sessionNotFound(sessionId);
    const [session] = await runPrepared<LockedSession>(em, 'palma_lock_session', LOCK_SESSION_SQL, [
      sessionId,
    ]);
    if (!session || session.status === 'DRAFT') throw EventErrors.sessionNotFound(sessionId);
    return session;
  }

  private assertOpen(session: Pick<LockedSession, 'status' | 'opensAt' | 'closesAt' | 'startsAt'>): void {
    if (session.status === 'CANCELLED') throw EventErrors.cancelled();
    const window = registrationWindow(
      { opensAt: session.opensAt, closesAt: session.closesAt, startsAt: session.startsAt },
      new Date(),
    );
    if (window === 'NOT_OPEN') throw EventErrors.notOpen(session.opensAt!);
    if (window === 'CLOSED') throw EventErrors.closed();
    if (window === 'STARTED') throw EventErrors.started();
  }

  private async assertInScope(viewer: Viewer, personIds: string[]): Promise<void> {
    const found = await this.people.findByIds(personIds);
    const missing = personIds.filter((id) => !found.some((p) => p.id === id && p.active));
    if (missing.length > 0) throw EventErrors.unknownPeople('personIds', missing);
    const scope = await this.people.scopeOf(viewer);
    if (scope.kind === 'all') return;
    const outside = found.filter((p) => !scope.ids.has(p.departmentId)).map((p) => p.id);
    if (outside.length > 0) throw EventErrors.outOfScope(outside);
  }
}

function stripExtra(row: Registration & { cutoff?: number; checkedIn?: boolean }): Registration {
  const { cutoff: _cutoff, checkedIn: _checkedIn, ...rest } = row;
  return rest;
}
