import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSubEngine } from 'graphql-subscriptions';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { type Connection, pageByTime } from '../../common/graphql/connection.js';
import { PUB_SUB } from '../../common/pubsub/pubsub.module.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Notification } from './notification.entity.js';
import { OutboxEmail } from './outbox-email.entity.js';

export interface NotificationInput {
  personId: string;
  kind: string;
  titleKo: string;
  titleEn: string;
  bodyKo?: string;
  bodyEn?: string;
  link?: string | null;
  /** Same key, same notification: a retry or a second scheduler run adds nothing. */
  dedupeKey: string;
  /** Also send it by email (through the outbox) in the person's language. */
  email?: boolean;
}

export const notificationTopic = (personId: string) => `notifications.${personId}`;

/** In-app notifications and the email outbox (with its sending worker). */
@Injectable()
export class NotificationsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Email');
  private timer?: NodeJS.Timeout;
  private readonly transport: Transporter | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  onModuleInit(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(
      () => void this.sendPendingEmails().catch((e: unknown) => this.logger.error(String(e))),
      30_000,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Creates the notification (and outbox email) once; returns whether it was new. Publish after commit. */
  async notify(em: EntityManager, input: NotificationInput): Promise<Notification | null> {
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        personId: input.personId,
        kind: input.kind,
        titleKo: input.titleKo.slice(0, 200),
        titleEn: input.titleEn.slice(0, 200),
        bodyKo: input.bodyKo ?? '',
        bodyEn: input.bodyEn ?? '',
        link: input.link ?? null,
        dedupeKey: input.dedupeKey,
      })
      .orIgnore()
      .returning('*')
      .execute();
    const row = inserted.raw[0] as Record<string, unknown> | undefined;
    if (!row) return null;
    if (input.email) {
      const [person] = await em.query(`SELECT email, locale FROM people WHERE id = $1`, [input.personId]);
      if (person) {
        const ko = person.locale !== 'en';
        await em
          .createQueryBuilder()
          .insert()
          .into(OutboxEmail)
          .values({
            toAddress: person.email,
            subject: `[Palma] ${ko ? input.titleKo : input.titleEn}`.slice(0, 300),
            bodyText: `${ko ? (input.bodyKo ?? '') : (input.bodyEn ?? '')}\n\n${this.config.publicUrl}${input.link ?? '/'}`,
            dedupeKey: `email:${input.dedupeKey}`,
          })
          .orIgnore()
          .execute();
      }
    }
    return em.findOneByOrFail(Notification, { id: row.id as string });
  }

  /** Tells the person's open sockets (on any server process) about new notifications. */
  async publish(notifications: Notification[]): Promise<void> {
    for (const n of notifications)
      await this.pubSub.publish(notificationTopic(n.personId), { notificationAdded: n });
  }

  async list(
    personId: string,
    unreadOnly: boolean,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Notification>> {
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.person_id = :personId', { personId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return pageByTime(qb, 'n.created_at', 'DESC', first, after);
  }

  unreadCount(personId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ personId, readAt: IsNull() });
  }

  /** Marks the given (or all) of the person's notifications read; others' ids are ignored. */
  async markRead(personId: string, ids: string[] | null): Promise<number> {
    const qb = this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('person_id = :personId AND read_at IS NULL', { personId });
    if (ids) qb.andWhere('id = ANY(:ids::uuid[])', { ids: ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) });
    return (await qb.execute()).affected ?? 0;
  }

  /**
   * Sends due outbox emails. Rows are claimed with FOR UPDATE SKIP LOCKED, so several processes
   * can run this at once without sending twice. Without SMTP settings the "transport" is the log.
   */
  async sendPendingEmails(batch = 20): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const due: OutboxEmail[] = await em.query(
        `SELECT id, to_address AS "toAddress", subject, body_text AS "bodyText", attempts FROM email_outbox
          WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      let sent = 0;
      for (const email of due) {
        try {
          if (this.transport) {
            await this.transport.sendMail({
              from: this.config.mail.from,
              to: email.toAddress,
              subject: email.subject,
              text: email.bodyText,
            });
          } else {
            this.logger.log(`(no SMTP_URL, not sent) to ${email.toAddress}: ${email.subject}`);
          }
          await em.update(
            OutboxEmail,
            { id: email.id },
            { sentAt: new Date(), attempts: email.attempts + 1, lastError: null },
          );
          sent++;
        } catch (error) {
          // Back off: 1, 2, 4 ... minutes, capped at a day.
          const delayMinutes = Math.min(24 * 60, 2 ** email.attempts);
          await em.update(
            OutboxEmail,
            { id: email.id },
            {
              attempts: email.attempts + 1,
              lastError: String(error).slice(0, 500),
              nextAttemptAt: new Date(Date.now() + delayMinutes * 60_000),
            },
          );
        }
      }
      return sent;
    });
  }
}
