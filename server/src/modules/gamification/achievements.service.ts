import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeStreak,
  criteriaLeaves,
  criterionProgress,
  levelOf,
  weekIndex,
  weekStart,
  type LevelProgress,
  type Streak,
} from '@palma/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { BadgeAward } from './entities/badge-award.entity.js';
import { Badge } from './entities/badge.entity.js';
import { GamificationErrors } from './gamification.errors.js';
import { activityWeeks, factsFor } from './gamification.queries.js';

export interface GamificationProfile {
  level: LevelProgress;
  streak: Streak & { frozenWeekStarts: string[] };
  badgeCount: number;
  leaderboardOptOut: boolean;
}

export interface BadgeProgress {
  badge: Badge;
  earned: boolean;
  conditions: { kind: string; have: number; need: number }[];
}

/** A person's level, streak, badges and progress — everything the profile shows. */
@Injectable()
export class AchievementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly campaigns: CampaignsService,
  ) {}

  async profile(personId: string, now = new Date()): Promise<GamificationProfile> {
    const { xp } = await this.ledger.totals(personId);
    const weeks = (await activityWeeks(this.dataSource.manager, [personId])).get(personId) ?? [];
    const streak = computeStreak(weeks, weekIndex(now));
    const [row]: { badges: number; opt_out: boolean }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM badge_awards WHERE person_id = p.id AND revoked_at IS NULL)::int AS badges,
              p.leaderboard_opt_out AS opt_out
         FROM people p WHERE p.id = $1`,
      [personId],
    );
    return {
      level: levelOf(xp),
      streak: { ...streak, frozenWeekStarts: streak.frozenWeeks.map(weekStart) },
      badgeCount: row?.badges ?? 0,
      leaderboardOptOut: row?.opt_out ?? false,
    };
  }

  async setOptOut(personId: string, optOut: boolean): Promise<boolean> {
    await this.dataSource.query(`UPDATE people SET leaderboard_opt_out = $2 WHERE id = $1`, [
      personId,
      optOut,
    ]);
    return optOut;
  }

  awardsOf(personId: string): Promise<BadgeAward[]> {
    return this.dataSource.getRepository(BadgeAward).find({
      where: { personId },
      relations: { badge: true },
      order: { awardedAt: 'DESC', id: 'ASC' },
    });
  }

  async award(id: string): Promise<BadgeAward> {
    const award = isUuid(id)
      ? await this.dataSource.getRepository(BadgeAward).findOne({ where: { id }, relations: { badge: true } })
      : null;
    if (!award) throw GamificationErrors.awardNotFound(id);
    return award;
  }

  /** Every active badge with the person's progress on each condition. */
  async progress(personId: string): Promise<BadgeProgress[]> {
    const badges = await this.dataSource.getRepository(Badge).find({
      where: { status: 'ACTIVE' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const team = badges.some((b) =>
      criteriaLeaves(b.criteria).some((c) => c.kind === 'DEPARTMENT_CAMPAIGN_DONE'),
    );
    const facts = (
      await factsFor(this.dataSource.manager, [personId], {
        completion: (ids) => this.campaigns.completionTimes(ids),
        withDepartments: team,
      })
    ).get(personId)!;
    return badges.map((badge) => ({
      badge,
      earned: facts.badgeIds.has(badge.id),
      conditions: criteriaLeaves(badge.criteria).map((c) => ({
        kind: c.kind,
        ...criterionProgress(c, facts),
      })),
    }));
  }

  /** The person saw the celebration for these awards (their own only). Idempotent. */
  async celebrate(personId: string, awardIds: string[]): Promise<number> {
    const ids = awardIds.filter(isUuid);
    if (ids.length === 0) return 0;
    const rows = await this.dataSource.query(
      `UPDATE badge_awards SET celebrated_at = now()
        WHERE person_id = $1 AND id = ANY($2::uuid[]) AND celebrated_at IS NULL RETURNING id`,
      [personId, ids],
    );
    return rows[0]?.length ?? rows.length;
  }

  /** An admin withdraws an award (kept, shown as revoked; its credential then fails verification). */
  async revoke(actorId: string, awardId: string, reason: string): Promise<BadgeAward> {
    const text = reason.trim();
    if (text.length < 3 || text.length > 500)
      throw new DomainError('VALIDATION_FAILED', 'Give a reason (3–500 characters)', {
        fields: [{ field: 'reason', message: '3–500 characters' }],
      });
    const award = await this.award(awardId);
    if (!award.revokedAt)
      await this.dataSource.query(
        `UPDATE badge_awards SET revoked_at = now(), revoked_reason = $2, revoked_by = $3
          WHERE id = $1 AND revoked_at IS NULL`,
        [awardId, text, actorId],
      );
    return this.award(awardId);
  }
}
