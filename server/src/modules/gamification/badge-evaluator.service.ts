import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EARLY_COMPLETION_DAYS,
  criteriaLeaves,
  evaluateCriteria,
  type CriteriaNode,
  type PersonFacts,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { Notification } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { assignmentsOf, factsFor } from './gamification.queries.js';

interface ActiveBadge {
  id: string;
  nameKo: string;
  nameEn: string;
  criteria: CriteriaNode;
}

export interface EvaluationResult {
  /** Outbox rows handled. */
  processed: number;
  /** Badges newly awarded. */
  awarded: number;
}

/** Back-fill evaluates everyone in chunks of this many people. */
const CHUNK = 500;
/** Outbox rows taken per transaction. */
const BATCH = 200;

/**
 * Awards badges. Work arrives through `gamification_outbox`: a trigger adds a row with every
 * ledger entry, saving a badge adds a back-fill row. Rows are taken with SKIP LOCKED and deleted
 * in the transaction that awards, so several processes share the work, a crash loses nothing,
 * and (badge, person) being unique means a badge is awarded once however evaluations interleave.
 */
@Injectable()
export class BadgeEvaluatorService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Badges');
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  /** Drains queued or running in this process (the timer skips a tick while one is). */
  private pending = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly campaigns: CampaignsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => void this.tick(), 1_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private tick(): void {
    if (this.pending > 0) return;
    void this.drain().catch((e: unknown) => this.logger.error(String(e)));
  }

  /**
   * Processes the outbox until it is empty (or only holds rows waiting for a retry). Runs in this
   * process one at a time, so a caller that drains (the demo seed) also waits for the timer's run.
   */
  drain(): Promise<EvaluationResult> {
    this.pending++;
    const run = this.queue.then(() => this.drainNow()).finally(() => this.pending--);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async drainNow(): Promise<EvaluationResult> {
    const total: EvaluationResult = { processed: 0, awarded: 0 };
    for (;;) {
      const r = await this.processBatch();
      total.processed += r.processed;
      total.awarded += r.awarded;
      if (r.processed === 0) return total;
    }
  }

  /**
   * One transaction: take a batch, evaluate, award, delete the batch. If anything throws, the
   * transaction rolls back and the rows are retried later with a back-off.
   */
  async processBatch(hooks?: { beforeCommit?: () => Promise<void> }): Promise<EvaluationResult> {
    const published: Notification[] = [];
    let taken: string[] = [];
    try {
      const result = await this.dataSource.transaction(async (em) => {
        const rows: { id: string; person_id: string | null; badge_id: string | null }[] = await em.query(
          `SELECT id, person_id, badge_id FROM gamification_outbox
            WHERE available_at <= now() ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        taken = rows.map((r) => r.id);
        if (rows.length === 0) return { processed: 0, awarded: 0 };
        const badges = await this.activeBadges(em);
        let awarded = 0;
        const people = new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])));
        if (people.size > 0) {
          await this.creditEarlyCompletion(em, [...people]);
          awarded += await this.evaluate(em, [...people], badges, published);
        }
        for (const badgeId of new Set(rows.flatMap((r) => (r.badge_id ? [r.badge_id] : [])))) {
          const badge = badges.filter((b) => b.id === badgeId);
          if (badge.length === 0) continue; // archived since
          awarded += await this.backfill(em, badge, published);
        }
        await em.query(`DELETE FROM gamification_outbox WHERE id = ANY($1::bigint[])`, [taken]);
        await hooks?.beforeCommit?.();
        return { processed: rows.length, awarded };
      });
      await this.notifications.publish(published);
      return result;
    } catch (e) {
      if (taken.length > 0) {
        await this.dataSource.query(
          `UPDATE gamification_outbox
              SET attempts = attempts + 1, last_error = left($2, 1000),
                  available_at = now() + make_interval(secs => least(300, power(2, attempts + 1)))
            WHERE id = ANY($1::bigint[])`,
          [taken, String(e)],
        );
      }
      throw e;
    }
  }

  private async activeBadges(em: EntityManager): Promise<ActiveBadge[]> {
    return em.query(
      `SELECT id, name_ko AS "nameKo", name_en AS "nameEn", criteria FROM badges WHERE status = 'ACTIVE' ORDER BY created_at, id`,
    );
  }

  /** Everyone active, in chunks, for one new or changed badge. */
  private async backfill(em: EntityManager, badges: ActiveBadge[], out: Notification[]): Promise<number> {
    const all: { id: string }[] = await em.query(`SELECT id FROM people WHERE active ORDER BY id`);
    let awarded = 0;
    for (let i = 0; i < all.length; i += CHUNK)
      awarded += await this.evaluate(
        em,
        all.slice(i, i + CHUNK).map((p) => p.id),
        badges,
        out,
        false,
      );
    return awarded;
  }

  /**
   * Evaluates badges for people (and, when a team badge exists, everyone in their departments:
   * the last member finishing completes the team for all). Returns the number of new awards.
   */
  private async evaluate(
    em: EntityManager,
    personIds: string[],
    badges: ActiveBadge[],
    out: Notification[],
    widenToTeams = true,
  ): Promise<number> {
    if (badges.length === 0) return 0;
    const team = badges.some((b) =>
      criteriaLeaves(b.criteria).some((c) => c.kind === 'DEPARTMENT_CAMPAIGN_DONE'),
    );
    let people = personIds;
    if (team && widenToTeams) {
      const members: { id: string }[] = await em.query(
        `SELECT m.id FROM people m
          WHERE m.active AND m.department_id IN (SELECT department_id FROM people WHERE id = ANY($1::uuid[]))`,
        [personIds],
      );
      people = [...new Set([...personIds, ...members.map((m) => m.id)])];
    }
    const facts = await factsFor(em, people, {
      completion: (ids) => this.campaigns.completionTimes(ids, em),
      withDepartments: team,
    });
    let awarded = 0;
    for (const personId of people) {
      const f = facts.get(personId) as PersonFacts;
      // Several passes: a badge earned now can complete one that requires it.
      for (let pass = 0; pass < 5; pass++) {
        let more = false;
        for (const b of badges) {
          if (f.badgeIds.has(b.id) || !evaluateCriteria(b.criteria, f)) continue;
          const created = await this.award(em, b, personId, out);
          (f.badgeIds as Set<string>).add(b.id);
          if (created) awarded++;
          more = true;
        }
        if (!more) break;
      }
    }
    return awarded;
  }

  private async award(
    em: EntityManager,
    badge: ActiveBadge,
    personId: string,
    out: Notification[],
  ): Promise<boolean> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO badge_awards (badge_id, person_id) VALUES ($1, $2)
       ON CONFLICT (badge_id, person_id) DO NOTHING RETURNING id`,
      [badge.id, personId],
    );
    if (!row) return false;
    const n = await this.notifications.notify(em, {
      personId,
      kind: 'BADGE_EARNED',
      titleKo: `배지 획득: ${badge.nameKo}`,
      titleEn: `Badge earned: ${badge.nameEn}`,
      bodyKo: `축하합니다! '${badge.nameKo}' 배지를 받았습니다.`,
      bodyEn: `Congratulations! You earned the '${badge.nameEn}' badge.`,
      link: `/profile?award=${row.id}`,
      dedupeKey: `badge:${row.id}`,
    });
    if (n) out.push(n);
    return true;
  }

  /**
   * XP for finishing a campaign at least EARLY_COMPLETION_DAYS before its due date, once per
   * assignment (the ledger's unique key), decided when the finishing entry is processed.
   */
  private async creditEarlyCompletion(em: EntityManager, personIds: string[]): Promise<void> {
    const assignments = await assignmentsOf(em, personIds);
    if (assignments.length === 0) return;
    const done = await this.campaigns.completionTimes(
      assignments.map((a) => a.id),
      em,
    );
    for (const a of assignments) {
      const at = done.get(a.id);
      if (!at || a.dueAt.getTime() - at.getTime() < EARLY_COMPLETION_DAYS * 86_400_000) continue;
      const [c]: { title: string }[] = await em.query(
        `SELECT name_ko AS title FROM campaigns WHERE id = $1`,
        [a.campaignId],
      );
      await this.ledger.credit(em, {
        personId: a.personId,
        sourceKind: 'EARLY_COMPLETION',
        sourceId: a.id,
        minutes: 0,
        rule: 'EARLY_COMPLETION',
        label: c?.title ?? '',
        occurredAt: at,
      });
    }
  }
}
