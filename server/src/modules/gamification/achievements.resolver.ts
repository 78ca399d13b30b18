import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { AchievementsService } from './achievements.service.js';
import { BadgesService } from './badges.service.js';
import type { BadgeAward } from './entities/badge-award.entity.js';
import {
  BadgeAwardModel,
  BadgeProgressModel,
  GamificationProfileModel,
} from './models/gamification.models.js';

/** The viewer's level, streak and badges; admins revoke awards. */
@Resolver()
export class AchievementsResolver {
  constructor(
    private readonly achievements: AchievementsService,
    private readonly badges: BadgesService,
  ) {}

  @Authenticated()
  @Query(() => GamificationProfileModel, { description: 'Level, XP to the next level, streak, badge count' })
  async myGamification(@CurrentViewer() viewer: Viewer): Promise<GamificationProfileModel> {
    const p = await this.achievements.profile(viewer.personId);
    return {
      xp: p.level.xp,
      level: p.level.level,
      levelStartXp: p.level.levelStartXp,
      nextLevelXp: p.level.nextLevelXp,
      progress: p.level.progress,
      streak: p.streak,
      badgeCount: p.badgeCount,
      leaderboardOptOut: p.leaderboardOptOut,
    };
  }

  @Authenticated()
  @Query(() => [BadgeAwardModel], { description: 'Badges the viewer earned, newest first' })
  async myBadges(@CurrentViewer() viewer: Viewer): Promise<BadgeAwardModel[]> {
    return this.toModels(await this.achievements.awardsOf(viewer.personId));
  }

  @Authenticated()
  @Query(() => [BadgeProgressModel], { description: 'Every active badge with the viewer’s progress' })
  async myBadgeProgress(@CurrentViewer() viewer: Viewer): Promise<BadgeProgressModel[]> {
    const rows = await this.achievements.progress(viewer.personId);
    const models = await this.badges.models(rows.map((r) => r.badge));
    return rows.map((r, i) => ({ badge: models[i], earned: r.earned, conditions: r.conditions }));
  }

  @Authenticated()
  @Mutation(() => Int, {
    description: 'Marks the viewer’s awards as celebrated (shown); returns how many changed',
  })
  celebrateBadges(
    @Args('awardIds', { type: () => [ID] }) awardIds: string[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<number> {
    return this.achievements.celebrate(viewer.personId, awardIds.slice(0, 100));
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Hide (true) or show the viewer’s name on leaderboards to others' })
  setLeaderboardOptOut(@Args('optOut') optOut: boolean, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.achievements.setOptOut(viewer.personId, optOut);
  }

  @Roles('ADMIN')
  @Mutation(() => BadgeAwardModel, {
    description: 'Revokes an award (its credential then verifies as revoked)',
  })
  async revokeBadgeAward(
    @Args('awardId', { type: () => ID }) awardId: string,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<BadgeAwardModel> {
    const [model] = await this.toModels([await this.achievements.revoke(viewer.personId, awardId, reason)]);
    return model;
  }

  private async toModels(awards: BadgeAward[]): Promise<BadgeAwardModel[]> {
    const badges = await this.badges.models(awards.map((a) => a.badge!));
    return awards.map((a, i) => BadgeAwardModel.from(a, badges[i]));
  }
}
