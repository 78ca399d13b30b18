import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { BadgesService } from './badges.service.js';
import { GamificationErrors } from './gamification.errors.js';
import {
  BadgeHolderModel,
  BadgeInputModel,
  BadgeModel,
  BadgePreviewModel,
} from './models/gamification.models.js';

/** Badge definitions: everyone sees the gallery; admins author badges. */
@Resolver()
export class BadgesResolver {
  constructor(private readonly service: BadgesService) {}

  @Authenticated()
  @Query(() => [BadgeModel], {
    description: 'Badges with their criteria (archived ones for admins on request)',
  })
  async badges(
    @Args('includeArchived', { defaultValue: false }) includeArchived: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<BadgeModel[]> {
    const all = includeArchived && viewer.roles.includes('ADMIN');
    return this.service.models(await this.service.list(all));
  }

  @Authenticated()
  @Query(() => BadgeModel)
  async badge(@Args('id', { type: () => ID }) id: string): Promise<BadgeModel> {
    return this.service.model(await this.service.get(id));
  }

  @Roles('ADMIN')
  @Query(() => [BadgeHolderModel], { description: 'Who holds a badge, newest first (up to 500)' })
  async badgeHolders(@Args('badgeId', { type: () => ID }) badgeId: string): Promise<BadgeHolderModel[]> {
    await this.service.get(badgeId);
    return this.service.holders(badgeId);
  }

  @Roles('ADMIN')
  @Query(() => BadgePreviewModel, {
    description:
      'Who would qualify for these criteria (JSON) now. `badgeId`: the badge being edited, so that a requirement on itself, directly or through other badges, is refused as saving would.',
  })
  badgePreview(
    @Args('criteria') criteria: string,
    @Args('badgeId', { type: () => ID, nullable: true }) badgeId?: string | null,
  ): Promise<BadgePreviewModel> {
    return this.service.preview(parseJson(criteria), badgeId ?? null);
  }

  @Roles('ADMIN')
  @Mutation(() => BadgeModel, {
    description: 'Creates a badge and awards it to everyone who already qualifies. Same badge again: no-op.',
  })
  async createBadge(
    @Args('input') input: BadgeInputModel,
    @CurrentViewer() viewer: Viewer,
  ): Promise<BadgeModel> {
    return this.service.model(
      await this.service.create(viewer.personId, { ...input, criteria: parseJson(input.criteria) }),
    );
  }

  @Roles('ADMIN')
  @Mutation(() => BadgeModel, { description: 'Changes a badge; new criteria are back-filled, awards stay' })
  async updateBadge(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: BadgeInputModel,
  ): Promise<BadgeModel> {
    return this.service.model(
      await this.service.update(id, { ...input, criteria: parseJson(input.criteria) }),
    );
  }

  @Roles('ADMIN')
  @Mutation(() => BadgeModel, { description: 'Archives (no longer awarded) or restores a badge' })
  async setBadgeArchived(
    @Args('id', { type: () => ID }) id: string,
    @Args('archived') archived: boolean,
  ): Promise<BadgeModel> {
    return this.service.model(await this.service.setArchived(id, archived));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw GamificationErrors.criteria([{ path: '(root)', message: 'not JSON' }]);
  }
}
