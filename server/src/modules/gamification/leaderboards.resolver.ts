import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LeaderboardBoard, LeaderboardPeriod, PrivacyMode, levelOf } from '@palma/shared';
import { Authenticated, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { BadgesService } from './badges.service.js';
import { LeaderboardsService } from './leaderboards.service.js';
import {
  DepartmentLeaderboardModel,
  DepartmentStandingModel,
  LeaderboardPolicyModel,
  PeopleLeaderboardModel,
} from './models/gamification.models.js';

/** Leaderboards with privacy applied on the server; admins set each board's policy. */
@Resolver()
export class LeaderboardsResolver {
  constructor(
    private readonly boards: LeaderboardsService,
    private readonly badges: BadgesService,
  ) {}

  @Authenticated()
  @Query(() => PeopleLeaderboardModel, {
    description: 'People of one department (default: the viewer’s) by XP in the period',
  })
  async peopleLeaderboard(
    @Args('period', { type: () => LeaderboardPeriod }) period: LeaderboardPeriod,
    @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string | null,
    @Args('departmentId', { type: () => ID, nullable: true }) departmentId: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PeopleLeaderboardModel> {
    const b = await this.boards.peopleBoard(viewer, departmentId, { period, campaignId });
    return {
      period,
      mode: b.policy.mode,
      departmentId: b.departmentId,
      departmentName: b.departmentName,
      departmentNameEn: b.departmentNameEn,
      total: b.total,
      viewerRank: b.viewerRank,
      rows: b.rows.map((r) => ({
        rank: r.rank,
        xp: r.row.score,
        level: levelOf(r.row.totalXp).level,
        name: r.named ? r.row.name : null,
        isViewer: r.isViewer,
      })),
    };
  }

  @Authenticated()
  @Query(() => DepartmentLeaderboardModel, {
    description: 'Departments by average XP per member in the period, with completion rates',
  })
  async departmentLeaderboard(
    @Args('period', { type: () => LeaderboardPeriod }) period: LeaderboardPeriod,
    @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DepartmentLeaderboardModel> {
    const b = await this.boards.departmentBoard(viewer, { period, campaignId });
    return {
      period,
      mode: b.policy.mode,
      total: b.total,
      viewerRank: b.viewerRank,
      rows: b.rows.map((r) => ({
        rank: r.rank,
        departmentId: r.named ? r.row.id : null,
        name: r.named ? r.row.name : null,
        nameEn: r.named ? r.row.nameEn : null,
        members: r.row.members,
        averageXp: r.row.score,
        completionRate: r.row.completionRate,
        isViewer: r.isViewer,
      })),
    };
  }

  @Authenticated()
  @Query(() => DepartmentStandingModel, {
    description: 'A department’s place among all (its members, its managers, admins)',
  })
  async departmentStanding(
    @Args('departmentId', { type: () => ID }) departmentId: string,
    @Args('period', { type: () => LeaderboardPeriod }) period: LeaderboardPeriod,
    @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DepartmentStandingModel> {
    const s = await this.boards.standing(viewer, departmentId, { period, campaignId });
    return {
      departmentId,
      name: s.row.name,
      nameEn: s.row.nameEn,
      rank: s.rank,
      of: s.of,
      members: s.row.members,
      averageXp: s.row.score,
      completionRate: s.row.completionRate,
      teamBadges: await this.badges.models(await this.boards.teamBadges(departmentId)),
    };
  }

  @Roles('ADMIN')
  @Query(() => [LeaderboardPolicyModel])
  leaderboardPolicies(): Promise<LeaderboardPolicyModel[]> {
    return this.boards.policies();
  }

  @Roles('ADMIN')
  @Mutation(() => LeaderboardPolicyModel, { description: 'Sets how much a board shows (idempotent)' })
  setLeaderboardPolicy(
    @Args('board', { type: () => LeaderboardBoard }) board: LeaderboardBoard,
    @Args('mode', { type: () => PrivacyMode }) mode: PrivacyMode,
    @Args('size', { type: () => Int }) size: number,
    @CurrentViewer() viewer: Viewer,
  ): Promise<LeaderboardPolicyModel> {
    return this.boards.setPolicy(viewer.personId, board, mode, size);
  }
}
