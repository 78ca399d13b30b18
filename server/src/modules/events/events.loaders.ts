import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/auth/viewer.js';
import type { EventSession } from './entities/event-session.entity.js';
import type { Event } from './entities/event.entity.js';
import type { Registration } from './entities/registration.entity.js';
import { EventsService, isOrganiser } from './events.service.js';
import { RegistrationsService } from './registrations.service.js';

export interface EventLoaderSet {
  event: DataLoader<string, Event | null>;
  session: DataLoader<string, EventSession | null>;
  sessionsOfEvent: DataLoader<string, EventSession[]>;
  /** The viewer's registration per session id. */
  myRegistration: DataLoader<string, Registration | null>;
  waitlistPlace: DataLoader<string, number | null>;
  /** When each registration was checked in (standing check-ins only). */
  checkedInAt: DataLoader<string, Date | null>;
  isStaff: DataLoader<string, boolean>;
}

/** Per-request DataLoaders for the events module's per-row relations. */
@Injectable()
export class EventLoaders {
  private readonly perRequest = new WeakMap<object, EventLoaderSet>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
  ) {}

  of(ctx: GqlContext): EventLoaderSet {
    let set = this.perRequest.get(ctx);
    if (!set) {
      const viewer = ctx.viewer;
      set = {
        event: byId((ids) => this.events.byIds(ids)),
        session: byId((ids) => this.events.sessionsByIds(ids)),
        sessionsOfEvent: new DataLoader(async (ids) => {
          const map = await this.events.sessionsOf(ids);
          return ids.map((id) => map.get(id) ?? []);
        }),
        myRegistration: new DataLoader(async (sessionIds) => {
          if (!viewer) return sessionIds.map(() => null);
          const map = await this.registrations.ofPerson(viewer.personId, sessionIds);
          return sessionIds.map((id) => map.get(id) ?? null);
        }),
        waitlistPlace: new DataLoader(async (ids) => {
          const map = await this.registrations.waitlistPlaces(ids);
          return ids.map((id) => map.get(id) ?? null);
        }),
        checkedInAt: new DataLoader(async (ids) => {
          const rows: { id: string; at: Date }[] = await this.dataSource.query(
            `SELECT registration_id AS id, checked_in_at AS at FROM event_check_ins
              WHERE registration_id = ANY($1::uuid[]) AND undone_at IS NULL`,
            [ids],
          );
          const map = new Map(rows.map((r) => [r.id, r.at]));
          return ids.map((id) => map.get(id) ?? null);
        }),
        isStaff: new DataLoader(async (eventIds) => {
          if (!viewer) return eventIds.map(() => false);
          if (isOrganiser(viewer)) return eventIds.map(() => true);
          const rows: { id: string }[] = await this.dataSource.query(
            `SELECT event_id AS id FROM event_staff WHERE person_id = $1 AND event_id = ANY($2::uuid[])`,
            [viewer.personId, eventIds],
          );
          return eventIds.map((id) => rows.some((r) => r.id === id));
        }),
      };
      this.perRequest.set(ctx, set);
    }
    return set;
  }
}

function byId<T extends { id: string }>(
  load: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await load(ids);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}
