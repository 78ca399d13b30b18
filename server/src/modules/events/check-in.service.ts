import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { CheckIn } from './entities/check-in.entity.js';
import { EventSession } from './entities/event-session.entity.js';
import { TicketSigner } from './event-tickets.js';
import { EventErrors } from './events.errors.js';
import { EventsService } from './events.service.js';
import { ATTENDEE_SQL, type Attendee } from './registration.sql.js';
import { SeatsPublisher } from './seats-publisher.js';

export interface CheckInInput {
  sessionId: string;
  /** The scanned QR token, or … */
  token?: string | null;
  /** … the registration picked from a search. */
  registrationId?: string | null;
  /** The scanning device's id for this scan: a retried request returns the same check-in. */
  scanId: string;
}

/**
 * The door: signed tickets, check-in (attendance plus the event's credit minutes in the ledger,
 * exactly once), and undo (recorded; the credit is reversed by an ADJUSTMENT entry).
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketSigner,
    private readonly events: EventsService,
    private readonly ledger: LedgerService,
    private readonly seats: SeatsPublisher,
  ) {}

  async checkIn(viewer: Viewer, input: CheckInInput): Promise<{ checkIn: CheckIn; attendee: Attendee }> {
    const session = await this.staffSession(viewer, input.sessionId);
    let registrationId: string | null;
    if (input.token != null) {
      registrationId = this.tickets.verify(input.token);
      if (!registrationId) throw EventErrors.ticketInvalid();
    } else {
      registrationId = input.registrationId ?? null;
      if (!registrationId || !/^[0-9a-f-]{36}$/i.test(registrationId)) {
        throw EventErrors.registrationNotFound(String(registrationId));
      }
    }
    const result = await this.dataSource.transaction(async (em) => {
      const retried = await em.findOneBy(CheckIn, { scanId: input.scanId });
      if (retried) {
        if (retried.registrationId !== registrationId) throw EventErrors.ticketInvalid();
        return { checkIn: retried, attendee: await this.attendee(em, registrationId) };
      }
      const [reg] = await em.query(
        `SELECT r.id, r.session_id AS "sessionId", r.person_id AS "personId", r.status, p.name,
                e.status AS "eventStatus", e.title_ko AS "titleKo", e.credit_minutes AS "creditMinutes"
           FROM event_registrations r JOIN people p ON p.id = r.person_id
           JOIN event_sessions s ON s.id = r.session_id JOIN events e ON e.id = s.event_id
          WHERE r.id = $1 FOR UPDATE OF r`,
        [registrationId],
      );
      if (!reg) {
        throw input.token != null
          ? EventErrors.ticketInvalid()
          : EventErrors.registrationNotFound(registrationId);
      }
      if (reg.sessionId !== session.id) throw EventErrors.wrongSession(reg.sessionId);
      if (reg.eventStatus === 'CANCELLED') throw EventErrors.cancelled();
      if (reg.status === 'WAITLISTED') throw EventErrors.ticketWaitlisted(reg.name);
      if (reg.status === 'CANCELLED') throw EventErrors.ticketCancelled(reg.name);
      const standing = await em.findOneBy(CheckIn, { registrationId: reg.id, undoneAt: IsNull() });
      if (standing?.scanId === input.scanId)
        return { checkIn: standing, attendee: await this.attendee(em, reg.id) };
      if (standing) throw EventErrors.alreadyCheckedIn(reg.name, standing.checkedInAt);
      const checkIn = await em.save(
        em.create(CheckIn, {
          registrationId: reg.id,
          sessionId: reg.sessionId,
          personId: reg.personId,
          scanId: input.scanId,
          checkedInById: viewer.personId,
        }),
      );
      await this.ledger.credit(em, {
        personId: reg.personId,
        sourceKind: 'EVENT_ATTENDANCE',
        sourceId: checkIn.id,
        minutes: reg.creditMinutes,
        rule: 'EVENT_ATTENDED',
        label: reg.titleKo,
        occurredAt: checkIn.checkedInAt,
      });
      return { checkIn, attendee: await this.attendee(em, reg.id) };
    });
    this.seats.changed([session.id]);
    return result;
  }

  /** Undoes a mistaken check-in: recorded with who and why; the credit is reversed once. */
  async undo(viewer: Viewer, checkInId: string, reason: string): Promise<CheckIn> {
    if (!/^[0-9a-f-]{36}$/i.test(checkInId)) throw EventErrors.checkInNotFound(checkInId);
    const found = await this.dataSource.getRepository(CheckIn).findOneBy({ id: checkInId });
    if (!found) throw EventErrors.checkInNotFound(checkInId);
    await this.staffSession(viewer, found.sessionId);
    const undone = await this.dataSource.transaction(async (em) => {
      const checkIn = await em.findOne(CheckIn, {
        where: { id: checkInId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!checkIn) throw EventErrors.checkInNotFound(checkInId);
      if (checkIn.undoneAt) throw EventErrors.checkInUndone();
      checkIn.undoneAt = new Date();
      checkIn.undoneById = viewer.personId;
      checkIn.undoReason = reason.trim().slice(0, 300);
      await em.save(checkIn);
      const [credited] = await em.query(
        `SELECT minutes, xp, label FROM credit_entries
          WHERE person_id = $1 AND source_kind = 'EVENT_ATTENDANCE' AND source_id = $2`,
        [checkIn.personId, checkIn.id],
      );
      if (credited) {
        await this.ledger.credit(em, {
          personId: checkIn.personId,
          sourceKind: 'ADJUSTMENT',
          sourceId: checkIn.id,
          minutes: -credited.minutes,
          xp: -credited.xp,
          label: `출석 취소 · ${credited.label}`,
        });
      }
      return checkIn;
    });
    this.seats.changed([undone.sessionId]);
    return undone;
  }

  /** Registrations of a session whose name or employee number matches, for manual check-in. */
  async search(viewer: Viewer, sessionId: string, query: string, limit = 20): Promise<Attendee[]> {
    await this.staffSession(viewer, sessionId);
    const q = query.trim();
    if (q === '') return [];
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `${ATTENDEE_SQL}
        WHERE r.session_id = $1 AND (p.name ILIKE $2 OR p.employee_number ILIKE $2)
        ORDER BY (r.status = 'CONFIRMED') DESC, p.name, r.id LIMIT $3`,
      [sessionId, like, limit],
    );
  }

  /** The latest check-ins of a session, newest first (the desk's log, with undo). */
  async recent(viewer: Viewer, sessionId: string, limit = 20): Promise<Attendee[]> {
    await this.staffSession(viewer, sessionId);
    return this.dataSource.query(
      `${ATTENDEE_SQL} WHERE r.session_id = $1 AND c.id IS NOT NULL ORDER BY c.checked_in_at DESC, c.id LIMIT $2`,
      [sessionId, limit],
    );
  }

  async staffSession(viewer: Viewer, sessionId: string): Promise<EventSession> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw EventErrors.sessionNotFound(sessionId);
    const session = await this.dataSource.getRepository(EventSession).findOneBy({ id: sessionId });
    if (!session) throw EventErrors.sessionNotFound(sessionId);
    if (!(await this.events.isStaff(viewer, session.eventId))) throw EventErrors.notStaff();
    return session;
  }

  private async attendee(em: EntityManager, registrationId: string): Promise<Attendee> {
    const [row] = await em.query(`${ATTENDEE_SQL} WHERE r.id = $1`, [registrationId]);
    return row;
  }
}
