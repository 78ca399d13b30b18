import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DepartmentsService } from '../org/departments.service.js';
import type { Notification } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CampaignsService } from './campaigns.service.js';

const DAY = 86_400_000;

function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return `${d.getUTCFullYear()}-W${String(Math.ceil(((d.getTime() - yearStart.getTime()) / DAY + 1) / 7)).padStart(2, '0')}`;
}

/**
 * Reminders for mandatory training: before the due date (the nearest offset only), once when
 * overdue, and a weekly digest of overdue people to each manager. Every message has a dedupe
 * key, so running this on several processes, or twice, sends nothing twice.
 */
@Injectable()
export class CampaignRemindersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CampaignRemindersService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly campaigns: CampaignsService,
    private readonly departments: DepartmentsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(
      () => void this.run().catch((e: unknown) => this.logger.error(String(e))),
      10 * 60_000,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(now = new Date()): Promise<{ reminders: number; overdue: number; digests: number }> {
    const active: { id: string; name_ko: string; name_en: string }[] = await this.dataSource.query(
      `SELECT id, name_ko, name_en FROM campaigns WHERE status = 'ACTIVE'`,
    );
    const created: Notification[] = [];
    let reminders = 0;
    let overdue = 0;
    let digests = 0;
    for (const campaign of active) {
      const ids: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM campaign_assignments WHERE campaign_id = $1 AND left_at IS NULL`,
        [campaign.id],
      );
      const progress = await this.campaigns.progressOf(
        ids.map((r) => r.id),
        now,
      );
      const overdueByPerson = new Map<string, boolean>();
      await this.dataSource.transaction(async (em) => {
        for (const p of progress) {
          if (p.status === 'COMPLETED') continue;
          const daysLeft = (p.dueAt.getTime() - now.getTime()) / DAY;
          if (p.status === 'OVERDUE') {
            overdueByPerson.set(p.personId, true);
            const n = await this.notifications.notify(em, {
              personId: p.personId,
              kind: 'TRAINING_OVERDUE',
              titleKo: `교육 기한이 지났습니다: ${campaign.name_ko}`,
              titleEn: `Training overdue: ${campaign.name_en}`,
              bodyKo: `${p.minutesEarned}/${p.minutesTarget}분을 이수했습니다. 가능한 한 빨리 마쳐 주세요.`,
              bodyEn: `You have ${p.minutesEarned} of ${p.minutesTarget} minutes. Please finish as soon as you can.`,
              link: '/',
              dedupeKey: `overdue:${p.assignmentId}:${p.dueAt.toISOString()}`,
              email: true,
            });
            if (n) {
              created.push(n);
              overdue++;
            }
            continue;
          }
          // Only the nearest offset: someone assigned three days before the due date gets one reminder.
          const offset = this.config.reminderDays.find((o) => daysLeft <= o);
          if (offset === undefined) continue;
          const n = await this.notifications.notify(em, {
            personId: p.personId,
            kind: 'TRAINING_DUE_SOON',
            titleKo: `교육 기한 D-${Math.max(0, Math.ceil(daysLeft))}: ${campaign.name_ko}`,
            titleEn: `Training due in ${Math.max(0, Math.ceil(daysLeft))} days: ${campaign.name_en}`,
            bodyKo: `${p.minutesEarned}/${p.minutesTarget}분, 진행률 ${p.percent}%`,
            bodyEn: `${p.minutesEarned}/${p.minutesTarget} minutes, ${p.percent}% done`,
            link: '/',
            dedupeKey: `due:${p.assignmentId}:${p.dueAt.toISOString()}:${offset}`,
            email: true,
          });
          if (n) {
            created.push(n);
            reminders++;
          }
        }
      });
      // Weekly digest to managers: how many of their people are overdue.
      const heads: { head_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT d.head_id FROM departments d JOIN people p ON p.id = d.head_id
          WHERE d.head_id IS NOT NULL AND p.active AND 'MANAGER' = ANY(p.roles)`,
      );
      for (const { head_id: headId } of heads) {
        const scope = new Set((await this.departments.headedScope(headId)).ids);
        const late = progress.filter((p) => overdueByPerson.has(p.personId));
        const people: { id: string; department_id: string }[] = late.length
          ? await this.dataSource.query(`SELECT id, department_id FROM people WHERE id = ANY($1::uuid[])`, [
              late.map((p) => p.personId),
            ])
          : [];
        const count = people.filter((p) => scope.has(p.department_id)).length;
        if (count === 0) continue;
        const n = await this.dataSource.transaction((em) =>
          this.notifications.notify(em, {
            personId: headId,
            kind: 'MANAGER_OVERDUE_DIGEST',
            titleKo: `기한이 지난 직원 ${count}명: ${campaign.name_ko}`,
            titleEn: `${count} of your people are overdue: ${campaign.name_en}`,
            link: '/my-department',
            dedupeKey: `digest:${headId}:${campaign.id}:${isoWeek(now)}`,
            email: true,
          }),
        );
        if (n) {
          created.push(n);
          digests++;
        }
      }
    }
    await this.notifications.publish(created);
    return { reminders, overdue, digests };
  }
}
