import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_LEADERBOARD_POLICIES,
  LeaderboardLimits,
  applyPrivacy,
  competitionRanks,
  type LeaderboardBoard,
  type LeaderboardPeriod,
  type LeaderboardPolicy,
  type PrivacyMode,
} from '@palma/shared';
import { DataSource, In } from 'typeorm';
import { Badge } from './entities/badge.entity.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { isUuid } from '../../common/ids.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { PeopleService } from '../org/people.service.js';
import { GamificationErrors } from './gamification.errors.js';

export interface PeriodArgs {
  period: LeaderboardPeriod;
  campaignId?: string | null;
}

export interface PersonRow {
  id: string;
  score: number;
  /** All-time XP (for the level shown beside the name). */
  totalXp: number;
  name: string;
  optedOut: boolean;
}

export interface DepartmentRow {
  id: string;
  score: number;
  name: string;
  nameEn: string;
  members: number;
  totalXp: number;
  completionRate: number | null;
}

export interface Board<T> {
  board: LeaderboardBoard;
  period: LeaderboardPeriod;
  policy: LeaderboardPolicy;
  total: number;
  viewerRank: number | null;
  rows: { row: T; rank: number; named: boolean; isViewer: boolean }[];
}

/**
 * Leaderboards with the privacy policy applied on the server: a name the policy hides never
 * leaves it (nor does the id behind it). Individuals are ranked within one department;
 * departments against each other by average XP per member (normalised by headcount).
 */
@Injectable()
export class LeaderboardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly campaigns: CampaignsService,
  ) {}

  async policies(): Promise<(LeaderboardPolicy & { board: LeaderboardBoard })[]> {
    const rows: { board: LeaderboardBoard; mode: PrivacyMode; size: number }[] = await this.dataSource.query(
      `SELECT board, mode, size FROM leaderboard_policies`,
    );
    return (['PEOPLE', 'DEPARTMENTS'] as const).map((board) => ({
      board,
      ...(rows.find((r) => r.board === board) ?? DEFAULT_LEADERBOARD_POLICIES[board]),
    }));
  }

  async policy(board: LeaderboardBoard): Promise<LeaderboardPolicy> {
    const p = (await this.policies()).find((x) => x.board === board)!;
    return { mode: p.mode, size: p.size };
  }

  async setPolicy(actorId: string, board: LeaderboardBoard, mode: PrivacyMode, size: number) {
    if (!Number.isInteger(size) || size < LeaderboardLimits.sizeMin || size > LeaderboardLimits.sizeMax)
      throw new DomainError('VALIDATION_FAILED', 'Size must be between 1 and 50', {
        fields: [{ field: 'size', message: 'between 1 and 50' }],
      });
    await this.dataSource.query(
      `INSERT INTO leaderboard_policies (board, mode, size, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (board) DO UPDATE SET mode = EXCLUDED.mode, size = EXCLUDED.size,
              updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [board, mode, size, actorId],
    );
    return { board, mode, size };
  }

  /** Which ledger entries count for a period, as SQL over alias `e` (its parameters numbered from `first`). */
  private async periodFilter(
    args: PeriodArgs,
    first: number,
  ): Promise<{ sql: string; params: unknown[]; campaignId: string | null }> {
    if (args.period === 'ALL_TIME') return { sql: 'true', params: [], campaignId: null };
    if (args.period === 'MONTH')
      return {
        sql: `e.occurred_at >= (date_trunc('month', now() AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul')`,
        params: [],
        campaignId: null,
      };
    if (!args.campaignId) throw GamificationErrors.campaignRequired();
    const campaign = await this.campaigns.get(args.campaignId);
    return {
      sql: `e.occurred_at >= $${first} AND e.occurred_at < $${first + 1}`,
      params: [campaign.periodStart, campaign.periodEnd],
      campaignId: campaign.id,
    };
  }

  /** Individuals of one department (default: the viewer's). Others' departments need scope. */
  async peopleBoard(
    viewer: Viewer,
    departmentId: string | null | undefined,
    args: PeriodArgs,
  ): Promise<Board<PersonRow> & { departmentId: string; departmentName: string; departmentNameEn: string }> {
    const department = departmentId ?? viewer.departmentId;
    if (!department || !isUuid(department)) throw new DomainError('NOT_FOUND', 'Department not found');
    const [dept]: { name: string; name_en: string }[] = await this.dataSource.query(
      `SELECT name_ko AS name, name_en FROM departments WHERE id = $1`,
      [department],
    );
    if (!dept) throw new DomainError('NOT_FOUND', 'Department not found');
    if (department !== viewer.departmentId) {
      const scope = await this.people.scopeOf(viewer);
      if (scope.kind !== 'all' && !scope.ids.has(department))
        throw new DomainError('FORBIDDEN', 'This department’s leaderboard is not yours to see');
    }
    const filter = await this.periodFilter(args, 2);
    const assigned = filter.campaignId
      ? `AND EXISTS (SELECT 1 FROM campaign_assignments a WHERE a.person_id = p.id AND a.campaign_id = $${filter.params.length + 2} AND a.left_at IS NULL)`
      : '';
    const rows: { id: string; name: string; opted_out: boolean; xp: number; total_xp: number }[] =
      await this.dataSource.query(
        `SELECT p.id, p.name, p.leaderboard_opt_out AS opted_out,
              coalesce((SELECT sum(e.xp) FROM credit_entries e WHERE e.person_id = p.id AND ${filter.sql}), 0)::int AS xp,
              coalesce((SELECT sum(e.xp) FROM credit_entries e WHERE e.person_id = p.id), 0)::int AS total_xp
         FROM people p
        WHERE p.active AND p.department_id = $1 ${assigned}
        ORDER BY xp DESC, p.id`,
        [department, ...filter.params, ...(filter.campaignId ? [filter.campaignId] : [])],
      );
    const ranked: PersonRow[] = rows.map((r) => ({
      id: r.id,
      score: r.xp,
      totalXp: r.total_xp,
      name: r.name,
      optedOut: r.opted_out,
    }));
    const board = await this.shape('PEOPLE', args.period, ranked, viewer.personId, (r) => r.optedOut);
    return { ...board, departmentId: department, departmentName: dept.name, departmentNameEn: dept.name_en };
  }

  /** Departments against each other: average XP per active member, and completion rate. */
  async departmentBoard(viewer: Viewer, args: PeriodArgs): Promise<Board<DepartmentRow>> {
    const ranked = await this.departmentRows(args);
    return this.shape('DEPARTMENTS', args.period, ranked, viewer.departmentId);
  }

  async departmentRows(args: PeriodArgs): Promise<DepartmentRow[]> {
    const filter = await this.periodFilter(args, 1);
    const rows: { id: string; name: string; name_en: string; members: number; xp: number }[] =
      await this.dataSource.query(
        `SELECT d.id, d.name_ko AS name, d.name_en, count(p.id)::int AS members,
              coalesce(sum((SELECT sum(e.xp) FROM credit_entries e WHERE e.person_id = p.id AND ${filter.sql})), 0)::int AS xp
         FROM departments d JOIN people p ON p.department_id = d.id AND p.active
        GROUP BY d.id, d.name_ko, d.name_en`,
        filter.params,
      );
    const assignments: { id: string; department_id: string }[] = await this.dataSource.query(
      `SELECT a.id, p.department_id FROM campaign_assignments a
         JOIN campaigns c ON c.id = a.campaign_id JOIN people p ON p.id = a.person_id AND p.active
        WHERE a.left_at IS NULL AND ${filter.campaignId ? 'a.campaign_id = $1' : `c.status = 'ACTIVE'`}`,
      filter.campaignId ? [filter.campaignId] : [],
    );
    const done = await this.campaigns.completionTimes(assignments.map((a) => a.id));
    const rate = new Map<string, { done: number; all: number }>();
    for (const a of assignments) {
      const r = rate.get(a.department_id) ?? { done: 0, all: 0 };
      r.all++;
      if (done.get(a.id)) r.done++;
      rate.set(a.department_id, r);
    }
    return rows
      .map((r) => {
        const c = rate.get(r.id);
        return {
          id: r.id,
          name: r.name,
          nameEn: r.name_en,
          members: r.members,
          totalXp: r.xp,
          score: Math.round((r.xp / r.members) * 10) / 10,
          completionRate: c ? Math.round((c.done / c.all) * 1000) / 1000 : null,
        };
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          (b.completionRate ?? -1) - (a.completionRate ?? -1) ||
          a.id.localeCompare(b.id),
      );
  }

  /** One department's place among all (for its members, its managers and admins). */
  async standing(viewer: Viewer, departmentId: string, args: PeriodArgs) {
    const [exists] = isUuid(departmentId)
      ? await this.dataSource.query(`SELECT 1 FROM departments WHERE id = $1`, [departmentId])
      : [];
    if (!exists) throw new DomainError('NOT_FOUND', 'Department not found');
    if (departmentId !== viewer.departmentId) {
      const scope = await this.people.scopeOf(viewer);
      if (scope.kind !== 'all' && !scope.ids.has(departmentId))
        throw new DomainError('FORBIDDEN', 'This department is outside your scope');
    }
    const rows = await this.departmentRows(args);
    const ranks = competitionRanks(rows.map((r) => r.score));
    const i = rows.findIndex((r) => r.id === departmentId);
    if (i < 0) throw new DomainError('NOT_FOUND', 'Department not found');
    return { row: rows[i], rank: ranks[i], of: rows.length };
  }

  /** Active team badges that members of the department hold. */
  async teamBadges(departmentId: string): Promise<Badge[]> {
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT b.id, b.created_at FROM badges b
         JOIN badge_awards a ON a.badge_id = b.id AND a.revoked_at IS NULL
         JOIN people p ON p.id = a.person_id AND p.department_id = $1
        WHERE b.status = 'ACTIVE' AND b.criteria::text LIKE '%DEPARTMENT_CAMPAIGN_DONE%'
        ORDER BY b.created_at, b.id`,
      [departmentId],
    );
    return ids.length
      ? this.dataSource.getRepository(Badge).find({ where: { id: In(ids.map((i) => i.id)) } })
      : [];
  }

  private async shape<T extends { id: string; score: number }>(
    board: LeaderboardBoard,
    period: LeaderboardPeriod,
    ranked: T[],
    viewerId: string | null,
    optedOut?: (row: T) => boolean,
  ): Promise<Board<T>> {
    const policy = await this.policy(board);
    const ranks = competitionRanks(ranked.map((r) => r.score));
    const me = ranked.findIndex((r) => r.id === viewerId);
    return {
      board,
      period,
      policy,
      total: ranked.length,
      viewerRank: me >= 0 ? ranks[me] : null,
      rows: applyPrivacy(ranked, policy, viewerId, optedOut),
    };
  }
}
