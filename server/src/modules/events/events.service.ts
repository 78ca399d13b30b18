import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { eventSchema, type EventKind } from '@palma/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { type Connection, pageByTime } from '../../common/graphql/connection.js';
import { parseInput } from '../../common/validation.js';
import type { Notification } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { EventAudienceDepartment } from './entities/event-audience.entity.js';
import { EventCover } from './entities/event-cover.entity.js';
import { EventSession } from './entities/event-session.entity.js';
import { EventStaff } from './entities/event-staff.entity.js';
import { Event } from './entities/event.entity.js';
import { EventErrors } from './events.errors.js';
import { RegistrationsService } from './registrations.service.js';
import { SeatsPublisher } from './seats-publisher.js';

export interface EventFilter {
  kinds?: EventKind[] | null;
  /** Events with a session starting at or after this moment. */
  from?: Date | null;
  /** … and before this one. */
  to?: Date | null;
  openSeatsOnly?: boolean | null;
}

export interface StaffMember {
  personId: string;
  name: string;
  employeeNumber: string;
  departmentNameKo: string;
  departmentNameEn: string;
}

const STAFF_SQL = `SELECT p.id AS "personId", p.name, p.employee_number AS "employeeNumber",
  d.name_ko AS "departmentNameKo", d.name_en AS "departmentNameEn"
  FROM people p JOIN departments d ON d.id = p.department_id`;

export const isOrganiser = (viewer: Viewer) =>
  viewer.roles.includes('ADMIN') || viewer.roles.includes('TRAINER');

/**
 * Events and their sessions: authoring (trainers and admins), who may see what, and cancelling.
 * Seats are RegistrationsService's; a capacity change goes through its promotion.
 */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly notifications: NotificationsService,
    private readonly seats: SeatsPublisher,
  ) {}

  /**
   * Organisers see every event; others see published and cancelled ones open to their
   * department, plus any they registered for or staff. Managers see every published event
   * (to register their people).
   */
  private visibleTo(viewer: Viewer, alias = 'e'): { sql: string; params: Record<string, unknown> } {
    if (isOrganiser(viewer)) return { sql: 'TRUE', params: {} };
    const published = `${alias}.status IN ('PUBLISHED','CANCELLED')`;
    if (viewer.roles.includes('MANAGER')) return { sql: published, params: {} };
    return {
      sql: `${published} AND (
        NOT EXISTS (SELECT 1 FROM event_audience_departments a WHERE a.event_id = ${alias}.id)
        OR EXISTS (
          WITH RECURSIVE up(id, parent_id) AS (
            SELECT d.id, d.parent_id FROM departments d JOIN people p ON p.department_id = d.id WHERE p.id = :viewerId
            UNION ALL SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)
          SELECT 1 FROM up JOIN event_audience_departments a ON a.department_id = up.id AND a.event_id = ${alias}.id)
        OR EXISTS (SELECT 1 FROM event_registrations r JOIN event_sessions s ON s.id = r.session_id
                    WHERE s.event_id = ${alias}.id AND r.person_id = :viewerId)
        OR EXISTS (SELECT 1 FROM event_staff st WHERE st.event_id = ${alias}.id AND st.person_id = :viewerId))`,
      params: { viewerId: viewer.personId },
    };
  }

  async list(
    viewer: Viewer,
    filter: EventFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Event>> {
    const visible = this.visibleTo(viewer);
    const qb = this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .where(visible.sql, visible.params);
    if (filter?.kinds?.length) qb.andWhere('e.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.from || filter?.to) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id
                  AND (CAST(:from AS timestamptz) IS NULL OR s.starts_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR s.starts_at < :to))`,
        { from: filter.from ?? null, to: filter.to ?? null },
      );
    }
    if (filter?.openSeatsOnly) {
      qb.andWhere(
        `e.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id
           AND s.starts_at > now() AND s.confirmed_count < s.capacity AND s.waitlist_count = 0)`,
      );
    }
    return pageByTime(qb, 'e.first_starts_at', 'ASC', first, after);
  }

  async get(viewer: Viewer, id: string): Promise<Event> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw EventErrors.notFound(id);
    const visible = this.visibleTo(viewer);
    const event = await this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .where('e.id = :id', { id })
      .andWhere(visible.sql, visible.params)
      .getOne();
    if (!event) throw EventErrors.notFound(id);
    return event;
  }

  /** Refuses (NOT_FOUND) unless every session belongs to an event the viewer may see. */
  async assertSessionsVisible(viewer: Viewer, sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.some((id) => !/^[0-9a-f-]{36}$/i.test(id)))
      throw EventErrors.sessionNotFound(sessionIds.join(','));
    const visible = this.visibleTo(viewer);
    const [{ n }] = await this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .innerJoin(EventSession, 's', 's.event_id = e.id')
      .select('count(DISTINCT s.id)::int', 'n')
      .where('s.id IN (:...ids)', { ids: [...new Set(sessionIds)] })
      .andWhere(visible.sql, visible.params)
      .getRawMany();
    if (n !== new Set(sessionIds).size) throw EventErrors.sessionNotFound(sessionIds.join(','));
  }

  byIds(ids: readonly string[]): Promise<Event[]> {
    return this.dataSource.getRepository(Event).findBy({ id: In([...ids]) });
  }

  async sessionsOf(eventIds: readonly string[]): Promise<Map<string, EventSession[]>> {
    const rows = await this.dataSource
      .getRepository(EventSession)
      .find({ where: { eventId: In([...eventIds]) }, order: { startsAt: 'ASC', id: 'ASC' } });
    const map = new Map<string, EventSession[]>();
    for (const s of rows) map.set(s.eventId, [...(map.get(s.eventId) ?? []), s]);
    return map;
  }

  sessionsByIds(ids: readonly string[]): Promise<EventSession[]> {
    return this.dataSource.getRepository(EventSession).findBy({ id: In([...ids]) });
  }

  async audienceOf(eventId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(EventAudienceDepartment).findBy({ eventId });
    return rows.map((r) => r.departmentId);
  }

  async staffOf(eventId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(EventStaff).findBy({ eventId });
    return rows.map((r) => r.personId);
  }

  /** The event's door staff with what an organiser needs to recognise them. */
  staffMembers(eventId: string): Promise<StaffMember[]> {
    return this.dataSource.query(
      `${STAFF_SQL} JOIN event_staff st ON st.person_id = p.id WHERE st.event_id = $1 ORDER BY p.name, p.id`,
      [eventId],
    );
  }

  /** Active people by name or employee number, for organisers choosing door staff. */
  staffCandidates(query: string, limit = 20): Promise<StaffMember[]> {
    const q = query.trim();
    if (q === '') return Promise.resolve([]);
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `${STAFF_SQL} WHERE p.active AND (p.name ILIKE $1 OR p.employee_number ILIKE $1) ORDER BY p.name, p.id LIMIT $2`,
      [like, limit],
    );
  }

  /** Organisers, and the people named as the event's staff, may check people in. */
  async isStaff(
    viewer: Viewer,
    eventId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (isOrganiser(viewer)) return true;
    return em.getRepository(EventStaff).existsBy({ eventId, personId: viewer.personId });
  }

  /** Events the viewer staffs (or every upcoming one for organisers), for the check-in page. */
  async staffedBy(viewer: Viewer): Promise<Event[]> {
    const qb = this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .where(`e.status = 'PUBLISHED' AND e.last_ends_at > now() - interval '1 day'`);
    if (!isOrganiser(viewer)) {
      qb.andWhere('EXISTS (SELECT 1 FROM event_staff st WHERE st.event_id = e.id AND st.person_id = :p)', {
        p: viewer.personId,
      });
    }
    return qb.orderBy('e.first_starts_at', 'ASC').take(50).getMany();
  }

  async create(viewer: Viewer, input: unknown): Promise<Event> {
    const data = parseInput(eventSchema, input);
    return this.dataSource.transaction(async (em) => {
      await this.assertReferences(em, data.audienceDepartmentIds, data.staffPersonIds);
      if (data.sessions.some((s) => s.id)) {
        throw EventErrors.sessionNotFound(data.sessions.find((s) => s.id)!.id!);
      }
      const event = await em.save(
        em.create(Event, {
          ...fieldsOf(data),
          status: 'DRAFT',
          createdById: viewer.personId,
          ...span(data.sessions),
        }),
      );
      await em.insert(
        EventSession,
        data.sessions.map((s) => ({
          eventId: event.id,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          capacity: s.capacity,
        })),
      );
      await this.replaceLists(em, event.id, data.audienceDepartmentIds, data.staffPersonIds);
      return event;
    });
  }

  /**
   * Replaces an event's fields and sessions. Sessions keep their ids (and registrations); a
   * capacity above the confirmed count promotes waiting people; below it is refused; a session
   * with registrations cannot be removed. A published event's SEQUENCE goes up for calendars.
   */
  async update(id: string, input: unknown): Promise<Event> {
    const data = parseInput(eventSchema, input);
    const notices: Notification[] = [];
    const touched: string[] = [];
    const event = await this.dataSource.transaction(async (em) => {
      const event = await em.findOne(Event, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!event) throw EventErrors.notFound(id);
      if (event.status === 'CANCELLED') throw EventErrors.notEditable();
      await this.assertReferences(em, data.audienceDepartmentIds, data.staffPersonIds);
      const existing = await em.find(EventSession, {
        where: { eventId: id },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const byId = new Map(existing.map((s) => [s.id, s]));
      for (const s of data.sessions) if (s.id && !byId.has(s.id)) throw EventErrors.sessionNotFound(s.id);
      const kept = new Set(data.sessions.flatMap((s) => (s.id ? [s.id] : [])));
      for (const old of existing) {
        if (kept.has(old.id)) continue;
        const [{ n }] = await em.query(
          `SELECT count(*)::int AS n FROM event_registrations WHERE session_id = $1 AND status <> 'CANCELLED'`,
          [old.id],
        );
        if (n > 0) throw EventErrors.sessionHasRegistrations(old.id);
        await em.delete(EventSession, { id: old.id });
      }
      Object.assign(event, fieldsOf(data), span(data.sessions));
      if (event.status === 'PUBLISHED') event.sequence += 1;
      await em.save(event);
      for (const s of data.sessions) {
        if (!s.id) {
          await em.insert(EventSession, {
            eventId: id,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            capacity: s.capacity,
          });
          continue;
        }
        const old = byId.get(s.id)!;
        if (s.capacity < old.confirmedCount)
          throw EventErrors.capacityBelowConfirmed(old.id, old.confirmedCount);
        await em.update(
          EventSession,
          { id: old.id },
          { startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity },
        );
        touched.push(old.id);
        if (s.capacity > old.capacity && old.waitlistCount > 0) {
          notices.push(
            ...(await this.registrations.promote(
              em,
              { id: old.id, eventId: id, titleKo: event.titleKo, titleEn: event.titleEn },
              s.capacity - old.confirmedCount,
            )),
          );
        }
      }
      await this.replaceLists(em, id, data.audienceDepartmentIds, data.staffPersonIds);
      return event;
    });
    await this.notifications.publish(notices);
    this.seats.changed(touched);
    return event;
  }

  /** Makes a draft visible and open for registration (from its opening time). Idempotent. */
  async publish(id: string): Promise<Event> {
    return this.dataSource.transaction(async (em) => {
      const event = await em.findOne(Event, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!event) throw EventErrors.notFound(id);
      if (event.status === 'CANCELLED') throw EventErrors.notEditable();
      if (event.status === 'DRAFT') {
        event.status = 'PUBLISHED';
        event.publishedAt = new Date();
        await em.save(event);
      }
      return event;
    });
  }

  /**
   * Cancels the event for everyone: registrations stay as they were (calendars then show the
   * event as cancelled) and every registrant is told, in the app and by email. Idempotent.
   */
  async cancel(id: string, reason: string): Promise<Event> {
    const notices: Notification[] = [];
    let sessionIds: string[] = [];
    const event = await this.dataSource.transaction(async (em) => {
      const event = await em.findOne(Event, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!event) throw EventErrors.notFound(id);
      if (event.status === 'CANCELLED') return event;
      const wasPublished = event.status === 'PUBLISHED';
      event.status = 'CANCELLED';
      event.cancelReason = reason.trim().slice(0, 500);
      event.sequence += 1;
      await em.save(event);
      const sessions = await em.find(EventSession, {
        where: { eventId: id },
        lock: { mode: 'pessimistic_write' },
      });
      sessionIds = sessions.map((s) => s.id);
      if (!wasPublished) return event;
      const people: { personId: string }[] = await em.query(
        `SELECT DISTINCT r.person_id AS "personId" FROM event_registrations r
          WHERE r.session_id = ANY($1::uuid[]) AND r.status <> 'CANCELLED'`,
        [sessionIds],
      );
      for (const { personId } of people) {
        const n = await this.notifications.notify(em, {
          personId,
          kind: 'EVENT_CANCELLED',
          titleKo: `행사 취소: ${event.titleKo}`,
          titleEn: `Event cancelled: ${event.titleEn}`,
          bodyKo: event.cancelReason || '주최 측 사정으로 행사가 취소되었습니다.',
          bodyEn: event.cancelReason || 'The organisers have cancelled this event.',
          link: `/events/${id}`,
          dedupeKey: `event-cancelled:${id}:${personId}`,
          email: true,
        });
        if (n) notices.push(n);
      }
      return event;
    });
    await this.notifications.publish(notices);
    this.seats.changed(sessionIds);
    return event;
  }

  async setCover(id: string, contentType: string, bytes: Buffer): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const event = await em.findOneBy(Event, { id });
      if (!event) throw EventErrors.notFound(id);
      await em.upsert(EventCover, { eventId: id, contentType, bytes }, ['eventId']);
      await em.update(Event, { id }, { hasCover: true });
    });
  }

  cover(id: string): Promise<EventCover | null> {
    return this.dataSource.getRepository(EventCover).findOneBy({ eventId: id });
  }

  private async assertReferences(
    em: EntityManager,
    departmentIds: string[],
    staffIds: string[],
  ): Promise<void> {
    if (departmentIds.length > 0) {
      const found: { id: string }[] = await em.query(
        `SELECT id FROM departments WHERE id = ANY($1::uuid[])`,
        [departmentIds],
      );
      const missing = departmentIds.filter((d) => !found.some((f) => f.id === d));
      if (missing.length > 0) throw EventErrors.unknownDepartments(missing);
    }
    if (staffIds.length > 0) {
      const found: { id: string }[] = await em.query(`SELECT id FROM people WHERE id = ANY($1::uuid[])`, [
        staffIds,
      ]);
      const missing = staffIds.filter((p) => !found.some((f) => f.id === p));
      if (missing.length > 0) throw EventErrors.unknownPeople('staffPersonIds', missing);
    }
  }

  private async replaceLists(
    em: EntityManager,
    eventId: string,
    departmentIds: string[],
    staffIds: string[],
  ) {
    await em.delete(EventAudienceDepartment, { eventId });
    await em.delete(EventStaff, { eventId });
    const departments = [...new Set(departmentIds)];
    const staff = [...new Set(staffIds)];
    if (departments.length > 0) {
      await em.insert(
        EventAudienceDepartment,
        departments.map((departmentId) => ({ eventId, departmentId })),
      );
    }
    if (staff.length > 0)
      await em.insert(
        EventStaff,
        staff.map((personId) => ({ eventId, personId })),
      );
  }
}

type EventData = ReturnType<typeof eventSchema.parse>;

function fieldsOf(d: EventData) {
  return {
    titleKo: d.titleKo,
    titleEn: d.titleEn,
    descriptionKo: d.descriptionKo,
    descriptionEn: d.descriptionEn,
    kind: d.kind,
    performers: d.performers,
    venue: d.venue,
    onlineUrl: d.onlineUrl,
    timeZone: d.timeZone,
    creditMinutes: d.creditMinutes,
    registrationOpensAt: d.registrationOpensAt ?? null,
    registrationClosesAt: d.registrationClosesAt ?? null,
    cancelCutoffMinutes: d.cancelCutoffMinutes,
  };
}

function span(sessions: { startsAt: Date; endsAt: Date }[]) {
  return {
    firstStartsAt: new Date(Math.min(...sessions.map((s) => s.startsAt.getTime()))),
    lastEndsAt: new Date(Math.max(...sessions.map((s) => s.endsAt.getTime()))),
  };
}
