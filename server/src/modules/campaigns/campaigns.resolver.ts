import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { CampaignRemindersService } from './campaign-reminders.service.js';
import { CampaignsService, type TrainingProgress } from './campaigns.service.js';
import { CampaignInput } from './dto/campaign.inputs.js';
import {
  CampaignModel,
  CampaignSyncResult,
  CampaignTierModel,
  ReminderRunResult,
  TrainingAssignment,
} from './models/campaign.models.js';

const DAY = 86_400_000;

@Resolver(() => CampaignModel)
export class CampaignsResolver {
  constructor(
    private readonly campaignsService: CampaignsService,
    private readonly reminders: CampaignRemindersService,
  ) {}

  @Roles('ADMIN')
  @Mutation(() => ReminderRunResult, {
    description: 'Sends due reminders now (they also run every 10 minutes).',
  })
  runCampaignReminders(): Promise<ReminderRunResult> {
    return this.reminders.run();
  }

  @Roles('ADMIN', 'MANAGER')
  @Query(() => [CampaignModel], { description: 'All campaigns, latest due date first (a handful per year).' })
  async campaigns(): Promise<CampaignModel[]> {
    return (await this.campaignsService.list()).map(CampaignModel.from);
  }

  @Roles('ADMIN', 'MANAGER')
  @Query(() => CampaignModel)
  async campaign(@Args('id', { type: () => ID }) id: string): Promise<CampaignModel> {
    return CampaignModel.from(await this.campaignsService.get(id));
  }

  @Roles('ADMIN', 'MANAGER')
  @ResolveField(() => [CampaignTierModel])
  async tiers(@Parent() campaign: CampaignModel): Promise<CampaignTierModel[]> {
    const tiers = await this.campaignsService.tiersOf([campaign.id]);
    const required = await this.campaignsService.requiredCoursesOf(tiers.map((t) => t.id));
    return tiers.map((t) =>
      CampaignTierModel.from(
        t,
        required.filter((r) => r.tierId === t.id).map((r) => r.courseId),
      ),
    );
  }

  @Authenticated()
  @Query(() => [TrainingAssignment], {
    description: 'The viewer’s mandatory training: what is due, progress, deadlines.',
  })
  async myTraining(@CurrentViewer() viewer: Viewer): Promise<TrainingAssignment[]> {
    return this.toAssignments(await this.campaignsService.myTraining(viewer.personId));
  }

  @Roles('ADMIN')
  @Mutation(() => CampaignModel, { description: 'Creates a campaign as a draft.' })
  async createCampaign(
    @Args('input') input: CampaignInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CampaignModel> {
    return CampaignModel.from(await this.campaignsService.create(viewer, input));
  }

  @Roles('ADMIN')
  @Mutation(() => CampaignModel, {
    description: 'Replaces details and tiers; an active campaign is re-synced.',
  })
  async updateCampaign(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CampaignInput,
  ): Promise<CampaignModel> {
    return CampaignModel.from(await this.campaignsService.update(id, input));
  }

  @Roles('ADMIN')
  @Mutation(() => CampaignModel, {
    description: 'Starts the campaign and assigns its audience (idempotent).',
  })
  async activateCampaign(@Args('id', { type: () => ID }) id: string): Promise<CampaignModel> {
    return CampaignModel.from(await this.campaignsService.activate(id));
  }

  @Roles('ADMIN')
  @Mutation(() => CampaignModel)
  async closeCampaign(@Args('id', { type: () => ID }) id: string): Promise<CampaignModel> {
    return CampaignModel.from(await this.campaignsService.close(id));
  }

  @Roles('ADMIN')
  @Mutation(() => CampaignSyncResult, {
    description: 'Brings assignments in step with the organisation now.',
  })
  syncCampaign(@Args('id', { type: () => ID }) id: string): Promise<CampaignSyncResult> {
    return this.campaignsService.sync(id);
  }

  @Roles('ADMIN', 'MANAGER')
  @Mutation(() => TrainingAssignment, {
    description: 'Moves one person’s due date (admins, or the person’s manager).',
  })
  async extendDueDate(
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @Args('newDueAt') newDueAt: Date,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<TrainingAssignment> {
    const assignment = await this.campaignsService.extendDueDate(viewer, assignmentId, newDueAt, reason);
    return (await this.toAssignments(await this.campaignsService.progressOf([assignment.id])))[0];
  }

  private async toAssignments(progress: TrainingProgress[]): Promise<TrainingAssignment[]> {
    const campaigns = new Map<string, CampaignModel>();
    for (const id of new Set(progress.map((p) => p.campaignId)))
      campaigns.set(id, CampaignModel.from(await this.campaignsService.get(id)));
    const now = Date.now();
    return progress.map((p) => ({
      id: p.assignmentId,
      campaign: campaigns.get(p.campaignId)!,
      dueAt: p.dueAt,
      daysLeft: Math.ceil((p.dueAt.getTime() - now) / DAY),
      minutesEarned: p.minutesEarned,
      minutesTarget: p.minutesTarget,
      requiredCourses: p.requiredCourses,
      status: p.status,
      percent: p.percent,
    }));
  }
}
