import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CalendarFeed } from './entities/calendar-feed.entity.js';

interface CalendarRow {
  sessionId: string;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  venue: string;
  onlineUrl: string;
  timeZone: string;
  sequence: number;
  eventStatus: string;
  updatedAt: Date;
  /** In a personal feed: the person's registration status. */
  registration?: string | null;
}

const ROW_COLUMNS = `s.id AS "sessionId", e.id AS "eventId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  e.title_ko AS "titleKo", e.title_en AS "titleEn", e.description_ko AS "descriptionKo",
  e.description_en AS "descriptionEn", e.venue, e.online_url AS "onlineUrl", e.time_zone AS "timeZone",
  e.sequence, e.status AS "eventStatus", e.updated_at AS "updatedAt"`;

/**
 * iCalendar: one event's sessions as a download, and each person's secret feed of the sessions
 * they registered for. UIDs are the session ids, SEQUENCE is the event's change counter and
 * STATUS follows the event and the registration, so calendar apps pick up changes.
 */
@Injectable()
export class CalendarService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.session.secret).update('palma:calendar-feed:v1').digest();
  }

  /** The .ics of one (visible, non-draft) event; null when there is none. */
  async eventCalendar(eventId: string, locale: 'ko' | 'en'): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) return null;
    const rows: CalendarRow[] = await this.dataSource.query(
      `SELECT ${ROW_COLUMNS} FROM event_sessions s JOIN events e ON e.id = s.event_id
        WHERE e.id = $1 AND e.status <> 'DRAFT' ORDER BY s.starts_at`,
      [eventId],
    );
    if (rows.length === 0) return null;
    return this.render(rows, locale, ICalCalendarMethod.PUBLISH).toString();
  }

  /** The person's feed, found by its secret; null when the address is unknown or revoked. */
  async feed(token: string): Promise<string | null> {
    const personId = await this.personOf(token);
    if (!personId) return null;
    const [person] = await this.dataSource.query(`SELECT locale FROM people WHERE id = $1 AND active`, [
      personId,
    ]);
    if (!person) return null;
    const rows: CalendarRow[] = await this.dataSource.query(
      `SELECT ${ROW_COLUMNS}, r.status AS registration
         FROM event_registrations r JOIN event_sessions s ON s.id = r.session_id JOIN events e ON e.id = s.event_id
        WHERE r.person_id = $1 AND e.status <> 'DRAFT' AND s.ends_at > now() - interval '90 days'
        ORDER BY s.starts_at`,
      [personId],
    );
    const cal = this.render(rows, person.locale === 'en' ? 'en' : 'ko', null);
    cal.name(person.locale === 'en' ? 'Palma events' : 'Palma 행사');
    return cal.toString();
  }

  /** The viewer's current feed address, if they have one. */
  async feedUrl(personId: string): Promise<{ url: string; createdAt: Date } | null> {
    const feed = await this.dataSource.getRepository(CalendarFeed).findOneBy({ personId });
    return feed ? { url: this.urlOf(personId, feed.nonce), createdAt: feed.createdAt } : null;
  }

  /** A new secret address; the previous one stops working at once. */
  async rotateFeed(personId: string): Promise<{ url: string; createdAt: Date }> {
    const nonce = randomBytes(16).toString('hex');
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (person_id, nonce) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET nonce = EXCLUDED.nonce, created_at = now()`,
      [personId, nonce],
    );
    return (await this.feedUrl(personId))!;
  }

  async revokeFeed(personId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(CalendarFeed).delete({ personId });
    return (result.affected ?? 0) > 0;
  }

  private urlOf(personId: string, nonce: string): string {
    return `${this.config.publicUrl}/api/calendar/${this.tokenOf(personId, nonce)}.ics`;
  }

  private tokenOf(personId: string, nonce: string): string {
    const id = Buffer.from(personId.replace(/-/g, ''), 'hex').toString('base64url');
    const mac = createHmac('sha256', this.key).update(`${personId}:${nonce}`).digest().subarray(0, 18);
    return `${id}${mac.toString('base64url')}`;
  }

  private async personOf(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{46}$/.test(token)) return null;
    const hex = Buffer.from(token.slice(0, 22), 'base64url').toString('hex');
    const personId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const feed = await this.dataSource.getRepository(CalendarFeed).findOneBy({ personId });
    if (!feed) return null;
    const expected = Buffer.from(this.tokenOf(personId, feed.nonce));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given) ? personId : null;
  }

  private render(rows: CalendarRow[], locale: 'ko' | 'en', method: ICalCalendarMethod | null): ICalCalendar {
    const host = new URL(this.config.publicUrl).hostname;
    const cal = ical({
      prodId: { company: 'Palma', product: 'events', language: locale === 'en' ? 'EN' : 'KO' },
      method,
      name: 'Palma',
    });
    for (const r of rows) {
      const cancelled = r.eventStatus === 'CANCELLED' || r.registration === 'CANCELLED';
      const link = `${this.config.publicUrl}/events/${r.eventId}`;
      const description = locale === 'en' ? r.descriptionEn : r.descriptionKo;
      cal.createEvent({
        id: `${r.sessionId}@${host}`,
        sequence: r.sequence,
        stamp: r.updatedAt,
        start: r.startsAt,
        end: r.endsAt,
        summary: locale === 'en' ? r.titleEn : r.titleKo,
        description: [description, r.onlineUrl, link].filter(Boolean).join('\n\n'),
        location: r.venue || r.onlineUrl || null,
        url: link,
        status: cancelled
          ? ICalEventStatus.CANCELLED
          : r.registration === 'WAITLISTED'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      });
    }
    return cal;
  }
}
