import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Notification } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { TicketSigner } from './event-tickets.js';

interface DueTicket {
  id: string;
  personId: string;
  registeredById: string;
  confirmedAt: Date;
  eventId: string;
  titleKo: string;
  titleEn: string;
  startsAt: Date;
  venue: string;
  onlineUrl: string;
  timeZone: string;
}

/**
 * Sends each new confirmation its ticket (in the app and by email through the outbox), outside
 * the registration transaction so the seat lock is held no longer than the seat decision needs.
 * What is still to send is recorded on the registration itself (`ticket_sent_at IS NULL`), so
 * nothing is lost if the process stops: the periodic run (or another process) picks it up, and
 * rows are claimed with SKIP LOCKED so several processes never send twice.
 */
/** Formatters are costly to build; a ticket run formats many times in few zones. */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
    if (formats.size > 100) formats.clear();
    formats.set(key, format);
  }
  return format;
}

@Injectable()
export class TicketNoticesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('TicketNotices');
  private timer?: NodeJS.Timeout;
  private kickTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly tickets: TicketSigner,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => this.kick(), 15_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.kickTimer) clearTimeout(this.kickTimer);
  }

  /** Asks for a run soon (coalesced): call after a confirmation commits. */
  kick(): void {
    if (this.kickTimer) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      void this.drain();
    }, 50);
  }

  /** Sends every due ticket; resolves when none is left (used by tests). */
  async drain(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        while ((await this.sendDue(100)) === 100);
      } catch (error) {
        this.logger.warn(`tickets not sent yet: ${String(error)}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async sendDue(limit: number): Promise<number> {
    const notices: Notification[] = [];
    const count = await this.dataSource.transaction(async (em) => {
      const due: DueTicket[] = await em.query(
        `SELECT r.id, r.person_id AS "personId", r.registered_by_id AS "registeredById", r.confirmed_at AS "confirmedAt",
                e.id AS "eventId", e.title_ko AS "titleKo", e.title_en AS "titleEn", s.starts_at AS "startsAt",
                e.venue, e.online_url AS "onlineUrl", e.time_zone AS "timeZone"
           FROM event_registrations r JOIN event_sessions s ON s.id = r.session_id JOIN events e ON e.id = s.event_id
          WHERE r.status = 'CONFIRMED' AND r.ticket_sent_at IS NULL
          ORDER BY r.confirmed_at LIMIT $1
            FOR UPDATE OF r SKIP LOCKED`,
        [limit],
      );
      for (const t of due) {
        const when = (locale: string) => dateTimeFormat(locale, t.timeZone).format(t.startsAt);
        const where = t.venue || t.onlineUrl;
        const byManager = t.registeredById !== t.personId;
        const token = this.tickets.sign(t.id);
        const n = await this.notifications.notify(em, {
          personId: t.personId,
          kind: 'EVENT_CONFIRMED',
          titleKo: `${t.titleKo}: 참석이 확정되었습니다`,
          titleEn: `${t.titleEn}: your seat is confirmed`,
          bodyKo: [
            byManager
              ? '부서 관리자가 참석을 신청했습니다. 참석할 수 없으면 행사 페이지에서 취소해 주세요.'
              : '',
            `일시: ${when('ko-KR')}`,
            where ? `장소: ${where}` : '',
            '입장할 때 행사 페이지의 QR 입장권을 보여 주세요(인쇄도 됩니다).',
            `입장권 번호: ${token}`,
          ]
            .filter(Boolean)
            .join('\n'),
          bodyEn: [
            byManager
              ? 'Your manager registered you. If you cannot attend, please cancel on the event page.'
              : '',
            `When: ${when('en-GB')}`,
            where ? `Where: ${where}` : '',
            'Show the QR ticket on the event page at the door (you can print it).',
            `Ticket: ${token}`,
          ]
            .filter(Boolean)
            .join('\n'),
          link: `/events/${t.eventId}`,
          dedupeKey: `event-ticket:${t.id}:${t.confirmedAt.getTime()}`,
          email: true,
        });
        if (n) notices.push(n);
      }
      if (due.length > 0) {
        await em.query(`UPDATE event_registrations SET ticket_sent_at = now() WHERE id = ANY($1::uuid[])`, [
          due.map((d) => d.id),
        ]);
      }
      return due.length;
    });
    await this.notifications.publish(notices);
    return count;
  }
}
